"""Contract v2 in the parser, table by table, on a company shaped like none of the eval sets: its own
measures (bookings, seats), five dimensions, members that are English words or contain them.

Each table states only the fields it checks, as the shared evaluator does (on ``as_json``)."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.understanding.parser import parse
from metrics.measures import measures_for
from metrics.semantic import SemanticModel

_MEASURES = measures_for({"revenue": "revenue", "cost": "cost", "orders": "orders", "bookings": "bookings",
                          "seats": "Seats"})
SUPPLY = SemanticModel(
    version="supply-1", measures=tuple(m.name for m in _MEASURES), definitions={m.name: m for m in _MEASURES},
    dimensions={
        "territory": ("Midwest", "New York", "Northeast", "West"),
        "segment": ("Direct", "Enterprise", "Online", "SMB"),
        "product_family": ("Fasteners", "Max", "Pro Series", "Total Care", "Valves"),
        "sales_channel": ("Cafe", "Distributor", "Field"),
        "rep": ("Ana Ruiz", "May Chen", "Tom Baker"),
    },
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)
AS_OF = date(2025, 11, 10)


def check(text: str, want: dict[str, Any], *, context: dict | None = None) -> dict[str, Any]:
    from insights.understanding.types import Understanding

    previous = Understanding.from_json(context) if context else None
    got = parse(text, model=SUPPLY, as_of=AS_OF, context=previous).understanding.as_json()
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    return got


TYPOS = [
    # An ordinary English word one typo from a member is that word, not the member.
    ("Revenue that came through distributors last month", {"subject": {"dimension": "sales_channel",
                                                                        "value": "Distributor"}}),
    ("What was revenue in Fastners last month?", {"subject": {"dimension": "product_family",
                                                               "value": "Fasteners"}}),
    ("Valvs revenue last month", {"subject": {"dimension": "product_family", "value": "Valves"}}),
]


@pytest.mark.parametrize(("text", "want"), TYPOS, ids=[t for t, _ in TYPOS])
def test_a_typo_is_forgiven_only_outside_ordinary_english(text, want):
    got = check(text, {"intent": "value", **want})
    assert got["filters"] == {}


def T(start: str, end: str, grain: str | None = None) -> dict[str, str | None]:
    return {"start": start, "end": end, "grain": grain}


MODIFIERS = [
    ("margin per order by territory last month",
     {"intent": "breakdown", "measure": "gross_margin", "per": "orders", "group_by": "territory"}),
    ("revenue per order last month", {"intent": "value", "measure": "avg_order_value", "per": None}),
    ("revenue per seat by segment in 2024", {"intent": "breakdown", "measure": "revenue", "per": "seats"}),
    ("average revenue per territory last month", {"intent": "value", "per": "territory", "group_by": None}),
    ("average daily bookings in q3 2025", {"intent": "value", "measure": "bookings", "per": "day",
                                           "time": T("2025-07-01", "2025-09-30", "quarter")}),
    ("daily average revenue last month", {"intent": "value", "per": "day"}),
    ("orders per week on average in Q3 2025", {"intent": "value", "measure": "orders", "per": "week"}),
    ("Average daily revenue by month this year", {"intent": "trend", "per": "day",
                                                   "time": T("2025-01-01", "2025-11-10", "month")}),
    ("Cumulative bookings by month this year", {"intent": "trend", "measure": "bookings", "cumulative": True}),
    ("running total of seats this yr", {"intent": "trend", "measure": "seats", "cumulative": True}),
    ("Which territory grew the most this year vs last year?",
     {"intent": "rank", "group_by": "territory", "order": "desc", "limit": 1, "order_by": "change",
      "compare_to": {"start": "2024-01-01", "end": "2024-11-10"}}),
    ("fastest-growing product family in q3", {"intent": "rank", "group_by": "product_family",
                                              "order_by": "change_pct", "order": "desc", "limit": 1}),
    ("Which 3 segments had the biggest drop in bookings last month?",
     {"intent": "rank", "order_by": "change", "order": "asc", "limit": 3, "measure": "bookings"}),
    ("Revenue and bookings by territory last quarter", {"intent": "breakdown", "measure": "revenue",
                                                        "also": ["bookings"]}),
    ("revenue, cost and orders last month", {"intent": "value", "also": ["cost", "orders"]}),
    ("gap between West and Midwest revenue last quarter",
     {"intent": "breakdown", "group_by": "territory", "filters": {"territory": ["West", "Midwest"]}}),
    ("How much more did West sell than Midwest in 2024?",
     {"intent": "breakdown", "group_by": "territory", "filters": {"territory": ["West", "Midwest"]}}),
    ("Which month was our best for revenue?", {"intent": "rank", "group_by": "month", "order": "desc", "limit": 1,
                                               "time": T("2023-01-01", "2025-10-31")}),
    ("worst week this year for orders", {"intent": "rank", "group_by": "week", "order": "asc", "limit": 1}),
    ("What was our best quarter ever?", {"intent": "rank", "group_by": "quarter",
                                         "time": T("2023-01-01", "2025-10-31")}),
    ("how much have we made since we started", {"intent": "value", "time": T("2023-01-01", "2025-10-31")}),
]
INTENTS_V2 = [
    ("What share of bookings came from Enterprise last quarter?",
     {"intent": "share", "measure": "bookings", "subject": {"dimension": "segment", "value": "Enterprise"},
      "filters": {}}),
    ("What percent of West revenue was Online in Q3 2025?",
     {"intent": "share", "subject": {"dimension": "segment", "value": "Online"},
      "filters": {"territory": ["West"]}}),
    ("West's share of revenue this year", {"intent": "share",
                                           "subject": {"dimension": "territory", "value": "West"}}),
    ("Revenue mix by territory in 2024", {"intent": "share", "group_by": "territory", "subject": None}),
    ("Are we on track to hit $1.5M in revenue this quarter?",
     {"intent": "pace", "target": 1500000.0, "time": T("2025-10-01", "2025-12-31", "quarter")}),
    ("How far are we from 50k orders?", {"intent": "pace", "measure": "orders", "target": 50000.0,
                                         "time": T("2025-01-01", "2025-12-31", "year")}),
    ("are we pacing for 12,000 seats by the end of the quarter?",
     {"intent": "pace", "measure": "seats", "target": 12000.0, "time": T("2025-10-01", "2025-12-31", "quarter")}),
    ("How many product families had sales in Q3 2025?", {"intent": "count", "group_by": "product_family"}),
    ("how many reps sold anything last month", {"intent": "count", "group_by": "rep"}),
    ("Anything unusual last week?", {"intent": "unusual", "limit": 5, "group_by": None,
                                     "time": T("2025-11-03", "2025-11-09", "week")}),
    ("What stood out by segment in October?", {"intent": "unusual", "group_by": "segment", "limit": 5}),
]
HONESTY = [
    ("write a cover letter for a sales job", {"intent": "out_of_scope"}),
    ("write a poem about our sales", {"intent": "out_of_scope"}),
    ("tell me a joke about revenue", {"intent": "out_of_scope"}),
    ("translate our Q3 revenue into French", {"intent": "out_of_scope"}),
    ("draft an email to the team about last month's bookings", {"intent": "out_of_scope"}),
    ("Revenue per customer last month", {"intent": "clarify"}),
    ("median order value last month", {"intent": "clarify"}),
    ("forecast revenue for next quarter", {"intent": "clarify"}),
    ("biggest single order last month", {"intent": "clarify"}),
    ("revenue excluding Southwest last month", {"intent": "clarify"}),
    ("margin % per order", {"intent": "clarify"}),
    ("average bookings per rep per month", {"intent": "clarify"}),
    ("what was the average revenue last month", {"intent": "clarify"}),
]
MEMBERS = [
    ("Max revenue last month", {"intent": "value", "subject": {"dimension": "product_family", "value": "Max"}}),
    ("revenue for the max last month", {"subject": {"dimension": "product_family", "value": "Max"}}),
    ("Pro Series bookings last quarter", {"subject": {"dimension": "product_family", "value": "Pro Series"}}),
    ("Total Care revenue q3 2025", {"intent": "value",
                                    "subject": {"dimension": "product_family", "value": "Total Care"}}),
    ("New York revenue in May", {"subject": {"dimension": "territory", "value": "New York"},
                                 "time": T("2025-05-01", "2025-05-31", "month")}),
    ("Direct revenue last month", {"subject": {"dimension": "segment", "value": "Direct"}}),
    ("Online vs Direct bookings this year", {"intent": "breakdown", "group_by": "segment"}),
    ("revenue through the Cafe channel last month", {"subject": {"dimension": "sales_channel", "value": "Cafe"}}),
]
CHAT = [
    ("revenue last qtr", {"intent": "value", "time": T("2025-07-01", "2025-09-30", "quarter")}),
    ("bookings this yr", {"intent": "value", "measure": "bookings", "time": T("2025-01-01", "2025-11-10")}),
    ("revenue ytd vs ly", {"intent": "compare", "compare_to": {"start": "2024-01-01", "end": "2024-11-10"}}),
    ("revenue this month vs the month before", {"intent": "compare",
                                                "compare_to": {"start": "2025-10-01", "end": "2025-10-10"}}),
    ("how does West stack up against Midwest this year?", {"intent": "breakdown", "group_by": "territory"}),
    ("give me the rundown", {"intent": "summary"}),
    ("how're we looking?", {"intent": "summary"}),
    ("how's New York looking this month", {"intent": "summary",
                                           "subject": {"dimension": "territory", "value": "New York"}}),
    ("quick one for the board deck: revenue last quarter?",
     {"intent": "value", "filters": {}, "subject": None, "ignored": ["quick", "one", "for", "the", "board", "deck"]}),
    ("hey, back in the office now - what were orders yesterday?", {"intent": "value", "measure": "orders",
                                                                    "subject": None}),
    ("which dept had the most bookings", {"intent": "clarify"}),  # this company has no departments
]


@pytest.mark.parametrize(("text", "want"), MODIFIERS, ids=[t for t, _ in MODIFIERS])
def test_modifiers(text, want):
    check(text, want)


@pytest.mark.parametrize(("text", "want"), INTENTS_V2, ids=[t for t, _ in INTENTS_V2])
def test_v2_intents(text, want):
    check(text, want)


@pytest.mark.parametrize(("text", "want"), HONESTY, ids=[t for t, _ in HONESTY])
def test_what_cannot_be_answered_is_refused_or_asked_back(text, want):
    check(text, want)


@pytest.mark.parametrize(("text", "want"), MEMBERS, ids=[t for t, _ in MEMBERS])
def test_members_named_like_words_beat_keywords(text, want):
    check(text, want)


@pytest.mark.parametrize(("text", "want"), CHAT, ids=[t for t, _ in CHAT])
def test_chat_spelling_idioms_and_framing(text, want):
    check(text, want)


FOLLOW_UPS = [
    [("Revenue by territory last quarter", {"intent": "breakdown"}),
     ("as a share?", {"intent": "share", "group_by": "territory"})],
    [("Which territory grew the most in Q3 2025?", {"order_by": "change"}),
     ("and by %?", {"intent": "rank", "order_by": "change_pct"}),
     ("what about bookings?", {"measure": "bookings", "order_by": "change_pct"})],
    [("West's share of revenue last year", {"intent": "share"}),
     ("and Midwest?", {"intent": "share", "subject": {"dimension": "territory", "value": "Midwest"}})],
    [("Anything unusual last week?", {"intent": "unusual"}),
     ("by territory?", {"intent": "unusual", "group_by": "territory"})],
    [("Are we on track for $2M revenue this year?", {"target": 2000000.0}),
     ("what about 3m?", {"intent": "pace", "target": 3000000.0})],
    [("Cumulative bookings by month this year", {"cumulative": True}),
     ("and for West?", {"intent": "trend", "cumulative": True,
                        "subject": {"dimension": "territory", "value": "West"}})],
    [("Average daily revenue last month", {"per": "day"}),
     ("and last year?", {"per": "day", "time": T("2024-01-01", "2024-12-31", "year")})],
]


@pytest.mark.parametrize("turns", FOLLOW_UPS, ids=[t[0][0] for t in FOLLOW_UPS])
def test_v2_follow_ups_inherit_what_they_do_not_say(turns):
    from insights.understanding.types import Understanding

    context = None
    for text, want in turns:
        result = parse(text, model=SUPPLY, as_of=AS_OF, context=context)
        got = result.understanding.as_json()
        wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
        assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
        context = Understanding.from_json(got)


_UNITS = measures_for({"revenue": "revenue", "units": "units"})
WORDY = SemanticModel(
    version="wordy-1", measures=tuple(m.name for m in _UNITS), definitions={m.name: m for m in _UNITS},
    dimensions={"rep": ("June", "May", "Will"), "product": ("Air Lite", "Max", "Total")},
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)


@pytest.mark.parametrize(("text", "where"), [
    ("units for will in september", {"rep": ["Will"]}),
    ("how much did will sell in q2", {"rep": ["Will"]}),
    ("how much did may sell last month", {"rep": ["May"]}),
    ("total units for total last month", {"product": ["Total"]}),
    ("what share of total revenue came from max", {}),  # "total revenue" is plain English; Max is the part
    ("revenue for us last month", {}),
    ("revenue in may", {}),
])
def test_members_named_like_function_words_where_a_sentence_names_something(text, where):
    got = parse(text, model=WORDY, as_of=AS_OF).understanding
    assert {k: list(v) for k, v in got.constraints.items()} == where, text


@pytest.mark.parametrize(("text", "want"), [
    ("West minus Midwest revenue this year", {"intent": "breakdown", "group_by": "territory",
                                              "filters": {"territory": ["West", "Midwest"]}}),
    ("how far behind are we on $2.5M this year?", {"intent": "pace", "target": 2500000.0}),
    ("on target for 10m revenue by year end?", {"intent": "pace", "target": 10000000.0,
                                                "time": T("2025-01-01", "2025-12-31", "year")}),
    ("how'd we do last week", {"intent": "summary"}),
])
def test_idioms_of_gaps_pace_and_summary(text, want):
    check(text, want)


@pytest.mark.parametrize(("text", "want"), [
    ("which territory drove the most bookings this year?", {"intent": "rank", "group_by": "territory",
                                                            "measure": "bookings", "limit": 1}),
    ("what drove the drop in bookings last month?", {"intent": "drivers"}),
    ("bookings to seats ratio last quarter", {"intent": "value", "measure": "bookings", "per": "seats",
                                              "also": []}),
])
def test_ratio_and_ranking_idioms(text, want):
    check(text, want)
