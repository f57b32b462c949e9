""""show me …" asks for a figure even where a measure's word is "show" (no_shows, whose last word the contract
gives it in both numbers): the verb never names no-shows, the noun still does."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation
from insights.tests.models import company

CLINICS = company(version="vets", columns=("appointments", "no_shows", "fees"),
                  dimensions={"clinic": ("Bath", "Reading"), "vet": ("May", "Will")},
                  first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))
THEATRE = company(version="theatre", columns=("tickets", "no_shows", "box_office"),
                  dimensions={"venue": ("Lyric", "Palace"), "show": ("Hamlet", "Cats")},
                  first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))
AS_OF = date(2025, 10, 31)


@pytest.mark.parametrize(("question", "measure", "group_by"), [
    ("show me appointments last month", "appointments", None),
    ("Show me the breakdown of appointments by clinic", "appointments", "clinic"),
    ("show appointments by clinic", "appointments", "clinic"),
    ("can you show fees by vet", "fees", "vet"),
    ("pls show me fees last month", "fees", None),
    ("hey, show us appointments in q3", "appointments", None),
    ("show me the breakdown by clinic", "appointments", "clinic"),
])
def test_show_as_the_verb_of_a_request_names_no_measure(question, measure, group_by):
    got = conversation(question, model=CLINICS, as_of=AS_OF)
    assert got["measure"] == measure
    assert got.get("group_by") == group_by


@pytest.mark.parametrize("question", [
    "no shows last month", "no show by clinic", "how many no shows in bath", "shows by vet last month",
    "what were no-shows in q3", "show me no shows last month",
])
def test_no_shows_is_still_named_by_its_own_words(question):
    assert conversation(question, model=CLINICS, as_of=AS_OF)["measure"] == "no_shows"


def test_a_dimension_named_show_is_still_that_dimension():
    got = conversation("tickets by show last month", model=THEATRE, as_of=AS_OF)
    assert (got["intent"], got["measure"], got["group_by"]) == ("breakdown", "tickets", "show")
    got = conversation("show me tickets by show last month", model=THEATRE, as_of=AS_OF)
    assert (got["intent"], got["measure"], got["group_by"]) == ("breakdown", "tickets", "show")
