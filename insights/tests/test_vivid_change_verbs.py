"""The vivid verbs of a fall or a rise are change words (contract v2, "Honesty" and "Members"): "why did revenue
tank", "units cratered in March, what happened", "revenue nosedived", "why did units soar" ask for the drivers of
a change, never for a member whose name holds the verb ("Dive Computer", "Crash Pad") or the asker's meaning of
it. The member's whole name, said, is still the member; a one-word member named like one ("Spike") is still that
member where no measure goes before it; "a deep dive" is no fall.

The companies are shaped like none of the eval sets: a surf shop and a kennel chain."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import members
from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 5, 14)
SURF = company(version="surf-c1", columns=("revenue", "units"), dimensions={
    "product": ("Dive Computer", "Surf Wax", "Crash Pad"), "store": ("Truro", "Poole", "Bude"),
    "buyer": ("Spike", "Mara"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))
KENNELS = company(version="kennels-c1", columns=("boarding_fees", "nights"), dimensions={
    "kennel": ("Ashford", "Tring"), "service": ("Plunge Pool", "Tank Wash", "Grooming"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))


def ask(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF, context=None).understanding.as_json()



@pytest.mark.parametrize(("model", "text", "measure"), [
    (SURF, "why did revenue dive in march?", "revenue"),
    (SURF, "units crashed in march, what happened", "units"),
    (SURF, "why did units crater in march", "units"),
    (SURF, "revenue nosedived in march - why?", "revenue"),
    (SURF, "what made units spike in march", "units"),
    (KENNELS, "why did nights tank in march", "nights"),
    (KENNELS, "boarding fees tanked in march, what happened", "boarding_fees"),
    (KENNELS, "why did nights plunge in march?", "nights"),
    (KENNELS, "boarding fees plummeted in march. why", "boarding_fees"),
    (KENNELS, "why did nights soar in march", "nights"),
])
def test_a_vivid_verb_of_change_with_why_asks_for_drivers(model, text, measure):
    got = ask(model, text)
    assert (got["intent"], got["measure"], members(got)) == ("drivers", measure, {})
    assert (got["time"]["start"], got["compare_to"]["start"]) == ("2026-03-01", "2026-02-01")


@pytest.mark.parametrize(("model", "text", "member"), [
    (SURF, "why did crash pad units plunge in march", {"product": ["Crash Pad"]}),
    (SURF, "why did revenue for dive computer dive in march", {"product": ["Dive Computer"]}),
    (KENNELS, "why did tank wash fees tank in march", {"service": ["Tank Wash"]}),
    (KENNELS, "nights for plunge pool tanked in march, what happened", {"service": ["Plunge Pool"]}),
])
def test_the_whole_name_said_beside_the_verb_is_still_the_member(model, text, member):
    got = ask(model, text)
    assert got["intent"] == "drivers" and members(got) == member


def test_members_named_like_the_verbs_are_still_members_when_named():
    assert members(ask(SURF, "units for spike in march")) == {"buyer": ["Spike"]}
    assert members(ask(SURF, "crash pad units in march")) == {"product": ["Crash Pad"]}


def test_a_deep_dive_is_no_fall():
    got = ask(SURF, "give me a deep dive on revenue by store last month")
    assert (got["intent"], got["group_by"], got["compare_to"]) == ("breakdown", "store", None)
