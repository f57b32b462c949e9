#!/usr/bin/env python3
"""Write vantor.csv: daily facts of Vantor, a made-up B2B industrial IoT sensor vendor (USD).

One row per day x region x account exec x vertical x product x contract term with any activity,
2024-01-01 to 2026-10-31. Deterministic (random.Random(SEED)), standard library only.

Known events, so that "why did X drop" has a true answer:
- 2025-06-09..2025-07-20: Flow Meter recall: Flow Meter sales fall to about a third, its
  support tickets jump.
- August every year: EMEA summer holidays halve EMEA activity.
- 2025-11-18: one large APAC Mining multi-year Tank Sensor deal (Summer Nguyen).
- 2026-02-01..2026-04-30: oil price slump: Americas Oil & Gas sales fall by about half.
- Will Grant (Americas) leaves after 2026-03-31; Dakota Brooks starts 2026-04-15.
- 2026-08-10..2026-08-23: Edge Gateway firmware bug: Edge Gateway support tickets spike.
- 2026-09: an EMEA Utilities tender wave lifts EMEA Utilities sales.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261031
FIRST, LAST = date(2024, 1, 1), date(2026, 10, 31)

# Account execs by region, with (first day, last day) of their tenure and a strength weight.
EXECS = {
    "Americas": [("Jordan Price", FIRST, LAST, 1.2), ("May Chen", FIRST, LAST, 1.0),
                 ("Will Grant", FIRST, date(2026, 3, 31), 0.9), ("Dakota Brooks", date(2026, 4, 15), LAST, 0.8)],
    "EMEA": [("Sofia Brandt", FIRST, LAST, 1.1), ("Jordan Ellis", FIRST, LAST, 0.9),
             ("Victoria Lang", FIRST, LAST, 1.0)],
    "APAC": [("Summer Nguyen", FIRST, LAST, 1.1), ("Hiro Tanaka", FIRST, LAST, 1.0),
             ("Sydney Park", FIRST, LAST, 0.8)],
}
REGION_WEIGHT = {"Americas": 1.15, "EMEA": 1.0, "APAC": 0.85}
VERTICAL_WEIGHT = {
    "Americas": {"Oil & Gas": 1.5, "Utilities": 0.9, "Mining": 0.6, "Agriculture": 1.1},
    "EMEA": {"Oil & Gas": 0.9, "Utilities": 1.5, "Mining": 0.5, "Agriculture": 0.8},
    "APAC": {"Oil & Gas": 0.7, "Utilities": 0.8, "Mining": 1.5, "Agriculture": 1.0},
}
# product: (row weight, devices per order range, list price per device in USD, hardware cost per device)
PRODUCTS = {
    "Edge Gateway": (0.7, (2, 10), 1850.0, 820.0),
    "Flow Meter": (1.0, (5, 30), 620.0, 300.0),
    "Tank Sensor": (1.3, (10, 70), 240.0, 105.0),
}
# contract term: (row weight, revenue factor on list price, cost factor on hardware cost)
TERMS = {"Monthly": (0.9, 0.35, 0.45), "Annual": (1.0, 1.0, 1.0), "Multi-Year": (0.45, 2.3, 1.15)}
BASE_P = 0.094  # tuned so that a weekday has about 24 rows


def seasonal(day: date, region: str, vertical: str, product: str, execs_start: date) -> float:
    """Multiplier on the chance of a row: calendar seasonality, growth and the known events."""
    f = 1.0 + 0.17 * (day - FIRST).days / 365.0  # steady growth
    if day.weekday() >= 5:
        f *= 0.2  # B2B: little closes at weekends
    q_end = date(day.year, 3 * ((day.month - 1) // 3) + 3, 1)
    if day.month == q_end.month and day.day >= 16:
        f *= 1.45  # quarter-end push
    if day.month == 1:
        f *= 0.75
    if day.month == 12:
        f *= 1.6 if vertical == "Utilities" else 1.2  # budget flush
    if vertical == "Agriculture":
        f *= {3: 1.8, 4: 1.9, 5: 1.6, 11: 0.6, 12: 0.55, 1: 0.6}.get(day.month, 1.0)  # planting season
    if region == "EMEA" and day.month == 8:
        f *= 0.5  # summer holidays
    if region == "APAC" and (day.month == 2 or (day.month == 1 and day.day >= 20)):
        f *= 0.7  # lunar new year
    if product == "Flow Meter" and date(2025, 6, 9) <= day <= date(2025, 7, 20):
        f *= 0.33  # recall
    if region == "Americas" and vertical == "Oil & Gas" and date(2026, 2, 1) <= day <= date(2026, 4, 30):
        f *= 0.45  # oil price slump
    if region == "EMEA" and vertical == "Utilities" and day.year == 2026 and day.month == 9:
        f *= 2.2  # utilities tender wave
    ramp = (day - execs_start).days
    if execs_start > FIRST and ramp < 90:
        f *= 0.3 + 0.7 * ramp / 90  # a new exec ramps up over a quarter
    return f


def poisson(rng: random.Random, lam: float) -> int:
    """Knuth's method; lam stays small here."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def row_for(rng: random.Random, day: date, region: str, vertical: str, product: str, term: str) -> dict:
    _, (lo, hi), price, unit_cost = PRODUCTS[product]
    _, rev_factor, cost_factor = TERMS[term]
    orders = 1 + poisson(rng, 0.35)
    devices = sum(rng.randint(lo, hi) for _ in range(orders))
    if vertical == "Mining":
        devices = round(devices * 1.3)  # mine sites are instrumented densely
    discount = rng.uniform(0.82, 1.0)
    revenue = devices * price * rev_factor * discount
    cost = devices * unit_cost * cost_factor * rng.uniform(0.92, 1.08)
    new_customers = sum(1 for _ in range(orders) if rng.random() < (0.3 if term == "Monthly" else 0.22))
    ticket_rate = 0.018 if product != "Tank Sensor" else 0.01
    if product == "Flow Meter" and date(2025, 6, 9) <= day <= date(2025, 7, 31):
        ticket_rate *= 5  # recall: customers call in
    if product == "Edge Gateway" and date(2026, 8, 10) <= day <= date(2026, 8, 23):
        ticket_rate *= 6  # firmware bug
    tickets = poisson(rng, devices * ticket_rate)
    return {"revenue": revenue, "devices_shipped": devices, "cost": cost, "orders": orders,
            "new_customers": new_customers, "support_tickets": tickets}


