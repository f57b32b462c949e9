"""Narratives: figures from the result only (one formatter), labels and tone from the tenant's model, the premise
corrected first, every member named when there are few, and a sentence for every v2 result."""
from __future__ import annotations

import re
from datetime import date

import pytest

from insights.answering.display import display
from insights.answering.narrative import claimed_direction, compose, sentiment_of
from insights.answering.results import MeasureFigures, Result, Row
from insights.understanding.types import Period, Understanding
from metrics.measures import Direction, Measure, column_sum
from metrics.semantic import SemanticModel

Q3 = Period(date(2025, 7, 1), date(2025, 9, 30))
Q2 = Period(date(2025, 4, 1), date(2025, 6, 30))
YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
MODEL = SemanticModel(
    version="v1",
    measures=("revenue", "cost", "units", "orders", "gross_margin", "margin_pct", "avg_order_value"),
    dimensions={"region": ("APAC", "EMEA", "LATAM", "NA"), "channel": ("Online", "Partner", "Retail"),
                "product": ("Road Racer", "Summit Boot", "Trail Runner")},
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)
# A tenant whose own measure is neutral: neither a rise nor a fall is news.
HEADCOUNT = Measure(name="headcount", label="Headcount", words=("headcount",), direction=Direction.NEUTRAL,
                    computation=column_sum("headcount"))
OWN = SemanticModel(version="v2", measures=("headcount",), definitions={"headcount": HEADCOUNT},
                    dimensions={"team": ("Ops", "Sales")}, first_date=date(2024, 1, 1), last_date=date(2025, 10, 31))


def say(result: Result, question: str | None = None, *, model: SemanticModel = MODEL, currency: str = "USD",
        **fields) -> str:
    return compose(understanding=Understanding(**fields), result=result, model=model, currency=currency,
                   question=question)


def figures_in(text: str) -> list[str]:
    """Money and percentage figures, e.g. '$1.23M', '12.2%' (calendar numbers are not figures)."""
    return re.findall(r"[-+]?[$€£]\d[\d,.]*[KMB]?|[-+]?\d[\d,.]*%", text)


def test_compare_names_both_periods_the_change_and_the_values():
    result = Result(value=1_234_567.89, previous_value=1_100_000.0, change=134_567.89, change_pct=12.2334)
    text = say(result, intent="compare", measure="revenue", time=Q3, compare_to=Q2, constraints={"region": ["EMEA"]})
    assert text == "Revenue for EMEA was $1.23M in Q3 2025, up 12.2% on Q2 2025 ($1.1M)."
    assert figures_in(text) == ["$1.23M", "12.2%", "$1.1M"]


def test_money_is_in_the_tenants_currency():
    text = say(Result(value=45_210.0), intent="value", measure="revenue", time=Q3, currency="EUR")
    assert text == "Revenue was €45.2K in Q3 2025."


def test_value_without_data_says_so_instead_of_a_number():
    text = say(Result(value=None), intent="value", measure="units", time=Q3, constraints={"region": ["Mars"]})
    assert text == "There is no data for Mars in Q3 2025."


def test_a_period_outside_the_data_names_the_range_the_data_covers():
    text = say(Result(), intent="breakdown", measure="revenue", time=Period(date(2025, 11, 10), date(2025, 11, 16)),
               group_by="region")
    assert text == ("There is no data for week 46 of 2025: your data covers January 2023 – October 2025. "
                    "Try a period inside that range.")


@pytest.mark.parametrize(
    ("question", "change", "first"),
    [
        ("Why did revenue drop in August?", 50_000.0, "Revenue did not drop in Q3 2025: it rose."),
        ("Why did revenue grow so much?", -50_000.0, "Revenue did not rise in Q3 2025: it fell."),
    ],
)
def test_a_premise_the_numbers_contradict_is_corrected_first(question, change, first):
    result = Result(value=1_050_000.0 if change > 0 else 950_000.0, previous_value=1_000_000.0, change=change,
                    change_pct=change / 10_000, rows=(Row("EMEA", change),))
    text = say(result, question, intent="drivers", measure="revenue", time=Q3, compare_to=Q2, group_by="region")
    assert text.startswith(first)


