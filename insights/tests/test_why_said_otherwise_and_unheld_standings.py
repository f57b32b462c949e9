"""Why-questions said without "why", standings the data does not count, and buyers it does not hold.

- A change said with "what's going on", "what's up with that", "what gives", or any change asked "how come", asks
  why it happened: the drivers of that change (contract v2, "drivers"), with the premise corrected first where the
  numbers went the other way. A change said as it goes on ("is shrinking", "are slowing down") is a change.
- "How many active subscribers" where the data counts new subscribers: "active" picks some of what is counted and
  no measure's name holds it, so the answer would be another question's; it is asked back, naming the word.
- "How much did riverside roasters buy" where no customer is called so: the buyer is a name the data lacks, asked
  back (a clarify), never the whole business's total, nor out of scope for a word of its name ("coffee").

The companies are shaped like none of the eval sets: a courier firm by city and vehicle, a streaming service
by plan, and a seed merchant selling packets to nurseries and farms."""
from __future__ import annotations

from datetime import date

import pytest

from insights.answering.narrative import claimed_direction, compose
from insights.answering.results import Result, Row
from insights.tests.asking import constraints, span
from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2025, 11, 12)
COURIER = company(version="courier-w1", columns=("deliveries", "fares"), dimensions={
    "city": ("Leeds", "Bristol", "Cardiff"), "vehicle": ("Van", "Cargo Bike", "Scooter"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))
STREAMING = company(version="stream-w1", columns=("new_subscribers", "minutes_streamed", "revenue"), dimensions={
    "plan": ("Basic", "Family", "Student"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))
STANDING_HELD = company(version="stream-w2", columns=("active_subscribers", "new_subscribers"), dimensions={
    "plan": ("Basic", "Family", "Student"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))
SEEDS = company(version="seeds-w1", columns=("revenue", "packets"), dimensions={
    "customer": ("Greenleaf Nursery", "Hilltop Farm", "Bloom Garden Centre"), "crop": ("Tomato", "Kale", "Squash"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))
MAY = {"start": "2025-05-01", "end": "2025-05-31"}
APRIL = {"start": "2025-04-01", "end": "2025-04-30"}
OCTOBER = {"start": "2025-10-01", "end": "2025-10-31"}
SEPTEMBER = {"start": "2025-09-01", "end": "2025-09-30"}
YEAR_TO_DATE = {"start": "2025-01-01", "end": "2025-11-12"}
YEAR_BEFORE = {"start": "2024-01-01", "end": "2024-11-12"}


def read(model: SemanticModel, text: str, *, context=None):
    return parse(text, model=model, as_of=AS_OF, context=context)


@pytest.mark.parametrize(("text", "measure", "members", "time", "compare_to"), [
    ("leeds deliveries crashed in may 2025, what's going on there", "deliveries", {"city": ["Leeds"]}, MAY, APRIL),
    ("fares fell last month, what's up with that", "fares", {}, OCTOBER, SEPTEMBER),
    ("cardiff fares jumped in may, what gives", "fares", {"city": ["Cardiff"]}, MAY, APRIL),
    ("how come vans are shrinking this year", "deliveries", {"vehicle": ["Van"]}, YEAR_TO_DATE, YEAR_BEFORE),
    ("how come cargo bike deliveries grew in may", "deliveries", {"vehicle": ["Cargo Bike"]}, MAY, APRIL),
    ("scooter fares are slowing down this year, whats happening", "fares", {"vehicle": ["Scooter"]}, YEAR_TO_DATE,
     YEAR_BEFORE),
])
def test_a_change_asked_about_without_why_is_its_drivers(text, measure, members, time, compare_to):
    got = read(COURIER, text).understanding.as_json()
    assert got["intent"] == "drivers"
    assert got["measure"] == measure
    assert constraints(got) == members
    assert span(got["time"]) == time
    assert span(got["compare_to"]) == compare_to


def test_what_is_going_on_with_no_change_said_asks_no_why():
    assert read(COURIER, "what's going on in bristol this month").understanding.intent != "drivers"


@pytest.mark.parametrize("verb", ["shrinking", "slowing down", "weakening", "softening"])
def test_a_change_said_as_it_goes_on_is_a_change_never_left_out(verb):
    got = read(COURIER, f"bristol deliveries are {verb} this year").understanding
    assert got.intent == "compare"
    assert span(got.as_json()["compare_to"]) == YEAR_BEFORE
    assert not any(word in verb for word in got.ignored)


@pytest.mark.parametrize(("question", "direction"), [
    ("how come vans are shrinking this year", -1), ("fares are falling, what's going on", -1),
    ("deliveries fell in may, what's up with that", -1), ("why are scooter fares growing", 1),
    ("what's up with fares this year", 0),
])
def test_the_premise_of_a_change_said_as_it_goes_on_is_read(question, direction):
    assert claimed_direction(question) == direction


def test_a_drivers_answer_corrects_a_shrinking_that_was_a_rise():
    understanding = read(COURIER, "how come vans are shrinking this year").understanding
    result = Result(value=1200.0, previous_value=1000.0, change=200.0, change_pct=20.0, rows=(Row("Leeds", 200.0),))
    text = compose(understanding=understanding, result=result, model=COURIER, currency="GBP",
                   question="how come vans are shrinking this year")
    assert text.startswith("Deliveries for Van did not drop in")
    assert "it rose" in text


@pytest.mark.parametrize(("text", "word"), [
    ("how many active subscribers do we have rn", "active"),
    ("how many paying subscribers did the family plan have last month", "paying"),
    ("lapsed subscribers in october", "lapsed"),
    ("how many returning subscribers on basic this year", "returning"),
    ("what were our current subscribers in september", "current"),
])
def test_a_standing_no_measure_counts_is_asked_back_naming_it(text, word):
    parsed = read(STREAMING, text)
    assert parsed.understanding.intent == "clarify"
    assert f"“{word}”" in (parsed.clarification or "")


def test_a_standing_asked_after_an_answer_is_asked_back_too():
    before = read(STREAMING, "total minutes streamed since we started?").understanding
    parsed = read(STREAMING, "how many active subscribers do we have rn", context=before)
    assert parsed.understanding.intent == "clarify"
    assert "“active”" in (parsed.clarification or "")


def test_a_standing_the_measure_is_named_by_is_that_measure():
    got = read(STANDING_HELD, "how many active subscribers last month").understanding
    assert (got.intent, got.measure) == ("value", "active_subscribers")
    assert read(STREAMING, "how many new subscribers last month").understanding.measure == "new_subscribers"


def test_current_money_is_this_periods_money_not_a_standing():
    got = read(STREAMING, "current revenue on the family plan").understanding
    assert (got.intent, got.measure) == ("value", "revenue")


@pytest.mark.parametrize(("text", "name"), [
    ("how much did riverside roasters buy last qtr", "riverside roasters"),
    ("how much did oakridge coffee co spend in may", "oakridge"),
    ("how many packets did meadowbrook pizza kitchen order in may", "meadowbrook"),
    ("how much did thornbury allotments purchase this year", "thornbury"),
])
def test_a_buyer_the_data_lacks_is_asked_back(text, name):
    parsed = read(SEEDS, text)
    assert parsed.understanding.intent == "clarify"
    assert name in (parsed.clarification or "").lower()


def test_a_buyer_the_data_holds_is_that_customer():
    got = read(SEEDS, "how much did hilltop farm buy last qtr").understanding.as_json()
    assert (got["intent"], got["measure"]) == ("value", "revenue")
    assert constraints(got) == {"customer": ["Hilltop Farm"]}
    assert span(got["time"]) == {"start": "2025-07-01", "end": "2025-09-30"}


def test_small_talk_about_a_place_stays_out_of_scope():
    assert read(SEEDS, "what's the weather in oakridge").understanding.intent == "out_of_scope"
