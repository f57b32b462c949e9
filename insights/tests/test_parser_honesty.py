"""Honesty in the parser: a qualifier or an operator that could change the numbers, placed by no span,
makes a clarify naming it; arithmetic between two measures is the measure defined that way, or a clarify.
Near misses (the same words where a span places them) must still answer."""
from __future__ import annotations

import pytest

from insights.tests.test_parser_v2 import AS_OF, SUPPLY
from insights.understanding.parser import parse
from metrics.measures import measures_for
from metrics.semantic import SemanticModel

_PLAIN_MEASURES = measures_for({"revenue": "revenue", "cost": "cost", "units": "units"})
# The same company without the catalogue's derived measures: nothing is defined as revenue - cost.
PLAIN = SemanticModel(
    version="plain-1", measures=tuple(m.name for m in _PLAIN_MEASURES if not m.derived),
    definitions={m.name: m for m in _PLAIN_MEASURES if not m.derived},
    dimensions=SUPPLY.dimensions, first_date=SUPPLY.first_date, last_date=SUPPLY.last_date,
)


def read(text: str, model: SemanticModel = SUPPLY):
    return parse(text, model=model, as_of=AS_OF)


UNPLACED_QUALIFIERS = [
    ("net bookings last month", "net", "bookings"),
    ("Gross bookings by territory this year", "gross", "bookings"),
    ("adjusted revenue last quarter", "adjusted", "revenue"),
    ("what were underlying seats in the Midwest last month?", "underlying", "seats"),
    ("organic revenue growth this year", "organic", "revenue"),
    ("annualized bookings for Enterprise", "annualized", "bookings"),
    ("what did we make net of cost last month", "net", "cost"),
]


@pytest.mark.parametrize(("text", "word", "measure"), UNPLACED_QUALIFIERS, ids=[t for t, *_ in UNPLACED_QUALIFIERS])
def test_an_unplaced_qualifier_is_asked_back_naming_it(text, word, measure):
    got = read(text)
    assert got.understanding.intent == "clarify"
    assert f"“{word}”" in got.clarification
    assert SUPPLY.measure(measure).label.lower() in got.clarification  # what was understood


UNPLACED_OPERATORS = [
    ("revenue minus returns last month", "minus"),
    ("revenue excluding discounts this year", "excluding"),
    ("bookings except refunds last quarter", "except"),
]


@pytest.mark.parametrize(("text", "word"), UNPLACED_OPERATORS, ids=[t for t, _ in UNPLACED_OPERATORS])
def test_an_operator_with_nothing_to_take_away_is_asked_back(text, word):
    got = read(text)
    assert got.understanding.intent == "clarify"
    assert "returns" in got.clarification or "discounts" in got.clarification or "refunds" in got.clarification \
        or f"“{word}”" in got.clarification


DEFINED_ARITHMETIC = [
    ("revenue minus cost last month", "gross_margin", None),
    ("Revenue less cost by territory this year", "gross_margin", "territory"),
    ("revenue - cost for Enterprise last month", "gross_margin", None),
    ("margin as a % of revenue last month", "margin_pct", None),
    ("gross margin as a percentage of revenue by segment", "margin_pct", "segment"),
]


@pytest.mark.parametrize(("text", "measure", "group_by"), DEFINED_ARITHMETIC, ids=[t for t, *_ in DEFINED_ARITHMETIC])
def test_arithmetic_the_catalogue_defines_is_that_measure(text, measure, group_by):
    got = read(text).understanding.as_json()
    assert got["intent"] != "clarify"
    assert (got["measure"], got["also"], got["group_by"]) == (measure, [], group_by)


UNDEFINED_ARITHMETIC = [
    ("bookings minus cost last month", SUPPLY, "bookings minus cost"),
    ("seats less orders this year", SUPPLY, "seats less orders"),
    ("bookings as a % of revenue last month", SUPPLY, "bookings as a % of revenue"),
    ("revenue minus cost last month", PLAIN, "revenue minus cost"),
    ("cost as a share of revenue in 2024", PLAIN, "cost as a share of revenue"),
]


@pytest.mark.parametrize(("text", "model", "written"), UNDEFINED_ARITHMETIC, ids=[t for t, *_ in UNDEFINED_ARITHMETIC])
def test_arithmetic_no_measure_is_defined_as_is_asked_back(text, model, written):
    got = read(text, model)
    assert got.understanding.intent == "clarify"
    assert f"“{written}”" in got.clarification
    assert got.suggestions


