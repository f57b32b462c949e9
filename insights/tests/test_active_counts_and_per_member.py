"""Counts of members and averages per member where "active" is said (contract v2, "count" and "per").

A count counts the members of a dimension with at least one fact in the period, and a division by a dimension
divides by the members with facts in the cell: "active" is what both already mean, so it adds nothing ("how
many active stores in june" = "how many stores in june", "avg orders per active seller" = per seller). A word
before the counted noun that is a member of another dimension narrows what is counted ("how many party
sellers"). Two divisions at once ("average revenue per store per month") are no figure of the contract: asked
back, offering the two it has (a row per month divided by its stores, or the period's figure per store), and
"per active customer" where the data has no customers is asked back too.

The companies are shaped like none of the eval sets: an events marketplace whose sellers sell by event type,
and a chain of launderettes measured in washes and takings."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, span
from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
EVENTS = company(version="events-a1", columns=("revenue", "orders"), dimensions={
    "seller": ("Confetti Cannon", "Balloon Barn", "Tent Hire Ltd"), "event": ("Party", "Wedding", "Corporate"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
LAUNDRY = company(version="laundry-a1", columns=("washes", "takings"), dimensions={
    "store": ("Canal Side", "High Road", "Bridge End"), "machine": ("Standard", "Large", "Express"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
JUNE = {"start": "2025-06-01", "end": "2025-06-30"}
FEB = {"start": "2026-02-01", "end": "2026-02-28"}


def read(model: SemanticModel, text: str):
    return parse(text, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("model", "text", "counted", "members", "time"), [
    (EVENTS, "how many party sellers", "seller", {"event": ["Party"]}, FEB),
    (EVENTS, "how many active wedding sellers in june", "seller", {"event": ["Wedding"]}, JUNE),
    (EVENTS, "number of active sellers last month", "seller", {}, FEB),
    (EVENTS, "how many sellers were active in june", "seller", {}, JUNE),
    (LAUNDRY, "how many active stores in june", "store", {}, JUNE),
    (LAUNDRY, "how many express stores last month", "store", {"machine": ["Express"]}, FEB),
    (LAUNDRY, "how many active machines at canal side in june", "machine", {"store": ["Canal Side"]}, JUNE),
])
def test_a_count_of_members_narrowed_by_another_dimension_or_said_active(model, text, counted, members, time):
    got = read(model, text).understanding.as_json()
    assert (got["intent"], got["group_by"]) == ("count", counted), got
    assert constraints(got) == members and span(got["time"]) == time


def test_active_counts_what_the_plain_count_counts():
    plain = read(LAUNDRY, "how many stores in june").understanding.as_json()
    active = read(LAUNDRY, "how many active stores in june").understanding.as_json()
    assert {k: v for k, v in active.items() if k != "ignored"} == {k: v for k, v in plain.items() if k != "ignored"}


@pytest.mark.parametrize(("model", "text", "measure", "per", "intent", "time"), [
    (EVENTS, "avg orders per active seller", "orders", "seller", "value", FEB),
    (EVENTS, "average revenue per active seller in june", "revenue", "seller", "value", JUNE),
    (EVENTS, "average revenue per active seller by event last month", "revenue", "seller", "breakdown", FEB),
    (LAUNDRY, "avg washes per active store last month", "washes", "store", "value", FEB),
    (LAUNDRY, "average takings per active machine in june", "takings", "machine", "value", JUNE),
])
def test_per_an_active_member_divides_by_the_members_with_facts(model, text, measure, per, intent, time):
    got = read(model, text).understanding.as_json()
    assert (got["intent"], got["measure"], got["per"]) == (intent, measure, per), got
    assert span(got["time"]) == time


@pytest.mark.parametrize(("model", "text", "grain", "dimension"), [
    (EVENTS, "average revenue per seller per month", "month", "seller"),
    (EVENTS, "avg orders per active seller per week last quarter", "week", "seller"),
    (LAUNDRY, "average takings per store per month", "month", "store"),
    (LAUNDRY, "average washes per day per store in june", "day", "store"),
])
def test_two_divisions_at_once_are_asked_back_with_the_two_figures_there_are(model, text, grain, dimension):
    parsed = read(model, text)
    assert parsed.understanding.intent == "clarify"
    assert len(parsed.suggestions) == 2
    # each suggestion reads back as one division the contract makes: a series per member, or one figure per member
    series, figure = (read(model, s).understanding.as_json() for s in parsed.suggestions)
    assert (series["intent"], series["time"]["grain"], series["per"]) == ("trend", grain, dimension)
    assert (figure["intent"], figure["per"]) == ("value", dimension)


def test_per_an_active_thing_the_data_does_not_have_is_asked_back():
    parsed = read(LAUNDRY, "avg washes per active customer last month")
    assert parsed.understanding.intent == "clarify" and "per active customer" in (parsed.clarification or "")
