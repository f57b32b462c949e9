"""How the Streamlit app presents answers: numbers, periods, chips, charts, follow-up questions."""
from __future__ import annotations

import pytest

from tests.webapp.fake_api import ANSWERS, result, understanding
from webapp.answers import (
    chart,
    chips,
    clarification_options,
    follow_ups,
    format_pct,
    format_value,
    period_label,
    suggestion_question,
    summary_rows,
)


@pytest.mark.parametrize(
    ("measure", "value", "currency", "shown"),
    [
        ("revenue", 1234567.89, "USD", "$1.23M"),
        ("revenue", 9999.0, "USD", "$9,999"),
        ("cost", -15000.0, "EUR", "-€15.0K"),
        ("units", 123456.0, "USD", "123K"),
        ("orders", 2_500_000_000.0, "USD", "2.50B"),
        ("margin_pct", 42.126, "USD", "42.1%"),
        ("avg_order_value", 85.5, "GBP", "£85.50"),
        ("revenue", 1000.0, "CHF", "CHF 1,000"),
        ("revenue", None, "USD", "–"),
    ],
)
def test_values_are_formatted_by_measure(measure, value, currency, shown):
    assert format_value(measure, value, currency=currency) == shown


def test_changes_carry_their_sign():
    assert (format_pct(12.345), format_pct(-3.0), format_pct(None)) == ("+12.3%", "-3.0%", None)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2025-07-01", "2025-07-31", "Jul 2025"),
        ("2025-07-01", "2025-09-30", "Q3 2025"),
        ("2025-01-01", "2025-06-30", "H1 2025"),
        ("2024-01-01", "2024-12-31", "2024"),
        ("2025-02-01", "2025-04-30", "Feb – Apr 2025"),
        ("2024-11-01", "2025-02-28", "Nov 2024 – Feb 2025"),
        ("2025-07-01", "2025-07-14", "Jul 1, 2025 – Jul 14, 2025"),
        ("2025-07-04", "2025-07-04", "Jul 4, 2025"),
    ],
)
def test_periods_read_like_people_say_them(start, end, label):
    assert period_label({"start": start, "end": end}) == label


def test_chips_show_how_the_question_was_understood():
    answer = {"understanding": understanding(
        "rank", measure="gross_margin", subject={"dimension": "region", "value": "EMEA"},
        filters={"channel": ["Online", "Retail"]}, group_by="product", order="desc", limit=3,
        compare_to={"start": "2024-01-01", "end": "2024-06-30"})}
    assert chips(answer) == ["Gross margin", "H1 2025", "vs H1 2024", "region: EMEA", "channel: Online, Retail",
                             "by product", "top 3"]
    assert chips(ANSWERS["monthly revenue"]) == ["Revenue", "H1 2025 · by month"]
    assert chips(ANSWERS["revenue in emeaa"]) == []


def test_a_trend_is_a_line_in_period_order():
    spec = chart(ANSWERS["monthly revenue"]).to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["x"]["field"] == "key" and spec["encoding"]["x"]["sort"] is None
    assert [row["key"] for row in spec["data"]["values"]] == [f"2025-0{m}" for m in range(1, 7)]


def test_a_breakdown_is_bars_in_the_answers_order():
    spec = chart(ANSWERS["revenue by region"]).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["field"] == "key" and spec["encoding"]["y"]["sort"] is None
    assert spec["data"]["values"] == [{"key": "EMEA", "value": 5200.0}, {"key": "APAC", "value": 3100.0}]


def test_drivers_are_bars_coloured_by_direction():
    spec = chart(ANSWERS["why?"]).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert "condition" in spec["encoding"]["color"]
    assert spec["encoding"]["x"]["title"] == "Change in revenue"


def test_answers_without_rows_have_no_chart():
    assert chart(ANSWERS["revenue in emeaa"]) is None
    assert chart({"understanding": understanding("value"), "result": result(value=5.0)}) is None


def test_a_summary_lists_every_measure():
    answer = {"understanding": understanding("summary"), "result": result(
        value=10.0, measures={"revenue": {"value": 12500.0, "previous_value": 10000.0, "change_pct": 25.0},
                              "margin_pct": {"value": 40.0, "previous_value": None, "change_pct": None}})}
    assert summary_rows(answer, currency="USD") == [
        {"Measure": "Revenue", "This period": "$12.5K", "Before": "$10.0K", "Change": "+25.0%"},
        {"Measure": "Margin %", "This period": "40.0%", "Before": "–", "Change": "–"},
    ]


def test_clarifications_offer_their_suggestions():
    def options(text):
        return clarification_options({"clarification": text})

    assert options("I couldn't find “emeaa” in your data. Did you mean EMEA or APAC?") == ["EMEA", "APAC"]
    assert options("“runner” could mean more than one thing: Trail Runner, Road Runner or Runner Pro. Which one?") == [
        "Trail Runner", "Road Runner", "Runner Pro"]
    assert options("I can't split the data by “colour”. It can be broken down by region, channel or product.") == [
        "region", "channel", "product"]
    assert options("Could you rephrase that?") == []
    assert clarification_options({"clarification": "Did you mean X?", "suggestions": ["EMEA", "APAC"]}) == [
        "EMEA", "APAC"]


def test_a_suggestion_replaces_the_word_that_was_not_understood():
    answer = {"clarification": "I couldn't find “Emeaa” in your data. Did you mean EMEA or APAC?"}
    assert suggestion_question(answer, question="Revenue in emeaa last year", suggestion="EMEA") == (
        "Revenue in EMEA last year")
    assert suggestion_question(answer, question="Something else", suggestion="EMEA") == "EMEA"
    example = {"clarification": "“next year” is in the future. Try, for example:",
               "suggestions": ["Revenue by region last quarter"]}
    assert suggestion_question(example, question="Revenue next year", suggestion="Revenue by region last quarter") == (
        "Revenue by region last quarter")


def test_follow_ups_fit_the_answer():
    dims = ["region", "channel", "product"]

    def labels(answer, **kwargs):
        return [f.label for f in follow_ups(answer, dimensions=dims, **kwargs)]

    assert labels(ANSWERS["monthly revenue"]) == ["Why?"]
    assert labels(ANSWERS["revenue by region"]) == ["Break that down by channel", "Compared to last year?", "Top 3?"]
    assert labels(ANSWERS["why?"]) == ["Break that down by channel"]
    value = {"understanding": understanding("value", subject={"dimension": "region", "value": "EMEA"})}
    assert labels(value) == ["Why?", "Break that down by channel", "Compared to last year?"]
    assert [f.label for f in follow_ups(ANSWERS["revenue by region"], dimensions=[])] == [
        "Compared to last year?", "Top 3?"]
    clarify = follow_ups(ANSWERS["revenue in emeaa"], question="Revenue in emeaa", dimensions=dims)
    assert [(f.label, f.question) for f in clarify] == [("EMEA", "Revenue in EMEA"), ("APAC", "Revenue in APAC")]
