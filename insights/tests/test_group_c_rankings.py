"""Rankings the fresh held-out sets of issue 13 found misread, over made-up companies of different shapes: a rank
word before a time grain ("rank our quarters by units"), "who grew the most?" after a split (the one member),
an order word after a preposition ("brought in the fewest": the order, never an unknown name), and "per dollar
of" a measure (divided by that measure)."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.group_c_companies import ADS, AS_OF, CARS, CONSULTING, ENERGY, FIRST, HOTELS, LAST, WHOLESALE
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel


def read(text: str, model: SemanticModel, context=None) -> dict:
    got = parse(text, model=model, as_of=AS_OF, context=context)
    return {**got.understanding.as_json(), "clarification": got.clarification}


def read_turns(turns: tuple[str, ...], model: SemanticModel) -> dict:
    context = None
    for text in turns:
        got = parse(text, model=model, as_of=AS_OF, context=context)
        context = got.understanding
    return {**context.as_json(), "clarification": got.clarification}


RANKED_GRAINS = [
    ("rank our quarters by units, all time", CARS, "units", "quarter", (FIRST, LAST)),
    ("rank the months by kwh in 2024", ENERGY, "kwh", "month", (date(2024, 1, 1), date(2024, 12, 31))),
    ("a ranking of our weeks by fees this year", CONSULTING, "fees", "week", (date(2025, 1, 1), AS_OF)),
    ("rank years by net sales", WHOLESALE, "net_sales", "year", (FIRST, LAST)),
]


@pytest.mark.parametrize(("text", "model", "measure", "grain", "period"), RANKED_GRAINS,
                         ids=[t for t, *_ in RANKED_GRAINS])
def test_a_rank_word_before_a_time_grain_ranks_its_periods(text, model, measure, grain, period):
    got = read(text, model)
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"]) == (
        "rank", measure, grain, "desc", None)
    assert (got["time"]["start"], got["time"]["end"]) == tuple(d.isoformat() for d in period)


GROWTH_AFTER_A_SPLIT = [
    (("revenue by dealership last month", "who grew the most?"), CARS, "dealership", "change", 1),
    (("clicks by platform last quarter", "which grew fastest?"), ADS, "platform", "change_pct", 1),
    (("kwh by region in q3", "which declined the most?"), ENERGY, "region", "change", 1),
    (("room nights by property last month", "top growers?"), HOTELS, "property", "change", None),
]


@pytest.mark.parametrize(("turns", "model", "group_by", "order_by", "limit"), GROWTH_AFTER_A_SPLIT,
                         ids=[" / ".join(t) for t, *_ in GROWTH_AFTER_A_SPLIT])
def test_which_or_who_grew_the_most_after_a_split_is_the_one_member(turns, model, group_by, order_by, limit):
    got = read_turns(turns, model)
    assert (got["intent"], got["group_by"], got["order_by"], got["limit"]) == ("rank", group_by, order_by, limit)


CUES_AFTER_A_PREPOSITION = [
    ("which depot brought in the fewest cases in 2024?", WHOLESALE, "cases", "depot", "asc"),
    ("which practice brought in the most fees last month", CONSULTING, "fees", "practice", "desc"),
    ("which platform brought in the least revenue in q2", ADS, "revenue", "platform", "asc"),
]


@pytest.mark.parametrize(("text", "model", "measure", "group_by", "order"), CUES_AFTER_A_PREPOSITION,
                         ids=[t for t, *_ in CUES_AFTER_A_PREPOSITION])
def test_an_order_word_after_a_preposition_is_the_order_not_a_name(text, model, measure, group_by, order):
    got = read(text, model)
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"]) == (
        "rank", measure, group_by, order, 1)


PER_MONEY_OF = [
    ("revenue per dollar of spend by platform last quarter", ADS, "revenue", "spend", "breakdown"),
    ("revenue per $ of cost last month", CARS, "revenue", "cost", "value"),
    ("net sales per pound of cases in 2024", WHOLESALE, "net_sales", "cases", "value"),
    ("clicks for every dollar of spend last month", ADS, "clicks", "spend", "value"),
    ("revenue per dollar spent by platform in q3", ADS, "revenue", "spend", "breakdown"),
]


@pytest.mark.parametrize(("text", "model", "measure", "per", "intent"), PER_MONEY_OF, ids=[t for t, *_ in PER_MONEY_OF])
def test_per_dollar_of_a_measure_divides_by_that_measure(text, model, measure, per, intent):
    got = read(text, model)
    assert (got["intent"], got["measure"], got["per"]) == (intent, measure, per)


@pytest.mark.parametrize(("text", "said"), [("units per dollar last month", "per dollar"),
                                            ("units per dollar spent last month", "per dollar spent")])
def test_per_dollar_of_nothing_named_is_asked_back_as_said(text, said):
    got = read(text, CARS)
    assert got["intent"] == "clarify"
    assert f"“{said}”" in got["clarification"]
