"""Property-based fuzz of the question parser: any text, any as-of date, any follow-up context, any semantic
model a CSV can produce (odd column and member names included) — ``parse`` never raises, and never returns
an understanding that breaks the contract (shared/spec/ask-contract.md, version 2: its fields, intents, group_by
and per kinds), also for as-of dates at the calendar's edges and periods past them."""
from __future__ import annotations

import math
import string
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insights.understanding.parser import parse
from insights.understanding.types import GRAINS, INTENTS, ORDER_BYS, ORDERS, Period, Understanding
from metrics.measures import SUMMABLE, measures_for, snake_case
from metrics.semantic import SemanticModel

pytestmark = pytest.mark.fuzz  # also run by `make fuzz`

COMPARED = ("compare", "drivers", "summary")
GROUPED = ("breakdown", "rank", "drivers", "share", "count", "unusual")
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
    # contract v2
    "per", "per day", "per order", "average", "daily", "share", "% of", "mix", "cumulative", "running total",
    "fastest-growing", "grew the most", "biggest drop", "unusual", "stood out", "on track", "to hit", "$1.5M",
    "50k", "45%", "how many", "ever", "on record", "of all time", "median", "forecast", "single order", "gap",
    "between", "than", "poem", "write", "translate", "yr", "qtr", "wk", "mom", "yoy", "wow", "vs ly",
    "the month before", "week 60 of 2025", "q3 9999", "last 5000 years", "9999", "0001", "hey", "thanks",
    "quick one for the board deck:", "dept", "by the end of the year",
)
name_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
odd_name = st.one_of(st.sampled_from(CUE_WORDS), name_text, st.sampled_from(("North", "EMEA", "Online", "Q3 Promo",
                     "2024", "Top", "Last Year", "Émilie", "北京", "a", "A/B", "x" * 200)))
day = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
# As-of dates include the calendar's first and last days: no date arithmetic may raise there.
as_of_day = st.one_of(day, st.sampled_from((date.min, date.max, date(1, 1, 31), date(9999, 12, 1))), st.dates())


def clean(name: str) -> str | None:
    name = name.strip()
    return name or None


@st.composite
def semantic_models(draw) -> SemanticModel:
    """Catalogue columns and columns of the tenant's own ("Net Bookings", odd names), as an import makes them."""
    columns = {name: name for name in draw(st.sets(st.sampled_from(SUMMABLE)))}
    for written in draw(st.lists(st.one_of(st.sampled_from(("Net Bookings", "Seats", "Billable Hours", "refunds",
                                                               "Demo Requests")), odd_name), max_size=3)):
        name = snake_case(written)
        if name and name not in columns and name not in ("gross_margin", "margin_pct", "avg_order_value"):
            columns[name] = written
    if not columns:
        columns = {"revenue": "revenue"}
    definitions = measures_for(columns)
    taken = {"date", *SUMMABLE, *columns}
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
    return SemanticModel(version=f"v{draw(st.integers(0, 10**9))}", measures=tuple(m.name for m in definitions),
                         definitions={m.name: m for m in definitions}, dimensions=dimensions, first_date=first,
                         last_date=last, row_count=1)