def big_deal() -> dict:
    """The APAC Mining multi-year deal of 2025-11-18 (one contract, priced by hand)."""
    return {"revenue": 2_480_000.0, "devices_shipped": 3600, "cost": 905_000.0, "orders": 1,
            "new_customers": 1, "support_tickets": 9}


def write(path: Path) -> Path:
    rng = random.Random(SEED)
    fields = ["date", "region", "vertical", "product", "account_exec", "contract_term",
              "revenue", "devices_shipped", "cost", "orders", "new_customers", "support_tickets"]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(fields)
        day = FIRST
        while day <= LAST:
            for region, execs in EXECS.items():
                for name, start, end, strength in execs:
                    if not start <= day <= end:
                        continue
                    for vertical, vw in VERTICAL_WEIGHT[region].items():
                        for product, (pw, *_) in PRODUCTS.items():
                            for term, (tw, *_) in TERMS.items():
                                p = BASE_P * REGION_WEIGHT[region] * strength * vw * pw * tw
                                p *= seasonal(day, region, vertical, product, start)
                                key = (day, region, name, vertical, product, term)
                                deal = key == (date(2025, 11, 18), "APAC", "Summer Nguyen", "Mining",
                                               "Tank Sensor", "Multi-Year")
                                if rng.random() >= min(p, 0.95) and not deal:
                                    continue
                                m = big_deal() if deal else row_for(rng, day, region, vertical, product, term)
                                out.writerow([day.isoformat(), region, vertical, product, name, term,
                                              f"{m['revenue']:.2f}", m["devices_shipped"], f"{m['cost']:.2f}",
                                              m["orders"], m["new_customers"], m["support_tickets"]])
            day += timedelta(days=1)
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
