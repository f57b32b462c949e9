"""Members named like English and time words, words that look like typos of members, requests that are
not questions, explicit to-date comparison spans and questions about single events (issue 13).

The company is shaped like none of the eval sets: account managers and vets named like months, seasons,
modals and adjectives, clinics named after towns that are words."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding

PEOPLE = company(
    version="people-1", columns=("bookings", "seats", "appointments"),
    dimensions={
        "manager": ("August", "Frank", "Grace", "June", "Summer", "Will"),
        "vet": ("Holly", "May", "Rose"),
        "clinic": ("Deal", "March", "Reading"),
        "region": ("APAC", "EMEA"),
        "channel": ("Direct", "Partner"),
        "service": ("Dental", "Surgery"),
    },
    first_date=date(2024, 1, 1), last_date=date(2026, 10, 31),
)
AS_OF = date(2026, 10, 22)


def T(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


def read(text: str, *, context: Understanding | None = None):
    return parse(text, model=PEOPLE, as_of=AS_OF, context=context)


def check(text: str, want: dict[str, Any], *, context: Understanding | None = None) -> dict[str, Any]:
    got = read(text, context=context).understanding.as_json()
    if "time" in want and got.get("time"):
        got["time"] = {k: got["time"][k] for k in ("start", "end")}
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    return got


def constraints(got: dict[str, Any]) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


WORD_MEMBERS = [
    # an aside of candour is framing, not the manager Frank
    ("to be frank the partner number looked off - what were partner bookings in q3?",
     {"intent": "value", "measure": "bookings", "time": T("2026-07-01", "2026-09-30")}, {"channel": ["Partner"]}),
    ("Honestly, to be fair: seats for Direct last month",
     {"intent": "value", "measure": "seats"}, {"channel": ["Direct"]}),
    # a possessive is the member's; the month after "in" is the month
    ("june's seats in august pls", {"intent": "value", "measure": "seats", "time": T("2026-08-01", "2026-08-31")},
     {"manager": ["June"]}),
    ("summer's bookings last month", {"intent": "value", "time": T("2026-09-01", "2026-09-30")},
     {"manager": ["Summer"]}),
    ("will's seats last month", {"intent": "value", "time": T("2026-09-01", "2026-09-30")}, {"manager": ["Will"]}),
    ("may's appointments last month", {"intent": "value", "time": T("2026-09-01", "2026-09-30")}, {"vet": ["May"]}),
    # "at March" is the clinic, "in March 2025" the month
    ("appointments at March in March 2025?", {"intent": "value", "measure": "appointments",
                                              "time": T("2025-03-01", "2025-03-31")}, {"clinic": ["March"]}),
    # the subject of "did … do" is the vet; the month after "in" is the month
    ("how many appointments did may do in june", {"intent": "value", "measure": "appointments",
                                                  "time": T("2026-06-01", "2026-06-30")}, {"vet": ["May"]}),
    # a modal "will" is no manager
    ("will we hit 10k appointments this quarter?", {"intent": "pace", "measure": "appointments", "target": 10000},
     {}),
    ("what did grace book in q3?", {"intent": "value", "measure": "bookings"}, {"manager": ["Grace"]}),
]


@pytest.mark.parametrize(("text", "want", "members"), WORD_MEMBERS, ids=[t for t, *_ in WORD_MEMBERS])
def test_a_member_named_like_a_word_is_read_by_the_grammar_around_it(text, want, members):
    assert constraints(check(text, want)) == members


def test_an_aside_of_candour_is_reported_as_ignored():
    got = check("to be frank, what were partner bookings in q3?", {"intent": "value"})
    assert "frank" in got["ignored"]


@pytest.mark.parametrize("follow_up", ["and will?", "what about will?", "And Will?"])
def test_a_bare_follow_up_naming_a_member_replaces_the_previous_one(follow_up):
    first = read("what did summer book in q3?").understanding
    assert dict(first.constraints) == {"manager": ("Summer",)}
    got = check(follow_up, {"intent": "value", "measure": "bookings", "time": T("2026-07-01", "2026-09-30")},
                context=first)
    assert constraints(got) == {"manager": ["Will"]}


def test_a_season_after_a_time_word_is_the_season_not_the_member():
    got = read("bookings this summer")
    assert got.understanding.intent == "clarify"
    assert "summer" in got.clarification.lower()


ORDINARY_WORDS = [
    # "came" after a period is a verb, not an unknown name one typo from a member
    ("what share of emea bookings in 2025 came through partners?",
     {"intent": "share", "measure": "bookings", "subject": {"dimension": "channel", "value": "Partner"},
      "filters": {"region": ["EMEA"]}, "time": T("2025-01-01", "2025-12-31")}),
    ("how much of q3 went through direct", {"intent": "share", "subject": {"dimension": "channel",
                                                                           "value": "Direct"}}),
]


@pytest.mark.parametrize(("text", "want"), ORDINARY_WORDS, ids=[t for t, _ in ORDINARY_WORDS])
def test_an_ordinary_word_after_a_period_is_not_asked_about(text, want):
    check(text, want)


NOT_QUESTIONS = [
    "write a slack post for #sales celebrating our q3 bookings",
    "give me a linkedin post about our bookings",
    "draft a quick note to the team about q3 bookings",
    "write up a summary of q3 bookings for the board",
    "compose an upbeat announcement of our seats record",
]


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_a_request_to_write_something_is_out_of_scope_even_when_it_names_measures(text):
    assert read(text).understanding.intent == "out_of_scope"


@pytest.mark.parametrize("text", ["summarise q3 for me", "give me a summary of q3", "write me a summary of q3"])
def test_a_summary_for_the_asker_is_still_a_summary(text):
    check(text, {"intent": "summary", "time": T("2026-07-01", "2026-09-30")})


TO_DATE_SPANS = [
    ("mtd bookings vs same point last month", T("2026-10-01", "2026-10-22"), T("2026-09-01", "2026-09-22")),
    ("seats this month compared to the same time last month", T("2026-10-01", "2026-10-22"),
     T("2026-09-01", "2026-09-22")),
    ("qtd bookings vs same point last quarter", T("2026-10-01", "2026-10-22"), T("2026-07-01", "2026-07-22")),
    ("ytd bookings vs last ytd", T("2026-01-01", "2026-10-22"), T("2025-01-01", "2025-10-22")),
    ("ytd seats vs same point last year", T("2026-01-01", "2026-10-22"), T("2025-01-01", "2025-10-22")),
    ("mtd seats vs last year's mtd", T("2026-10-01", "2026-10-22"), T("2025-10-01", "2025-10-22")),
    ("ytd seats vs same time last year", T("2026-01-01", "2026-10-22"), T("2025-01-01", "2025-10-22")),
]


@pytest.mark.parametrize(("text", "time", "compare_to"), TO_DATE_SPANS, ids=[t for t, *_ in TO_DATE_SPANS])
def test_a_to_date_span_is_compared_with_the_same_span_earlier(text, time, compare_to):
    got = check(text, {"intent": "compare", "time": time})
    assert {k: got["compare_to"][k] for k in ("start", "end")} == compare_to


@pytest.mark.parametrize("text", ["longest single surgery we did in sept?", "the single biggest booking this year",
                                  "what was our largest single appointment last month"])
def test_a_single_event_is_asked_back_with_what_the_data_holds(text):
    got = read(text)
    assert got.understanding.intent == "clarify"
    assert "daily totals" in got.clarification


def test_a_single_period_is_still_a_ranking_of_periods():
    check("biggest single day for bookings this year", {"intent": "rank", "group_by": "day", "limit": 1})


VERBS = [
    # a member named like a verb, used as one: after its subject, or before its object
    ("appointments rose in march 2025, why?", {"intent": "drivers", "measure": "appointments"}),
    ("reading the numbers, what were appointments last month?", {"intent": "value", "measure": "appointments"}),
    ("we deal with it, but what were appointments last month?", {"intent": "value", "measure": "appointments"}),
]


@pytest.mark.parametrize(("text", "want"), VERBS, ids=[t for t, _ in VERBS])
def test_a_member_named_like_a_verb_used_as_one_is_the_verb(text, want):
    assert constraints(check(text, want)) == {}


NAMES_NOT_VERBS = [
    ("appointments at reading last month", {"clinic": ["Reading"]}),
    ("reading appointments last month", {"clinic": ["Reading"]}),
    ("how's the deal clinic doing", {"clinic": ["Deal"]}),
    ("what did rose do in september", {"vet": ["Rose"]}),
    ("Rose's appointments last month", {"vet": ["Rose"]}),
    ("appointments for Rose rose in q3", {"vet": ["Rose"]}),
    # after a measure, only a verb of change is a verb; before a period, no object follows
    ("seats direct in q3", {"channel": ["Direct"]}),
    ("seats partner the last 3 months", {"channel": ["Partner"]}),
]


@pytest.mark.parametrize(("text", "members"), NAMES_NOT_VERBS, ids=[t for t, _ in NAMES_NOT_VERBS])
def test_a_member_named_like_a_verb_is_the_member_where_the_grammar_says_so(text, members):
    got = read(text)
    assert got.understanding.intent != "clarify", got.clarification
    assert constraints(got.understanding.as_json()) == members


@pytest.mark.parametrize("text", ["bookings for june", "june bookings", "give me the rundown for august"])
def test_a_month_named_member_with_no_period_said_is_asked_back_naming_both(text):
    got = read(text)
    assert got.understanding.intent == "clarify"
    assert "2026 (the month)" in got.clarification and "(manager)" in got.clarification
    assert len(got.suggestions) == 2


def test_a_month_named_follow_up_is_the_member_after_one_of_its_dimension_and_asked_after_a_month():
    person = read("what did summer book in q3?").understanding
    assert constraints(check("and june?", {"intent": "value"}, context=person)) == {"manager": ["June"]}
    month = read("bookings in april").understanding
    assert read("and june?", context=month).understanding.intent == "clarify"


@pytest.mark.parametrize("text", ["seats for june in september", "how did june do?", "june's bookings",
                                  "grace and june bookings last quarter"])
def test_a_month_named_member_is_the_member_where_nothing_is_in_doubt(text):
    got = read(text)
    assert got.understanding.intent != "clarify", got.clarification
    assert "June" in constraints(got.understanding.as_json()).get("manager", [])


def test_the_top_one_of_a_dimension_is_a_ranking():
    check("who's the top manager by bookings this year?",
          {"intent": "rank", "group_by": "manager", "order": "desc", "limit": 1, "measure": "bookings"})
