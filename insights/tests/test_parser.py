"""The parser on three made-up companies with different dimensions: single questions, conversations,
clarifications and refusals. No DynamoDB: semantic models are built directly."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insights.understanding.parser import Parse, parse
from insights.understanding.types import INTENTS, Understanding
from insights.understanding.vocabulary import vocabulary_for
from metrics.semantic import SemanticModel

ALL_MEASURES = ("revenue", "cost", "gross_margin", "margin_pct", "units", "orders", "new_customers",
                "avg_order_value")

OUTDOOR = SemanticModel(
    version="outdoor-1", measures=ALL_MEASURES,
    dimensions={
        "region": ("APAC", "EMEA", "LATAM", "North America"),
        "channel": ("Online", "Partner", "Retail"),
        "product": ("Alpine Jacket", "Base Layer", "Day Pack", "Rain Shell", "Smart Compass", "Summit Boot",
                    "Trail Runner", "Trekking Poles"),
        "category": ("Apparel", "Footwear", "Gear"),
    },
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)
HOMEWARE = SemanticModel(
    version="homeware-1", measures=ALL_MEASURES,
    dimensions={
        "country": ("France", "Germany", "Spain", "United Kingdom", "US", "Other"),
        "store": ("Paris Opera", "Berlin Mitte", "Madrid Centro", "London Soho", "Online", "New York Fifth Avenue"),
        "product_line": ("Kitchen", "Home Decor", "Garden", "Outdoor Furniture", "Lighting"),
        "segment": ("Consumer", "Business", "Direct"),
    },
    first_date=date(2022, 1, 1), last_date=date(2024, 12, 31),
)
SAAS = SemanticModel(
    version="saas-1", measures=("revenue", "orders", "new_customers", "avg_order_value"),
    dimensions={
        "plan": ("Free", "Starter", "Pro", "Enterprise"),
        "segment": ("SMB", "Mid-Market", "Enterprise"),
        "country": ("USA", "Canada", "Brazil", "India", "Japan"),
    },
    first_date=date(2021, 7, 1), last_date=date(2025, 3, 31),
)
GROCER = SemanticModel(
    version="grocer-1", measures=("revenue", "cost", "gross_margin", "margin_pct", "units"),
    dimensions={"country": ("Canada", "Mexico", "United States"), "aisle": ("Bakery", "Dairy", "Produce")},
    first_date=date(2023, 1, 1), last_date=date(2024, 12, 31),
)
MODELS = {"outdoor": (OUTDOOR, date(2025, 11, 10)), "homeware": (HOMEWARE, date(2025, 1, 15)),
          "saas": (SAAS, date(2025, 4, 2)), "grocer": (GROCER, date(2025, 1, 20))}


def mismatches(result: Parse, want: dict[str, Any]) -> list[str]:
    """Only the fields ``want`` states are compared, like shared/eval's checker."""
    got = result.understanding
    errors = []
    if got.intent != want["intent"]:
        errors.append(f"intent {got.intent} != {want['intent']}")
    for key in ("measure", "group_by", "order", "limit", "per", "order_by", "cumulative", "target"):
        if key in want and getattr(got, key) != want[key]:
            errors.append(f"{key} {getattr(got, key)!r} != {want[key]!r}")
    if "time" in want:
        start, end, *grain = want["time"]
        if got.time is None or (got.time.start.isoformat(), got.time.end.isoformat()) != (start, end):
            errors.append(f"time {got.time} != {want['time']}")
        elif grain and got.time.grain != grain[0]:
            errors.append(f"grain {got.time.grain} != {grain[0]}")
    if "compare_to" in want:
        period = got.compare_to
        pair = (period.start.isoformat(), period.end.isoformat()) if period else None
        if pair != (tuple(want["compare_to"]) if want["compare_to"] else None):
            errors.append(f"compare_to {pair} != {want['compare_to']}")
    if "where" in want:
        have = {k: sorted(v) for k, v in got.constraints.items()}
        if have != {k: sorted(v) for k, v in want["where"].items()}:
            errors.append(f"constraints {have} != {want['where']}")
    return errors


def V(measure: str, start: str, end: str, **more: Any) -> dict[str, Any]:
    return {"intent": "value", "measure": measure, "time": (start, end), "where": more.pop("where", {}), **more}


CLARIFY = {"intent": "clarify"}
OUT = {"intent": "out_of_scope"}

