"""Short forms of a tenant's own measure and dimension words ("appts", "rev", "svc line", "AM", "clinic 104"),
on made-up companies whose columns no parser rule names: the forms come from the column names alone."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests import models
from insights.understanding.abbreviations import derived, initials, standard
from insights.understanding.parser import parse
from insights.understanding.vocabulary import vocabulary_for
from metrics.semantic import SemanticModel

AS_OF = date(2025, 11, 12)


def company(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return models.company(version=version, columns=measures, dimensions=dimensions,
                          first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))


# A physiotherapy group: measures of its own, a numeric site code, a channel named "App".
PHYSIO = company("physio-1", ("appointments", "revenue", "treatment_minutes", "cancellations"), {
    "site": ("Ashford", "Dover", "Hythe"),
    "site_code": ("201", "202", "203"),
    "service_line": ("Sports", "Rehab", "Pilates"),
    "booking_channel": ("App", "Phone", "Web"),
    "account_manager": ("Ada", "Ben"),
})
# A parcel broker with no revenue column and two measures that start alike.
BROKER = company("broker-1", ("consignments", "referrals", "refunds", "quantity_shipped", "management_fees"), {
    "depot": ("Leeds", "Revere", "York"),
    "lane": ("North", "South"),
})


@pytest.mark.parametrize(("word", "forms"), [
    ("appointment", {"appt", "appts", "apt"}),
    ("appointments", {"appts"}),
    ("quantity", {"qty"}),
    ("amount", {"amt"}),
    ("management", {"mgmt"}),
    ("manager", {"mgr", "mgrs"}),
    ("service", {"svc", "serv"}),
    ("revenue", {"rev", "revs"}),
    ("conversions", {"conv", "convs"}),
    ("customers", {"cust", "custs"}),
])
def test_short_forms_are_derived_from_the_word(word, forms):
    assert forms <= derived(word) | standard(word)


@pytest.mark.parametrize(("word", "never"), [
    ("appointments", {"app", "apps"}),  # everyday words keep their meaning
    ("state", {"stat", "stats"}),  # a prefix cuts the word well short
    ("yearly", {"yr", "yrs"}),  # the parser's own chat spellings
    ("minimum", {"min"}),
])
def test_no_short_form_is_an_everyday_or_parser_word(word, never):
    assert not never & derived(word)


def test_initials_of_a_name_of_several_words():
    assert initials(("account", "manager")) == "am"
    assert initials(("revenue",)) is None


@pytest.mark.parametrize(("text", "measure", "filters", "group_by"), [
    ("how many appts at ashford last month?", "appointments", {"site": ("Ashford",)}, None),
    ("appt count for dover in june", "appointments", {"site": ("Dover",)}, None),
    ("rev by site last month", "revenue", {}, "site"),
    ("rev by svc line last month", "revenue", {}, "service_line"),
    ("treatment mins by site in q3", "treatment_minutes", {}, "site"),
    ("cancs by site last month", "cancellations", {}, "site"),
    ("top AM by rev this year", "revenue", {}, "account_manager"),
    ("rev by account mgr this year", "revenue", {}, "account_manager"),
    ("appts by rep this year", "appointments", {}, "account_manager"),
    ("app appts last month", "appointments", {"booking_channel": ("App",)}, None),  # the member stays itself
    ("appts at site 202 in sept", "appointments", {"site_code": ("202",)}, None),
    ("appts at site #202 in sept", "appointments", {"site_code": ("202",)}, None),
    ("appts for code 203 last month", "appointments", {"site_code": ("203",)}, None),
])
def test_short_forms_name_the_tenants_measures_and_dimensions(text, measure, filters, group_by):
    understanding = parse(text, model=PHYSIO, as_of=AS_OF).understanding
    assert understanding.intent != "clarify", text
    assert (understanding.measure, dict(understanding.constraints), understanding.group_by) == (
        measure, filters, group_by)


def test_two_measures_said_in_short_forms_are_both_given():
    understanding = parse("rev and appts by site last quarter", model=PHYSIO, as_of=AS_OF).understanding
    assert (understanding.measure, understanding.also, understanding.group_by) == (
        "revenue", ("appointments",), "site")


def test_initials_that_are_a_word_count_only_in_capitals():
    understanding = parse("am i right that appointments rose last month", model=PHYSIO, as_of=AS_OF).understanding
    assert understanding.group_by is None
    assert understanding.measure == "appointments"


def test_a_short_form_of_two_measures_is_asked_about_naming_both():
    parsed = parse("ref by lane last month", model=BROKER, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert {"Referrals", "Refunds"} <= set(parsed.suggestions)


def test_each_word_of_a_measure_name_has_its_short_forms():
    understanding = parse("mgmt fees by lane last month", model=BROKER, as_of=AS_OF).understanding
    assert (understanding.measure, understanding.group_by) == ("management_fees", "lane")
    understanding = parse("qty shipped by depot last month", model=BROKER, as_of=AS_OF).understanding
    assert (understanding.measure, understanding.group_by) == ("quantity_shipped", "depot")


def test_a_short_form_that_also_starts_a_member_is_asked_about_naming_both():
    model = company("broker-3", ("revenue", "consignments"), {"depot": ("Leeds", "Revere")})
    parsed = parse("rev last month", model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert {"Revenue", "Revere (depot)"} <= set(parsed.suggestions)
    assert parse("revenue last month", model=model, as_of=AS_OF).understanding.measure == "revenue"


def test_a_short_form_of_a_measure_the_data_lacks_says_so_never_the_default():
    parsed = parse("rev by lane last month", model=BROKER, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert "no figures for revenue" in (parsed.clarification or "")


def test_a_number_naming_no_code_is_asked_about():
    parsed = parse("appts at site 999 last month", model=PHYSIO, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert "999" in (parsed.clarification or "")


def test_suggestions_name_only_what_the_data_has():
    parsed = parse("consignments at the stor last month", model=BROKER, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert "Store" not in parsed.suggestions  # one typo from "store", which this broker has none of


def test_short_forms_are_built_into_the_cached_vocabulary():
    vocab = vocabulary_for(PHYSIO)
    assert vocab is vocabulary_for(PHYSIO)
    assert [e.name for e in vocab.entries_of_word("appts")] == ["appointments"]


def test_how_many_of_something_the_data_lacks_is_asked_back_never_the_default():
    parsed = parse("how many patients at ashford last month", model=PHYSIO, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert "patients" in (parsed.clarification or "")
    assert parse("how many sites had appts last month", model=PHYSIO, as_of=AS_OF).understanding.intent == "count"
