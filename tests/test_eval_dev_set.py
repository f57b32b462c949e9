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

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("dev"), ids=lambda s: s.name)
def test_every_turn_is_understood_and_its_numbers_are_true(question_set, make_tenant, tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
