"""A ninth round of held-out companies, written on 2026-12-06 as the eighth was (tests/eval/BASELINE.md has their
first scores), then fixed by class of phrasing, never by sentence:

- Ramenya (tests/eval/make_ramenya.py): a Japanese ramen chain in yen (menu items "Special", "Double"; dayparts);
- Kirana (make_kirana.py): an Indian B2B SaaS in rupees (plans "Free", "Growth"; channel "Direct"; measures mrr,
  active_seats beside trial_seats);
- Hammerline (make_hammerline.py): a Canadian hardware chain, five dimensions (brands "Value", "Best"; a store "Hope");
- Tranvia (make_tranvia.py): a Mexican bus line in pesos (fare classes "Economy", "Plus"; bus types "Double Decker");
- Vinterra (make_vinterra.py): a South African wine estate in rand (vintages "2019".."2025" beside the years asked);
- Flexgym (make_flexgym.py): an Irish gym chain in euros (membership "Off Peak"; measures membership_revenue beside a
  membership dimension).

In their own file so that `pytest -n 2 --dist loadfile` scores them beside the other held-out sets.
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("round_nine"), ids=lambda s: s.name)
def test_every_turn_of_a_ninth_round_company_is_understood_and_its_numbers_true(question_set, make_tenant,
                                                                                    tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
