"""Members named like time words, and time ranges (held-out classes of a telecom seller, a restaurant group
and a running-shoe shop).

A one-word member that is a grain word ("Monthly", "Annual" contracts) is the member where a member sits
("for annual contracts", "on monthly", "annual and multi-year") and the grain elsewhere ("monthly bookings");
a range with a comparison said ("from jan to sep vs same period last year") is the period compared, not its
two ends against each other; "break 2025 down by quarter" is a breakdown by the grain over the period said;
"the most … ever … in a month" ranks months. Made-up companies shaped like none of the eval sets.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

GYM = company(  # memberships named like grains; one coach named like a month
    version="gym-1", columns=("bookings", "visits"),
    dimensions={"plan": ("Weekly", "Monthly", "Annual", "Day Pass"), "coach": ("May", "Otto"),
                "club": ("Harbour", "Uptown")},
    first_date=date(2023, 1, 1), last_date=date(2026, 6, 30),
)
BAKERY = company(
    version="bakery-1", columns=("revenue", "loaves"), dimensions={"shop": ("Castle", "Quay")},
    first_date=date(2023, 3, 1), last_date=date(2026, 6, 14),
)
AS_OF = date(2026, 7, 9)
ALL_GYM = {"start": "2023-01-01", "end": "2026-06-30"}
ALL_BAKERY = {"start": "2023-03-01", "end": "2026-06-14"}


def understood(text: str, model: SemanticModel, *, context: Any = None) -> tuple[dict[str, Any], Any]:
    got = parse(text, model=model, as_of=AS_OF, context=context).understanding
    out = got.as_json()
    if out.get("time"):
        out["time"] = {k: out["time"][k] for k in ("start", "end")}
    out["constraints"] = {k: list(v) for k, v in got.constraints.items()}
    return out, got


def check(text: str, model: SemanticModel, want: dict[str, Any], *, context: Any = None) -> Any:
    got, understanding = understood(text, model, context=context)
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    return understanding


AS_MEMBER = [
    ("monthly bookings for annual plans, last 6 months", {
        "intent": "trend", "measure": "bookings", "constraints": {"plan": ["Annual"]},
        "time": {"start": "2026-01-01", "end": "2026-06-30"}}),
    ("avg daily visits on monthly plans last month", {
        "intent": "value", "measure": "visits", "per": "day", "constraints": {"plan": ["Monthly"]},
        "time": {"start": "2026-06-01", "end": "2026-06-30"}}),
    ("which year did weekly plans bring in the most bookings?", {
        "intent": "rank", "group_by": "year", "limit": 1, "constraints": {"plan": ["Weekly"]}, "time": ALL_GYM}),
    ("visits on annual last month", {"intent": "value", "constraints": {"plan": ["Annual"]}}),
    ("bookings for monthly and annual plans last month", {"constraints": {"plan": ["Monthly", "Annual"]}}),
]


@pytest.mark.parametrize(("text", "want"), AS_MEMBER, ids=[t for t, _ in AS_MEMBER])
def test_a_grain_word_where_a_member_sits_is_the_member(text, want):
    check(text, GYM, want)


AS_GRAIN = [
    ("monthly bookings, last 6 months", "month"),
    ("weekly visits at harbour in q1 2026", "week"),
    ("for monthly bookings, last 6 months", "month"),  # a figure after it: the grain
]


@pytest.mark.parametrize(("text", "grain"), AS_GRAIN, ids=[t for t, _ in AS_GRAIN])
def test_a_grain_word_elsewhere_stays_the_grain(text, grain):
    got = parse(text, model=GYM, as_of=AS_OF).understanding
    assert (got.intent, got.time.grain, "plan" in got.constraints) == ("trend", grain, False)


def test_a_follow_up_keeps_the_series_with_the_other_plan():
    first = check("monthly bookings for annual plans, last 6 months", GYM, {"intent": "trend"})
    check("and day pass?", GYM, {"intent": "trend", "constraints": {"plan": ["Day Pass"]},
                                 "time": {"start": "2026-01-01", "end": "2026-06-30"}}, context=first)


def test_a_range_compared_to_the_same_period_last_year_is_the_whole_range():
    first = check("visits from jan to may vs same period last yr?", GYM, {
        "intent": "compare", "time": {"start": "2026-01-01", "end": "2026-05-31"},
        "compare_to": {"start": "2025-01-01", "end": "2025-05-31"}})
    check("why?", GYM, {"intent": "drivers", "time": {"start": "2026-01-01", "end": "2026-05-31"},
                        "compare_to": {"start": "2025-01-01", "end": "2025-05-31"}}, context=first)


def test_a_change_between_two_periods_still_compares_the_ends():
    check("how did visits change between q1 and q2?", GYM, {
        "intent": "compare", "time": {"start": "2026-04-01", "end": "2026-06-30"},
        "compare_to": {"start": "2026-01-01", "end": "2026-03-31"}})


def test_a_period_broken_down_by_a_grain_is_a_breakdown_over_that_period():
    check("break 2025 down by qtr", BAKERY, {"intent": "breakdown", "group_by": "quarter",
                                            "time": {"start": "2025-01-01", "end": "2025-12-31"}})


def test_a_grain_said_with_a_period_and_no_split_word_stays_a_trend():
    check("loaves by quarter in 2025", BAKERY, {"intent": "trend", "group_by": None})


RANKED_PERIODS = [
    ("whats the most loaves castle has ever done in a month",
     {"intent": "rank", "group_by": "month", "order": "desc", "limit": 1, "time": ALL_BAKERY,
      "constraints": {"shop": ["Castle"]}}),
    ("most revenue in a single week", {"intent": "rank", "group_by": "week", "limit": 1, "time": ALL_BAKERY}),
    ("what's the fewest loaves quay sold in a day this year",
     {"intent": "rank", "group_by": "day", "order": "asc", "limit": 1,
      "time": {"start": "2026-01-01", "end": "2026-07-09"}}),
]


@pytest.mark.parametrize(("text", "want"), RANKED_PERIODS, ids=[t for t, _ in RANKED_PERIODS])
def test_the_most_in_a_period_ranks_those_periods(text, want):
    check(text, BAKERY, want)


# Members named like a time phrase or a keyword (issue 13). Made-up shapes: a record label's albums, a bakery's
# products, a SaaS's plans, a ski resort's runs, a car-hire chain's stores and classes; a shop chain with none.
_DATES = {"first_date": date(2023, 1, 1), "last_date": date(2026, 6, 30)}
LABEL = company(version="label-1", columns=("streams", "revenue"), dimensions={
    "album": ("This Year", "Yesterday", "Next Week", "Blue"), "imprint": ("North", "South")}, **_DATES)
OVENS = company(version="ovens-1", columns=("revenue", "loaves"), dimensions={
    "product": ("Today's Special", "Up North", "Rye", "Morning After"), "shop": ("Castle", "Quay")}, **_DATES)
SEATS = company(version="seats-1", columns=("mrr", "seats"), dimensions={
    "plan": ("Max", "Forever", "Pro Max", "Ever Green", "All Time Low"), "region": ("EMEA", "APAC")}, **_DATES)
SLOPES = company(version="slopes-1", columns=("lift_passes", "revenue"), dimensions={
    "run": ("Down", "Black Run", "Bunny Hill"), "resort": ("Alta", "Vail")}, **_DATES)
HIRE = company(version="hire-1", columns=("revenue", "orders"), dimensions={
    "store": ("Target Plaza", "Mall Road"), "car_class": ("Budget", "Premium")}, **_DATES)
PLAIN = company(version="plain-1", columns=("revenue", "orders"), dimensions={"store": ("Mall Road", "Quayside")},
                **_DATES)
THIS_YEAR = {"start": "2026-01-01", "end": "2026-07-09"}
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}
LAST_WEEK = {"start": "2026-06-29", "end": "2026-07-05"}  # the week before the as-of date's week
ALL_DATA = {"start": "2023-01-01", "end": "2026-06-30"}

TIME_NAMED = [
    # written as a name (a capital inside the sentence, quotes) or said where a member goes; the period from the rest
    ("how did This Year do this year? streams", {"constraints": {"album": ["This Year"]}, "time": THIS_YEAR}),
    ("how did this year do last week? streams", {"constraints": {"album": ["This Year"]}, "time": LAST_WEEK}),
    ("streams for 'this year' last week", {"constraints": {"album": ["This Year"]}, "time": LAST_WEEK}),
    ("what did Yesterday earn in march 2025?", {"intent": "value", "constraints": {"album": ["Yesterday"]},
                                                "time": {"start": "2025-03-01", "end": "2025-03-31"}}),
    ("what did Next Week make in 2024?", {"intent": "value", "constraints": {"album": ["Next Week"]},
                                          "time": {"start": "2024-01-01", "end": "2024-12-31"}}),
    ("how were yesterday's streams in 2025", {"constraints": {"album": ["Yesterday"]}, "time": YEAR_2025}),
    ("this year vs blue streams in 2025", {"intent": "breakdown", "group_by": "album", "time": YEAR_2025,
                                           "constraints": {"album": ["This Year", "Blue"]}}),
    ("today's special revenue last week", {"constraints": {"product": ["Today's Special"]}, "time": LAST_WEEK}),
    # said as time: the period, no member
    ("streams this year", {"intent": "value", "constraints": {}, "time": THIS_YEAR}),
    ("streams yesterday", {"constraints": {}, "time": {"start": "2026-07-08", "end": "2026-07-08"}}),
    ("yesterday's streams", {"constraints": {}, "time": {"start": "2026-07-08", "end": "2026-07-08"}}),
    ("Streams this year", {"constraints": {}, "time": THIS_YEAR}),
]


@pytest.mark.parametrize(("text", "want"), TIME_NAMED, ids=[t for t, _ in TIME_NAMED])
def test_a_member_named_like_a_time_phrase_is_the_member_said_as_a_name(text, want):
    check(text, OVENS if "special" in text else LABEL, want)


def test_a_cause_word_inside_a_member_name_is_no_cause_guessed():
    check("why did morning after drop off in may 2026??", OVENS, {
        "intent": "drivers", "constraints": {"product": ["Morning After"]},
        "time": {"start": "2026-05-01", "end": "2026-05-31"}})
    check("why did rye drop off in may 2026 after the price rise?", OVENS, {
        "intent": "drivers", "constraints": {"product": ["Rye"]}, "time": {"start": "2026-05-01", "end": "2026-05-31"}})


def test_a_future_named_member_said_as_a_name_is_no_question_about_the_future():
    parsed = parse("what did Next Week take in april 2024? revenue", model=LABEL, as_of=AS_OF)
    assert parsed.clarification is None and parsed.understanding.constraints == {"album": ("Next Week",)}


KEYWORD_INSIDE = [
    # a name of several words beats the keyword inside it ("ever", "all time", "max", "today")
    ("why did ever green drop in may 2026??", {"intent": "drivers", "constraints": {"plan": ["Ever Green"]},
                                              "time": {"start": "2026-05-01", "end": "2026-05-31"}}),
    ("all time low mrr in 2025", {"constraints": {"plan": ["All Time Low"]}, "time": YEAR_2025}),
    ("max vs ever green mrr ytd - whats the gap", {"intent": "breakdown", "group_by": "plan", "time": THIS_YEAR,
                                                   "constraints": {"plan": ["Max", "Ever Green"]}}),
    ("pro max seats last month", {"constraints": {"plan": ["Pro Max"]}}),
    ("forever mrr last month", {"constraints": {"plan": ["Forever"]}}),
    ("mrr ever", {"constraints": {}, "time": ALL_DATA}),
    ("mrr of all time", {"constraints": {}, "time": ALL_DATA}),
]


@pytest.mark.parametrize(("text", "want"), KEYWORD_INSIDE, ids=[t for t, _ in KEYWORD_INSIDE])
def test_a_member_of_several_words_beats_a_keyword_inside_it(text, want):
    check(text, SEATS, want)


SET_AGAINST = [
    ("how many more lift passes did black run sell than down in 2025?", "lift_passes", ["Black Run", "Down"]),
    ("how much more revenue did bunny hill make than down last year", "revenue", ["Bunny Hill", "Down"]),
    ("how many more loaves did today's special sell than up north in 2025", "loaves", ["Today's Special", "Up North"]),
]


@pytest.mark.parametrize(("text", "measure", "members"), SET_AGAINST, ids=[t for t, _, _ in SET_AGAINST])
def test_a_function_word_member_set_against_another_member_is_a_gap_between_them(text, measure, members):
    model = OVENS if "loaves" in text else SLOPES
    check(text, model, {"intent": "breakdown", "measure": measure, "group_by": next(iter(model.dimensions)),
                        "constraints": {next(iter(model.dimensions)): members}})


def test_a_function_word_with_no_member_set_against_it_stays_the_word():
    check("did lift passes go down in 2025", SLOPES, {"intent": "compare", "constraints": {}, "time": YEAR_2025})
    check("lift passes for down in 2025", SLOPES, {"intent": "value", "constraints": {"run": ["Down"]}})


PACE_WORDS = [
    ("are we on track to hit our budget of 2m revenue this year?", HIRE),
    ("are we on track to hit our target of 5m revenue this year?", HIRE),
    ("are we on track to hit our target of 2m revenue this year?", PLAIN),
]


@pytest.mark.parametrize(("text", "model"), PACE_WORDS, ids=[t for t, _ in PACE_WORDS])
def test_a_pace_word_in_a_pace_phrase_is_the_pace_not_a_member(text, model):
    check(text, model, {"intent": "pace", "constraints": {}, "time": {"start": "2026-01-01", "end": "2026-12-31"}})


def test_a_pace_word_said_where_a_member_goes_is_the_member():
    check("are we on track to hit 2m revenue at Budget this year", HIRE, {
        "intent": "pace", "constraints": {"car_class": ["Budget"]}, "target": 2000000.0})
    check("budget revenue this year", HIRE, {"intent": "value", "constraints": {"car_class": ["Budget"]}})
    check("budget's orders vs premium this year", HIRE, {"constraints": {"car_class": ["Budget", "Premium"]}})


def test_vs_a_pace_word_with_no_target_held_is_asked_back_either_way():
    for model in (HIRE, PLAIN):
        parsed = parse("revenue vs budget this year", model=model, as_of=AS_OF)
        assert parsed.understanding.intent == "clarify" and "budget" in (parsed.clarification or "")


# Members named like a calendar unit (issue 13): the member said as one (beside its dimension's word or a product
# noun, after a preposition, capitalised, listed), the calendar word after an order or counting word; a word making
# another unit of it ("half day") names no member. Made-up shapes: a gym's memberships Day/Month/Year, a parking
# operator's tariffs Night/Day/Week, a coworking's plans Day Pass/Weekly; PLAIN holds none.
GYM_UNITS = company(version="gym-units-1", columns=("check_ins", "dues"), dimensions={
    "membership": ("Day", "Month", "Year"), "club": ("Harbour", "Uptown")}, **_DATES)
PARKING = company(version="parking-1", columns=("fees", "cars_parked"), dimensions={
    "tariff": ("Night", "Day", "Week"), "garage": ("Central", "Docks")}, **_DATES)
COWORK = company(version="cowork-1", columns=("desk_bookings", "revenue"), dimensions={
    "plan": ("Day Pass", "Weekly", "Resident"), "space": ("Loft", "Wharf")}, **_DATES)
LAST_MONTH = {"start": "2026-06-01", "end": "2026-06-30"}

CALENDAR_WORDS = [
    ("best month ever for check ins?", GYM_UNITS, "month"),
    ("busiest day ever for check-ins", GYM_UNITS, "day"),
    ("which week had the most cars parked", PARKING, "week"),
    ("busiest day ever for desk bookings", COWORK, "day"),
    ("best week ever for orders", PLAIN, "week"),
]


@pytest.mark.parametrize(("text", "model", "grain"), CALENDAR_WORDS, ids=[t for t, _, _ in CALENDAR_WORDS])
def test_a_calendar_unit_after_an_order_word_ranks_those_periods_with_no_member(text, model, grain):
    check(text, model, {"intent": "rank", "group_by": grain, "limit": 1, "constraints": {}, "time": ALL_DATA})


def test_a_calendar_unit_in_the_plural_after_an_order_word_ranks_those_periods():
    check("what were the 3 best weeks for cars parked", PARKING, {
        "intent": "rank", "group_by": "week", "limit": 3, "constraints": {}})
    check("top 5 days ever for check ins", GYM_UNITS, {"intent": "rank", "group_by": "day", "limit": 5,
                                                       "constraints": {}})


CALENDAR_MEMBERS = [
    ("dues for day memberships last month", GYM_UNITS, {"constraints": {"membership": ["Day"]}, "time": LAST_MONTH}),
    ("check ins for Year last month", GYM_UNITS, {"constraints": {"membership": ["Year"]}, "time": LAST_MONTH}),
    ("day and month check ins in 2025", GYM_UNITS, {"constraints": {"membership": ["Day", "Month"]}}),
    ("which year had the most dues for month memberships", GYM_UNITS, {
        "intent": "rank", "group_by": "year", "constraints": {"membership": ["Month"]}}),
    ("dues for month memberships by month in 2025", GYM_UNITS, {
        "intent": "trend", "constraints": {"membership": ["Month"]}, "time": YEAR_2025}),
    ("fees for night tariff last week", PARKING, {"constraints": {"tariff": ["Night"]}, "time": LAST_WEEK}),
    ("busiest day for night tariffs", PARKING, {"intent": "rank", "group_by": "day",
                                                "constraints": {"tariff": ["Night"]}}),
    ("the night fees last month", PARKING, {"constraints": {"tariff": ["Night"]}, "time": LAST_MONTH}),
]


@pytest.mark.parametrize(("text", "model", "want"), CALENDAR_MEMBERS, ids=[t for t, _, _ in CALENDAR_MEMBERS])
def test_a_calendar_unit_said_as_a_member_is_the_member(text, model, want):
    check(text, model, want)


SERIES_FOLLOW_UPS = [
    ("dues for month memberships by month in 2025", "and daily check ins over the last 30 days?", GYM_UNITS,
     {"membership": ["Month"]}),
    ("fees for the night tariff by week in q1 2026", "and daily cars parked over the last 30 days?", PARKING,
     {"tariff": ["Night"]}),
    ("day pass revenue by week for the last 8 weeks", "and daily desk bookings over the last 30 days?", COWORK,
     {"plan": ["Day Pass"]}),
    ("revenue by week for the last 8 weeks at quayside", "and orders by day over the last 30 days?", PLAIN,
     {"store": ["Quayside"]}),
]


@pytest.mark.parametrize(("first", "then", "model", "kept"), SERIES_FOLLOW_UPS,
                         ids=[t for t, _, _, _ in SERIES_FOLLOW_UPS])
def test_a_follow_up_series_at_another_grain_keeps_the_filters_it_does_not_replace(first, then, model, kept):
    previous = check(first, model, {"intent": "trend", "constraints": kept})
    got = parse(then, model=model, as_of=AS_OF, context=previous)
    understanding = got.understanding
    assert (understanding.intent, understanding.time.grain) == ("trend", "day")
    assert {k: list(v) for k, v in understanding.constraints.items()} == kept
    assert (understanding.time.start, understanding.time.end) == (date(2026, 6, 10), date(2026, 7, 9))


def test_a_word_making_another_unit_of_a_member_names_no_member():
    previous = check("dues for day memberships last month", GYM_UNITS, {"constraints": {"membership": ["Day"]}})
    for text, model, context in (("and half day ones?", GYM_UNITS, previous),
                                 ("dues for half day memberships last month", GYM_UNITS, None),
                                 ("fees for 2-night tariffs last month", PARKING, None)):
        got = parse(text, model=model, as_of=AS_OF, context=context)
        assert got.understanding.intent == "clarify", text
        assert "couldn't find" in (got.clarification or "") and not got.understanding.constraints, text
    # a count of passes, and the calendar's own "full week", stay as they were
    check("fees for the last full week", PARKING, {"constraints": {}, "time": LAST_WEEK})
    check("fees for day tariffs last month", PARKING, {"constraints": {"tariff": ["Day"]}})