NEAR_MISSES = [
    # the qualifier is part of the tenant's own words
    ("gross margin last month", {"measure": "gross_margin"}),
    ("net sales last month", {"measure": "revenue"}),
    ("gross sales by territory this year", {"measure": "revenue", "group_by": "territory"}),
    # the operator takes a member away, or is the gap between two
    ("revenue excluding Online last month", {"measure": "revenue",
                                             "filters": {"segment": ["Direct", "Enterprise", "SMB"]}}),
    ("bookings except for the Distributor channel this year", {"measure": "bookings"}),
    # comparatives are not arithmetic
    ("which territory had less revenue than West last month?", {}),
    ("revenue and cost last month", {"measure": "revenue", "also": ["cost"]}),
]


@pytest.mark.parametrize(("text", "want"), NEAR_MISSES, ids=[t for t, _ in NEAR_MISSES])
def test_near_misses_still_answer(text, want):
    got = read(text).understanding.as_json()
    assert got["intent"] != "clarify", read(text).clarification
    assert {k: got[k] for k in want} == want


UNSUPPORTED_BESIDE_A_MEASURE = [
    ("refunds as a % of revenue last month", "refunds", "revenue"),
    ("revenue excluding refunds last month", "refunds", "revenue"),
]


@pytest.mark.parametrize(("text", "missing", "measure"), UNSUPPORTED_BESIDE_A_MEASURE,
                         ids=[t for t, *_ in UNSUPPORTED_BESIDE_A_MEASURE])
def test_a_measure_the_data_lacks_is_asked_back_with_what_was_understood(text, missing, measure):
    got = read(text)
    assert got.understanding.intent == "clarify"
    assert got.clarification.startswith(f"I understood {measure}")
    assert missing in got.clarification


SO_FAR = [
    # (model, text, what the clarify keeps)
    (SUPPLY, "adjusted bookings for Enterprise last month",
     {"measure": "bookings", "subject": {"dimension": "segment", "value": "Enterprise"},
      "time": {"start": "2025-10-01", "end": "2025-10-31", "grain": "month"}}),
    (SUPPLY, "seats in Narnia by territory this year",
     {"measure": "seats", "group_by": "territory", "subject": None,
      "time": {"start": "2025-01-01", "end": "2025-11-10", "grain": None}}),
    (PLAIN, "units per customer in the West last quarter",
     {"measure": "units", "subject": {"dimension": "territory", "value": "West"},
      "time": {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}}),
]


@pytest.mark.parametrize(("model", "text", "kept"), SO_FAR, ids=[t for _, t, _ in SO_FAR])
def test_a_clarification_keeps_what_it_understood(model, text, kept):
    got = read(text, model)
    understood = got.understanding.as_json()
    assert understood["intent"] == "clarify" and got.clarification
    assert {k: understood[k] for k in kept} == kept


def test_the_reading_a_clarification_offers_is_read_back_as_understood():
    got = read("adjusted bookings for Enterprise by territory last month")
    assert got.understanding.intent == "clarify"
    again = read(got.suggestions[0]).understanding.as_json()
    assert again["intent"] == "breakdown" and again["measure"] == "bookings" and again["group_by"] == "territory"
    assert again["subject"] == {"dimension": "segment", "value": "Enterprise"}
    assert (again["time"]["start"], again["time"]["end"]) == ("2025-10-01", "2025-10-31")


def _freight():
    from insights.tests.test_parser_idioms import FREIGHT

    return FREIGHT


NOT_ENGLISH = [
    # a word that is no English (a name, a code, a typo of nothing) could name what is counted: asked back
    ("freight", "shipments for zorbo last month", "zorbo"),
    ("supply", "bookings for acmeco in q3", "acmeco"),
    ("supply", "seats sold thru xqz last month", "xqz"),
]
PLAIN_ENGLISH = [
    # an ordinary word no span places changes nothing that is computed: answered, and shown as left out
    ("freight", "how many shipments did leeds haul last month", "haul", {"depot": ["Leeds"]}),
    ("supply", "bookings for enterprise last month, ballpark", "ballpark", {"segment": ["Enterprise"]}),
]


def _model(name: str) -> SemanticModel:
    return _freight() if name == "freight" else SUPPLY