def test_a_premise_the_numbers_bear_out_is_not_contradicted():
    result = Result(value=950_000.0, previous_value=1_000_000.0, change=-50_000.0, change_pct=-5.0,
                    rows=(Row("EMEA", -50_000.0),))
    text = say(result, "Why did revenue drop in Q3?", intent="drivers", measure="revenue", time=Q3, compare_to=Q2,
               group_by="region")
    assert text.startswith("Revenue was $950K in Q3 2025, down 5.0% on Q2 2025")


@pytest.mark.parametrize(
    ("question", "direction"),
    [("Why did sales fall?", -1), ("What drove the growth in Q3?", 1), ("Why did revenue change?", 0),
     ("Did revenue go up or down?", 0), (None, 0)],
)
def test_the_claimed_direction_is_read_from_the_question(question, direction):
    assert claimed_direction(question) == direction


def test_a_breakdown_names_every_member_when_there_are_few():
    rows = tuple(Row(name, value) for name, value in (("NA", 5e5), ("EMEA", 4e5), ("APAC", 3e5), ("LATAM", 1e5)))
    text = say(Result(value=1.3e6, rows=rows), intent="breakdown", measure="revenue", time=Q3, group_by="region")
    assert text == "Revenue by region in Q3 2025: NA ($500K), EMEA ($400K), APAC ($300K), LATAM ($100K)."
    assert "more" not in text


def test_a_long_breakdown_keeps_the_member_the_question_named():
    rows = tuple(Row(f"Store {i:02d}", 1000.0 - i) for i in range(12))
    text = say(Result(value=1.0, rows=rows), intent="breakdown", measure="units", time=Q3, group_by="product",
               constraints={"product": ["Store 11", "Store 00"]})
    assert "Store 11 (989)" in text and text.endswith(", and 6 more.")


def test_two_named_members_say_the_gap_between_them():
    result = Result(value=9e5, change=3e5, change_pct=50.0, rows=(Row("EMEA", 6e5), Row("APAC", 3e5)))
    text = say(result, intent="breakdown", measure="revenue", time=Q3, group_by="region",
               constraints={"region": ["EMEA", "APAC"]})
    assert text.endswith("EMEA had $300K (50.0%) more than APAC.")


def test_rank_lists_the_rows_in_order_and_names_the_extreme_of_one():
    rows = (Row("Summit Boot", 2_000_000.0), Row("Trail Runner", 1_500_000.0))
    text = say(Result(rows=rows), currency="EUR", intent="rank", measure="revenue", time=Q3, group_by="product",
               order="desc", limit=2)
    assert text == "Top 2 products by revenue in Q3 2025: Summit Boot (€2M), Trail Runner (€1.5M)."
    text = say(Result(rows=(Row("LATAM", 41.234),)), intent="rank", measure="margin_pct", time=Q3, group_by="region",
               order="asc", limit=1)
    assert text == "LATAM had the lowest margin % by region in Q3 2025: 41.2%."


def test_a_time_grain_rank_names_the_period_as_people_do():
    text = say(Result(rows=(Row("2025-03", 2e6),)), intent="rank", measure="revenue", time=YEAR, group_by="month",
               order="desc", limit=1)
    assert text == "Mar 2025 had the highest revenue by month in 2025: $2M."


def test_a_growth_rank_gives_each_change_with_its_two_values():
    rows = (Row("EMEA", 45.0, current=1.45e6, previous=1e6), Row("APAC", 10.0, current=1.1e6, previous=1e6))
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, compare_to=Q2, group_by="region",
               order="desc", limit=2, order_by="change_pct")
    assert text == ("Fastest-growing revenue by region, Q3 2025 against Q2 2025: EMEA (+45.0%, $1.45M from $1M), "
                    "APAC (+10.0%, $1.1M from $1M).")


def test_drivers_name_the_biggest_driver_with_its_sign():
    result = Result(value=900_000.0, previous_value=1_000_000.0, change=-100_000.0, change_pct=-10.0,
                    rows=(Row("Online", -80_000.0), Row("Retail", -30_000.0), Row("Partner", 10_000.0)))
    text = say(result, intent="drivers", measure="revenue", time=Q3, compare_to=Q2, group_by="channel")
    assert "down 10.0% on Q2 2025" in text
    assert "The biggest driver by channel was Online (-$80K), then Retail (-$30K), Partner (+$10K)." in text


