"""A fifth round of held-out companies, written on 2026-12-03 each by someone who had read neither the parser nor
any other set, and kept back from every engineer until scored on the engine as it stood (tests/eval/BASELINE.md
has their first scores), then fixed by class of phrasing, never by sentence:

- Pixelforge (tests/eval/make_pixelforge.py): a games publisher in won (titles "Sky Raiders 2", "Top Chef
  Rush", "Last Light"; iap_revenue beside ad_revenue, so a bare "revenue" names two measures);
- Stonebridge (make_stonebridge.py): a UK building-materials supplier (projects "Tower 1", "Tower 2", "Block C",
  "Phase 2 Housing"; no revenue column; site managers);
- Farmacia (make_farmacia.py): Mexican pharmacies in pesos (shifts Morning / Evening / Night; Spanish words
  mixed into English questions);
- Alpenair (make_alpenair.py): a Swiss airline in francs (fare classes Economy, Flex, Business, First; routes
  "ZRH-LHR"; pax, yield and load factor asked for though not columns);
- Meadowgold (make_meadowgold.py): a dairy cooperative (60 farms "Green Acres", "Best View", "Old Mill"; routes
  "Route 1".."Route 8"; grades A, B, C);
- Deskhive (make_deskhive.py): Canadian coworking in dollars (plan "Day Pass" beside the measure day_passes).

In their own file so that `pytest -n 2 --dist loadfile` scores them beside the other held-out sets.
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("round_five"), ids=lambda s: s.name)
def test_every_turn_of_a_fifth_round_company_is_understood_and_its_numbers_true(question_set, make_tenant, tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
