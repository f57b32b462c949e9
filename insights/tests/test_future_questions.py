"""Questions about what will happen that are no pace to a said target ("will we make more in EMEA than APAC",
"is Bath going to beat Wells", "what will revenue be next quarter") are asked back honestly, saying what can be
answered instead (where things stand so far, the gap between the members named, the pace to a target); a target
said, or a target asked about, stays a pace."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 11, 12)


def _model(version: str, columns: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]):
    return company(version=version, columns=columns, dimensions=dimensions,
                   first_date=date(2023, 3, 1), last_date=date(2025, 11, 11))


RETAIL = _model("retail-1", ("revenue", "cost", "units", "orders"),
                {"region": ("APAC", "EMEA", "North America"), "channel": ("Online", "Retail")})
VETS = _model("vets-1", ("appointments", "revenue", "no_shows"), {"clinic": ("Bath", "Wells"), "vet": ("Will", "Rose")})
SAAS = _model("saas-1", ("bookings", "seats", "trials"),
              {"plan": ("Starter", "Enterprise"), "account_manager": ("June", "Will", "Frank")})

GAPS = [
    ("will we make more revenue in emea than apac", RETAIL, ("EMEA", "APAC"), "revenue"),
    ("will emea beat apac this year", RETAIL, ("EMEA", "APAC"), "revenue"),
    ("will online overtake retail?", RETAIL, ("Online", "Retail"), "revenue"),
    ("is bath going to do more appts than wells this month", VETS, ("Bath", "Wells"), "appointments"),
    ("will starter outsell enterprise in bookings", SAAS, ("Starter", "Enterprise"), "bookings"),
    ("is frank going to close more bookings than will this quarter", SAAS, ("Frank", "Will"), "bookings"),
]


@pytest.mark.parametrize(("text", "model", "members", "label"), GAPS, ids=[t for t, *_ in GAPS])
def test_a_forecast_comparison_of_two_members_offers_the_gap_so_far(text, model, members, label):
    got = parse(text, model=model, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "can't tell what will happen" in got.clarification
    assert f"the gap between {members[0]} and {members[1]}" in got.clarification
    gap, pace = got.suggestions
    # the gap so far is a question the engine answers: both members side by side
    now = parse(gap, model=model, as_of=AS_OF).understanding
    assert (now.intent, now.measure) == ("breakdown", model.measure(label).name)
    assert set(next(iter(now.constraints.values()))) == set(members)
    assert parse(pace, model=model, as_of=AS_OF).understanding.intent == "pace"


FUTURES = [
    ("what will revenue be next quarter", RETAIL, "quarter"),
    ("will revenue grow next month", RETAIL, "month"),
    ("will we beat last year", RETAIL, "year"),
    ("forecast appointments for next quarter", VETS, "quarter"),
    ("what'll seats look like next year", SAAS, "year"),
    ("is will going to sell more next week", SAAS, "week"),
    ("bookings in 2027", SAAS, "year"),
]


@pytest.mark.parametrize(("text", "model", "unit"), FUTURES, ids=[t for t, *_ in FUTURES])
def test_the_future_is_asked_back_with_what_can_be_said_so_far(text, model, unit):
    got = parse(text, model=model, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "can't tell what will happen" in got.clarification and f"so far this {unit}" in got.clarification
    so_far, pace = (parse(s, model=model, as_of=AS_OF).understanding for s in got.suggestions)
    assert so_far.intent == "value" and so_far.time.end == AS_OF  # this period, up to today
    assert (pace.intent, pace.target) == ("pace", None)  # the pace asks for its target


PACES = [
    ("will we hit 3m revenue this year?", RETAIL, 3_000_000),
    ("will we hit 10k appts this qtr?", VETS, 10_000),
    ("are we gonna clear $4.5M in bookings this year?", SAAS, 4_500_000),
    ("will we hit our target this year", RETAIL, None),
    ("is enterprise going to reach its seats target this quarter", SAAS, None),
]


@pytest.mark.parametrize(("text", "model", "target"), PACES, ids=[t for t, *_ in PACES])
def test_a_target_said_or_asked_about_stays_a_pace(text, model, target):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, got.target) == ("pace", target)


NOT_FUTURE = [
    ("will you show me revenue by region last month", RETAIL, "breakdown"),
    ("how many seats did will sell in q2", SAAS, "value"),
    ("appointments for will last month", VETS, "value"),
]


@pytest.mark.parametrize(("text", "model", "intent"), NOT_FUTURE, ids=[t for t, *_ in NOT_FUTURE])
def test_a_request_or_a_member_named_will_is_no_question_about_the_future(text, model, intent):
    assert parse(text, model=model, as_of=AS_OF).understanding.intent == intent
