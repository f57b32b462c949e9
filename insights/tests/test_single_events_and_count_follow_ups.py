"""What daily totals cannot hold, and follow-ups that lean on a count (issue 13, Honesty):

- one event asked by a superlative or a threshold ("the priciest single massage", "how many individual refunds were
  over £500", "how many refunds were above 1,000") is a clarify saying what the data holds, where the event is a
  member, a measure's word or an everyday event noun; a period ("the most refunds in a single week") stays a ranking;
- "how many of them <verb> <member>" after a count of a dimension counts the same members, narrowed to the member;
- a member followed by its dimension's word in the plural ("corporate clients" of client_tier, "web orders" of
  order_channel) is that member, not a figure the data lacks;
- a member spelled like a verb, said as a verb on the last answer ("limit it to the top 3", "narrow that down to
  the top 5"), is the instruction: a ranking of the previous breakdown, never a filter to that member.

Made-up companies unlike the eval sets: a day spa, a ferry line, a tutoring school, a wholesaler, a travel agency,
a bouldering gym and a canal-boat hire."""
from __future__ import annotations

import re
from datetime import date

import pytest

from insights.tests.asking import constraints, conversation, span
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 10)
SPA = company(version="spa-1", columns=("treatment_revenue", "appointments"), dimensions={
    "treatment": ("Massage", "Facial", "Pedicure"), "therapist": ("Ana Ruiz", "Ben Cole"), "studio": ("Soho", "Bow"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
FERRY = company(version="ferry-1", columns=("fare_revenue", "refunds"), dimensions={
    "route": ("Dover-Calais", "Hull-Rotterdam"), "cabin_class": ("Standard", "Club"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
TUTORS = company(version="tutors-1", columns=("lesson_fees", "lessons", "cancellations"), dimensions={
    "tutor": ("Mia Khan", "Tom Reed", "Ola Berg"), "subject": ("Maths", "Physics", "French"),
    "campus": ("North", "South"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
WHOLESALE = company(version="wholesale-1", columns=("net_revenue", "gross_margin"), dimensions={
    "client_tier": ("Corporate", "Independent"), "order_channel": ("Web", "Phone"), "region": ("East", "West"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
AGENCY = company(version="agency-1", columns=("commission", "trips_sold", "complaints"), dimensions={
    "reservation_channel": ("Phone", "Online"), "lead_source": ("Referral", "Search"), "region": ("East", "West"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
BOULDERING = company(version="boulder-1", columns=("revenue", "visits"), dimensions={
    "gym": ("Limit", "Crux", "Send"), "coach": ("Ivy", "Raj", "Lou", "Kim", "Sol", "Eli"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
CANALS = company(version="canals-1", columns=("hire_revenue", "hires"), dimensions={
    "marina": ("Narrow", "Lock Ten", "Wharf"), "boat_size": ("Two Berth", "Four Berth", "Six Berth"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
LAST_MONTH = {"start": "2026-02-01", "end": "2026-02-28"}
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}


def quoted(asked: str) -> str:
    """The words of the question a clarify quotes back."""
    found = re.search(r"“([^”]*)”", asked)
    return found[1] if found else ""


def clarification(text: str, model, context=None) -> str | None:
    return parse(text, model=model, as_of=AS_OF, context=context).clarification


# ---------------------------------------------------------------- one event: a clarify saying what the data holds

@pytest.mark.parametrize(("model", "text", "said"), [
    (SPA, "whats the most expensive single massage we did in q4", "single massage"),  # a member
    (SPA, "priciest individual facial last month", "individual facial"),
    (SPA, "what was the highest treatment revenue for one pedicure", "one pedicure"),
    (SPA, "biggest single appointment this year", "single appointment"),  # a measure's word
    (FERRY, "what was the largest individual refund in 2025", "individual refund"),
    (FERRY, "the top single booking on dover-calais last month", "single booking"),  # an event noun the data lacks
    (TUTORS, "which was our costliest single lesson", "single lesson"),
])
def test_the_top_of_one_event_is_a_clarify_naming_what_the_data_holds(model, text, said):
    asked = clarification(text, model)
    assert asked is not None, text
    assert said in quoted(asked) and "daily totals" in asked


@pytest.mark.parametrize(("model", "text", "said"), [
    (FERRY, "how many individual refunds were over £500?", "individual refunds"),
    (FERRY, "how many refunds were above 1,000 last year", "how many refunds were above 1,000"),
    (SPA, "how many massages cost more than $120 in january", "how many massages cost more than $120"),
    (TUTORS, "how many lessons were over 2k", "how many lessons were over 2k"),
])
def test_a_count_of_events_past_a_line_is_a_clarify(model, text, said):
    asked = clarification(text, model)
    assert asked is not None, text
    assert said in quoted(asked) and "daily totals" in asked


def test_one_event_after_a_total_is_no_total():
    previous = parse("total refunds since we started", model=FERRY, as_of=AS_OF).understanding
    assert previous.intent == "value"
    asked = clarification("how many individual refunds were over $2k?", FERRY, context=previous)
    assert asked is not None and "daily totals" in asked


@pytest.mark.parametrize(("model", "text", "group_by"), [
    (FERRY, "the most refunds in a single week", "week"),
    (SPA, "highest treatment revenue in one month", "month"),
    (FERRY, "which route had the highest fare revenue last month", "route"),
    (TUTORS, "top tutor by lesson fees for each subject in 2025", None),
])
def test_periods_and_members_split_stay_answerable_or_asked_otherwise(model, text, group_by):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert "daily totals of" not in (parsed.clarification or ""), text
    if group_by is not None:
        assert parsed.understanding.group_by == group_by


@pytest.mark.parametrize("text", ["how many routes had refunds over 1k last year", "how many refunds in 2024",
                                  "how many refunds over 2024 and 2025"])
def test_counts_of_members_and_years_are_no_single_event(text):
    assert "daily totals of" not in (clarification(text, FERRY) or "")


# ---------------------------------------------------------------- "how many of them …" after a count

@pytest.mark.parametrize(("turns", "counted", "members", "period"), [
    (("how many tutors taught in 2025", "how many of them did physics?"), "tutor", {"subject": ["Physics"]},
     YEAR_2025),
    (("how many tutors had lessons last month", "how many of those taught french"), "tutor",
     {"subject": ["French"]}, LAST_MONTH),
    (("how many campuses had lesson fees in 2025", "and last month?", "how many of them had physics?"), "campus",
     {"subject": ["Physics"]}, LAST_MONTH),
    (("how many regions had commission in 2025", "how many of those had online reservations?"), "region",
     {"reservation_channel": ["Online"]}, YEAR_2025),
])
def test_a_count_of_them_keeps_the_counted_dimension_and_adds_the_member(turns, counted, members, period):
    model = AGENCY if "commission" in turns[0] else TUTORS
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert (got["intent"], got["group_by"], constraints(got), span(got["time"])) == (
        "count", counted, members, period)


def test_a_count_of_them_with_nothing_counted_before_is_still_asked():
    asked = clarification("how many of them did physics?", TUTORS)
    assert asked is not None


# ---------------------------------------------------------------- a member before its dimension's word in the plural

@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (AGENCY, "commission from phone reservations by region in 2025", "reservation_channel", "Phone"),
    (AGENCY, "what % of commission came from online reservations last year?", "reservation_channel", "Online"),
    (WHOLESALE, "what % of net revenue came from corporate clients last year?", "client_tier", "Corporate"),
    (WHOLESALE, "net revenue from web orders by region in 2025", "order_channel", "Web"),
])
def test_a_member_before_its_dimension_word_in_the_plural_is_that_member(model, text, dimension, member):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.clarification is None, parsed.clarification
    assert constraints(parsed.understanding.as_json()) == {dimension: [member]}


def test_the_plural_alone_is_still_the_figure_asked_for():
    # "online reservations last month" names no measure: reservations are what is asked, and the data holds none
    assert "reservations" in (clarification("online reservations last month", AGENCY) or "")


# ---------------------------------------------------------------- a verb-named member said as a verb on the answer

@pytest.mark.parametrize(("model", "first", "then", "group_by", "limit"), [
    (BOULDERING, "revenue by coach last month", "can u limit it to the top 3", "coach", 3),
    (BOULDERING, "visits by coach in 2025", "limit that to the top 5", "coach", 5),
    (CANALS, "hire revenue by boat size last month", "narrow that down to the top 2", "boat_size", 2),
])
def test_a_verb_member_on_the_last_answer_is_the_instruction(model, first, then, group_by, limit):
    got = conversation(first, then, model=model, as_of=AS_OF)
    assert (got["intent"], got["group_by"], got["limit"], constraints(got)) == ("rank", group_by, limit, {})


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (BOULDERING, "revenue at limit last month", "gym", "Limit"),
    (CANALS, "hires at narrow in 2025", "marina", "Narrow"),
])
def test_the_member_said_as_a_name_stays_the_member(model, text, dimension, member):
    got = parse(text, model=model, as_of=AS_OF).understanding.as_json()
    assert constraints(got) == {dimension: [member]}
