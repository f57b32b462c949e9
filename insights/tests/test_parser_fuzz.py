"""Property-based fuzz of the question parser: any text, any as-of date, any follow-up context, any semantic
model a CSV can produce (odd column and member names included) — ``parse`` never raises, and never returns
an understanding that breaks the contract (shared/spec/ask-contract.md)."""
from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insights.understanding.parser import parse
from insights.understanding.types import GRAINS, INTENTS, ORDERS, Period, Understanding
from metrics.measures import CATALOGUE, SUMMABLE, available_measures
from metrics.semantic import SemanticModel

pytestmark = pytest.mark.fuzz  # also run by `make fuzz`

COMPARED = ("compare", "drivers", "summary")
ANSWERED = tuple(i for i in INTENTS if i not in ("clarify", "out_of_scope"))
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the parser listens for, so fuzzed names and texts collide with its vocabulary.
CUE_WORDS = (
    "revenue", "sales", "margin", "cost", "units", "orders", "customers", "aov", "top", "bottom", "best", "worst",
    "by", "vs", "versus", "compared", "why", "drop", "trend", "monthly", "weekly", "last", "this", "next", "year",
    "quarter", "month", "week", "day", "today", "yesterday", "ytd", "mtd", "q1", "q2", "q3", "q4", "h1", "h2",
    "2023", "2024", "2025", "march", "since", "between", "and", "or", "in", "what", "about", "how", "are", "we",
    "doing", "overview", "break", "down", "which", "most", "least", "3", "0", "-1", "999999999999", "all",
    "combined", "weather", "paris", "%", "$", "€", "?", "!", "...", "'", '"', "week 53", "q5", "feb 30",
)
name_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
odd_name = st.one_of(st.sampled_from(CUE_WORDS), name_text, st.sampled_from(("North", "EMEA", "Online", "Q3 Promo",
                     "2024", "Top", "Last Year", "Émilie", "北京", "a", "A/B", "x" * 200)))
day = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def clean(name: str) -> str | None:
    name = name.strip()
    return name or None


@st.composite
def semantic_models(draw) -> SemanticModel:
    columns = draw(st.sets(st.sampled_from(SUMMABLE), min_size=1))
    taken = {"date", *SUMMABLE}
    dimensions: dict[str, tuple[str, ...]] = {}
    for _ in range(draw(st.integers(0, 4))):
        name = clean(draw(st.one_of(st.sampled_from(("region", "channel", "product", "category", "store")),
                                    odd_name)))
        if name is None or name.casefold() in taken:
            continue
        taken.add(name.casefold())
        members = {m for m in (clean(x) for x in draw(st.lists(odd_name, min_size=1, max_size=8))) if m}
        if members:
            dimensions[name] = tuple(sorted(members))
    first = draw(day)
    last = first + timedelta(days=draw(st.integers(0, 3000)))
    return SemanticModel(version=f"v{draw(st.integers(0, 10**9))}", measures=available_measures(frozenset(columns)),
                         dimensions=dimensions, first_date=first, last_date=last, row_count=1)


@st.composite
def questions(draw, model: SemanticModel) -> str:
    members = [m for ms in model.dimensions.values() for m in ms]
    words = list(CUE_WORDS) + members + list(model.dimensions) + [
        s for m in model.measures for s in CATALOGUE[m].synonyms]
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return draw(st.text(max_size=200))
    if kind == 1:
        return " ".join(draw(st.lists(st.sampled_from(words), max_size=15)))
    parts = draw(st.lists(st.one_of(st.sampled_from(words), st.text(alphabet=string.printable, max_size=8)),
                          max_size=12))
    return draw(st.sampled_from(("", "What was ", "How did ", "Top 3 ", "Why did ", "And "))) + " ".join(parts)


@st.composite
def periods(draw) -> Period:
    start = draw(day)
    return Period(start=start, end=start + timedelta(days=draw(st.integers(0, 800))),
                  grain=draw(st.one_of(st.none(), st.sampled_from(GRAINS))))


@st.composite
def contexts(draw, model: SemanticModel) -> Understanding | None:
    if draw(st.booleans()):
        return None
    intent = draw(st.sampled_from(INTENTS))
    constraints = {}
    for dimension, members in model.dimensions.items():
        if draw(st.booleans()):
            constraints[dimension] = tuple(draw(st.lists(st.sampled_from(members), min_size=1, max_size=2,
                                                         unique=True)))
    dims = list(model.dimensions)
    return Understanding(
        intent=intent,
        measure=draw(st.sampled_from(model.measures)),
        time=draw(periods()),
        compare_to=draw(periods()) if intent in COMPARED else None,
        constraints=constraints,
        group_by=draw(st.sampled_from(dims)) if dims and intent in ("breakdown", "rank", "drivers") else None,
        order=draw(st.sampled_from(ORDERS)) if intent == "rank" else None,
        limit=draw(st.integers(1, 50)) if intent == "rank" else None,
    )


def assert_within_contract(result, model: SemanticModel) -> None:
    u = result.understanding
    assert isinstance(u, Understanding)
    assert u.intent in INTENTS
    assert 0.0 <= result.confidence <= 1.0
    for period in (u.time, u.compare_to):
        if period is not None:
            assert period.start <= period.end
            assert period.grain is None or period.grain in GRAINS
    if u.intent == "clarify":
        assert result.clarification, "a clarify asks something"
    if u.intent not in ANSWERED:
        return
    assert u.measure is None or u.measure in model.measures, u.measure
    for dimension, members in u.constraints.items():
        assert dimension in model.dimensions, dimension
        assert set(members) <= set(model.dimensions[dimension]), (dimension, members)
    assert u.group_by is None or u.group_by in model.dimensions, u.group_by
    assert u.limit is None or (isinstance(u.limit, int) and u.limit >= 1)
    assert u.order is None or u.order in ORDERS
    assert (u.compare_to is not None) == (u.intent in COMPARED), (u.intent, u.compare_to)
    assert u.time is not None, "an answered question has a period"
    u.as_json()  # serialisable as the contract's object


@FUZZ
@given(data=st.data())
def test_any_question_parses_within_the_contract(data):
    model = data.draw(semantic_models())
    result = parse(data.draw(questions(model)), model=model, as_of=data.draw(day))
    assert_within_contract(result, model)


@FUZZ
@given(data=st.data())
def test_any_follow_up_parses_within_the_contract(data):
    model = data.draw(semantic_models())
    context = data.draw(contexts(model))
    result = parse(data.draw(questions(model)), model=model, as_of=data.draw(day), context=context)
    assert_within_contract(result, model)


@FUZZ
@given(text=st.text(max_size=2000), as_of=day)
def test_arbitrary_unicode_never_breaks_the_parser(text, as_of):
    model = SemanticModel(version="fixed", measures=available_measures(frozenset(SUMMABLE)),
                          dimensions={"region": ("EMEA", "APAC"), "channel": ("Online", "Retail")},
                          first_date=date(2023, 1, 1), last_date=date(2025, 12, 31), row_count=1)
    assert_within_contract(parse(text, model=model, as_of=as_of), model)


def test_a_dimension_named_only_by_punctuation_does_not_break_questions():
    """Found by the fuzz: a CSV column named ':' made every question of the tenant raise IndexError."""
    model = SemanticModel(version="punct", measures=("revenue",), dimensions={":": ("revenue",), "#": ("x",)},
                          first_date=date(2025, 1, 1), last_date=date(2025, 6, 30), row_count=1)
    result = parse("What was revenue last month?", model=model, as_of=date(2025, 6, 15))
    assert result.understanding.intent == "value" and result.understanding.measure == "revenue"
