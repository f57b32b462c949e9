"""A sixth round of held-out companies, written on 2026-12-04 each by someone who had read neither the parser nor
any other set, and scored first on the engine as it stood (tests/eval/BASELINE.md has their first scores), then
fixed by class of phrasing, never by sentence:

- Legalease (tests/eval/make_legalease.py): a US law firm's billing (partners "Will Grant", "Mark Best", "April
  Stone"; billed_fees beside billed_hours, so "bill" names two measures);
- Vetwell (make_vetwell.py): Irish vet clinics in euros (a clinic "Trim"; vets "Dr May", "Dr Owen Day");
- Rideon (make_rideon.py): Australian car rental in dollars (car_class, booking_channel; no revenue column);
- Reelhouse (make_reelhouse.py): a UK cinema chain (films "Last Week", "Tomorrow", "Up", "Top Gun", "Max").

In their own file so that `pytest -n 2 --dist loadfile` scores them beside the other held-out sets.
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("round_six"), ids=lambda s: s.name)
def test_every_turn_of_a_sixth_round_company_is_understood_and_its_numbers_true(question_set, make_tenant, tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
