"""A column's distinctive first word names it, in every form of its verb or in either number (contract v2,
"Measures from the tenant's own data"): "how much did we bill" of ``billed_amount``, "devices" of
``devices_shipped``; and each word of a name of several words in either number ("per device shipped").
A first word that is a generic modifier ("net", "late"), or that another measure, a dimension or a member uses,
names nothing alone: never answered as the default measure.

The companies are shaped like none of the eval sets: a law firm billing hours, a seed merchant shipping packets,
and a courier whose two measures share their first word."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
LAW = company(version="law-fw1", columns=("matters", "billed_fees", "written_off", "late_invoices"), dimensions={
    "office": ("Leeds", "Bristol", "Cardiff"), "practice": ("Family", "Property", "Probate"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
SEEDS = company(version="seeds-fw1", columns=("revenue", "packets_posted", "refund_claims"), dimensions={
    "crop": ("Tomato", "Bean", "Squash"), "shop": ("Online", "Market"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
COURIER = company(version="courier-fw1", columns=("parcels_delivered", "parcels_returned", "net_fuel"), dimensions={
    "depot": ("Hull", "York"), "driver": ("Bill", "Ann"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def read(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


@pytest.mark.parametrize("text", ["how much did we bill last month", "what did leeds bill in 2025",
                                  "billing by office this year", "which practice grew billed the most yoy",
                                  "how much more did leeds bill than bristol ytd", "hows the billed trend looking"])
def test_the_verb_of_a_columns_first_word_names_it(text):
    got = read(LAW, text)
    assert got["intent"] != "clarify" and got["measure"] == "billed_fees"


@pytest.mark.parametrize("text", ["packets by crop in 2025", "how many packets did online do last month",
                                  "refund by shop this year"])
def test_a_first_word_in_either_number_names_its_column(text):
    got = read(SEEDS, text)
    assert got["intent"] != "clarify"
    assert got["measure"] == ("refund_claims" if "refund" in text else "packets_posted")


@pytest.mark.parametrize(("model", "text", "per"), [
    (SEEDS, "revenue per packet posted by crop in 2025", "packets_posted"),
    (SEEDS, "revenue per refund claim by shop", "refund_claims"),
    (LAW, "written off per matter by office", "matters"),
])
def test_each_word_of_a_name_in_either_number_names_it(model, text, per):
    got = read(model, text)
    assert got["intent"] != "clarify" and got["per"] == per


def test_a_generic_first_word_names_no_column():
    # "late" qualifies any figure: alone it is no late_invoices, and "net" no net_fuel
    assert read(LAW, "late invoices by office last month")["measure"] == "late_invoices"
    assert read(LAW, "how late were we in leeds")["intent"] == "clarify"
    assert read(COURIER, "net by depot last month")["intent"] == "clarify"


def test_a_first_word_two_measures_share_names_neither():
    assert read(COURIER, "parcels by depot last month")["intent"] == "clarify"
    assert read(COURIER, "parcels returned by depot last month")["measure"] == "parcels_returned"


def test_a_verb_form_that_is_a_member_stays_the_member():
    # "bill" is a driver here: the courier has no billed column, and the driver is who it names
    got = read(COURIER, "parcels delivered by bill last month")
    assert got["measure"] == "parcels_delivered"
    assert got["subject"] == {"dimension": "driver", "value": "Bill"}