SINGLE = [
    # An acronym written in capitals names its member, wherever it stands; dropping it would answer for everyone.
    ("grocer", "How did the US do in Q2 2024?", {"intent": "summary", "time": ("2024-04-01", "2024-06-30"),
                                                 "where": {"country": ["United States"]}}),
    ("grocer", "US revenue in 2024", V("revenue", "2024-01-01", "2024-12-31", where={"country": ["United States"]})),
    ("grocer", "Dairy sales in the US and Mexico last year",
     V("revenue", "2024-01-01", "2024-12-31", where={"aisle": ["Dairy"], "country": ["United States", "Mexico"]})),
    # A split by something the data does not have is asked back, not answered as a total.
    ("grocer", "Revenue by colour in 2024", CLARIFY),
    ("grocer", "Units per supplier last year", CLARIFY),
    # value
    ("homeware", "What were sales in France last month?", V("revenue", "2024-12-01", "2024-12-31",
                                                             where={"country": ["France"]})),
    ("homeware", "How much revenue did we make in Q3 2024?", V("revenue", "2024-07-01", "2024-09-30")),
    ("homeware", "Total revenue for 2023", V("revenue", "2023-01-01", "2023-12-31")),
    ("homeware", "What was the gross profit for the Kitchen product line in 2024?",
     V("gross_margin", "2024-01-01", "2024-12-31", where={"product_line": ["Kitchen"]})),
    ("homeware", "Margin rate for Lighting in Q2 2024",
     V("margin_pct", "2024-04-01", "2024-06-30", where={"product_line": ["Lighting"]})),
    ("homeware", "How many units did the Online store sell in September 2024?",
     V("units", "2024-09-01", "2024-09-30", where={"store": ["Online"]})),
    ("homeware", "How many Kitchens did we sell last year?",
     V("units", "2024-01-01", "2024-12-31", where={"product_line": ["Kitchen"]})),
    ("homeware", "Sales of Lighting in Spain, online only, in H2 2024",
     V("revenue", "2024-07-01", "2024-12-31", where={"product_line": ["Lighting"], "country": ["Spain"],
                                                      "store": ["Online"]})),
    ("homeware", "Revenue in the UK in Q4 2024",
     V("revenue", "2024-10-01", "2024-12-31", where={"country": ["United Kingdom"]})),
    ("homeware", "Sales in the U.S. in 2023", V("revenue", "2023-01-01", "2023-12-31", where={"country": ["US"]})),
    ("homeware", "Revenue in the United States in 2023",
     V("revenue", "2023-01-01", "2023-12-31", where={"country": ["US"]})),
    ("homeware", "Kitchn revenue in 2024",
     V("revenue", "2024-01-01", "2024-12-31", where={"product_line": ["Kitchen"]})),
    ("homeware", "home decor sales in the last quarter of 2024",
     V("revenue", "2024-10-01", "2024-12-31", where={"product_line": ["Home Decor"]})),
    ("homeware", "Revenue excluding the US in 2024",
     V("revenue", "2024-01-01", "2024-12-31",
       where={"country": ["France", "Germany", "Spain", "United Kingdom", "Other"]})),
    ("homeware", "How did us do last year?", {"intent": "summary", "time": ("2024-01-01", "2024-12-31"),
                                              "where": {}}),
    ("homeware", "Paris Opera revenue in November", V("revenue", "2024-11-01", "2024-11-30",
                                                      where={"store": ["Paris Opera"]})),
    ("saas", "Mid market revenue in 2024", V("revenue", "2024-01-01", "2024-12-31", where={"segment": ["Mid-Market"]})),
    ("saas", "midmarket revenue in 2024", V("revenue", "2024-01-01", "2024-12-31", where={"segment": ["Mid-Market"]})),
    ("saas", "Revenue for the Free plan last month",
     V("revenue", "2025-03-01", "2025-03-31", where={"plan": ["Free"]})),
    ("saas", "Enterprise plan revenue in 2024",
     V("revenue", "2024-01-01", "2024-12-31", where={"plan": ["Enterprise"]})),
    ("saas", "Enterprise segment revenue in 2024",
     V("revenue", "2024-01-01", "2024-12-31", where={"segment": ["Enterprise"]})),
    ("saas", "How many new customers did we get last quarter?", V("new_customers", "2025-01-01", "2025-03-31")),
    ("saas", "What's revenue per order in Canada in 2024?",
     V("avg_order_value", "2024-01-01", "2024-12-31", where={"country": ["Canada"]})),
    ("saas", "revenue canda 2024", V("revenue", "2024-01-01", "2024-12-31", where={"country": ["Canada"]})),
    ("saas", "Revenue for Canada and USA in 2024",
     V("revenue", "2024-01-01", "2024-12-31", where={"country": ["Canada", "USA"]})),
    ("saas", "What was revenue on 2025-03-14?", V("revenue", "2025-03-14", "2025-03-14")),
    ("saas", "Revenue for weeks 1-10 of 2025", V("revenue", "2024-12-30", "2025-03-09")),
    ("outdoor", "What was turnover in the last 30 days?", V("revenue", "2025-10-12", "2025-11-10")),
    ("outdoor", "Revenue since June", V("revenue", "2025-06-01", "2025-11-10")),
    ("outdoor", "What was revenue in the first 6 months of 2024?", V("revenue", "2024-01-01", "2024-06-30")),
    # compare
    ("homeware", "How did Q4 2024 revenue compare with Q3 2024?",
     {"intent": "compare", "measure": "revenue", "time": ("2024-10-01", "2024-12-31"),
      "compare_to": ("2024-07-01", "2024-09-30")}),
    ("homeware", "December revenue versus last year",
     {"intent": "compare", "time": ("2024-12-01", "2024-12-31"), "compare_to": ("2023-12-01", "2023-12-31")}),
    ("homeware", "Did Germany's revenue increase in November compared to October?",
     {"intent": "compare", "time": ("2024-11-01", "2024-11-30"), "compare_to": ("2024-10-01", "2024-10-31"),
      "where": {"country": ["Germany"]}}),
    ("homeware", "Profit in 2024 vs 2023", {"intent": "compare", "measure": "gross_margin",
                                            "time": ("2024-01-01", "2024-12-31"),
                                            "compare_to": ("2023-01-01", "2023-12-31")}),
    ("homeware", "Revenue in H2 2024 vs H1 2024",
     {"intent": "compare", "time": ("2024-07-01", "2024-12-31"), "compare_to": ("2024-01-01", "2024-06-30")}),
    ("homeware", "YoY revenue for Germany in December",
     {"intent": "compare", "time": ("2024-12-01", "2024-12-31"), "compare_to": ("2023-12-01", "2023-12-31"),
      "where": {"country": ["Germany"]}}),
    ("saas", "Did revenue grow in Q1 compared to Q4?",
     {"intent": "compare", "time": ("2025-01-01", "2025-03-31"), "compare_to": ("2024-10-01", "2024-12-31")}),
    ("outdoor", "What's the YoY change in orders for Q3 2025?",
     {"intent": "compare", "measure": "orders", "compare_to": ("2024-07-01", "2024-09-30")}),
    ("outdoor", "Compare this year to last year",
     {"intent": "compare", "time": ("2025-01-01", "2025-11-10"), "compare_to": ("2024-01-01", "2024-11-10")}),
    ("outdoor", "Compare last month to the same month last year",
     {"intent": "compare", "time": ("2025-10-01", "2025-10-31"), "compare_to": ("2024-10-01", "2024-10-31")}),
    ("outdoor", "How is year-to-date revenue tracking against the same period last year?",
     {"intent": "compare", "time": ("2025-01-01", "2025-11-10"), "compare_to": ("2024-01-01", "2024-11-10")}),
    ("homeware", "How much did units change between Q3 and Q4 2024?",
     {"intent": "compare", "measure": "units", "time": ("2024-10-01", "2024-12-31"),
      "compare_to": ("2024-07-01", "2024-09-30")}),
    ("homeware", "How did revenue change from June to July 2024?",
     {"intent": "compare", "time": ("2024-07-01", "2024-07-31"), "compare_to": ("2024-06-01", "2024-06-30")}),
    ("homeware", "Are we growing?",
     {"intent": "compare", "time": ("2024-12-01", "2024-12-31"), "compare_to": ("2024-11-01", "2024-11-30")}),
    ("homeware", "Is revenue going up?", {"intent": "compare", "measure": "revenue"}),
    ("homeware", "Were sales up or down last month?", {"intent": "compare", "time": ("2024-12-01", "2024-12-31")}),
    # trend
    ("homeware", "Show monthly revenue for the past 6 months",
     {"intent": "trend", "measure": "revenue", "time": ("2024-07-01", "2024-12-31", "month")}),
    ("homeware", "Quarterly revenue in 2023", {"intent": "trend", "time": ("2023-01-01", "2023-12-31", "quarter")}),
    ("homeware", "Monthly revenue for the Business segment in 2024",
     {"intent": "trend", "time": ("2024-01-01", "2024-12-31", "month"), "where": {"segment": ["Business"]}}),
    ("saas", "Revenue trend over the last 12 months",
     {"intent": "trend", "time": ("2024-04-01", "2025-03-31", "month")}),
    ("saas", "Quarterly revenue since 2022", {"intent": "trend", "time": ("2022-01-01", "2025-04-02", "quarter")}),
    ("saas", "Show me revenue by month for SMB in 2024",
     {"intent": "trend", "time": ("2024-01-01", "2024-12-31", "month"), "where": {"segment": ["SMB"]}}),
    ("saas", "Daily revenue for the past two weeks", {"intent": "trend", "time": ("2025-03-17", "2025-03-30", "day")}),
    ("outdoor", "Revenue trend", {"intent": "trend", "time": ("2024-11-01", "2025-10-31", "month")}),
    ("outdoor", "Orders trend last quarter", {"intent": "trend", "measure": "orders",
                                              "time": ("2025-07-01", "2025-09-30", "week")}),
    ("outdoor", "Monthly revenue in March 2025", V("revenue", "2025-03-01", "2025-03-31")),
    ("homeware", "Revenue from June to July 2024", V("revenue", "2024-06-01", "2024-07-31")),
    ("homeware", "What was the average order value across all stores in 2024?",
     V("avg_order_value", "2024-01-01", "2024-12-31")),
    ("homeware", "How much did business customers spend in 2024?", V("revenue", "2024-01-01", "2024-12-31")),
    # breakdown
    ("homeware", "What was the revenue contribution of each segment in 2024?",
     {"intent": "share", "group_by": "segment", "time": ("2024-01-01", "2024-12-31")}),
    ("homeware", "Revenue by store last quarter",
     {"intent": "breakdown", "group_by": "store", "time": ("2024-10-01", "2024-12-31")}),
    ("homeware", "Break down 2024 orders by segment",
     {"intent": "breakdown", "measure": "orders", "group_by": "segment", "time": ("2024-01-01", "2024-12-31")}),
    ("homeware", "Compare France and Germany revenue in 2024",
     {"intent": "breakdown", "group_by": "country", "where": {"country": ["France", "Germany"]}}),
    ("homeware", "France vs Germany sales in Q3 2024",
     {"intent": "breakdown", "group_by": "country", "time": ("2024-07-01", "2024-09-30"),
      "where": {"country": ["France", "Germany"]}}),
    ("homeware", "Revenue by store excluding Online last month",
     {"intent": "breakdown", "group_by": "store",
      "where": {"store": ["Paris Opera", "Berlin Mitte", "Madrid Centro", "London Soho", "New York Fifth Avenue"]}}),
    ("homeware", "What share of revenue came from Online in 2024?",
     {"intent": "share", "group_by": None, "where": {}}),
    ("homeware", "Revenue per product line in 2024", {"intent": "value", "per": "product_line", "group_by": None}),
    ("saas", "Pro plan revenue by country in H2 2024",
     {"intent": "breakdown", "group_by": "country", "where": {"plan": ["Pro"]}, "time": ("2024-07-01", "2024-12-31")}),
    ("homeware", "Average order value by month in 2024",
     {"intent": "trend", "measure": "avg_order_value", "time": ("2024-01-01", "2024-12-31", "month")}),
    ("saas", "Average order value by segment in 2024",
     {"intent": "breakdown", "measure": "avg_order_value", "group_by": "segment"}),
    ("saas", "Revenue in Japan vs India in 2024",
     {"intent": "breakdown", "group_by": "country", "where": {"country": ["Japan", "India"]}}),
    # rank
    ("homeware", "Top 3 product lines by revenue in 2024",
     {"intent": "rank", "group_by": "product_line", "order": "desc", "limit": 3}),
    ("homeware", "Which store had the highest margin percentage last month?",
     {"intent": "rank", "measure": "margin_pct", "group_by": "store", "order": "desc", "limit": 1}),
    ("homeware", "What were our 3 worst product lines by units in 2024?",
     {"intent": "rank", "measure": "units", "group_by": "product_line", "order": "asc", "limit": 3}),
    ("homeware", "Which segment brought in the most new customers in 2024?",
     {"intent": "rank", "measure": "new_customers", "group_by": "segment", "order": "desc", "limit": 1}),
    ("homeware", "Which country sold the least last year?",
     {"intent": "rank", "measure": "revenue", "group_by": "country", "order": "asc", "limit": 1}),
    ("homeware", "Top two stores by orders in 2023", {"intent": "rank", "group_by": "store", "limit": 2}),
    ("homeware", "Which was bigger in 2024, Kitchen or Garden?",
     {"intent": "rank", "group_by": "product_line", "order": "desc", "limit": 1,
      "where": {"product_line": ["Kitchen", "Garden"]}}),
    ("outdoor", "Which 3 products sold the most last year?",
     {"intent": "rank", "group_by": "product", "order": "desc", "limit": 3}),
    ("outdoor", "Which two regions had the lowest margin in 2024?",
     {"intent": "rank", "group_by": "region", "order": "asc", "limit": 2, "measure": "gross_margin"}),
    ("saas", "Which plan brought the most signups in 2024?",
     {"intent": "rank", "measure": "new_customers", "group_by": "plan", "order": "desc", "limit": 1}),
    ("saas", "Bottom 2 countries by revenue last year",
     {"intent": "rank", "group_by": "country", "order": "asc", "limit": 2}),
    # drivers
    ("homeware", "Why did revenue fall in October 2024?",
     {"intent": "drivers", "time": ("2024-10-01", "2024-10-31"), "compare_to": ("2024-09-01", "2024-09-30")}),
    ("homeware", "Which countries drove the change in revenue in November 2024?",
     {"intent": "drivers", "group_by": "country", "compare_to": ("2024-10-01", "2024-10-31")}),
    ("homeware", "What drove the increase in gross margin in Q3 2024, by store?",
     {"intent": "drivers", "measure": "gross_margin", "group_by": "store",
      "compare_to": ("2024-04-01", "2024-06-30")}),
    ("homeware", "Which stores drove the decline in revenue in Q4 2024?",
     {"intent": "drivers", "group_by": "store", "time": ("2024-10-01", "2024-12-31")}),
    ("homeware", "Revenue growth by country in 2024",
     {"intent": "drivers", "group_by": "country", "compare_to": ("2023-01-01", "2023-12-31")}),
    ("saas", "Which country grew fastest last quarter?",
     {"intent": "rank", "group_by": "country", "order_by": "change_pct", "order": "desc", "limit": 1}),
    # summary
    ("homeware", "How's business?",
     {"intent": "summary", "time": ("2024-12-01", "2024-12-31"), "compare_to": ("2024-11-01", "2024-11-30")}),
    ("homeware", "Give me a summary of Q4 2024",
     {"intent": "summary", "time": ("2024-10-01", "2024-12-31"), "compare_to": ("2024-07-01", "2024-09-30")}),
    ("homeware", "How did Germany do last quarter?",
     {"intent": "summary", "where": {"country": ["Germany"]}, "time": ("2024-10-01", "2024-12-31")}),
    ("saas", "How did the Starter plan perform in March?",
     {"intent": "summary", "where": {"plan": ["Starter"]}, "time": ("2025-03-01", "2025-03-31")}),
    # clarify: unknown, ambiguous, missing measure, no data, future, nothing to follow
    ("homeware", "Revenue for Atlantis last month", CLARIFY),
    ("homeware", "Garden furniture sales", CLARIFY),
    ("homeware", "Revenue by region last month", CLARIFY),
    ("homeware", "Revenue in 2019", V("revenue", "2019-01-01", "2019-12-31")),  # the narrative names the data's range
    ("homeware", "Revenue next month", CLARIFY),
    ("homeware", "What's our churn rate?", CLARIFY),
    ("homeware", "What was net profit in 2024?", CLARIFY),
    ("homeware", "Revenue for week 53 of 2023", CLARIFY),
    ("homeware", "Revenue per unit in 2024", {"intent": "value", "measure": "revenue", "per": "units"}),
    ("homeware", "What was the average monthly revenue in 2024?", {"intent": "value", "per": "month"}),
    ("homeware", "Average daily orders last month", {"intent": "value", "measure": "orders", "per": "day"}),
    ("homeware", "How many stores do we have?", {"intent": "count", "group_by": "store"}),
    ("homeware", "Sales by country and segment in 2024", CLARIFY),
    ("homeware", "Revenue at Christmas 2024", CLARIFY),
    ("homeware", "Revenue in the first week of March 2024", CLARIFY),
    ("homeware", "Revenue on 3/4/2024", CLARIFY),
    ("saas", "Revenue from Enterprise customers in 2024", CLARIFY),
    ("saas", "What's our gross margin?", CLARIFY),
    ("saas", "Units sold last month", CLARIFY),
    ("saas", "Monthly revenue by plan", CLARIFY),
    ("saas", "And in Brazil?", CLARIFY),
    ("saas", "Why?", CLARIFY),
    ("saas", "Top 3?", CLARIFY),
    ("saas", "Break that down by plan", CLARIFY),
    ("outdoor", "Revenue for Narnia last month", CLARIFY),
    ("outdoor", "Give me a breakdown of revenue last month", CLARIFY),
    # out of scope
    ("homeware", "What's the weather in Paris?", OUT),
    ("homeware", "What's the capital of France?", OUT),
    ("homeware", "tell me a joke", OUT),
    ("saas", "who won the game last night", OUT),
    ("saas", "How do I change my password?", OUT),
    ("saas", "Hi", OUT),
    ("saas", "What can you do?", OUT),
]


