"""Answers from the real engine over a small company, for the UIs' tests: no hand-written answer objects.

The company's data has a column the catalogue does not know (``bookings``): it becomes a measure of its own,
so a test sees a new measure reach both UIs through the answer and the model alone. APAC's June 2025 is
three times its usual size, so "anything unusual" finds it.
"""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from insights.engine import answer_question
from metrics.selectors import get_semantic_model
from metrics.services import import_dataset
from tenants.context import TenantContext

AS_OF = date(2025, 6, 30)
REGIONS = {"EMEA": 3.0, "Americas": 2.0, "APAC": 1.0}
CHANNELS = {"Online": 1.5, "Retail": 1.0}
PRODUCTS = {"Trail Runner": 120.0, "Road Racer": 90.0}
QUESTIONS = (
    "What % of revenue came from EMEA in 2024?",
    "Revenue mix by region in 2024",
    "Are we on track to hit $2M revenue this year?",
    "Anything unusual in June 2025?",
    "Revenue and margin by region in 2024",
    "Revenue and orders in 2024",
    "Cumulative revenue by month in 2024",
    "Which region grew the most in 2025?",
    "Average monthly revenue in 2024",
    "quick one for the board deck: revenue in 2024",
    "Bookings by region in 2024",
    "Sales of runner in 2024",
)


def dataset_csv() -> bytes:
    """Two sales days a month from January 2024 to June 2025, EMEA > Americas > APAC, steady growth."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "region", "channel", "product", "revenue", "cost", "units", "orders", "bookings"])
    for month_index in range(18):
        year, month = 2024 + month_index // 12, month_index % 12 + 1
        for day in (1, 15):
            for region, region_weight in REGIONS.items():
                for channel, channel_weight in CHANNELS.items():
                    for product, price in PRODUCTS.items():
                        spike = 3 if (region, year, month) == ("APAC", 2025, 6) else 1
                        units = int(10 * region_weight * channel_weight * (1 + 0.03 * month_index)) * spike
                        revenue = units * price
                        writer.writerow([date(year, month, day).isoformat(), region, channel, product,
                                         f"{revenue:.2f}", f"{revenue * 0.6:.2f}", units, max(1, units // 2),
                                         units * 7])
    return out.getvalue().encode()


def company(tenant: TenantContext) -> TenantContext:
    import_dataset(tenant=tenant, stream=io.BytesIO(dataset_csv()), source="ui.csv", replace=False)
    return tenant


def answers(tenant: TenantContext) -> dict[str, dict[str, Any]]:
    """Question (lower case) → the answer object the API returns for it."""
    return {question.lower(): answer_question(tenant=tenant, text=question, as_of=AS_OF, context=None)
            .as_json(conversation=None) for question in QUESTIONS}


def model(tenant: TenantContext) -> dict[str, Any]:
    return get_semantic_model(tenant=tenant).as_json()
