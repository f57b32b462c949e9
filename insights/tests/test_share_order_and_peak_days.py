"""A share's part said with the measure ("share of pickup orders at <shop>"), and a season that is also a person's
first name said alone ("how was summer?"), on made-up companies of other shapes."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 12, 2)
_DATES = {"first_date": date(2024, 1, 1), "last_date": date(2026, 12, 1)}
BAKERY = company(version="bakery-r8b", columns=("loaves", "revenue"),
                 dimensions={"bakery": ("Clerkenwell", "Hackney"), "fulfilment": ("Collect", "Next Day")}, **_DATES)
GARAGE = company(version="garage-r8b", columns=("services",),
                 dimensions={"garage": ("Bristol", "Bath"), "job": ("Tyres", "Brakes")}, **_DATES)
AGENCY = company(version="agency-r8b", columns=("bookings",),
                 dimensions={"agent": ("Winter Hale", "June Park", "Rob Stone")}, **_DATES)


def _read(model, *texts: str) -> dict:
    previous, got = None, None
    for text in texts:
        got = parse(text, model=model, as_of=AS_OF, context=previous)
        previous = got.understanding
    return {**got.understanding.as_json(), "clarification": got.clarification}


@pytest.mark.parametrize(("model", "text", "part", "whole"), [
    (BAKERY, "share of collect loaves at hackney this year", ("fulfilment", "Collect"), {"bakery": ["Hackney"]}),
    (BAKERY, "share of collect loaves at hakney this year", ("fulfilment", "Collect"), {"bakery": ["Hackney"]}),
    (BAKERY, "% of next day revenue in clerkenwell last month", ("fulfilment", "Next Day"),
     {"bakery": ["Clerkenwell"]}),
    (GARAGE, "share of brakes services for bath in 2025", ("job", "Brakes"), {"garage": ["Bath"]}),
    (GARAGE, "share of the bristol services in tyres in 2025", ("garage", "Bristol"), {"job": ["Tyres"]}),
])
def test_the_member_said_with_the_measure_is_the_part_and_the_member_it_is_at_filters_the_whole(
        model, text, part, whole):
    got = _read(model, text)
    assert got["intent"] == "share", got["clarification"]
    assert (got["subject"]["dimension"], got["subject"]["value"]) == part
    assert got["filters"] == whole


def test_a_verb_still_says_the_part_after_a_member_said_with_the_measure():
    got = _read(BAKERY, "what share of collect loaves were from hackney this year")
    assert (got["subject"]["value"], got["filters"]) == ("Hackney", {"fulfilment": ["Collect"]})


@pytest.mark.parametrize("texts", [("how was winter?",), ("june park bookings in june", "and winter?"),
                                   ("bookings for winter in 2025",)])
def test_a_season_that_is_also_a_first_name_said_alone_is_asked_which(texts):
    got = _read(AGENCY, *texts)
    assert got["intent"] == "clarify"
    assert "Winter Hale" in got["clarification"] and "season" in got["clarification"]


@pytest.mark.parametrize("text", ["winter's bookings in 2025", "winter hale bookings in 2025"])
def test_a_season_named_as_the_person_is_the_person(text):
    got = _read(AGENCY, text)
    assert got["subject"] == {"dimension": "agent", "value": "Winter Hale"}, got["clarification"]


def test_a_season_framed_by_time_words_is_the_season_asked_for_dates():
    got = _read(AGENCY, "bookings this winter")
    assert got["intent"] == "clarify" and "Winter Hale" not in got["clarification"]


@pytest.mark.parametrize(("model", "texts", "grain", "order", "start"), [
    (GARAGE, ("what was the max daily services last month",), "day", "desc", "2026-11-01"),
    (GARAGE, ("what was the max daily services last month", "and in nov 2025?"), "day", "desc", "2025-11-01"),
    (BAKERY, ("highest weekly loaves in q3",), "week", "desc", "2026-07-01"),
    (BAKERY, ("lowest daily revenue last month",), "day", "asc", "2026-11-01"),
])
def test_a_superlative_of_a_grain_s_figure_is_the_best_period_of_that_grain(model, texts, grain, order, start):
    got = _read(model, *texts)
    assert (got["intent"], got["group_by"], got["order"], got["limit"]) == ("rank", grain, order, 1), \
        got["clarification"]
    assert got["time"]["start"] == start


def test_a_superlative_of_a_grain_s_figure_by_a_dimension_ranks_the_dimension():
    got = _read(GARAGE, "max daily services by garage last month")
    assert (got["intent"], got["group_by"]) == ("rank", "garage")


def test_a_member_owning_the_measure_is_the_wholes_never_the_part():
    """"share of <member>'s <measure> … <other member>": the owner's figure is the whole, the other member the part."""
    clinic = company(version="clinic-own1", columns=("fees", "visits"), dimensions={
        "clinic": ("Leith", "Morningside"), "payer": ("Insured", "Self Pay")},
        first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))
    got = parse("what share of leith's fees were paid by insured last month?", model=clinic,
                as_of=date(2026, 6, 10)).understanding
    assert (got.intent, got.part, dict(got.constraints)) == ("share", ("payer", "Insured"), {"clinic": ("Leith",)})