@pytest.mark.parametrize(("company", "text", "want"), SINGLE, ids=[f"{c}: {t}" for c, t, _ in SINGLE])
def test_single_questions(company: str, text: str, want: dict[str, Any]) -> None:
    model, as_of = MODELS[company]
    result = parse(text, model=model, as_of=as_of)
    assert mismatches(result, want) == []
    if want["intent"] in ("clarify", "out_of_scope"):
        assert result.clarification
    else:
        assert result.clarification is None


CONVERSATIONS = [
    ("homeware", [
        ("What was revenue in Germany last quarter?", V("revenue", "2024-10-01", "2024-12-31",
                                                        where={"country": ["Germany"]})),
        ("And in Spain?", V("revenue", "2024-10-01", "2024-12-31", where={"country": ["Spain"]})),
        ("What about margin?", V("gross_margin", "2024-10-01", "2024-12-31", where={"country": ["Spain"]})),
        ("Compared to last year?", {"intent": "compare", "measure": "gross_margin",
                                    "time": ("2024-10-01", "2024-12-31"),
                                    "compare_to": ("2023-10-01", "2023-12-31"), "where": {"country": ["Spain"]}}),
        ("And for the Online store?", {"intent": "compare", "compare_to": ("2023-10-01", "2023-12-31"),
                                       "where": {"country": ["Spain"], "store": ["Online"]}}),
        ("Why?", {"intent": "drivers", "measure": "gross_margin", "compare_to": ("2023-10-01", "2023-12-31"),
                  "where": {"country": ["Spain"], "store": ["Online"]}}),
        ("Break that down by product line", {"intent": "breakdown", "group_by": "product_line",
                                             "time": ("2024-10-01", "2024-12-31")}),
        ("Top 2?", {"intent": "rank", "group_by": "product_line", "order": "desc", "limit": 2}),
        ("And the bottom 2?", {"intent": "rank", "group_by": "product_line", "order": "asc", "limit": 2}),
    ]),
    ("homeware", [
        ("How did Germany do last quarter?", {"intent": "summary", "where": {"country": ["Germany"]},
                                              "compare_to": ("2024-07-01", "2024-09-30")}),
        ("And France?", {"intent": "summary", "where": {"country": ["France"]},
                         "compare_to": ("2024-07-01", "2024-09-30")}),
        ("What about units?", {"intent": "summary", "measure": "units", "where": {"country": ["France"]}}),
        ("How about Q2?", {"intent": "summary", "time": ("2024-04-01", "2024-06-30"),
                           "compare_to": ("2024-01-01", "2024-03-31")}),
        ("Online revenue in December 2024", V("revenue", "2024-12-01", "2024-12-31", where={"store": ["Online"]})),
        ("How are we doing?", {"intent": "summary", "time": ("2024-12-01", "2024-12-31"), "where": {}}),
    ]),
    ("saas", [
        ("Signups by plan in Q1", {"intent": "breakdown", "measure": "new_customers", "group_by": "plan",
                                   "time": ("2025-01-01", "2025-03-31")}),
        ("What about in Brazil?", {"intent": "breakdown", "group_by": "plan", "where": {"country": ["Brazil"]}}),
        ("And the previous quarter?", {"intent": "breakdown", "time": ("2024-10-01", "2024-12-31"),
                                       "where": {"country": ["Brazil"]}}),
        ("Excluding Brazil?", {"intent": "breakdown", "where": {"country": ["USA", "Canada", "India", "Japan"]}}),
        ("Monthly?", {"intent": "trend", "measure": "new_customers", "time": ("2024-10-01", "2024-12-31", "month")}),
        ("Compared to last year?", {"intent": "compare", "compare_to": ("2023-10-01", "2023-12-31")}),
        ("And last year?", {"intent": "compare", "time": ("2024-01-01", "2024-12-31"),
                            "compare_to": ("2023-01-01", "2023-12-31")}),
    ]),
    ("homeware", [
        ("What were sales in France in November 2024?", V("revenue", "2024-11-01", "2024-11-30",
                                                           where={"country": ["France"]})),
        ("How does that compare to last year?", {"intent": "compare", "time": ("2024-11-01", "2024-11-30"),
                                                 "compare_to": ("2023-11-01", "2023-11-30")}),
        ("And to the previous month?", {"intent": "compare", "time": ("2024-11-01", "2024-11-30"),
                                        "compare_to": ("2024-10-01", "2024-10-31")}),
        ("And to Q3?", {"intent": "compare", "compare_to": ("2024-07-01", "2024-09-30")}),
        ("Revenue by country last quarter", {"intent": "breakdown", "group_by": "country", "where": {}}),
        ("Which one grew the most?", {"intent": "rank", "group_by": "country", "order_by": "change",
                                      "compare_to": ("2024-07-01", "2024-09-30")}),
        ("And for Kitchen only?", {"intent": "rank", "order_by": "change", "where": {"product_line": ["Kitchen"]}}),
        ("What about overall?", {"intent": "rank", "where": {}}),
    ]),
    ("homeware", [
        ("Top 3 stores by revenue in 2024", {"intent": "rank", "group_by": "store", "limit": 3}),
        ("What about 2023?", {"intent": "rank", "time": ("2023-01-01", "2023-12-31"), "limit": 3}),
        ("And by units?", {"intent": "rank", "measure": "units", "group_by": "store"}),
        ("Only in France", {"intent": "rank", "where": {"country": ["France"]}}),
        ("Show the bottom 3 instead", {"intent": "rank", "order": "asc", "limit": 3}),
        ("Why?", {"intent": "drivers", "group_by": "store", "compare_to": ("2022-01-01", "2022-12-31")}),
    ]),
    ("outdoor", [
        ("Top product in APAC in Q2 2025", {"intent": "rank", "group_by": "product", "limit": 1,
                                            "where": {"region": ["APAC"]}}),
        ("How about for all regions?", {"intent": "rank", "group_by": "product", "limit": 1, "where": {}}),
        ("And what were total orders in EMEA in 2024?", V("orders", "2024-01-01", "2024-12-31",
                                                          where={"region": ["EMEA"]})),
    ]),
    ("outdoor", [
        ("Monthly units in 2024", {"intent": "trend", "time": ("2024-01-01", "2024-12-31", "month")}),
        ("And for Footwear?", {"intent": "trend", "time": ("2024-01-01", "2024-12-31", "month"),
                               "where": {"category": ["Footwear"]}}),
        ("What about 2023?", {"intent": "trend", "time": ("2023-01-01", "2023-12-31", "month"),
                              "where": {"category": ["Footwear"]}}),
        ("Revenue by channel in Q3 2025", {"intent": "breakdown", "group_by": "channel", "where": {},
                                           "time": ("2025-07-01", "2025-09-30")}),
        ("Which one was the best?", {"intent": "rank", "group_by": "channel", "order": "desc", "limit": 1}),
        ("What drove that?", {"intent": "drivers", "group_by": "channel", "compare_to": ("2025-04-01", "2025-06-30")}),
    ]),
]