def test_summary_reports_every_measure():
    result = Result(value=200.0, previous_value=100.0, change=100.0, change_pct=100.0, measures={
        "revenue": MeasureFigures(200.0, 100.0, 100.0), "orders": MeasureFigures(30.0, 40.0, -25.0),
        "margin_pct": MeasureFigures(40.0, 38.0, 5.26)})
    text = say(result, intent="summary", measure="revenue", time=Q3, compare_to=Q2)
    assert "Revenue was $200 in Q3 2025, up 100.0% on Q2 2025 ($100)." in text
    assert "orders 30 (down 25.0%)" in text and "margin % 40.0% (up 2.0 points)" in text


def test_several_measures_of_a_value_are_all_said():
    result = Result(value=1.2e6, measures={"revenue": MeasureFigures(1.2e6, None, None),
                                           "gross_margin": MeasureFigures(4e5, None, None)})
    text = say(result, intent="value", measure="revenue", also=("gross_margin",), time=Q3)
    assert text == "Q3 2025: revenue $1.2M; gross margin $400K."


def test_trend_goes_from_first_to_last_and_names_the_peak():
    rows = (Row("2025-05", 10.0), Row("2025-06", 30.0), Row("2025-07", 25.0), Row("2025-08", 20.0))
    text = say(Result(rows=rows), intent="trend", measure="orders",
               time=Period(date(2025, 5, 1), date(2025, 8, 31), "month"))
    assert text == ("Monthly orders, May – August 2025: from 10 in May 2025 to 20 in Aug 2025, "
                    "peaking at 30 in Jun 2025.")


def test_a_running_total_says_where_it_started_and_ended():
    rows = (Row("2025-01", 1e6), Row("2025-02", 2.1e6), Row("2025-03", 3.3e6))
    text = say(Result(rows=rows), intent="trend", measure="revenue", cumulative=True,
               time=Period(date(2025, 1, 1), date(2025, 3, 31), "month"))
    assert text == ("Cumulative revenue, Q1 2025, by month: $1M by the end of Jan 2025, "
                    "$3.3M by the end of Mar 2025.")


@pytest.mark.parametrize(
    ("per", "label"),
    [("orders", "Gross margin per order"), ("day", "Average daily gross margin"),
     ("region", "Average gross margin per region")],
)
def test_per_figures_say_what_they_are_divided_by(per, label):
    text = say(Result(value=123.456), intent="value", measure="gross_margin", per=per, time=Q3)
    assert text == f"{label} was $123 in Q3 2025."


def test_share_of_a_part_and_a_mix():
    text = say(Result(value=3e5, total=1.2e6, share_pct=25.0), intent="share", measure="revenue", time=Q3,
               part=("channel", "Online"), constraints={"region": ["EMEA"]})
    assert text == "Online made 25.0% of revenue for EMEA in Q3 2025: $300K of $1.2M."
    rows = (Row("Online", 6e5, share_pct=50.0), Row("Retail", 4e5, share_pct=33.3333), Row("Partner", 2e5,
                                                                                          share_pct=16.6667))
    text = say(Result(total=1.2e6, rows=rows), intent="share", measure="revenue", time=Q3, group_by="channel")
    assert text == ("Revenue by channel in Q3 2025 (total $1.2M): Online 50.0% ($600K), Retail 33.3% ($400K), "
                    "Partner 16.7% ($200K).")


def test_pace_gives_the_projection_and_the_gap():
    result = Result(value=78e6, projected=90e6, target=100e6, gap=-10e6, pct_of_target=78.0)
    text = say(result, intent="pace", measure="revenue", time=YEAR, target=100e6)
    assert text == ("Revenue is $78M so far in 2025, 78.0% of the $100M target. At this pace it reaches $90M by the "
                    "end of 2025, $10M below the target.")


