"""Grounding: every figure a text writes must be a number the answer computed, as a person would write it."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from insights.answering.display import display
from insights.answering.grounding import is_grounded, numbers_in
from insights.answering.narrative import compose
from insights.answering.results import MeasureFigures, Result, Row
from insights.tests.test_narrative import HEADCOUNT, MODEL
from insights.understanding.types import Period, Understanding
from metrics.measures import Format
from metrics.semantic import SemanticModel

Q3 = {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}
Q2 = {"start": "2025-04-01", "end": "2025-06-30"}


def answer(*, understanding: dict, **result: object) -> dict:
    base = {"value": None, "previous_value": None, "change": None, "change_pct": None, "rows": [], "measures": None}
    full = {"intent": "value", "subject": None, "measure": "revenue", "time": Q3, "compare_to": None,
            "filters": {}, "group_by": None, "order": None, "limit": None, **understanding}
    return {"understanding": full, "result": {**base, **result}}


COMPARE = answer(
    understanding={"intent": "compare", "compare_to": Q2, "subject": {"dimension": "region", "value": "EMEA"}},
    value=1234567.89, previous_value=1100000.0, change=134567.89, change_pct=12.23,
)
MARGIN = answer(
    understanding={"intent": "compare", "measure": "margin_pct", "compare_to": Q2},
    value=32.46, previous_value=34.1, change=-1.64, change_pct=-4.81,
)
RANK = answer(
    understanding={"intent": "rank", "group_by": "product", "order": "desc", "limit": 3},
    rows=[{"key": "Trail Runner 2", "value": 50123.4}, {"key": "Road Racer", "value": 40000.0},
          {"key": "Peak 3000", "value": 35000.5}],
)
DRIVERS = answer(
    understanding={"intent": "drivers", "compare_to": Q2, "group_by": "region"},
    value=900000.0, previous_value=940000.0, change=-40000.0, change_pct=-4.26,
    rows=[{"key": "EMEA", "value": -52000.0}, {"key": "APAC", "value": 12000.0}],
)
TREND = answer(
    understanding={"intent": "trend", "measure": "orders",
                   "time": {"start": "2025-04-01", "end": "2025-09-30", "grain": "month"}},
    rows=[{"key": f"2025-{m:02d}", "value": v}
          for m, v in zip(range(4, 10), (410, 385, 402, 455, 470, 498), strict=True)],
)
SUMMARY = answer(
    understanding={"intent": "summary", "time": {"start": "2025-09-01", "end": "2025-09-30", "grain": "month"},
                   "compare_to": {"start": "2025-08-01", "end": "2025-08-31"}},
    value=420000.0, previous_value=400000.0, change=20000.0, change_pct=5.0,
    measures={"revenue": {"value": 420000.0, "previous_value": 400000.0, "change_pct": 5.0},
              "orders": {"value": 1234.0, "previous_value": 1193.0, "change_pct": 3.44},
              "margin_pct": {"value": 31.2, "previous_value": 30.4, "change_pct": 2.63}},
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$1.23M", [(1_230_000, "money")]),
        ("1,234", [(1234, "plain")]),
        ("12.2%", [(12.2, "percent")]),
        ("-3.5 %", [(-3.5, "percent")]),
        ("€4.1k", [(4100, "money")]),
        ("2.3 billion", [(2.3e9, "plain")]),
        ("1.2bn", [(1.2e9, "plain")]),
        ("USD 2.5M and 7 EUR", [(2.5e6, "money"), (7, "money")]),
        ("CA$1.5k", [(1500, "money")]),
        ("down 3%", [(-3, "percent")]),
        ("a 5% year-over-year decline", [(-5, "percent")]),
        ("rose by about $120k", [(120_000, "money")]),
        ("12% higher", [(12, "percent")]),
        ("fell below 30%", [(30, "percent")]),
        ("120 bps", [(1.2, "percent")]),
        ("1.6 percentage points", [(1.6, "percent")]),
        ("three regions", [(3, "plain")]),
        ("the last 6 months", [(6, "count")]),
        ("a 12-month low", [(12, "count")]),
        ("$2025 and 2025 units", [(2025, "money"), (2025, "plain")]),
        ("1-2%", [(1, "plain"), (2, "percent")]),
        # calendar references and names are not figures
        ("Q3", []),
        ("in 2025, 2025-07, week 27, 2025-W27, 2025-Q3, Q3 2025, H1 2025 and FY2025", []),
        ("on July 1, 1 Jul 2025, 2025-07-01, 7/1/2025, 1st of July and Sep 30th", []),
        ("the 3rd best, #1 in sales", []),
        # digits inside codes are read strictly, as figures to check
        ("COVID-19, mp3, 3D", [(19, "plain"), (3, "plain"), (3, "plain")]),
    ],
)
def test_numbers_in_reads_every_figure_and_no_calendar_reference(text, expected):
    found = [(n.value, n.unit) for n in numbers_in(text)]
    assert len(found) == len(expected), found
    for (value, unit), (want_value, want_unit) in zip(found, expected, strict=True):
        assert unit == want_unit
        assert value == pytest.approx(want_value)


def test_numbers_remember_their_precision_and_whether_a_sign_was_written():
    figure, change = numbers_in("$1.23M, down 3%")
    assert figure.tolerance == pytest.approx(5_000) and not figure.signed
    assert change.tolerance == pytest.approx(0.5) and change.signed


@pytest.mark.parametrize(
    "answer_, text",
    [
        (COMPARE, "EMEA online revenue was $1.23M in Q3 2025, up 12.2% on Q2."),
        (COMPARE, "Revenue reached $1,234,568 in Q3, against $1.1M in Q2: a rise of $134.6k (12.23%)."),
        (COMPARE, "Revenue grew 12% to about $1.2 million in 2025-Q3."),
        (COMPARE, "Q3 2025 revenue: USD 1.23M (+12.2% vs Q2 2025, +$134,568)."),
        (COMPARE, "Revenue rose by $0.13M, or 12.2%, over the 3 months to September."),
        (COMPARE, "EMEA brought in over $1.2M in Q3, 12.2% more than the quarter before."),
        (COMPARE, "EMEA revenue was 1,234,567.89, up from 1,100,000."),
        (MARGIN, "Margin slipped 1.6 points to 32.5% in Q3 (from 34.1%)."),
        (MARGIN, "Margin % was down 164 bps, a 4.8% decline."),
        (MARGIN, "Margin fell 1.64 percentage points to 32.46%."),
        (RANK, "Top 3 products: Trail Runner 2 ($50.1k), Road Racer ($40k) and Peak 3000 ($35k)."),
        (RANK, "Trail Runner 2 led with $50,123; Peak 3000 came third with 35,000.5."),
        (DRIVERS, "Revenue was down $40k (4.3%) to $900k; EMEA fell $52k while APAC added +$12k."),
        (DRIVERS, "A 4.26% drop: EMEA (-$52.0k) drove it, APAC (+$12.0k) softened it."),
        (TREND, ("Monthly orders over the last 6 months went from 410 in 2025-04 to 498 in 2025-09, "
                "with 3 of the 6 months above 410.")),
        (SUMMARY, "Revenue rose 5% to $420k in September; orders grew 3.4% to 1,234 and margin reached 31.2%."),
        (SUMMARY, "Revenue was up $20k on August, on 1.2k orders."),
        (COMPARE, "Revenue grew strongly in Q3."),
    ],
)
def test_grounded_phrasings_pass(answer_, text):
    assert is_grounded(text, answer=answer_), [n for n in numbers_in(text)]


@pytest.mark.parametrize(
    "answer_, text",
    [
        (COMPARE, "EMEA online revenue was $1.25M in Q3 2025, up 12.2% on Q2."),  # altered value
        (COMPARE, "EMEA online revenue was $2.47M in Q3 2025, up 12.2% on Q2."),  # doubled value
        (COMPARE, "Revenue was $1.23M, up 13.2% on Q2."),  # altered percent
        (COMPARE, "Revenue was $1.23M, up 10.9% on Q2."),  # percent of the wrong base (change / value)
        (COMPARE, "Revenue was $1.23M, up 122.3% on Q2."),  # percent off by a factor of ten
        (COMPARE, "Revenue was $1.23M, down 12.2% on Q2."),  # the wrong direction
        (COMPARE, "Revenue grew $12.2 in Q3."),  # a percent written as money
        (COMPARE, "Revenue was $1.23M, up 12.2%, on 1.5M orders."),  # an invented measure
        (COMPARE, "Revenue was $1.23M and should reach $1.4M next quarter."),  # a forecast
        (COMPARE, "Revenue has grown for 5 months in a row."),  # a count the answer does not hold
        (COMPARE, "Revenue was $1.23M, up 2.4x on Q2."),  # an invented multiple
        (MARGIN, "Margin fell to 31.5% in Q3."),
        (MARGIN, "Margin was $32.46 in Q3."),
        (RANK, "Top 5 products: Trail Runner 2 ($50.1k), Road Racer ($40k) and Peak 3000 ($35k)."),
        (RANK, "Trail Runner 2 sold $51k, 25% ahead of Road Racer."),
        (DRIVERS, "EMEA rose $52k."),
        (DRIVERS, "EMEA fell $104k."),
        (TREND, "Orders peaked at 520 in 2025-09."),
        (TREND, "Orders were above 450 in 3 of the 6 months."),  # an invented threshold
        (SUMMARY, "Revenue rose 5% to $420k on 2,468 orders."),
    ],
)
def test_invented_or_altered_figures_fail(answer_, text):
    assert not is_grounded(text, answer=answer_), [n for n in numbers_in(text)]


# --- the template narratives are grounded, and any figure in them altered is not ---------------

def _period(data: dict) -> Period:
    return Period(start=date.fromisoformat(data["start"]), end=date.fromisoformat(data["end"]),
                  grain=data.get("grain"))


TEMPLATE_CASES = [
    (Understanding(intent="value", measure="revenue", time=_period(Q3), constraints={"region": ["EMEA"]}),
     Result(value=1234567.89)),
    (Understanding(intent="compare", measure="avg_order_value", time=_period(Q3), compare_to=_period(Q2)),
     Result(value=84.37, previous_value=80.12, change=4.25, change_pct=5.3)),
    (Understanding(intent="compare", measure="margin_pct", time=_period(Q3), compare_to=_period(Q2)),
     Result(value=32.46, previous_value=34.1, change=-1.64, change_pct=-4.81)),
    (Understanding(intent="rank", measure="units", time=_period(Q3), group_by="product", order="desc", limit=3),
     Result(rows=(Row("Trail Runner 2", 5012.0), Row("Road Racer", 4000.0), Row("Peak 3000", 3500.0)))),
    (Understanding(intent="breakdown", measure="cost", time=_period(Q3), group_by="region"),
     Result(rows=tuple(Row(name, value) for name, value in
                       (("EMEA", 520_000.0), ("APAC", 310_500.0), ("LATAM", 98_765.4), ("NA", 45_000.0),
                        ("ANZ", 12_345.0))))),
    (Understanding(intent="drivers", measure="revenue", time=_period(Q3), compare_to=_period(Q2),
                   group_by="region"),
     Result(value=900_000.0, previous_value=940_000.0, change=-40_000.0, change_pct=-4.26,
            rows=(Row("EMEA", -52_000.0), Row("APAC", 12_000.0)))),
    (Understanding(intent="trend", measure="orders",
                   time=Period(start=date(2025, 4, 1), end=date(2025, 9, 30), grain="month")),
     Result(rows=tuple(Row(f"2025-{m:02d}", v)
                       for m, v in zip(range(4, 10), (410, 385, 502, 455, 470, 498), strict=True)))),
    (Understanding(intent="summary", measure="revenue", time=_period(Q3), compare_to=_period(Q2)),
     Result(value=420_000.0, previous_value=400_000.0, change=20_000.0, change_pct=5.0,
            measures={"revenue": MeasureFigures(420_000.0, 400_000.0, 5.0),
                      "orders": MeasureFigures(1234.0, 1193.0, 3.44),
                      "margin_pct": MeasureFigures(31.2, 30.4, 2.63)})),
    # contract v2
    (Understanding(intent="value", measure="gross_margin", per="orders", time=_period(Q3)),
     Result(value=23.456)),
    (Understanding(intent="compare", measure="revenue", also=("gross_margin", "orders"), time=_period(Q3),
                   compare_to=_period(Q2)),
     Result(value=420_000.0, previous_value=400_000.0, change=20_000.0, change_pct=5.0,
            measures={"revenue": MeasureFigures(420_000.0, 400_000.0, 5.0),
                      "gross_margin": MeasureFigures(150_000.0, 160_000.0, -6.25),
                      "orders": MeasureFigures(1234.0, 1193.0, 3.44)})),
    (Understanding(intent="trend", measure="revenue", cumulative=True,
                   time=Period(start=date(2025, 1, 1), end=date(2025, 3, 31), grain="month")),
     Result(rows=(Row("2025-01", 410_000.0), Row("2025-02", 795_000.0), Row("2025-03", 1_297_000.0)))),
    (Understanding(intent="breakdown", measure="revenue", also=("margin_pct",), time=_period(Q3), group_by="region",
                   constraints={"region": ["EMEA", "APAC"]}),
     Result(value=830_500.0, change=209_500.0, change_pct=67.4,
            rows=(Row("EMEA", 520_000.0, values={"revenue": 520_000.0, "margin_pct": 41.2}),
                  Row("APAC", 310_500.0, values={"revenue": 310_500.0, "margin_pct": 37.9})))),
    (Understanding(intent="rank", measure="revenue", time=_period(Q3), compare_to=_period(Q2), group_by="region",
                   order="desc", limit=2, order_by="change_pct"),
     Result(rows=(Row("EMEA", 45.2, current=1_452_000.0, previous=1_000_000.0),
                  Row("APAC", 9.8, current=1_098_000.0, previous=1_000_000.0)))),
    (Understanding(intent="share", measure="revenue", time=_period(Q3), part=("channel", "Online"),
                   constraints={"region": ["EMEA"]}),
     Result(value=312_000.0, total=1_250_000.0, share_pct=24.96)),
    (Understanding(intent="share", measure="revenue", time=_period(Q3), group_by="channel"),
     Result(total=1_250_000.0, rows=(Row("Online", 700_000.0, share_pct=56.0), Row("Retail", 550_000.0,
                                                                                      share_pct=44.0)))),
    (Understanding(intent="pace", measure="revenue", time=Period(date(2025, 1, 1), date(2025, 12, 31)),
                   target=100_000_000.0),
     Result(value=78_400_000.0, projected=91_300_000.0, target=100_000_000.0, gap=-8_700_000.0,
            pct_of_target=78.4)),
    (Understanding(intent="count", measure="revenue", time=_period(Q3), group_by="product"),
     Result(value=17.0)),
    (Understanding(intent="unusual", measure="revenue", time=_period(Q3), limit=5),
     Result(value=1_250_000.0, rows=(Row("region=EMEA", 520_000.0, expected=310_000.0, z=3.4),
                                     Row("total", 1_250_000.0, expected=1_610_000.0, z=-2.2)))),
]


def _doubled(text: str, figure_text: str) -> str:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", figure_text).group()
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    doubled = f"{float(digits.replace(',', '')) * 2:,.{decimals}f}"
    return text.replace(figure_text, figure_text.replace(digits, doubled), 1)


@pytest.mark.parametrize("understanding, result", TEMPLATE_CASES, ids=lambda case: getattr(case, "intent", ""))
def test_template_narratives_are_grounded_and_doubling_any_figure_is_caught(understanding, result):
    narrative = compose(understanding=understanding, result=result, model=MODEL, currency="USD")
    answer_ = {"understanding": understanding.as_json(), "result": result.as_json(),
               "display": display(understanding=understanding, result=result, model=MODEL, currency="USD")}

    assert is_grounded(narrative, answer=answer_), narrative
    figures = numbers_in(narrative)
    assert figures, narrative
    for figure in figures:
        altered = _doubled(narrative, figure.text)
        assert not is_grounded(altered, answer=answer_), altered


# --- any human formatting of a computed figure passes; a figure off by more than its shown precision fails

MONEY_FORMATS = {
    "cents": lambda v: f"${v:,.2f}",
    "whole": lambda v: f"${v:,.0f}",
    "thousands": lambda v: f"${v / 1e3:,.1f}k",
    "millions": lambda v: f"€{v / 1e6:.2f}M",
    "words": lambda v: f"{v / 1e6:.3f} million dollars",
}


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=0.01, max_value=5e9), style=st.sampled_from(sorted(MONEY_FORMATS)),
       negative=st.booleans())
def test_any_formatting_of_the_computed_value_is_grounded(value, style, negative):
    computed = -value if negative else value
    written = MONEY_FORMATS[style](value)
    text = f"Revenue was {'down ' if negative else ''}{written} on Q2."
    assert is_grounded(text, answer=answer(understanding={"intent": "value"}, change=computed))


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=1.0, max_value=5e9), factor=st.floats(min_value=1.02, max_value=3.0),
       style=st.sampled_from(sorted(MONEY_FORMATS)))
def test_a_figure_off_by_more_than_its_precision_fails(value, factor, style):
    written = MONEY_FORMATS[style](value * factor)
    [figure] = numbers_in(written)
    assume(abs(figure.value - value) > 2 * figure.tolerance)  # beyond rounding and cutting short
    assert not is_grounded(f"Revenue was {written}.", answer=answer(understanding={"intent": "value"}, value=value))


def test_the_display_block_gives_a_tenants_own_measure_its_unit():
    money = HEADCOUNT.model_copy(update={"format": Format.CURRENCY})
    model = SemanticModel(version="v", measures=("headcount",), definitions={"headcount": money},
                          dimensions={"team": ("Ops",)}, first_date=date(2024, 1, 1), last_date=date(2025, 9, 30))
    understanding = Understanding(intent="value", measure="headcount", time=_period(Q3))
    result = Result(value=4200.0)
    answer_ = {"understanding": understanding.as_json(), "result": result.as_json(),
               "display": display(understanding=understanding, result=result, model=model, currency="USD")}
    assert is_grounded("Headcount cost $4,200.", answer=answer_)
    assert not is_grounded("Headcount was 4,200%.", answer=answer_)


def test_members_named_by_numbers_are_names_not_figures():
    understanding = Understanding(intent="breakdown", measure="revenue", time=_period(Q3), group_by="store_id")
    result = Result(value=2_200_000.0, rows=(Row("101", 1_810_000.0), Row("422", 390_000.0)))
    answer_ = {"understanding": understanding.as_json(), "result": result.as_json()}
    assert is_grounded("Revenue by store id in Q3 2025: 101 ($1.81M), 422 ($390K).", answer=answer_)
    assert not is_grounded("Store 101 sold $101.", answer=answer_)  # an amount is never a name
    assert not is_grounded("Store 101 sold 7 more than store 422.", answer=answer_)