@pytest.mark.parametrize(("company", "turns"), CONVERSATIONS, ids=[f"{c}: {t[0][0]}" for c, t in CONVERSATIONS])
def test_conversations(company: str, turns: list[tuple[str, dict[str, Any]]]) -> None:
    model, as_of = MODELS[company]
    context: Understanding | None = None
    for text, want in turns:
        result = parse(text, model=model, as_of=as_of, context=context)
        assert mismatches(result, want) == [], text
        context = result.understanding if result.understanding.answered else context


def test_every_answered_understanding_is_complete() -> None:
    for company, text, _ in SINGLE:
        model, as_of = MODELS[company]
        u = parse(text, model=model, as_of=as_of).understanding
        if not u.answered:
            continue
        assert u.measure in model.measures and u.time is not None, text
        compared = u.intent in ("compare", "drivers", "summary") or u.order_by is not None
        assert (u.compare_to is not None) == compared, text
        assert (u.group_by is not None) == (u.intent in ("breakdown", "rank", "count")) or u.intent in (
            "drivers", "share", "unusual"), text
        assert (u.order is not None) == (u.intent == "rank"), text
        if u.intent == "trend":
            assert u.time.grain is not None, text
        for dimension, members in u.constraints.items():
            assert set(members) <= set(model.dimensions[dimension]), text