def test_pace_of_a_rate_compares_it_as_it_stands():
    result = Result(value=41.0, projected=41.0, target=45.0, gap=-4.0, pct_of_target=91.1)
    text = say(result, intent="pace", measure="margin_pct", time=YEAR, target=45.0)
    assert text == "Margin % is 41.0% so far in 2025, against a target of 45.0%: 4.0 points below it."


def test_count_of_members():
    text = say(Result(value=3.0), intent="count", measure="revenue", time=Q3, group_by="product",
               constraints={"region": ["EMEA"]})
    assert text == "3 products had data for EMEA in Q3 2025."


@pytest.mark.parametrize(("dimension", "written"), [
    ("branch", "branches"), ("box", "boxes"), ("category", "categories"), ("class", "classes"),
    ("sales_rep", "sales reps"), ("species", "species"), ("status", "statuses"),
])
def test_a_count_names_its_members_in_the_plural(dimension, written):
    model = SemanticModel(version="np", measures=("revenue",), dimensions={dimension: ("A", "B")},
                          first_date=date(2024, 1, 1), last_date=date(2025, 10, 31))
    text = say(Result(value=7.0), intent="count", measure="revenue", time=YEAR, group_by=dimension, model=model)
    assert text == f"7 {written} had data in 2025."
    one = say(Result(value=1.0), intent="count", measure="revenue", time=YEAR, group_by=dimension, model=model)
    assert one == f"1 {dimension.replace('_', ' ')} had data in 2025."


def test_a_rank_and_a_divisor_name_a_dimension_in_the_plural():
    model = SemanticModel(version="np", measures=("revenue",), dimensions={"branch": ("Leith", "Hope", "Alva")},
                          first_date=date(2024, 1, 1), last_date=date(2025, 10, 31))
    rows = (Row("Leith", 3e5), Row("Hope", 2e5))
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, group_by="branch", limit=2, model=model)
    assert text.startswith("Top 2 branches by revenue in Q3 2025")
    text = say(Result(value=None), intent="value", measure="revenue", per="branch", time=Q3, model=model)
    assert text.endswith("there are no branches to divide by.")


def test_a_measure_divided_by_is_named_in_the_singular():
    boxes = Measure(name="boxes", label="Boxes", words=("boxes",), computation=column_sum("boxes"))
    model = SemanticModel(version="np", measures=("revenue", "boxes"), definitions={"boxes": boxes},
                          dimensions={"branch": ("Leith",)}, first_date=date(2024, 1, 1), last_date=date(2025, 10, 31))
    text = say(Result(value=12.5), intent="value", measure="revenue", per="boxes", time=Q3, model=model)
    assert text == "Revenue per box was $12.50 in Q3 2025."


def test_unusual_changes_give_the_expected_value_and_how_unusual():
    rows = (Row("region=EMEA", 5e5, expected=3e5, z=3.2), Row("total", 9e5, expected=1.1e6, z=-2.1))
    text = say(Result(value=9e5, rows=rows), intent="unusual", measure="revenue", time=Q3)
    assert text == ("2 series of revenue stood out in Q3 2025 against their recent history: EMEA (region) at $500K "
                    "against $300K expected (3.2 standard deviations above), the total at $900K against $1.1M "
                    "expected (2.1 standard deviations below).")
    text = say(Result(value=9e5), intent="unusual", measure="revenue", time=Q3)
    assert text.startswith("Nothing stood out in Q3 2025")


def test_a_tenants_own_measure_uses_its_own_label():
    text = say(Result(value=42.0, previous_value=40.0, change=2.0, change_pct=5.0), model=OWN, intent="compare",
               measure="headcount", time=Q3, compare_to=Q2)
    assert text == "Headcount was 42 in Q3 2025, up 5.0% on Q2 2025 (40)."


@pytest.mark.parametrize(
    ("name", "change", "pct", "tone"),
    [
        ("revenue", 10.0, 5.0, "positive"),
        ("revenue", -10.0, -5.0, "negative"),
        ("cost", 10.0, 5.0, "negative"),  # costs going up is bad news
        ("cost", -10.0, -5.0, "positive"),
        ("revenue", 1.0, 0.5, "neutral"),  # under 1%
        ("revenue", None, None, "neutral"),  # nothing to compare
        ("revenue", 5.0, None, "positive"),  # from zero: a rise all the same
        ("margin_pct", 2.0, 4.5, "positive"),
        ("margin_pct", -0.4, -1.2, "neutral"),  # under a point
    ],
)
def test_sentiment_follows_the_measure_direction(name, change, pct, tone):
    assert sentiment_of(measure=MODEL.measure(name), change=change, change_pct=pct) == tone


