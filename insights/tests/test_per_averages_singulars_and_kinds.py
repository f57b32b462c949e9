"""What "per" divides by, where the words around it name more than it (contract v2, "per").

"Per active subscriber" names active_subscribers in the singular, "active" being its own first word; "average
sales per kiosk" and "average sale per cup" are sales divided (the average is the division's word, never the
catalogue's average sale, which the data may not hold); and "by plan type" beside a visit_type dimension splits by
plan, the kinds of plan, not by plan and by visit type at once.

The companies are shaped like none of the eval sets: a newsletter sold on ads to active and trial subscribers, a
chain of juice kiosks, a kiosk shop that counts orders, and a vet group whose fees come from care plans."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
FIRST, LAST = date(2024, 1, 1), date(2026, 2, 28)
NEWSLETTER = company(version="newsletter-p1", columns=("ad_revenue", "active_subscribers", "trial_subscribers"),
                     dimensions={"tier": ("Basic", "Pro", "Patron"), "country": ("Ireland", "Wales", "Scotland")},
                     first_date=FIRST, last_date=LAST)
JUICE = company(version="juice-p1", columns=("revenue", "cups"), dimensions={
    "kiosk": ("Harbour", "Station", "Market Hall"), "blend": ("Green", "Berry", "Citrus")},
    first_date=FIRST, last_date=LAST)
KIOSK_SHOP = company(version="kiosk-shop-p1", columns=("revenue", "orders"), dimensions={
    "kiosk": ("Harbour", "Station", "Market Hall")}, first_date=FIRST, last_date=LAST)
VETS = company(version="vets-p1", columns=("plan_fees", "appointments"), dimensions={
    "plan": ("Basic Care", "Premium Care"), "visit_type": ("Checkup", "Surgery", "Dental")},
    first_date=FIRST, last_date=LAST)
FEB = {"start": "2026-02-01", "end": "2026-02-28"}
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}


def read(model: SemanticModel, text: str, context=None):
    return parse(text, model=model, as_of=AS_OF, context=context)


def _shape(got: dict) -> tuple:
    return got["intent"], got["measure"], got["per"], got["group_by"], {k: got["time"][k] for k in ("start", "end")}


@pytest.mark.parametrize(("model", "text", "expected"), [
    (NEWSLETTER, "ad revenue per active subscriber by tier in 2025",
     ("breakdown", "ad_revenue", "active_subscribers", "tier", YEAR_2025)),
    (NEWSLETTER, "average ad revenue per active subscriber in 2025",
     ("value", "ad_revenue", "active_subscribers", None, YEAR_2025)),
    (NEWSLETTER, "ad revenue per trial subscriber last month", ("value", "ad_revenue", "trial_subscribers", None, FEB)),
    (JUICE, "average sales per kiosk last month", ("value", "revenue", "kiosk", None, FEB)),
    (JUICE, "avg sales per kiosk by blend in 2025", ("breakdown", "revenue", "kiosk", "blend", YEAR_2025)),
    (JUICE, "average sales per day last month", ("value", "revenue", "day", None, FEB)),
    (JUICE, "average sale per cup last month", ("value", "revenue", "cups", None, FEB)),
    # sales per order is the catalogue's own ratio: its name, no division said again
    (KIOSK_SHOP, "average sale per order last month", ("value", "avg_order_value", None, None, FEB)),
    (VETS, "plan fees per appointment by plan type in 2025",
     ("breakdown", "plan_fees", "appointments", "plan", YEAR_2025)),
    (VETS, "appointments by plan types last month", ("breakdown", "appointments", None, "plan", FEB)),
    (VETS, "appointments by visit type last month", ("breakdown", "appointments", None, "visit_type", FEB)),
    (VETS, "appointments by type last month", ("breakdown", "appointments", None, "visit_type", FEB)),
])
def test_what_per_divides_and_what_is_divided(model, text, expected):
    parsed = read(model, text)
    assert parsed.clarification is None, parsed.clarification
    assert _shape(parsed.understanding.as_json()) == expected


def test_an_average_per_member_kept_when_broken_down_after():
    first = read(JUICE, "average sales per kiosk last month").understanding
    assert (first.intent, first.measure) == ("value", "revenue")
    got = read(JUICE, "break that down by blend", context=first).understanding.as_json()
    assert _shape(got) == ("breakdown", "revenue", "kiosk", "blend", FEB)


@pytest.mark.parametrize(("model", "text", "said"), [
    # a word of two measures' names, in the singular: which of them is asked
    (NEWSLETTER, "ad revenue per subscriber in 2025", "per subscriber"),
    # a ratio of the catalogue's own is never divided again, said with an average or not
    (KIOSK_SHOP, "average order value per kiosk last month", "kiosk"),
])
def test_a_division_the_data_cannot_make_is_asked_back(model, text, said):
    parsed = read(model, text)
    assert parsed.understanding.intent == "clarify" and said in (parsed.clarification or ""), parsed.clarification


def test_an_average_with_no_per_is_not_read_as_the_plain_figure():
    parsed = read(JUICE, "average sales last month")
    assert parsed.understanding.intent == "clarify" and parsed.understanding.measure is None
