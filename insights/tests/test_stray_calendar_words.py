"""Calendar words that form no period of their own (issue 13, Honesty): "for the month" is the current month, "the
last day" is yesterday, and words no rule places ("the other day", "in recent weeks", "over the last", a unit said
alone) are asked back — never dropped for the default last month. The same words inside a ranking, a count, a
grain or a follow-up keep their meaning."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests import models
from insights.understanding.parser import parse

AS_OF = date(2026, 11, 30)  # a Monday
# Made-up companies of three shapes, whose measure and member names no parser rule names.
HOTEL = models.company(version="hotel-1", columns=("bookings", "nights_sold"),
                       dimensions={"property": ("Harbour View", "Old Mill")},
                       first_date=date(2024, 1, 1), last_date=AS_OF)
GRID = models.company(version="grid-1", columns=("kwh", "sessions"), dimensions={"site": ("Depot", "Quay")},
                      first_date=date(2024, 1, 1), last_date=AS_OF)
CINEMA = models.company(version="cine-1", columns=("tickets", "concessions"),
                        dimensions={"screen": ("Imax", "Studio")}, first_date=date(2024, 1, 1), last_date=AS_OF)
SHAPES = [(HOTEL, "bookings"), (GRID, "kwh"), (CINEMA, "tickets")]
LAST_MONTH = (date(2026, 10, 1), date(2026, 10, 31))


def ask(text: str, model, *, context=None):
    return parse(text, model=model, as_of=AS_OF, context=context)


def period(text: str, model) -> tuple[date, date]:
    found = ask(text, model).understanding
    assert found.intent != "clarify", text
    return found.time.start, found.time.end


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize(("said", "start", "end"), [
    ("for the day", AS_OF, AS_OF),
    ("over the day", AS_OF, AS_OF),
    ("for the week", date(2026, 11, 30), AS_OF),
    ("for the month", date(2026, 11, 1), AS_OF),
    ("in the month", date(2026, 11, 1), AS_OF),
    ("for the quarter", date(2026, 10, 1), AS_OF),
    ("during the quarter", date(2026, 10, 1), AS_OF),
    ("over the year", date(2026, 1, 1), AS_OF),
    ("for the year", date(2026, 1, 1), AS_OF),
])
def test_the_unit_said_alone_is_the_current_one_to_date(model, measure, said, start, end):
    found = ask(f"{measure} {said}", model).understanding
    assert (found.intent, found.measure, found.time.start, found.time.end) == ("value", measure, start, end)
    assert found.ignored == ()  # the words are placed, as time


@pytest.mark.parametrize(("model", "measure"), SHAPES)
def test_the_current_unit_reads_as_this_unit_does(model, measure):
    said, this = ask(f"{measure} for the month by {next(iter(model.dimensions))}", model).understanding, ask(
        f"{measure} this month by {next(iter(model.dimensions))}", model).understanding
    assert (said.intent, said.time, said.group_by) == (this.intent, this.time, this.group_by)


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize("said", ["over the last day", "in the last day", "in the past day", "the previous day",
                                  "last day", "for the prior day"])
def test_the_last_day_is_the_whole_day_before_the_as_of_date(model, measure, said):
    assert period(f"{measure} {said}", model) == (date(2026, 11, 29), date(2026, 11, 29))


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize("said", ["the day before yesterday", "for the day before yesterday", "the day before last"])
def test_the_day_before_yesterday_is_two_days_back(model, measure, said):
    assert period(f"{measure} {said}", model) == (date(2026, 11, 28), date(2026, 11, 28))


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize("said", ["this day", "in recent weeks", "the other day", "day", "over the last",
                                  "for the whole month", "during the day", "these days", "on the day",
                                  "in the past", "the most recent month", "in the weeks after the launch"])
def test_calendar_words_no_rule_places_are_asked_back(model, measure, said):
    reply = ask(f"{measure} {said}", model)
    assert reply.understanding.intent == "clarify"
    assert reply.clarification.startswith(f"I understood {measure}, but not the period “")
    assert f"{measure.capitalize()} last month" in reply.suggestions
    assert f"{measure.capitalize()} this year so far" in reply.suggestions
    assert reply.understanding.measure == measure


@pytest.mark.parametrize(("model", "measure"), SHAPES)
def test_the_question_back_says_the_member_and_period_that_were_understood(model, measure):
    dimension, members = next(iter(model.dimensions.items()))
    reply = ask(f"{measure} for {members[0]} in q3 for the month", model)
    assert reply.understanding.intent == "clarify"
    assert reply.clarification.startswith(
        f"I understood {measure} for {members[0]} from 1 Jul 2026 to 30 Sep 2026, but not the period “for the month”")
    assert reply.understanding.constraints == {dimension: (members[0],)}


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize(("text", "start", "end"), [
    ("{m} in 2025 for the year", date(2025, 1, 1), date(2025, 12, 31)),
    ("{m} in march for the month", date(2026, 3, 1), date(2026, 3, 31)),
    ("have we ever had {m} this low in the past", date(2024, 1, 1), AS_OF),
])
def test_unit_words_beside_a_period_of_that_unit_are_that_period(model, measure, text, start, end):
    assert period(text.format(m=measure), model) == (start, end)


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize(("text", "intent", "start", "end", "grain", "group_by"), [
    ("{m} by day last month", "trend", *LAST_MONTH, "day", None),
    ("daily {m}", "trend", date(2025, 11, 1), LAST_MONTH[1], "day", None),
    ("{m} per day this year", "value", date(2026, 1, 1), AS_OF, None, None),
    ("{m} each month", "trend", date(2025, 11, 1), LAST_MONTH[1], "month", None),
    ("{m} day over day", "compare", date(2026, 11, 29), date(2026, 11, 29), "day", None),
    ("which day had the most {m} last month", "rank", *LAST_MONTH, "month", "day"),
    ("busiest week for {m} this year", "rank", date(2026, 1, 1), AS_OF, None, "week"),
    ("best month of the year for {m}", "rank", date(2024, 1, 1), AS_OF, None, "month"),
    ("{m} week 27", "value", date(2026, 6, 29), date(2026, 7, 5), "week", None),
    ("{m} wow", "compare", date(2026, 11, 23), date(2026, 11, 29), "week", None),
    ("{m} mom", "compare", *LAST_MONTH, "month", None),
    ("{m} in the month of march", "value", date(2026, 3, 1), date(2026, 3, 31), "month", None),
    ("{m} over the last month", "trend", *LAST_MONTH, "day", None),
    ("{m} in the last week", "value", date(2026, 11, 23), date(2026, 11, 29), "week", None),
    ("{m} for the year to date", "value", date(2026, 1, 1), AS_OF, None, None),
])
def test_unit_words_inside_other_constructions_keep_their_meaning(model, measure, text, intent, start, end, grain,
                                                                  group_by):
    found = ask(text.format(m=measure), model).understanding
    assert (found.intent, found.time.start, found.time.end, found.time.grain, found.group_by) == (
        intent, start, end, grain, group_by)


@pytest.mark.parametrize(("model", "measure"), SHAPES)
@pytest.mark.parametrize(("follow_up", "start", "end"), [
    ("and the month before?", date(2026, 9, 1), date(2026, 9, 30)),
    ("the quarter before", date(2026, 7, 1), date(2026, 9, 30)),
    ("and for the month?", date(2026, 11, 1), AS_OF),
])
def test_follow_ups_with_unit_words_move_or_replace_the_last_period(model, measure, follow_up, start, end):
    previous = ask(f"{measure} last month", model).understanding
    found = ask(follow_up, model, context=previous).understanding
    assert (found.intent, found.measure, found.time.start, found.time.end) == ("value", measure, start, end)


@pytest.mark.parametrize(("model", "measure"), SHAPES)
def test_a_count_of_months_is_no_period_left_unplaced(model, measure):
    reply = ask(f"how many months did {measure} top 1000", model)
    assert "not the period" not in (reply.clarification or "")