def test_a_neutral_measure_has_no_tone():
    assert sentiment_of(measure=HEADCOUNT, change=10.0, change_pct=50.0) == "neutral"


def test_display_carries_every_figure_and_label_formatted():
    u = Understanding(intent="rank", measure="revenue", also=("gross_margin",), time=YEAR, group_by="month",
                      order="desc", limit=1)
    result = Result(value=1.2e7, rows=(Row("2025-03", 2e6, values={"revenue": 2e6, "gross_margin": 5e5}),))
    shown = display(understanding=u, result=result, model=MODEL, currency="GBP")
    assert shown["measure"] == {"name": "revenue", "label": "Revenue", "format": "currency", "direction": "good"}
    assert shown["measures"]["gross_margin"]["label"] == "Gross margin"
    assert shown["period"] == "2025" and shown["compare_period"] is None
    assert shown["figures"] == {"value": "£12M"}
    assert shown["rows"] == [{"key": "2025-03", "label": "Mar 2025", "value": "£2M",
                              "values": {"revenue": "£2M", "gross_margin": "£500K"}}]


def test_display_of_a_pace_and_a_share():
    pace = Result(value=78e6, projected=90e6, target=100e6, gap=-10e6, pct_of_target=78.0)
    shown = display(understanding=Understanding(intent="pace", measure="revenue", time=YEAR, target=100e6),
                    result=pace, model=MODEL, currency="USD")
    assert shown["figures"] == {"value": "$78M", "projected": "$90M", "target": "$100M", "gap": "-$10M",
                                "pct_of_target": "78.0%"}
    share = Result(value=3e5, total=1.2e6, share_pct=25.0)
    shown = display(understanding=Understanding(intent="share", measure="revenue", time=Q3, part=("channel", "Online")),
                    result=share, model=MODEL, currency="USD")
    assert shown["figures"] == {"value": "$300K", "total": "$1.2M", "share_pct": "25.0%"}


def test_a_measure_named_in_the_plural_takes_the_plural():
    assert say(Result(value=16_600.0), intent="value", measure="orders", time=Q3) == "Orders were 16.6K in Q3 2025."
    text = say(Result(value=15_100.0, projected=44_700.0, target=50_000.0, gap=-5_300.0, pct_of_target=30.2),
               intent="pace", measure="orders", time=Q3, target=50_000.0)
    assert text.startswith("Orders are 15.1K so far in Q3 2025")
    bonus = Measure(name="bonus", label="Bonus", words=("bonus",), computation=column_sum("bonus"))
    model = SemanticModel(version="np", measures=("bonus",), definitions={"bonus": bonus},
                          dimensions={"team": ("Ops",)}, first_date=date(2024, 1, 1), last_date=date(2025, 10, 31))
    text = say(Result(value=900.0), intent="value", measure="bonus", time=Q3, model=model)
    assert text == "Bonus was 900 in Q3 2025."  # a word in "us" is no plural


def test_a_growth_rank_is_named_after_what_its_rows_show():
    rows = (Row("APAC", 17_400.0, current=392_500.0, previous=375_100.0),)
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, compare_to=Q2, group_by="region",
               order="asc", limit=1, order_by="change")
    assert text.startswith("No region fell in revenue, Q3 2025 against Q2 2025: APAC grew least, by $17.4K")


def _growth_rows(pairs: dict[str, tuple[float, float]], *, pct: bool, descending: bool) -> tuple[Row, ...]:
    """Growth rows computed from (current, previous), ordered as the analysis orders them."""
    rows = [Row(key, (now - before) / abs(before) * 100 if pct else now - before, current=now, previous=before)
            for key, (now, before) in pairs.items()]
    return tuple(sorted(rows, key=lambda row: row.value, reverse=descending))


