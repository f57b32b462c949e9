"""Counts and gaps the fresh held-out sets of issue 13 found misread, over made-up companies of different shapes:
a dimension named by its own column word is counted where the catalogue would read a measure the data lacks
("how many clients" of a client column, not new customers), and a member spelled like a plain word ("business",
"new") set against another member of its dimension is that member, for the gap between them."""
from __future__ import annotations

import pytest

from insights.tests.group_c_companies import ADS, AS_OF, CARS, CONSULTING, ENERGY, HOTELS, SHOPS, WHOLESALE
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel


def read(text: str, model: SemanticModel) -> dict:
    got = parse(text, model=model, as_of=AS_OF)
    return {**got.understanding.as_json(), "clarification": got.clarification}


COUNTED_COLUMNS = [
    ("how many clients ran ads in 2024?", ADS, "client"),
    ("how many customers did we bill last quarter", CONSULTING, "customer"),
]


@pytest.mark.parametrize(("text", "model", "group_by"), COUNTED_COLUMNS, ids=[t for t, *_ in COUNTED_COLUMNS])
def test_the_tenants_own_column_is_counted_over_a_catalogue_measure_it_lacks(text, model, group_by):
    got = read(text, model)
    assert (got["intent"], got["group_by"]) == ("count", group_by)


def test_customers_of_a_customer_type_column_are_not_counted_as_types():
    got = read("how many customers did we get last month", WHOLESALE)
    assert got["intent"] == "clarify"


UNNAMED_COUNTS = [
    ("how many hotels did we have trading in q1 2025?", HOTELS, "hotels"),
    ("how many shops sold cases last month", WHOLESALE, "shops"),
    ("how many patients did we see in 2024", CARS, "patients"),
    ("how many stores sold units last month", CARS, "stores"),
]


@pytest.mark.parametrize(("text", "model", "word"), UNNAMED_COUNTS, ids=[t for t, *_ in UNNAMED_COUNTS])
def test_a_count_of_something_no_dimension_is_called_offers_the_counts_there_are(text, model, word):
    got = parse(text, model=model, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert f"don't have {word}" in got.clarification
    offered = [parse(s, model=model, as_of=AS_OF).understanding for s in got.suggestions]
    assert [(u.intent, u.group_by) for u in offered] == [("count", d) for d in model.dimensions]
    said = got.understanding.time
    assert {(u.time.start, u.time.end) for u in offered} == {(said.start, said.end)}


GAPS_OF_PLAIN_WORD_MEMBERS = [
    ("how much more kwh did business use than residential last year", ENERGY, "customer_type",
     ["Business", "Residential"]),
    ("how many more units did new sell than used in 2024", CARS, "condition", ["New", "Used"]),
]


@pytest.mark.parametrize(("text", "model", "dimension", "members"), GAPS_OF_PLAIN_WORD_MEMBERS,
                         ids=[t for t, *_ in GAPS_OF_PLAIN_WORD_MEMBERS])
def test_a_member_spelled_like_a_plain_word_set_against_another_is_the_member(text, model, dimension, members):
    got = read(text, model)
    assert (got["intent"], got["group_by"], got["filters"]) == ("breakdown", dimension, {dimension: members})


PLAIN_WORDS_BESIDE_A_MEMBER = [
    ("how did the business do vs last year", ENERGY, "Business"),
    ("units in other countries than France last month", SHOPS, "Other"),
]


@pytest.mark.parametrize(("text", "model", "word"), PLAIN_WORDS_BESIDE_A_MEMBER,
                         ids=[t for t, *_ in PLAIN_WORDS_BESIDE_A_MEMBER])
def test_a_plain_word_before_a_noun_or_an_article_stays_a_word(text, model, word):
    got = read(text, model)
    named = [m for members in got["filters"].values() for m in members]
    named += [got["subject"]["value"]] if got["subject"] else []
    assert word not in named