def test_unknown_member_suggests_the_closest_names() -> None:
    result = parse("Revenue for Germny and Narnia last month", model=HOMEWARE, as_of=date(2025, 1, 15))
    assert result.understanding.intent == "clarify"
    assert "Narnia" in (result.clarification or "")
    close = parse("Revenue for Grmny last month", model=HOMEWARE, as_of=date(2025, 1, 15))
    assert close.understanding.intent == "clarify" and "Germany" in close.suggestions


def test_part_of_a_member_name_is_asked_about_not_dropped() -> None:
    result = parse("Revenue in Paris last month", model=HOMEWARE, as_of=date(2025, 1, 15))
    assert result.understanding.intent == "clarify" and result.suggestions == ("Paris Opera",)


def test_ambiguous_member_lists_both_dimensions() -> None:
    result = parse("Enterprise revenue last month", model=SAAS, as_of=date(2025, 4, 2))
    assert result.understanding.intent == "clarify"
    assert set(result.suggestions) == {"Enterprise (plan)", "Enterprise (segment)"}


def test_a_measure_the_data_lacks_is_named_in_the_clarification() -> None:
    result = parse("What was our margin last month?", model=SAAS, as_of=date(2025, 4, 2))
    assert result.understanding.intent == "clarify"
    assert "gross margin" in (result.clarification or "") and "Revenue" in result.suggestions