ALL_FELL = {"EMEA": (0.979e6, 1e6), "APAC": (0.8e6, 1e6), "LATAM": (0.5e6, 0.6e6)}
ALL_ROSE = {"EMEA": (1.021e6, 1e6), "APAC": (1.3e6, 1e6), "LATAM": (0.7e6, 0.6e6)}
NO_GROWTH = [
    # asked for the growth, and every member fell: none grew; the first row fell least
    ("desc", ALL_FELL, True, "No region grew", "EMEA fell least, by 2.1%"),
    ("desc", ALL_FELL, False, "No region grew", "EMEA fell least, by $21K"),
    # asked for the drops, and every member rose: none fell; the first row grew least
    ("asc", ALL_ROSE, True, "No region fell", "EMEA grew least, by 2.1%"),
    ("asc", ALL_ROSE, False, "No region fell", "EMEA grew least, by $21K"),
]


@pytest.mark.parametrize(("order", "pairs", "pct", "head", "closest"), NO_GROWTH)
def test_a_growth_rank_with_no_growth_says_none_grew_and_who_came_closest(order, pairs, pct, head, closest):
    rows = _growth_rows(pairs, pct=pct, descending=order == "desc")
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, compare_to=Q2, group_by="region",
               order=order, limit=3, order_by="change_pct" if pct else "change")
    assert text.startswith(head)
    assert closest in text
    wrong = ("grew", "increase", "growing") if order == "desc" else ("fell", "drop", "falling")
    assert not any(word in text.split(":")[0].lower().replace(head.lower(), "") for word in wrong)
    assert text.count("EMEA") == 2 and "APAC" in text and "LATAM" in text  # the full ranking follows


def test_a_growth_rank_that_grew_says_so_with_its_direction():
    rows = _growth_rows(ALL_ROSE, pct=True, descending=True)
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, compare_to=Q2, group_by="region",
               order="desc", limit=1, order_by="change_pct")
    assert text.startswith("Fastest-growing revenue by region") and "APAC (+30.0%" in text
    rows = _growth_rows(ALL_FELL, pct=False, descending=False)
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, compare_to=Q2, group_by="region",
               order="asc", limit=1, order_by="change")
    assert text.startswith("Biggest drops in revenue by region") and "APAC (-$200K" in text


def test_a_flat_top_of_a_growth_rank_is_flat():
    rows = _growth_rows({"EMEA": (1e6, 1e6), "APAC": (0.9e6, 1e6)}, pct=True, descending=True)
    text = say(Result(rows=rows), intent="rank", measure="revenue", time=Q3, compare_to=Q2, group_by="region",
               order="desc", limit=2, order_by="change_pct")
    assert text.startswith("No region grew") and "EMEA was flat" in text


def test_a_share_of_nothing_gives_no_percentage():
    text = say(Result(value=0.0, total=1.2e6, share_pct=0.0), intent="share", measure="revenue", time=Q3,
               part=("channel", "Online"))
    assert text == "None of revenue in Q3 2025 came from Online: $0 of $1.2M."
    text = say(Result(value=0.0, total=0.0, share_pct=None), intent="share", measure="revenue", time=Q3,
               part=("channel", "Online"))
    assert "%" not in text and "no share" in text


@pytest.mark.parametrize(("value", "target"), [(120e6, 100e6), (100e6, 100e6)])
def test_pace_past_the_target_says_it_is_already_reached(value, target):
    projected = value * 365 / 300
    result = Result(value=value, projected=projected, target=target, gap=projected - target,
                    pct_of_target=value / target * 100)
    text = say(result, intent="pace", measure="revenue", time=YEAR, target=target)
    assert ("already past it, by $20M" if value > target else "reached already") in text
    assert "below" not in text and "above the target" in text


@pytest.mark.parametrize(("per", "divisor"), [("orders", "orders"), ("region", "regions")])
def test_a_per_figure_with_nothing_to_divide_by_says_so(per, divisor):
    text = say(Result(value=None), intent="value", measure="revenue", per=per, time=Q3)
    assert text == f"There is no {'revenue per order' if per == 'orders' else 'average revenue per region'} in " \
                   f"Q3 2025: there are no {divisor} to divide by."