@st.composite
def questions(draw, model: SemanticModel) -> str:
    members = [m for ms in model.dimensions.values() for m in ms]
    words = list(CUE_WORDS) + members + list(model.dimensions) + [
        s for m in model.measures for s in model.measure(m).words]
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
    rows = dims + (list(GRAINS) if intent in ("breakdown", "rank") else [])
    part = None
    if intent == "share" and dims and draw(st.booleans()):
        dimension = draw(st.sampled_from(dims))
        part = (dimension, draw(st.sampled_from(model.dimensions[dimension])))
    return Understanding(
        intent=intent,
        measure=draw(st.sampled_from(model.measures)),
        time=draw(periods()),
        compare_to=draw(periods()) if intent in COMPARED or intent == "rank" else None,
        constraints=constraints,
        group_by=draw(st.sampled_from(rows)) if rows and intent in GROUPED else None,
        order=draw(st.sampled_from(ORDERS)) if intent == "rank" else None,
        limit=draw(st.integers(1, 50)) if intent in ("rank", "unusual") else None,
        per=draw(st.one_of(st.none(), st.sampled_from((*model.measures, *GRAINS, *dims)))),
        order_by=draw(st.one_of(st.none(), st.sampled_from(ORDER_BYS))) if intent == "rank" else None,
        cumulative=intent == "trend" and draw(st.booleans()),
        also=tuple(draw(st.lists(st.sampled_from(model.measures), max_size=2, unique=True))),
        target=draw(st.floats(min_value=0, max_value=1e12)) if intent == "pace" else None,
        part=part,
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
    grains = GRAINS if u.intent in ("breakdown", "rank") else ()
    assert u.group_by is None or u.group_by in model.dimensions or u.group_by in grains, (u.intent, u.group_by)
    assert u.group_by is None or u.intent in GROUPED, (u.intent, u.group_by)
    assert u.limit is None or (isinstance(u.limit, int) and u.limit >= 1)
    assert u.limit is None or u.intent in ("rank", "unusual"), (u.intent, u.limit)
    assert u.order is None or u.order in ORDERS
    assert u.order_by is None or (u.order_by in ORDER_BYS and u.intent == "rank"), (u.intent, u.order_by)
    compared = u.intent in COMPARED or u.order_by is not None
    assert (u.compare_to is not None) == compared, (u.intent, u.order_by, u.compare_to)
    assert u.time is not None, "an answered question has a period"
    assert u.per is None or u.per in model.measures or u.per in GRAINS or u.per in model.dimensions, u.per
    assert u.per is None or u.measure is None or not model.measure(u.measure).is_ratio, "a ratio is not divided"
    assert not u.cumulative or u.intent == "trend"
    assert set(u.also) <= set(model.measures) and u.measure not in u.also, u.also
    # only a pace has a target; a pace without one said is asked for it by the answer (analysis), never computed
    assert u.target is None or u.intent == "pace", (u.intent, u.target)
    assert u.target is None or math.isfinite(u.target)
    assert u.part is None or (u.intent == "share" and u.part[1] in model.dimensions.get(u.part[0], ())), u.part
    assert all(isinstance(w, str) for w in u.ignored)
    out = u.as_json()  # serialisable as the contract's object, and read back the same
    assert Understanding.from_json(out).as_json() == out


@FUZZ
@given(data=st.data())
def test_any_question_parses_within_the_contract(data):
    model = data.draw(semantic_models())
    result = parse(data.draw(questions(model)), model=model, as_of=data.draw(as_of_day))
    assert_within_contract(result, model)


@FUZZ
@given(data=st.data())
def test_any_follow_up_parses_within_the_contract(data):
    model = data.draw(semantic_models())
    context = data.draw(contexts(model))
    result = parse(data.draw(questions(model)), model=model, as_of=data.draw(as_of_day), context=context)
    assert_within_contract(result, model)


@FUZZ
@given(text=st.text(max_size=2000), as_of=as_of_day)
def test_arbitrary_unicode_never_breaks_the_parser(text, as_of):
    model = SemanticModel(version="fixed", measures=tuple(m.name for m in measures_for({s: s for s in SUMMABLE})),
                          dimensions={"region": ("EMEA", "APAC"), "channel": ("Online", "Retail")},
                          first_date=date(2023, 1, 1), last_date=date(2025, 12, 31), row_count=1)
    assert_within_contract(parse(text, model=model, as_of=as_of), model)


def test_a_dimension_named_only_by_punctuation_does_not_break_questions():
    """Found by the fuzz: a CSV column named ':' made every question of the tenant raise IndexError."""
    model = SemanticModel(version="punct", measures=("revenue",), dimensions={":": ("revenue",), "#": ("x",)},
                          first_date=date(2025, 1, 1), last_date=date(2025, 6, 30), row_count=1)
    result = parse("What was revenue last month?", model=model, as_of=date(2025, 6, 15))
    assert result.understanding.intent == "value" and result.understanding.measure == "revenue"


EDGES = [
    (as_of, text)
    for as_of in (date.min, date(1, 3, 1), date(2025, 11, 10), date(9999, 12, 1), date.max)
    for text in ("Revenue last 5000 years", "Revenue in Q3 9999", "Revenue in week 60 of 2025", "Revenue yoy",
                 "Revenue this year vs last year", "Monthly revenue over the last 12 months", "Why did revenue drop?",
                 "Are we on track for $1.5M this year?", "Anything unusual last week?", "Revenue ever",
                 "Which month was our best?", "Revenue next year", "Revenue in 0001", "Revenue since 1900",
                 "Cumulative revenue by month this year", "What was revenue yesterday?")
]


@pytest.mark.parametrize(("as_of", "text"), EDGES, ids=[f"{a}: {t}" for a, t in EDGES])
def test_dates_at_the_calendars_edges_are_a_clarify_or_a_bounded_period(as_of, text):
    """Issue 10.6: as-of 0001-01-01 or 9999-12-31, "last 5000 years", "Q3 9999", "week 60 of 2025"."""
    model = SemanticModel(version="edges", measures=("revenue",), dimensions={"region": ("EMEA", "APAC")},
                          first_date=date(2023, 1, 1), last_date=date(2025, 10, 31), row_count=1)
    result = parse(text, model=model, as_of=as_of)
    assert_within_contract(result, model)
    u = result.understanding
    assert u.answered or result.clarification


def test_a_follow_up_dividing_a_ratio_per_day_is_asked_back():
    """Found by the fuzz: 'per day' after a trend of margin % divided the ratio again (per='day' on margin_pct)."""
    model = SemanticModel(version="ratio", measures=tuple(m.name for m in measures_for({s: s for s in SUMMABLE})),
                          dimensions={"region": ("EMEA", "APAC")}, first_date=date(2024, 1, 1),
                          last_date=date(2025, 12, 31), row_count=1)
    trend = parse("margin % trend by month this year", model=model, as_of=date(2025, 6, 1)).understanding
    assert trend.measure == "margin_pct" and trend.intent == "trend"
    for follow_up in ("per day", "and per day?"):
        result = parse(follow_up, model=model, as_of=date(2025, 6, 1), context=trend)
        assert result.understanding.intent == "clarify", follow_up
        assert "already a ratio" in result.clarification
    revenue = parse("and revenue per day?", model=model, as_of=date(2025, 6, 1), context=trend).understanding
    assert revenue.measure == "revenue" and revenue.per == "day"
