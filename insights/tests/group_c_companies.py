"""The made-up companies the group C parser tests (intents and modifiers) share: one definition per dataset
version, since the vocabulary is cached per version."""
from __future__ import annotations

from datetime import date

from insights.tests.models import company
from metrics.semantic import SemanticModel

AS_OF = date(2025, 11, 18)
FIRST, LAST = date(2023, 1, 2), date(2025, 11, 16)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions, first_date=FIRST, last_date=LAST)


HOTELS = _model("c-hotels-1", ("room_revenue", "room_nights", "guests"), {
    "property": ("Bath", "Leeds", "York"), "guest_type": ("Business", "Leisure"),
})
ADS = _model("c-ads-1", ("spend", "clicks", "revenue"), {
    "client": ("Acme", "Globex"), "platform": ("Google", "Meta"), "country": ("UK", "US"),
})
ENERGY = _model("c-energy-1", ("kwh", "bad_debt"), {
    "region": ("North", "South"), "customer_type": ("Business", "Residential"),
})
CARS = _model("c-cars-1", ("revenue", "cost", "units"), {
    "dealership": ("Clinton", "Salem"), "condition": ("New", "Used"),
})
CONSULTING = _model("c-consulting-1", ("billable_hours", "fees"), {
    "practice": ("Audit", "Tax"), "customer": ("Initech", "Umbrella"),
})
SHOPS = _model("c-shops-1", ("revenue", "units"), {"country": ("France", "Other", "US")})
WHOLESALE = _model("c-wholesale-1", ("net_sales", "cases"), {
    "depot": ("Albany", "Dayton"), "customer_type": ("Grocery", "Restaurant"),
})
