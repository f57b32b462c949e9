"""How fast the built-in parser understands a question (goal: well under 5 ms), and how long the
tenant's vocabulary takes to build, on a small model and on one with thousands of members."""
from __future__ import annotations

import time
from datetime import date

from benchmarks.figures import Figure, latency_figures
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from insights.understanding.vocabulary import build
from metrics.measures import CATALOGUE
from metrics.semantic import SemanticModel

AREA = "parser"
AS_OF = date(2025, 11, 10)
QUESTIONS = (
    "What was revenue last month?",
    "How much did we sell in Q3 2025?",
    "What was our gross margin in EMEA last quarter?",
    "How many units did we sell online in September 2025?",
    "How did revenue in Q3 2025 compare to Q2 2025?",
    "Revenue in October vs last year",
    "How is year-to-date revenue tracking against the same period last year?",
    "Show me monthly revenue over the last 6 months",
    "Weekly orders for the last 8 weeks",
    "Revenue by region last quarter",
    "Compare EMEA and APAC revenue in 2024",
    "Top 3 products by revenue this year",
    "Which region had the lowest margin percentage last month?",
    "Why did revenue drop in August 2025?",
    "What drove the growth in gross margin in Q2 2025, by product?",
    "How are we doing?",
    "Revenue for Narnia last month",
    "What's the weather in Paris?",
    "Sales of Summit Boot in North America, retail only, in H1 2025",
    "between March and May 2025, revenue excluding Partner",
    # contract v2
    "What share of revenue came from Footwear in Q3 2025?",
    "Which region grew fastest this year vs last year?",
    "Cumulative revenue by month this year",
    "Which month on record had the highest revenue?",
    "Are we on track to hit $22M in revenue this year?",
    "How many products did we sell in APAC last month?",
    "Anything unusual last week?",
    "Average daily revenue by month this year",
    "What was our gross margin per order last quarter?",
    "quick one for the board deck: revenue and units by channel last qtr?",
    "write a poem about our sales",
)
FOLLOW_UPS = ("And in APAC?", "What about margin?", "Compared to last year?", "Why?", "Break that down by channel",
              "Top 2?")


def _model(*, products: int) -> SemanticModel:
    names = ["Alpine Jacket", "Base Layer", "Day Pack", "Rain Shell", "Smart Compass", "Summit Boot",
             "Trail Runner", "Trekking Poles"]
    names += [f"Product {chr(65 + i % 26)}{i:04d} Deluxe" for i in range(max(0, products - len(names)))]
    return SemanticModel(
        version=f"bench-{products}", measures=tuple(CATALOGUE),
        dimensions={"region": ("APAC", "EMEA", "LATAM", "North America"), "channel": ("Online", "Partner", "Retail"),
                    "product": tuple(names), "category": ("Apparel", "Footwear", "Gear")},
        first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
    )


def _latencies(model: SemanticModel, rounds: int) -> list[float]:
    parse(QUESTIONS[0], model=model, as_of=AS_OF)  # builds and caches the vocabulary
    context = parse("What was revenue in EMEA last quarter?", model=model, as_of=AS_OF).understanding
    samples = []
    for _ in range(rounds):
        for text in QUESTIONS:
            samples.append(_timed(text, model, None))
        for text in FOLLOW_UPS:
            samples.append(_timed(text, model, context))
    return samples


def _timed(text: str, model: SemanticModel, context: Understanding | None) -> float:
    started = time.perf_counter()
    parse(text, model=model, as_of=AS_OF, context=context)
    return (time.perf_counter() - started) * 1000


def run(ctx) -> list[Figure]:
    rounds = 5 if ctx.quick else 25
    big = 500 if ctx.quick else 5000
    figures = latency_figures(area=AREA, name="parse, 8 products", samples_ms=_latencies(_model(products=8), rounds),
                              p95_goal_ms=5.0)
    large = _model(products=big)
    started = time.perf_counter()
    build(measures=large.definitions, dimensions=large.dimensions)
    figures.append(Figure(AREA, f"build vocabulary, {big} products", (time.perf_counter() - started) * 1000, "ms"))
    figures += latency_figures(area=AREA, name=f"parse, {big} products", samples_ms=_latencies(large, rounds),
                               p95_goal_ms=5.0)
    return figures
