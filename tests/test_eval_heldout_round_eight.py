"""An eighth round of held-out companies, written on 2026-12-04 by people who had read neither the parser nor any
other set, kept back from every engineer until scored (tests/eval/BASELINE.md has their first scores), then fixed by
class of phrasing, never by sentence:

- Petalpost (tests/eval/make_petalpost.py): a Danish florist in kroner (shops "København Nord", "Århus C"; delivery
  Same Day / Next Day / Pickup; a bouquet "Max");
- Signalone (make_signalone.py): a Brazilian mobile operator in reais (states "São Paulo", "Paraná"; plans "Family
  Max", "Pre Pay");
- Hirewise (make_hirewise.py): a US recruiting agency (recruiters "Summer Lee", "Jack Frost", "May Chen"; a client
  "Harborview Hospital");
- Pedalgo (make_pedalgo.py): an Amsterdam bike share in euros (stations "Max Euweplein", "Park West"; member types
  Day Pass, Casual).

In their own file so that `pytest -n 2 --dist loadfile` scores them beside the other held-out sets.
"""
from __future__ import annotations

import pytest

from tests.eval import companies, harness

pytestmark = pytest.mark.skipif(not (harness.SHARED_EVAL / "evaluate.py").exists(),
                                reason=f"no shared evaluator at {harness.SHARED_EVAL}")


@pytest.mark.parametrize("question_set", companies.in_group("round_eight"), ids=lambda s: s.name)
def test_every_turn_of_an_eighth_round_company_is_understood_and_its_numbers_true(question_set, make_tenant,
                                                                                    tmp_path):
    harness.assert_every_turn_right(question_set, make_tenant=make_tenant, tmp_path=tmp_path)
