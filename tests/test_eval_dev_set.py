"""Labelled conversations scored by the shared evaluator, through the real `ask --batch` command.

The shared development sets (v1 and v2 over Acme, custom measures over Brightlane) and our own Globex
Coffee (other dimensions, other members, no new-customer column), so the engine is held to a general
understanding rather than to one company's sentences. The evaluator computes its gold numbers itself
from the CSV (with each conversation's as-of date and contract version), so this checks the whole
path: import, engine, parser, follow-ups, analysis and the answer object. One batch per set.
Our held-out companies are in tests/test_eval_heldout.py.
"""
from __future__ import annotations

import pytest

from tests.eval import harness, make_globex

EVAL = harness.SHARED_EVAL

pytestmark = pytest.mark.skipif(not (EVAL / "evaluate.py").exists(), reason=f"no shared evaluator at {EVAL}")

SETS = {  # name: (tenant, data, questions)
    "questions-dev": ("acme-eval", EVAL / "acme.csv", EVAL / "questions-dev.jsonl"),
    "questions-dev-v2": ("acme-eval", EVAL / "acme.csv", EVAL / "questions-dev-v2.jsonl"),
    "questions-custom-dev": ("brightlane-eval", EVAL / "brightlane.csv", EVAL / "questions-custom-dev.jsonl"),
    "globex": ("globex-eval", None, harness.OURS / "globex-questions.jsonl"),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_turn_is_understood_and_its_numbers_are_true(name, make_tenant, tmp_path):
    tenant_id, data, questions = SETS[name]
    if data is None:
        data = make_globex.write(tmp_path / "globex.csv")
    score = harness.score_set(name, make_tenant(tenant_id), data, questions, tmp_path)
    assert score.failures == [], score.report()
    assert score.right == score.turns
