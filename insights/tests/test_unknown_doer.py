"""A person said as the doer ("how many jobs did mike from the denver shop close", "did priya book", "jobs for
mike") who names no member is a clarify (contract v2, "Honesty": people not in any dimension), never the figure
of the place beside them or of the whole business. A member said as the doer is answered.

The companies are shaped like none of the eval sets: a removals firm with depots and van sizes (no people),
and a tutoring agency whose tutors are a dimension."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 6, 15)
REMOVALS = company(version="removals-d1", columns=("moves", "quotes", "revenue"), dimensions={
    "depot": ("Leeds", "York", "Hull"), "van": ("Small", "Large"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))
TUTORS = company(version="tutors-d1", columns=("sessions", "fees"), dimensions={
    "tutor": ("Amira", "Jonas", "Keiko"), "subject": ("Maths", "Physics", "French"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))


@pytest.mark.parametrize(("model", "text", "who"), [
    (REMOVALS, "how many moves did mike from the leeds depot close last month", "mike"),
    (REMOVALS, "how many quotes did sandra at york win in q1", "sandra"),
    (REMOVALS, "how many moves did dave complete last month", "dave"),
    (REMOVALS, "moves for gary at the hull depot last month", "gary"),
    (TUTORS, "how many sessions did priya book last month", "priya"),
    (TUTORS, "how many maths sessions did tom from physics deliver in march", "tom"),
    (TUTORS, "fees for oskar last quarter", "oskar"),
])
def test_a_doer_naming_no_member_is_asked_back(model, text, who):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert f"“{who}”" in (parsed.clarification or "")


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (REMOVALS, "how many moves did leeds close last month", "depot", "Leeds"),
    (REMOVALS, "how many quotes did the york depot win in q1", "depot", "York"),
    (TUTORS, "how many sessions did jonas book last month", "tutor", "Jonas"),
    (TUTORS, "how many sessions did keiko deliver in march", "tutor", "Keiko"),
])
def test_a_member_said_as_the_doer_is_answered_for_it(model, text, dimension, member):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert got.intent == "value"
    assert got.constraints == {dimension: (member,)}


@pytest.mark.parametrize("text", ["how many moves did we close last month", "how many quotes did the team win in q1",
                                  "how many moves did the business complete last month"])
def test_the_whole_business_as_the_doer_is_answered_unfiltered(text):
    got = parse(text, model=REMOVALS, as_of=AS_OF).understanding
    assert got.intent == "value" and not got.constraints
