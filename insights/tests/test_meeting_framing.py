"""When a meeting is ("prepping for monday standup", "for friday's meeting", "before tmrw's call", "for the q4
review") is framing: it says when people meet, not a period to compute for. The question's own period is read
(or the default taken), the words go to ``ignored`` (contract v2, "Honesty"). A weekday asked about as a period
("revenue on mondays") is still a question back: the data holds no weekday split.

The companies are shaped like none of the eval sets: a bike courier and a community theatre."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 6, 17)
COURIER = company(version="courier-f1", columns=("deliveries", "fares"), dimensions={
    "zone": ("Harbourside", "Old Town"), "bike": ("Cargo", "Road"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 15))
THEATRE = company(version="theatre-f1", columns=("tickets", "box_office"), dimensions={
    "show": ("Hamlet", "Cabaret", "Pinafore"), "seat": ("Stalls", "Circle"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 15))
MAY = {"start": "2026-05-01", "end": "2026-05-31", "grain": "month"}
Q1 = {"start": "2026-01-01", "end": "2026-03-31", "grain": "quarter"}


def understood(model, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


@pytest.mark.parametrize(("model", "text", "intent", "time", "said"), [
    (COURIER, "anything unusual last month? prepping for monday standup", "unusual", MAY, "monday"),
    (COURIER, "deliveries last month for friday's meeting", "value", MAY, "friday's"),
    (COURIER, "fares by zone in q1 before tmrw's call", "breakdown", Q1, "tmrw's"),
    (THEATRE, "tickets last month, for the q4 review", "value", MAY, "q4"),
    (THEATRE, "top show by box office in q1 ahead of thursday's board meeting", "rank", Q1, "thursday's"),
    (THEATRE, "getting ready for next week's all-hands: tickets by seat last month", "breakdown", MAY, "week's"),
    (THEATRE, "box office last month? for the wed catch-up", "value", MAY, "wed"),
    (COURIER, "for the monday wrap-up: how many deliveries last month?", "value", MAY, "monday"),
    (THEATRE, "for fridays recap: tickets last month", "value", MAY, "fridays"),
    (COURIER, "deliveries by zone in q1 for the thursday debrief", "breakdown", Q1, "thursday"),
])
def test_when_a_meeting_is_is_framing_and_the_question_keeps_its_period(model, text, intent, time, said):
    got = understood(model, text)
    assert got["intent"] == intent
    assert got["time"] == time
    assert said in got["ignored"]


def test_without_a_period_said_the_default_month_is_taken():
    got = understood(COURIER, "deliveries by bike for tuesday's standup")
    assert (got["intent"], got["group_by"], got["time"]) == ("breakdown", "bike", MAY)


@pytest.mark.parametrize(("model", "text"), [
    (COURIER, "deliveries on mondays last month"),
    (THEATRE, "tickets for friday"),
    (THEATRE, "box office on friday nights"),
])
def test_a_weekday_asked_about_is_still_asked_back(model, text):
    assert understood(model, text)["intent"] == "clarify"


@pytest.mark.parametrize("text", [
    "can you write next weeks roster for harbourside",
    "write the rota for next week",
    "draft a delivery schedule for the riders",
])
def test_a_roster_or_schedule_to_write_is_no_question_about_the_data(text):
    assert understood(COURIER, text)["intent"] == "out_of_scope"


def test_a_recap_asked_for_is_still_the_numbers():
    assert understood(COURIER, "give me a recap of last month")["intent"] == "summary"
