"""A "how many" that names no measure and nothing countable ("how many did we do at Bath") is never answered
with the money measure: it is the data's one obvious count, or a clarify offering the counts there are."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.counts import count_measures
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2025, 11, 12)


def _model(version: str, columns: dict[str, str] | tuple[str, ...], dimensions: dict[str, tuple[str, ...]]):
    return company(version=version, columns=columns, dimensions=dimensions,
                   first_date=date(2023, 3, 1), last_date=date(2025, 10, 31))


VETS = _model("vets-1", ("appointments", "revenue", "no_shows", "new_clients", "treatment_minutes", "drug_cost"),
              {"clinic": ("Bath", "Wells"), "vet": ("May", "Rose")})
RETAIL = _model("retail-1", ("revenue", "cost", "units", "orders", "new_customers"),
                {"region": ("EMEA", "APAC"), "channel": ("Online", "Retail")})
WHOLESALE = _model("wholesale-1", ("net_sales", "cases", "returns", "deliveries", "margin"),
                   {"brand": ("Best", "Prime"), "sales_rep": ("Art", "Don")})
FREIGHT = _model("freight-1", {"revenue": "revenue", "shipments": "shipments", "pallets": "pallets",
                               "fuel_cost": "Fuel Cost"}, {"depot": ("Leeds", "Reading")})
CLINIC = _model("clinic-1", ("revenue", "appointments", "billable_hours"), {"clinic": ("Bath", "Wells")})
STUDIO = _model("studio-1", ("revenue", "cost"), {"studio": ("Bath", "Wells")})


@pytest.mark.parametrize(("model", "counts"), [
    (VETS, ("appointments", "no_shows", "new_clients")),
    (RETAIL, ("units", "orders", "new_customers")),
    (WHOLESALE, ("cases", "returns", "deliveries")),
    (FREIGHT, ("shipments", "pallets")),
    (CLINIC, ("appointments",)),
    (STUDIO, ()),
], ids=["vets", "retail", "wholesale", "freight", "clinic", "studio"])
def test_counts_are_the_measures_that_are_no_money_percentage_or_duration(model, counts):
    assert count_measures(model) == counts


SEVERAL = [
    ("how many did we do at bath", VETS, {"clinic": ("Bath",)}),
    ("how many did we sell last month", VETS, {}),
    ("how many did we do last month", RETAIL, {}),
    ("how many in emea last month", RETAIL, {"region": ("EMEA",)}),
    ("how many did Art and Don sell in july", WHOLESALE, {"sales_rep": ("Art", "Don")}),
    ("how many at leeds last quarter", FREIGHT, {"depot": ("Leeds",)}),
]


@pytest.mark.parametrize(("text", "model", "constraints"), SEVERAL, ids=[t for t, *_ in SEVERAL])
def test_several_counts_are_offered_never_the_money_measure(text, model, constraints):
    got = parse(text, model=model, as_of=AS_OF)
    counts = count_measures(model)
    assert got.understanding.intent == "clarify"
    assert got.understanding.measure is None
    assert dict(got.understanding.constraints) == constraints  # what was understood is kept
    assert len(got.suggestions) == len(counts)
    for name, suggestion in zip(counts, got.suggestions, strict=True):
        assert model.measure(name).label.lower() in got.clarification
        # each suggestion is the same question with that count, and reads back so
        again = parse(suggestion, model=model, as_of=AS_OF).understanding
        assert (again.intent, again.measure) == ("value", name)
        assert dict(again.constraints) == constraints


ONE = [
    ("how many did we do at bath last month", CLINIC, "appointments", {"clinic": ("Bath",)}),
    ("how many did we sell in q3", RETAIL, "units", {}),  # what is sold is counted in units
    ("how many did we sell online last month", RETAIL, "units", {"channel": ("Online",)}),
]


@pytest.mark.parametrize(("text", "model", "measure", "constraints"), ONE, ids=[t for t, *_ in ONE])
def test_the_one_obvious_count_is_answered(text, model, measure, constraints):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, got.measure, dict(got.constraints)) == ("value", measure, constraints)


def test_a_company_without_counts_says_so_and_offers_its_measures():
    got = parse("how many did we do at bath last month", model=STUDIO, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "counts nothing" in got.clarification
    assert len(got.suggestions) == len(STUDIO.measures)


@pytest.mark.parametrize(("text", "model", "measure"), [
    ("how many appts did we do at bath last month", VETS, "appointments"),
    ("how many cases did Best move last month", WHOLESALE, "cases"),
    ("how many pallets did we move in q3", FREIGHT, "pallets"),
    ("how many orders did we get online last month", RETAIL, "orders"),
])
def test_a_named_measure_is_still_the_one_counted(text, model, measure):
    assert parse(text, model=model, as_of=AS_OF).understanding.measure == measure


@pytest.mark.parametrize("model", [RETAIL, VETS, WHOLESALE], ids=["retail", "vets", "wholesale"])
def test_a_noun_the_data_does_not_hold_is_asked_back_even_where_there_are_units(model: SemanticModel):
    got = parse("how many patients did we see last month", model=model, as_of=AS_OF)
    assert got.understanding.intent == "clarify" and "patients" in got.clarification


def _previous(measure: str) -> Understanding:
    first = parse(f"{measure.replace('_', ' ')} at wells last month", model=VETS, as_of=AS_OF).understanding
    assert first.measure == measure
    return first


def test_a_follow_up_after_a_count_counts_the_same_thing():
    got = parse("how many at bath?", model=VETS, as_of=AS_OF, context=_previous("appointments")).understanding
    assert (got.intent, got.measure, dict(got.constraints)) == ("value", "appointments", {"clinic": ("Bath",)})


def test_a_follow_up_after_money_asks_what_to_count():
    got = parse("how many at bath?", model=VETS, as_of=AS_OF, context=_previous("revenue"))
    assert got.understanding.intent == "clarify" and "How many of what?" in got.clarification
