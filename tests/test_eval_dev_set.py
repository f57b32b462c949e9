"""Labelled conversations scored by the shared evaluator, through the real `ask --batch` command.

Two companies: the shared development set over Acme, and our own Globex Coffee
(other dimensions, other members, no new-customer column), so the engine is held
to a general understanding rather than to one company's sentences. The evaluator
computes its gold numbers itself from the CSV, so this checks the whole path:
import, rollups, parser, follow-ups, analysis and the answer object.
"""
from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from metrics.services import import_dataset
from tests.eval import make_globex

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
OURS = Path(__file__).resolve().parent / "eval"

pytestmark = pytest.mark.skipif(not (EVAL / "evaluate.py").exists(), reason=f"no shared evaluator at {EVAL}")


def load_evaluator():
    spec = importlib.util.spec_from_file_location("shared_evaluate", EVAL / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("company", ["acme", "globex"])
def test_every_turn_is_understood_and_its_numbers_are_true(company, make_tenant, tmp_path):
    evaluate = load_evaluator()
    if company == "acme":
        data, questions = EVAL / "acme.csv", EVAL / "questions-dev.jsonl"
    else:
        data, questions = make_globex.write(tmp_path / "globex.csv"), OURS / "globex-questions.jsonl"
    tenant = make_tenant(f"{company}-eval")
    with open(data, "rb") as stream:
        import_dataset(tenant=tenant, stream=stream, source=data.name, replace=False)
    items = evaluate.load_questions(str(questions))
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in evaluate.batch_lines(items)))

    out = io.StringIO()
    call_command("ask", tenant.tenant_id, "--json", "--batch", str(batch), stdout=out)
    answers = evaluate.parse_answers(out.getvalue())

    gold = evaluate.Gold(str(data))
    failures = []
    for item in items:
        for index, turn in enumerate(item["turns"]):
            key = f"{item['id']}.{index}"
            got = answers.get(key)
            if got is None:
                failures.append((key, turn["q"], ["no answer"]))
                continue
            errors = evaluate.understanding_errors(got["understanding"], turn["gold"])
            if not errors and turn["gold"]["intent"] not in ("clarify", "out_of_scope"):
                errors = evaluate.number_errors(got["result"], gold.result(turn["gold"]), turn["gold"]["intent"])
            if errors:
                failures.append((key, turn["q"], errors))
    assert failures == []
    assert len(answers) == sum(len(item["turns"]) for item in items)
