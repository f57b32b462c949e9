"""A word several of the tenant's measures' names share names them all (issue 13): "what did we bill" of
billed_fees and billed_hours is asked back, listing both, unless the question settles which: the rest of one name
said ("how many hours did we bill"), "how much" of the one amount among them, "how many" of the one count. A name
of two words is also written joined ("writeoffs", "checkins"), where that spelling is nothing else of the
tenant's; a particle ("offs", "ups") names no figure alone.

The companies are made up: a warehouse shipping units and value, a studio booking hours and revenue, an agency
billing fees and costs (both money), a courier whose measures open on one noun, a gym, a box office."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
SPAN = {"first_date": date(2024, 1, 1), "last_date": date(2026, 2, 28)}
WAREHOUSE = company(version="wh-sw1", columns=("shipped_units", "shipped_value", "returns"),
                    dimensions={"depot": ("Leeds", "York", "Hull"), "carrier": ("Swift", "Parcelo")}, **SPAN)
STUDIO = company(version="studio-sw1", columns=("booked_hours", "booked_revenue", "no_shows"),
                 dimensions={"room": ("Studio A", "Live Room"), "engineer": ("Dana Cole", "Raj Patel")}, **SPAN)
AGENCY = company(version="agency-sw1", columns=("billed_fees", "billed_costs", "matters"),
                 dimensions={"office": ("Leeds", "Bath")}, **SPAN)
COURIER = company(version="courier-sw1", columns=("parcels_delivered", "parcels_returned", "fuel_cost"),
                  dimensions={"depot": ("Hull", "York")}, **SPAN)
GYM = company(version="gym-sw1", columns=("sign_ups", "check_ins", "drop_offs", "revenue"),
              dimensions={"club": ("Northside", "Riverside"), "channel": ("Dropoff", "Web")}, **SPAN)
BOX_OFFICE = company(version="box-sw1", columns=("tickets_sold", "ticket_revenue"),
                     dimensions={"venue": ("Arena", "Hall")}, **SPAN)


def ask(model: SemanticModel, text: str):
    return parse(text, model=model, as_of=AS_OF)


def read(model: SemanticModel, text: str) -> dict:
    return ask(model, text).understanding.as_json()


@pytest.mark.parametrize(("model", "text", "labels"), [
    (WAREHOUSE, "what did we ship last month", ("Shipped units", "Shipped value")),
    (WAREHOUSE, "shipping by carrier last month", ("Shipped units", "Shipped value")),
    (STUDIO, "booked last week", ("Booked hours", "Booked revenue")),
    (STUDIO, "what did dana cole book last month", ("Booked hours", "Booked revenue")),
    (AGENCY, "billed by office", ("Billed fees", "Billed costs")),
    (AGENCY, "how much did we bill last month", ("Billed fees", "Billed costs")),  # both are money
    (COURIER, "parcels by depot last month", ("Parcels delivered", "Parcels returned")),
])
def test_a_word_two_measures_share_is_asked_back_listing_them(model, text, labels):
    got = ask(model, text)
    assert got.understanding.intent == "clarify"
    assert all(label in got.suggestions and label in (got.clarification or "") for label in labels)


@pytest.mark.parametrize(("model", "text", "measure"), [
    (WAREHOUSE, "how many units did we ship last month", "shipped_units"),
    (WAREHOUSE, "units shipped by depot", "shipped_units"),
    (WAREHOUSE, "value shipped last month", "shipped_value"),
    (STUDIO, "how many hours did we book last month", "booked_hours"),
    (STUDIO, "hours booked by room", "booked_hours"),
    (AGENCY, "how much in fees did we bill last month", "billed_fees"),
])
def test_the_rest_of_one_name_said_settles_it(model, text, measure):
    got = read(model, text)
    assert got["intent"] != "clarify" and got["measure"] == measure and got["also"] == []


@pytest.mark.parametrize(("model", "text", "measure"), [
    (WAREHOUSE, "how much did we ship last month", "shipped_value"),
    (WAREHOUSE, "how much more did leeds ship than york in 2025", "shipped_value"),
    (STUDIO, "how much did we book in january", "booked_revenue"),
    (WAREHOUSE, "how many did we ship last month", "shipped_units"),
])
def test_how_much_asks_the_one_amount_and_how_many_the_one_count(model, text, measure):
    got = read(model, text)
    assert got["intent"] != "clarify" and got["measure"] == measure


def test_how_many_of_an_amount_and_a_duration_is_still_asked():
    # booked hours are time, booked revenue money: neither is a count
    assert read(STUDIO, "how many did we book last month")["intent"] == "clarify"


def test_a_measure_outside_the_shared_word_does_not_settle_it():
    # "returns" is no shipped figure: which shipped one is still unsaid
    assert read(WAREHOUSE, "shipped vs returns last month")["intent"] == "clarify"


def test_a_noun_one_count_counts_stays_that_count():
    # ticket_revenue is money the noun only qualifies; the tickets are tickets_sold
    assert read(BOX_OFFICE, "tickets by venue")["measure"] == "tickets_sold"


@pytest.mark.parametrize(("text", "measure"), [
    ("signups last month", "sign_ups"), ("checkins by club", "check_ins"), ("checkin count last month", "check_ins"),
    ("sign-ups last month", "sign_ups"),
])
def test_a_two_word_name_written_joined_names_it(text, measure):
    got = read(GYM, text)
    assert got["intent"] != "clarify" and got["measure"] == measure


def test_a_joined_name_that_is_a_member_stays_the_member():
    got = read(GYM, "revenue from dropoff last month")
    assert got["measure"] == "revenue" and got["subject"] == {"dimension": "channel", "value": "Dropoff"}


@pytest.mark.parametrize("text", ["offs last month", "ups by club", "ins this year"])
def test_a_particle_names_no_measure(text):
    got = read(GYM, text)
    assert got["measure"] not in ("sign_ups", "check_ins", "drop_offs")


@pytest.mark.parametrize(("model", "text", "counted", "subject"), [
    (WAREHOUSE, "how many depots shipped in may", "depot", None),
    (WAREHOUSE, "how many carriers were shipping out of york in 2025", "carrier", {"dimension": "depot",
                                                                                   "value": "York"}),
    (STUDIO, "how many rooms were booked last month", "room", None),
    (AGENCY, "how many offices were billing in h1 2025", "office", None),  # both billed figures are money
    (STUDIO, "how many engineers booked time in studio a in 2025", "engineer", {"dimension": "room",
                                                                                    "value": "Studio A"}),
])
def test_a_shared_word_said_of_the_members_counted_is_the_count(model, text, counted, subject):
    # a count counts the members with any facts: what they did names no figure to ask which of
    got = read(model, text)
    assert got["intent"] == "count" and got["group_by"] == counted and got["subject"] == subject


def test_a_follow_up_to_such_a_count_is_the_same_count():
    first = ask(STUDIO, "how many engineers booked time in the live room in 2024?").understanding
    got = parse("and in 2025?", model=STUDIO, as_of=AS_OF, context=first).understanding.as_json()
    assert got["intent"] == "count" and got["group_by"] == "engineer"
    assert got["subject"] == {"dimension": "room", "value": "Live Room"} and got["time"]["start"] == "2025-01-01"


@pytest.mark.parametrize(("model", "text"), [
    (STUDIO, "how many did the rooms book last month"),  # no members counted: which figure is still unsaid
    (STUDIO, "how many did we book last month"),
])
def test_a_shared_word_with_no_members_counted_is_still_asked(model, text):
    assert read(model, text)["intent"] == "clarify"