def test_function_word_members_need_their_exact_spelling() -> None:
    as_of = date(2025, 1, 15)
    assert parse("Sales to us in 2024", model=HOMEWARE, as_of=as_of).understanding.constraints == {}
    assert parse("Sales in the US in 2024", model=HOMEWARE, as_of=as_of).understanding.constraints == {
        "country": ("US",)}
    others = parse("Revenue in other countries than France in 2024", model=HOMEWARE, as_of=as_of).understanding
    assert "Other" not in others.constraints.get("country", ())


def test_members_named_like_seasons_or_months_are_members() -> None:
    model = SemanticModel(version="fashion-1", measures=("revenue", "units"),
                          dimensions={"collection": ("Spring Collection", "March Madness", "Summer")},
                          first_date=date(2023, 1, 1), last_date=date(2025, 6, 30))
    as_of = date(2025, 7, 1)
    spring = parse("Spring Collection revenue in March", model=model, as_of=as_of).understanding
    assert spring.constraints == {"collection": ("Spring Collection",)} and spring.time.start == date(2025, 3, 1)
    madness = parse("March Madness units last year", model=model, as_of=as_of).understanding
    assert madness.constraints == {"collection": ("March Madness",)} and madness.time.start == date(2024, 1, 1)


def test_may_the_verb_is_not_a_month() -> None:
    result = parse("What may revenue have been last quarter?", model=OUTDOOR, as_of=date(2025, 11, 10))
    assert result.understanding.time is not None
    assert (result.understanding.time.start, result.understanding.time.end) == (date(2025, 7, 1), date(2025, 9, 30))


