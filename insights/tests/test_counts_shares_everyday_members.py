"""Counts, shares, "per" and members as everyday words, over made-up companies of different shapes (classes the
fresh held-out sets found): a count said "# of" or "how many diff" with members before the counted noun; a member
spelled like a function word that says which of a kind of member ("our own app"); the member said just before the
share word as the part, every other member narrowing the whole; a catalogue ratio's words ("sales per order")
dividing the tenant's own columns where the catalogue's parts are missing; an unknown name after "excl" asked
back, never dropped."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2025, 10, 20)
FIRST, LAST = date(2023, 2, 1), date(2025, 10, 12)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions, first_date=FIRST, last_date=LAST)


CAFES = _model("e-cafes-1", ("sales", "orders", "tips"), {
    "cafe": ("Hove", "Lewes", "Rye"), "meal": ("Brunch", "Lunch", "Supper"),
    "channel": ("Own", "Walk In", "Courier"), "range": ("Bakes", "Coffee", "Seasonal"),
})
WINERY = _model("e-winery-1", ("revenue", "cost", "bottles"), {
    "county": ("Kent", "Sussex", "Surrey"), "wine": ("Bacchus", "Rondo", "Ortega", "Solaris"),
    "outlet": ("Cellar Door", "Direct", "Trade"),
})
GYMS = _model("e-gyms-1", ("takings", "visits"), {
    "club": ("Ely", "March", "Wisbech"), "membership": ("Own", "Corporate", "Student"),
    "class_type": ("Spin", "Yoga", "Pump"),
})
RETAIL = _model("e-retail-1", ("revenue", "cost", "orders"), {"region": ("North", "South")})


def read(text: str, model: SemanticModel) -> dict:
    got = parse(text, model=model, as_of=AS_OF)
    return {**got.understanding.as_json(), "clarification": got.clarification}


def constraints(got: dict) -> dict[str, list[str]]:
    out = {dim: list(values) for dim, values in got["filters"].items()}
    if got["subject"]:
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


COUNTS = [
    ("how many diff wines did we sell in kent last month", WINERY, "wine", {"county": ["Kent"]}),
    ("how many diff. wines sold in sussex in q2", WINERY, "wine", {"county": ["Sussex"]}),
    ("# of courier cafes we used in q3 2024", CAFES, "cafe", {"channel": ["Courier"]}),
    ("number of brunch ranges at rye last month", CAFES, "range", {"meal": ["Brunch"], "cafe": ["Rye"]}),
    ("# of spin clubs last quarter", GYMS, "club", {"class_type": ["Spin"]}),
    ("how many trade wines did we ship in 2024", WINERY, "wine", {"outlet": ["Trade"]}),
]


@pytest.mark.parametrize(("text", "model", "counted", "where"), COUNTS, ids=[t for t, *_ in COUNTS])
def test_a_count_with_members_before_its_noun_counts_the_noun_under_those_members(text, model, counted, where):
    got = read(text, model)
    assert (got["intent"], got["group_by"]) == ("count", counted), got["clarification"]
    assert constraints(got) == where


def test_members_before_a_dimension_noun_without_a_count_word_stay_a_filter():
    got = read("sales of courier cafes last month", CAFES)
    assert got["intent"] != "count"
    assert constraints(got) == {"channel": ["Courier"]}


OWN = [
    ("how much did our own app do in brunch sales ytd?", CAFES, {"channel": ["Own"], "meal": ["Brunch"]}),
    ("sales on our own website last month", CAFES, {"channel": ["Own"]}),
    ("takings from our Own app members at ely last month", GYMS, {"membership": ["Own"], "club": ["Ely"]}),
]


@pytest.mark.parametrize(("text", "model", "where"), OWN, ids=[t for t, *_ in OWN])
def test_a_function_word_member_before_a_kind_of_member_the_data_has_no_name_for_is_that_member(text, model, where):
    got = read(text, model)
    assert got["intent"] == "value", got["clarification"]
    assert constraints(got) == where


def test_a_kind_of_member_after_a_pronoun_is_still_asked_about():
    got = read("how much did the other app do ytd?", CAFES)
    assert got["intent"] == "clarify"
    assert "app" in got["clarification"]


SHARES = [
    ("seasonal share of supper sales at lewes ytd", CAFES, ("range", "Seasonal"),
     {"meal": ["Supper"], "cafe": ["Lewes"]}),
    ("rondo % of kent revenue in trade last year", WINERY, ("wine", "Rondo"),
     {"county": ["Kent"], "outlet": ["Trade"]}),
    ("share of sales from bakes at hove last month", CAFES, ("range", "Bakes"), {"cafe": ["Hove"]}),
    ("what % of sussex revenue came through direct in 2024", WINERY, ("outlet", "Direct"), {"county": ["Sussex"]}),
    ("what share of lunch sales at rye came from coffee ytd", CAFES, ("range", "Coffee"),
     {"meal": ["Lunch"], "cafe": ["Rye"]}),
]


@pytest.mark.parametrize(("text", "model", "part", "whole"), SHARES, ids=[t for t, *_ in SHARES])
def test_the_part_of_a_share_is_the_member_said_as_the_part_and_the_others_are_the_whole(text, model, part, whole):
    got = read(text, model)
    assert got["intent"] == "share", got["clarification"]
    assert (got["subject"]["dimension"], got["subject"]["value"]) == part
    assert got["filters"] == whole


PER_OWN_COLUMNS = [
    ("sales per order at hove ytd", CAFES, "sales", "orders", {"cafe": ["Hove"]}),
    ("tips per order last month", CAFES, "tips", "orders", {}),
]


@pytest.mark.parametrize(("text", "model", "measure", "per", "where"), PER_OWN_COLUMNS,
                         ids=[t for t, *_ in PER_OWN_COLUMNS])
def test_a_ratio_of_the_tenants_own_columns_divides_them_where_the_catalogue_lacks_its_parts(text, model, measure,
                                                                                              per, where):
    got = read(text, model)
    assert (got["intent"], got["measure"], got["per"]) == ("value", measure, per), got["clarification"]
    assert constraints(got) == where


def test_the_catalogue_ratio_keeps_its_name_where_its_parts_exist():
    got = read("sales per order in the north last month", RETAIL)
    assert (got["measure"], got["per"]) == ("avg_order_value", None)


@pytest.mark.parametrize("text", ["revenue per order at hove ytd", "average order value at hove ytd"])
def test_a_ratio_the_tenant_has_no_parts_for_is_asked_back(text):
    got = read(text, CAFES)
    assert got["intent"] == "clarify"
    assert "average order value" in got["clarification"]


def test_sales_per_order_without_orders_is_asked_back():
    got = read("sales per order last month", WINERY)
    assert got["intent"] == "clarify"


EXCLUDED_UNKNOWN = [
    ("what were sales excl brighton last yr", CAFES, "brighton"),
    ("revenue exc cornwall in 2024", WINERY, "cornwall"),
    ("takings barring cambridge last month", GYMS, "cambridge"),
]


@pytest.mark.parametrize(("text", "model", "name"), EXCLUDED_UNKNOWN, ids=[t for t, *_ in EXCLUDED_UNKNOWN])
def test_an_unknown_name_after_an_exclusion_word_is_asked_back_never_dropped(text, model, name):
    got = read(text, model)
    assert got["intent"] == "clarify"
    assert name in got["clarification"].lower()


def test_a_known_member_after_excl_is_left_out():
    got = read("what were sales excl lewes last yr", CAFES)
    assert got["intent"] == "value"
    assert constraints(got) == {"cafe": ["Hove", "Rye"]}
