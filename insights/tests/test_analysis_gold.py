"""Every labelled turn of the shared sets, computed from its *labelled* understanding, against the shared evaluator.

The evaluator (``shared/eval/evaluate.py``) computes its gold numbers itself, with the standard library, from
the CSV. Feeding the labels straight into the analysis (no parser in between) checks the numbers of every v2
intent and modifier — per, growth ranks, running totals, also, two-member gaps, time-grain rows, share, pace,
count, unusual — on the sets' own data, whatever the parser reads today.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.answering.analysis import analyse
from insights.understanding.types import Understanding
from metrics.selectors import get_semantic_model
from tests.eval import harness

EVAL = harness.SHARED_EVAL
SETS = {  # name: (tenant, data)
    "questions-dev": ("acme-eval", "acme.csv"),
    "questions-dev-v2": ("acme-eval", "acme.csv"),
    "questions-custom-dev": ("brightlane-eval", "brightlane.csv"),
}

pytestmark = pytest.mark.skipif(not (EVAL / "evaluate.py").exists(), reason=f"no shared evaluator at {EVAL}")


def labelled_turns(evaluate, name: str):
    for item in evaluate.load_questions(str(EVAL / f"{name}.jsonl")):
        for index, turn in enumerate(item["turns"]):
            yield f"{item['id']}.{index}", item, turn


@pytest.mark.parametrize("name", list(SETS))
def test_the_numbers_of_every_labelled_understanding_are_the_evaluators(name, make_tenant):
    evaluate = harness.load_evaluator()
    tenant_id, data = SETS[name]
    items = evaluate.load_questions(str(EVAL / f"{name}.jsonl"))
    wanted = evaluate.gold_results(items, evaluate.Gold(str(EVAL / data)))
    tenant = make_tenant(tenant_id)
    harness.import_csv(tenant, EVAL / data)
    model = get_semantic_model(tenant=tenant)

    failures, checked = [], 0
    for key, item, turn in labelled_turns(evaluate, name):
        gold = turn["gold"]
        if gold["intent"] in ("clarify", "out_of_scope"):
            continue
        understanding = Understanding.from_json(gold)
        result = analyse(tenant=tenant, model=model, understanding=understanding,
                         as_of=date.fromisoformat(item["as_of"]))
        errors = evaluate.number_errors(result.as_json(), wanted[key], gold["intent"])
        checked += 1
        if errors:
            failures.append(f"{key} {turn['q']}: {'; '.join(errors)}")
    assert checked, f"{name} has no answered turn"
    assert failures == [], "\n".join(failures)