def test_numbers_that_are_not_years_stay_numbers() -> None:
    u = parse("Top 5 products by units this year", model=OUTDOOR, as_of=date(2025, 11, 10)).understanding
    assert (u.intent, u.limit, u.time.start) == ("rank", 5, date(2025, 1, 1))


def test_the_matcher_is_built_once_per_model_version() -> None:
    assert vocabulary_for(OUTDOOR) is vocabulary_for(OUTDOOR)
    renamed = SemanticModel(version="outdoor-2", measures=OUTDOOR.measures, dimensions=dict(OUTDOOR.dimensions),
                            first_date=OUTDOOR.first_date, last_date=OUTDOOR.last_date)
    assert vocabulary_for(renamed) is not vocabulary_for(OUTDOOR)


def test_a_clarify_context_is_no_context() -> None:
    result = parse("And in EMEA?", model=OUTDOOR, as_of=date(2025, 11, 10), context=Understanding(intent="clarify"))
    assert result.understanding.intent == "clarify"


WORDS = st.sampled_from([
    "revenue", "sales", "by", "region", "top", "3", "why", "and", "in", "EMEA", "emea", "Q3", "2024", "vs",
    "last", "year", "month", "may", "March", "between", "to", "from", "since", "week", "53", "of", "margin", "%",
    "units", "how", "many", "Trail", "Runners", "compare", "APAC", "?", "-", "W27", "2025-W27", "2024-02-30",
    "this", "that", "overview", "daily", "monthly", "excluding", "Online", "best", "worst", "ago", "next",
    "yoy", "H1", "first", "half", "the", "weather", "Narnia", "day", "pack", "drove", "change", "share", "all",
])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=14), noise=st.text(max_size=20))
def test_parse_never_raises_and_always_returns_a_valid_understanding(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    result = parse(text, model=OUTDOOR, as_of=date(2025, 11, 10))
    understanding = result.understanding
    assert understanding.intent in INTENTS
    assert 0 <= result.confidence <= 1
    if understanding.answered:
        assert understanding.measure in OUTDOOR.measures and understanding.time is not None
        assert Understanding.from_json(understanding.as_json()) == understanding
    else:
        assert result.clarification


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_parse_survives_any_text(text: str) -> None:
    context = parse("Revenue by region last quarter", model=OUTDOOR, as_of=date(2025, 11, 10)).understanding
    result = parse(text, model=OUTDOOR, as_of=date(2025, 11, 10), context=context)
    assert result.understanding.intent in INTENTS


def test_compound_dimension_names_answer_to_their_usual_word() -> None:
    model = SemanticModel(
        version="wholesale-1", measures=("revenue", "units"),
        dimensions={"sales_channel": ("Web", "Marketplace", "Wholesale"),
                    "customer_segment": ("Retail Buyers", "Corporate"),
                    "store_type": ("Mall", "Street"), "country_code": ("DE", "FR", "IT")},
        first_date=date(2023, 1, 1), last_date=date(2025, 6, 30))
    as_of = date(2025, 7, 1)
    expected = {"Revenue by channel last month": "sales_channel", "Revenue by segment": "customer_segment",
                "units by store type in 2024": "store_type", "revenue by country in 2024": "country_code"}
    for text, dimension in expected.items():
        assert parse(text, model=model, as_of=as_of).understanding.group_by == dimension, text
    assert parse("Revenue in IT last month", model=model, as_of=as_of).understanding.constraints == {
        "country_code": ("IT",)}
    assert parse("revenue in it last month", model=model, as_of=as_of).understanding.constraints == {}


def test_off_topic_words_that_are_member_names_are_data() -> None:
    model = SemanticModel(version="cafe-1", measures=("revenue", "units"),
                          dimensions={"product": ("Coffee", "Pizza", "Board Games"), "city": ("Paris", "Rome")},
                          first_date=date(2023, 1, 1), last_date=date(2025, 6, 30))
    as_of = date(2025, 7, 1)
    coffee = parse("How did Coffee do last month?", model=model, as_of=as_of).understanding
    assert coffee.intent == "summary" and coffee.constraints == {"product": ("Coffee",)}
    games = parse("Board games revenue in Paris in 2024", model=model, as_of=as_of).understanding
    assert games.constraints == {"product": ("Board Games",), "city": ("Paris",)}
    assert parse("What's the weather in Paris?", model=model, as_of=as_of).understanding.intent == "out_of_scope"


def test_a_context_from_older_data_keeps_only_what_the_model_still_has() -> None:
    stale = parse("Revenue in EMEA by channel last quarter", model=OUTDOOR, as_of=date(2025, 11, 10)).understanding
    result = parse("And in Spain?", model=HOMEWARE, as_of=date(2025, 1, 15), context=stale)
    assert result.understanding.intent == "clarify"  # the old split by channel means nothing here
    value = parse("What was margin in EMEA last quarter?", model=OUTDOOR, as_of=date(2025, 11, 10)).understanding
    follow = parse("And in Brazil?", model=SAAS, as_of=date(2025, 4, 2), context=value).understanding
    assert follow.measure in SAAS.measures and follow.constraints == {"country": ("Brazil",)}


@pytest.mark.parametrize(("text", "want"), [
    ("home decor sales in the last qurater of 2024", V("revenue", "2024-10-01", "2024-12-31",
                                                        where={"product_line": ["Home Decor"]})),
    ("Qaurterly revenue in 2023", {"intent": "trend", "time": ("2023-01-01", "2023-12-31", "quarter")}),
    ("December revenue veruss last year", {"intent": "compare", "compare_to": ("2023-12-01", "2023-12-31")}),
    ("revenue in novmeber 2024", V("revenue", "2024-11-01", "2024-11-30")),
    ("REVENUE EXCLUDING THE US IN 2024", V("revenue", "2024-01-01", "2024-12-31",
                                           where={"country": ["France", "Germany",
                                                   "Spain", "United Kingdom", "Other"]})),
    ("HOW DID US DO LAST YEAR?", {"intent": "summary", "where": {}}),
    ("monthly revenue for the business segment in 2024", {"intent": "trend", "where": {"segment": ["Business"]}}),
    ("What was net proift in 2024?", CLARIFY),
    ("Revenue by regoin last month", CLARIFY),
    ("Revenue in Augusta last month", CLARIFY),  # a capitalised name is never "corrected" into August
])
def test_typos_and_capitals(text: str, want: dict[str, Any]) -> None:
    assert mismatches(parse(text, model=HOMEWARE, as_of=date(2025, 1, 15)), want) == []


def test_a_misspelt_month_written_as_a_name_is_asked_about_with_the_month_suggested() -> None:
    result = parse("Revenue in Novmeber 2024", model=HOMEWARE, as_of=date(2025, 1, 15))
    assert result.understanding.intent == "clarify" and result.suggestions[0] == "November"
