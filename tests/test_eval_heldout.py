"""Our own held-out companies, scored by the shared evaluator through the real `ask --batch` command.

Written without reading the parser (issue 13, point 6), phrased the way sales people type in chat:

- Fernhill Interiors (tests/eval/make_fernhill.py): measures of its own (`Net Revenue`, bookings,
  discount, returns, `Billable Hours`; no cost, units or orders), a numeric `store_id` imported as a
  dimension, five dimensions;
- Marlow & Finch (tests/eval/make_marlow.py): member names that are English, time words and keywords
  ("May", "June", "Will", "Max", "Total", "Best Buy", "Top Shelf", "Today", "Cafe" beside "came",
  a segment of ordinary words: Home, Office, Gift, Travel);
- Haulwise (tests/eval/make_haulwise.py): a B2B road-freight carrier with no cost, units or orders
  (revenue, shipments, pallets, late_deliveries, `Fuel Cost`) and members that are words ("Reading",
  "Weekend", "Overnight", "Standard"), written fresh by someone who had read neither the parser nor the
  other held-out sets;
- Kestrel Cloud (tests/eval/make_kestrel.py): B2B SaaS subscriptions with no revenue column (bookings,
  seats, churned_seats, trials, conversions, discount) and account managers named June, August, Will,
  Grace, Frank and Summer, written fresh the same way;
- Bramble Vets (tests/eval/make_bramble.py): veterinary clinics and pet pharmacies whose towns and vets
  are words ("Bath", "Reading", "March", "Deal", "Wells", "Street"; "May", "Will", "Rose"), measures of
  its own (appointments, no_shows, drug_cost, …) and a numeric `clinic_code` dimension, written the same way.

- Pantry Lane (tests/eval/make_pantrylane.py): a food wholesaler with no revenue column (net_sales,
  cases, returns, deliveries, margin), brands and reps named Sunday, Prime, Best, Art, Don;
- Quillby (tests/eval/make_quillby.py): online courses with a numeric `course_id` and a text
  `cohort_month` ("2024-05") dimension, countries named Turkey, Chad, Georgia, Jordan.
- Harbourline (hotels named Nice, Split, Bath, Reading, Mobile; euros), Tally Ho Motors (car dealers, salespeople
  named Bill, Chase, Max, Will; a numeric `lot_number`), Bright Ads (an agency: spend, clicks, leads; campaigns named
  Black Friday, New Year), Gridwise (a UK energy retailer: kwh, "Energy Sales"; pounds) and Medline (medical supplies,
  no revenue column, reps with word surnames, a numeric `warehouse`), written on 2026-12-02; Medline was kept from
  every engineer until the end of the session, for an honest first score; Orchardly (garden centres named Hope,
  Street, Ware, Diss; staff named Holly, Ivy, Sage; pounds) was written and kept back the same way after it.

Baseline scores and the failure classes: tests/eval/BASELINE.md. Every set is held to 100% but
Quillby, whose two misses are labels the contract leaves open (its `contested` in tests/eval/companies.py).
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("heldout"), ids=lambda s: s.name)
def test_every_heldout_turn_is_understood_and_its_numbers_are_true(question_set, make_tenant, tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