@pytest.mark.parametrize(("model", "text", "word"), NOT_ENGLISH, ids=[t for _, t, _ in NOT_ENGLISH])
def test_an_unknown_word_that_is_no_english_is_asked_back_naming_it(model, text, word):
    got = read(text, _model(model))
    assert got.understanding.intent == "clarify"
    assert f"“{word}”" in got.clarification
    assert got.understanding.measure is not None  # what was understood is kept


@pytest.mark.parametrize(("model", "text", "word", "constraints"), PLAIN_ENGLISH, ids=[t for _, t, *_ in PLAIN_ENGLISH])
def test_an_ordinary_word_no_span_places_is_left_out_and_shown(model, text, word, constraints):
    got = read(text, _model(model)).understanding
    assert got.intent == "value" and word in got.ignored
    assert {k: list(v) for k, v in got.constraints.items()} == constraints


EXCLUDED = [
    ("freight", "shipments last month sans weekend", "service", "Weekend"),
    ("freight", "pallets last month excl hull", "depot", "Hull"),
    ("supply", "bookings this year barring the midwest", "territory", "Midwest"),
    ("supply", "seats this year ignoring online", "segment", "Online"),
]


@pytest.mark.parametrize(("model", "text", "dimension", "member"), EXCLUDED, ids=[t for _, t, *_ in EXCLUDED])
def test_chat_words_of_exclusion_leave_the_member_out(model, text, dimension, member):
    got = read(text, _model(model)).understanding
    kept = got.constraints[dimension]
    assert member not in kept and set(kept) == set(_model(model).dimensions[dimension]) - {member}


QUALIFIED = [
    # a status that picks some of what is counted, where no measure or member has it: asked back
    ("freight", "how many shipments were late last month", "late", ("Shipments", "Late deliveries")),
    ("freight", "cancelled shipments in q3", "cancelled", ("Shipments",)),
    ("supply", "refunded bookings last quarter", "refunded", ("Bookings",)),
]


@pytest.mark.parametrize(("model", "text", "word", "readings"), QUALIFIED, ids=[t for _, t, *_ in QUALIFIED])
def test_a_status_word_is_asked_back_with_the_readings_there_are(model, text, word, readings):
    got = read(text, _model(model))
    assert got.understanding.intent == "clarify" and f"“{word}”" in got.clarification
    assert word not in got.understanding.ignored
    assert [s.split(" from ")[0] for s in got.suggestions] == list(readings)


CUE_WORDS = [
    # words placed by what they ask for are never shown as left out
    ("supply", "anything unusual in bookings last week", ("unusual",)),
    ("supply", "cumulative seats by month this year", ("cumulative",)),
    ("freight", "what share of pallets came from leeds last quarter", ("came", "share")),
    ("freight", "gap between leeds and hull in q3", ("gap",)),
]


@pytest.mark.parametrize(("model", "text", "words"), CUE_WORDS, ids=[t for _, t, _ in CUE_WORDS])
def test_words_that_shape_the_answer_are_not_left_out(model, text, words):
    got = read(text, _model(model)).understanding
    assert got.answered and not set(words) & {w.lower() for w in got.ignored}


MEASURES_ELSEWHERE = [
    # a measure of other companies' data, absent here: asked back with the measures there are, not the default
    ("supply", "how many shipments did we make last month", "shipments"),
    ("freight", "bookings by depot last month", "bookings"),
    ("freight", "how many trials did leeds get in q3", "trials"),
]


@pytest.mark.parametrize(("model", "text", "word"), MEASURES_ELSEWHERE, ids=[t for _, t, _ in MEASURES_ELSEWHERE])
def test_a_measure_the_data_does_not_hold_is_asked_back(model, text, word):
    got = read(text, _model(model))
    assert got.understanding.intent == "clarify"
    assert f"don't have {word}" in got.clarification
    assert all(_model(model).measure(m).label in got.suggestions for m in _model(model).measures)


def test_a_share_of_one_measure_in_another_is_the_ratio_defined_that_way_or_a_clarify():
    from insights.tests.test_parser import OUTDOOR

    defined = read("what % of revenue was margin last quarter", OUTDOOR).understanding
    assert (defined.intent, defined.measure, defined.also) == ("value", "margin_pct", ())
    undefined = read("what % of shipments were late deliveries last month", _freight())
    assert undefined.understanding.intent == "clarify"
    assert "“late deliveries as a % of shipments”" in undefined.clarification
