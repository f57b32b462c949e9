"""Three classes of chat (contract v2, "Honesty", and the ``trend`` intent):

- Slips of the commonest question words that chat types so often they pass for words ("teh", "hw", "ot", "fo",
  "wat") are those words, as the rarer slips ("waht", "whcih", "thsi", "adn", "wiht") already were; never where
  the slip is the tenant's own word (a rider "Teh", the depot "Fo Tan"), a short form in capitals ("OT"), or
  stands where its word cannot ("hw takings" of hardware, "ot washes" of overtime: names to ask about).
- A purpose or audience said first, in chat shorthand ("for the mgmt mtg -", "fyi for exec sync:", "re: the slt
  preso,") is framing, in ``ignored``, unless it names the tenant's data ("the ops team" of an Ops department).
- "show me X over the last 30 days", "X across the last quarter", "how has X moved over …": the course of X
  through a span of several periods is a ``trend`` at the span's default grain; a question that sums X over the
  span ("total X …", "how many X …", "what was X …") asks for one ``value``.

The companies are shaped like none of the eval sets: a laundrette chain and a Hong Kong courier.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, span
from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.typos import correct_keywords
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 18)
LAUNDRY = company(version="laundry-s1", columns=("washes", "takings"), dimensions={
    "site": ("Leith", "Govan", "The Shore"), "machine": ("Washer", "Dryer"), "payment": ("Card", "Coins"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 18))
COURIER = company(version="courier-s1", columns=("parcels", "revenue"), dimensions={
    "depot": ("Fo Tan", "Kwun Tong", "Tsuen Wan"), "rider": ("Teh", "Wong", "Chan"), "dept": ("Ops", "Management"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 18))


def ask(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


@pytest.mark.parametrize(("text", "intent", "group_by"), [
    ("which site had teh most washes ytd?", "rank", "site"),
    ("Teh busiest machine last month?", "rank", "machine"),
    ("hw many sites took card payments in 2025?", "count", "site"),
    ("Hw many machines did we run last quarter", "count", "machine"),
    ("wat were washes at leith last month", "value", None),
    ("wat's tha top site fo takings this yr", "rank", "site"),
    ("washes from june ot august 2025 by site", "breakdown", "site"),
    ("waht was teh best site last month", "rank", "site"),
    ("wat site had the most washes", "rank", "site"),
    ("top site fo washes last month", "rank", "site"),
    ("which machine ran teh most washes at teh shore ytd", "rank", "machine"),
])
def test_a_slip_of_a_common_question_word_is_that_word(text: str, intent: str, group_by: str | None) -> None:
    got = ask(LAUNDRY, text)
    assert (got["intent"], got["group_by"]) == (intent, group_by)
    assert not {"teh", "hw", "ot", "fo", "wat", "tha"} & {w.lower() for w in got["ignored"]}  # placed, not dropped


def test_yr_stays_the_year_beside_a_slip() -> None:
    got = ask(LAUNDRY, "hw many sites had dryer washes this yr")
    assert got["intent"] == "count" and span(got["time"]) == {"start": "2026-01-01", "end": "2026-03-18"}


@pytest.mark.parametrize(("text", "dimension", "member"), [
    ("which depot had teh most parcels in q1", "rider", "Teh"),
    ("parcels by teh last month", "rider", "Teh"),
    ("fo tan parcels last month", "depot", "Fo Tan"),
])
def test_a_slip_that_is_the_tenants_own_word_stays_that_word(text: str, dimension: str, member: str) -> None:
    assert constraints(ask(COURIER, text)).get(dimension) == [member]


@pytest.mark.parametrize(("text", "slip"), [
    ("hw takings last month", "hw"),  # hardware's short form, where "how" cannot stand
    ("ot washes by site", "ot"),  # overtime's
    ("show me fo washes", "fo"),
])
def test_a_slip_where_its_word_cannot_stand_is_a_name_to_ask_about(text: str, slip: str) -> None:
    parsed = parse(text, model=LAUNDRY, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify" and f"“{slip}”" in (parsed.clarification or "")


@pytest.mark.parametrize(("text", "kept"), [
    ("OT hours last month", "OT hours last month"),  # capitals: a short form (overtime), no "to"
    ("revenue of the 2nd fo", "revenue of the 2nd fo"),  # leading into nothing
    ("info on hw-12", "info on hw-12"),  # a piece of a code
])
def test_a_slip_in_capitals_inside_a_code_or_at_the_end_is_left_alone(text: str, kept: str) -> None:
    assert correct_keywords(text, tenant_word=lambda _: False) == kept


@pytest.mark.parametrize(("text", "framing"), [
    ("for the mgmt mtg - why did washes drop in feb", ["mgmt", "meeting"]),
    ("for mgmt mtg: why did washes drop in feb", ["mgmt", "meeting"]),
    ("fyi for exec sync - why did washes drop in feb", ["fyi", "exec", "sync"]),
    ("re: the slt preso, why did washes drop in feb", ["slt", "presentation"]),
    ("for tmrw's standup, why did washes drop in feb", ["tmrw's", "standup"]),
    ("re board pack - why did washes drop in feb", ["board", "pack"]),
])
def test_a_purpose_said_first_in_shorthand_is_framing(text: str, framing: list[str]) -> None:
    got = ask(LAUNDRY, text)
    plain = ask(LAUNDRY, "why did washes drop in feb")
    assert {k: got[k] for k in ("intent", "measure", "time", "compare_to")} == {
        k: plain[k] for k in ("intent", "measure", "time", "compare_to")}
    assert set(framing) <= set(got["ignored"])


@pytest.mark.parametrize("text", [
    "for the management mtg - parcels last month",
    "re the ops team: parcels last month",
    "how're the ops team doing this month",
])
def test_a_purpose_naming_the_tenants_member_keeps_the_member(text: str) -> None:
    assert set(constraints(ask(COURIER, text))["dept"]) <= {"Management", "Ops"}


@pytest.mark.parametrize(("text", "start", "grain"), [
    ("show me washes over the last 30 days", "2026-02-17", "day"),
    ("display takings across the last quarter", "2025-10-01", "week"),
    ("how have washes moved over the past 8 weeks", "2026-01-19", "week"),
    ("pull up washes over last month", "2026-02-01", "day"),
    ("washes at govan over the last 6 months", "2025-09-01", "month"),
])
def test_a_figure_shown_over_a_span_is_its_trend(text: str, start: str, grain: str) -> None:
    got = ask(LAUNDRY, text)
    assert got["intent"] == "trend" and got["time"]["grain"] == grain and got["time"]["start"] == start


@pytest.mark.parametrize("text", [
    "total washes over the last 30 days",
    "show me total washes over the last 30 days",
    "washes in total over the last 30 days",
    "how many washes over the last 30 days",
    "what were takings over the last 6 months",
    "washes across the last quarter combined",
])
def test_a_figure_summed_over_a_span_is_one_value(text: str) -> None:
    assert ask(LAUNDRY, text)["intent"] == "value"


def test_a_span_split_by_a_dimension_stays_a_breakdown() -> None:
    got = ask(LAUNDRY, "show me washes by site over the last 30 days")
    assert (got["intent"], got["group_by"]) == ("breakdown", "site")
