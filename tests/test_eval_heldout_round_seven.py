"""A seventh round of held-out companies, written on 2026-12-04 as the sixth was (tests/eval/BASELINE.md has
their first scores), then fixed by class of phrasing, never by sentence:

- Tinytots (tests/eval/make_tinytots.py): a Polish toy maker in złoty (age groups "0-2", "9+"; product lines
  "Max Blocks", "Pro Builder"; five dimensions);
- Inkwell (make_inkwell.py): a book publisher (titles "Ever After", "Max", "Summer"; a retailer "Target";
  "Indigo" both a title and a retailer);
- Slopeside (make_slopeside.py): Swedish ski resorts in kronor (Åre, Sälen, Idre Fjäll; pass types Day, Week,
  Season, Night Skiing);
- Voltcharge (make_voltcharge.py): a Norwegian charging network in kroner (regions Øst, Vest; sites "Oslo
  Økern"; hosts "Rema 1000", "Max").

In their own file so that `pytest -n 2 --dist loadfile` scores them beside the other held-out sets.
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("round_seven"), ids=lambda s: s.name)
def test_every_turn_of_a_seventh_round_company_is_understood_and_its_numbers_true(question_set, make_tenant,
                                                                                    tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
