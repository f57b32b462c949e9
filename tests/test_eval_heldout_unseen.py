"""Five more held-out companies, written on 2026-12-03 each by someone who had read neither the parser nor any
other set (only the contract, the evaluator and its public questions), then scored on the engine as it stood
and fixed by class of phrasing, never by sentence (tests/eval/BASELINE.md has the first scores):

- Copperleaf (tests/eval/make_copperleaf.py): an Australian craft-beer wholesaler in AUD with no revenue column
  (litres, kegs, invoiced, credits, new_venues); reps Jack, Amber, Rusty, Bill, June; a beer called Amber too;
- Lumenbay (make_lumenbay.py): a European online fashion shop in euros (net_sales, orders, items,
  returns_value, new_buyers, sessions); a campaign called "None", devices App / Mobile Web / Desktop;
- Pinecrest (make_pinecrest.py): US home services (jobs, billed_amount, parts_cost, callbacks, hours: a measure
  named like a time unit), a numeric `branch_code` imported as a dimension, crews named Summer, Reno, Sparks;
- Tidewell (make_tidewell.py): boat rentals ("Rental Revenue", "Fuel Sales", "Damage Claims", "Hours Out"),
  marinas Harbor Point, Bay, Sunset (a package too);
- Vantor (make_vantor.py): industrial IoT contracts (catalogue measures plus devices_shipped, support_tickets),
  contract terms Monthly / Annual / Multi-Year, execs May Chen, Summer Nguyen and two Jordans;
- Saltmarsh (make_saltmarsh.py) and Northbeam (make_northbeam.py), written later the same day and kept back from
  every engineer until scored: UK seafood restaurants in pounds (covers, food_sales, drink_sales, tips, comps;
  sites Deal, Rye, Whitby; servers Grace, Frankie) and a Canadian solar installer in CAD (contract_value,
  installs, kw_installed; crews May, Summer, Will, Dawn; lead source Costco).

In their own file so that `pytest -n 2 --dist loadfile` scores them beside the other held-out sets.
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("unseen"), ids=lambda s: s.name)
def test_every_turn_of_an_unseen_company_is_understood_and_its_numbers_are_true(question_set, make_tenant, tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
