"""Table-driven tests of the span readers that contract v2 added: framing and modifiers."""
from __future__ import annotations

import pytest

from insights.understanding.framing import framing_spans, not_a_data_question
from insights.understanding.modifiers import asks_share, count_word, read_modifiers, target_in


def framed(text: str) -> str:
    low = text.lower()
    return " ".join(low[a:b].strip(" ,:!?-") for a, b in framing_spans(low)).strip()


@pytest.mark.parametrize(("text", "framing"), [
    ("quick one for the board deck: revenue last quarter", "quick one for the board deck"),
    ("Hey! Can you tell me revenue last month?", "hey can you tell me"),
    ("Dear SalesTalk, what were orders in May?", "dear salestalk"),
    ("revenue last month, thanks!", "thanks"),
    ("I'd love to hear what our revenue was", "i'd love to hear"),
    ("hey quick q before i head home: revenue?", "hey quick q before i head home"),
    ("revenue in Home last month", ""),  # no framing: "Home" may be a member
    ("why did revenue drop in August?", ""),
])
def test_framing(text, framing):
    assert framed(text) == framing


@pytest.mark.parametrize(("text", "not_data"), [
    ("write a poem about our sales", True), ("Write me a cover letter for a sales job", True),
    ("translate this into French", True), ("tell me a joke", True), ("what's the weather in Paris?", True),
    ("write down revenue by region", False), ("revenue by region", False), ("give me the rundown", False),
])
def test_requests_that_are_not_questions_about_the_data(text, not_data):
    assert not_a_data_question(text.lower()) is not_data


@pytest.mark.parametrize(("text", "field", "value"), [
    ("cumulative revenue by month", "cumulative", True),
    ("running total of orders", "cumulative", True),
    ("revenue by month", "cumulative", False),
    ("which region grew the most", "growth", "change"),
    ("fastest-growing products", "growth", "change_pct"),
    ("top 3 products by % growth", "growth", "change_pct"),
    ("which department grew bookings fastest yoy", "growth", "change_pct"),
    ("biggest drop in revenue", "growth_order", "asc"),
    ("which region grew the most", "growth_order", "desc"),
    ("revenue by region", "growth", None),
    ("average daily revenue", "per_grain", "day"),
    ("orders per week, on average", "per_grain", "week"),
    ("monthly average bookings", "per_grain", "month"),
    ("monthly revenue", "per_grain", None),
    ("anything unusual last week", "unusual", True),
    ("what stood out in october", "unusual", True),
    ("gap between west and midwest", "gap", True),
    ("are we on track to hit $1.5m", "pace", True),
    ("median order value", "not_in_totals", "median"),
    ("biggest single order", "not_in_totals", "biggest single order"),
    ("and by %?", "in_percent", True),
])
def test_modifiers(text, field, value):
    assert getattr(read_modifiers(text), field) == value


@pytest.mark.parametrize(("text", "target"), [
    ("on track to hit $1.5m this year", 1_500_000), ("how far are we from 50k orders", 50_000),
    ("on pace for a 45% margin rate", 45), ("on track for 12,000 seats", 12_000), ("3m?", 3_000_000),
    ("on track for £2.5bn", 2_500_000_000), ("on track in 2025", None), ("on track for q3", None),
])
def test_targets(text, target):
    assert target_in(text) == target


@pytest.mark.parametrize(("text", "share"), [
    ("what share of revenue came from online", True), ("what % of orders", True), ("revenue mix by channel", True),
    ("how much of our revenue came from online", True), ("revenue by channel", False),
    ("lowest   of any month", False),  # "margin %" is blanked as a measure before this reads the text
])
def test_shares(text, share):
    assert asks_share(text) is share


def test_count_names_the_word_after_how_many():
    assert count_word("how many stores had sales") == (9, "stores")
    assert count_word("how many distinct product families") == (18, "product")
    assert count_word("revenue by store") is None
