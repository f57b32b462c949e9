#!/usr/bin/env python3
"""TealCart, a made-up UK online grocery delivery company (currency GBP).

usage: python3 make_tealcart.py [OUT.csv]      (default: tealcart.csv beside this file)

Deterministic (fixed seed, standard library only). Daily facts 2023-03-01 to
2025-11-30; each day every live city gets one to four rows, each a
(category, delivery_slot, customer_tier) batch of that day's orders.

- dimensions: city (25 UK cities, including Bath, Reading, Sale, Street and
  Wells; Wells goes live 2024-03-01, Street 2024-09-01), category (Fresh,
  Bakery, Frozen, Household, Drinks, Baby), delivery_slot (Morning, Afternoon,
  Evening, Same Day), customer_tier (New, Returning, Plus)
- measures: revenue, orders, units, delivery_fees, refunds, new_customers
  (no cost column, so no gross margin or margin %)
- events: London Same Day outage 2024-12-09..15 (orders x0.1); a Baby
  product recall, Baby refunds x6 in August 2025; a Reading Plus promo,
  Reading Plus orders x2.5 in September 2025; a heatwave, Drinks x1.7
  2025-07-07..20; Black Friday weeks (Nov 24-30 2025, Nov 25-Dec 1 2024,
  Nov 20-26 2023) x1.4; December peak, January dip.
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251130
START, END = date(2023, 3, 1), date(2025, 11, 30)
CITIES = {  # base orders a day at START, rows a day, go-live
    "London": (1500, 4, START), "Manchester": (520, 2, START), "Birmingham": (480, 2, START),
    "Leeds": (330, 2, START), "Bristol": (300, 2, START), "Glasgow": (290, 2, START),
    "Edinburgh": (260, 2, START), "Liverpool": (250, 1, START), "Sheffield": (210, 1, START),
    "Nottingham": (190, 1, START), "Leicester": (170, 1, START), "Cardiff": (170, 1, START),
    "Newcastle": (180, 1, START), "Brighton": (160, 1, START), "Oxford": (140, 1, START),
    "Cambridge": (140, 1, START), "York": (100, 1, START), "Southampton": (150, 1, START),
    "Norwich": (90, 1, START), "Exeter": (80, 1, START), "Bath": (95, 1, START),
    "Reading": (150, 1, START), "Sale": (70, 1, START), "Street": (35, 1, date(2024, 9, 1)),
    "Wells": (30, 1, date(2024, 3, 1)),
}
CITY_GROWTH = {"Bristol": 0.35, "Reading": 0.32, "Leeds": 0.30, "Glasgow": 0.12, "Norwich": 0.08,
               "Street": 0.6, "Wells": 0.5}
CATEGORIES = {  # weight, units per order, price per unit, refund rate
    "Fresh": (0.34, 9.0, 3.10, 0.021), "Bakery": (0.12, 4.0, 2.20, 0.015),
    "Frozen": (0.14, 6.0, 3.60, 0.010), "Household": (0.16, 5.0, 4.20, 0.008),
    "Drinks": (0.15, 7.0, 2.90, 0.012), "Baby": (0.09, 6.0, 5.50, 0.011),
}
SLOTS = {"Morning": (0.27, 2.99), "Afternoon": (0.24, 1.99), "Evening": (0.31, 3.49), "Same Day": (0.18, 5.99)}
TIERS = {"New": (0.16, 0.92, 1.0), "Returning": (0.56, 1.0, 1.0), "Plus": (0.28, 1.12, 0.15)}
MONTH = {1: 0.86, 2: 0.92, 3: 0.98, 4: 1.0, 5: 1.0, 6: 0.97, 7: 0.95, 8: 0.91, 9: 1.0, 10: 1.04, 11: 1.08, 12: 1.28}
DOW = [1.02, 0.96, 0.95, 0.98, 1.05, 1.12, 0.92]
BLACK_FRIDAY = [(date(2023, 11, 20), date(2023, 11, 26)), (date(2024, 11, 25), date(2024, 12, 1)),
                (date(2025, 11, 24), date(2025, 11, 30))]


def _pick(rng, table, idx=0):
    names = list(table)
    return rng.choices(names, weights=[table[n][idx] for n in names])[0]


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        season = MONTH[day.month] * DOW[day.weekday()]
        if any(a <= day <= b for a, b in BLACK_FRIDAY):
            season *= 1.4
        for city, (base, k, live) in CITIES.items():
            if day < live:
                continue
            growth = 1.0 + CITY_GROWTH.get(city, 0.2) * years
            ramp = min(1.0, 0.4 + (day - live).days / 150) if live > START else 1.0
            city_orders = base * growth * ramp * season
            seen = set()
            for _ in range(k):
                combo = (_pick(rng, CATEGORIES), _pick(rng, SLOTS), _pick(rng, TIERS))
                if combo in seen:
                    continue
                seen.add(combo)
                cat, slot, tier = combo
                n = city_orders / k * rng.uniform(0.8, 1.2)
                plus_boost = 1.0 + 0.15 * years if tier == "Plus" else 1.0
                n *= plus_boost
                if city == "London" and slot == "Same Day" and date(2024, 12, 9) <= day <= date(2024, 12, 15):
                    n *= 0.1
                if city == "Reading" and tier == "Plus" and day.year == 2025 and day.month == 9:
                    n *= 2.5
                if cat == "Drinks" and date(2025, 7, 7) <= day <= date(2025, 7, 20):
                    n *= 1.7
                if cat == "Frozen" and day.month in (6, 7, 8):
                    n *= 1.15
                orders = max(1, round(n))
                _, upo, price, refund_rate = CATEGORIES[cat]
                units = max(orders, round(orders * upo * rng.uniform(0.9, 1.1)))
                revenue = units * price * TIERS[tier][1] * rng.uniform(0.95, 1.05) * (1 + 0.03 * years)
                fees = orders * SLOTS[slot][1] * TIERS[tier][2] * rng.uniform(0.9, 1.0)
                rr = refund_rate * rng.uniform(0.6, 1.4)
                if cat == "Baby" and day.year == 2025 and day.month == 8:
                    rr *= 6
                refunds = revenue * rr
                new = round(orders * rng.uniform(0.75, 0.9)) if tier == "New" else 0
                yield {"date": day.isoformat(), "city": city, "category": cat, "delivery_slot": slot,
                       "customer_tier": tier, "revenue": f"{revenue:.2f}", "orders": orders,
                       "units": units, "delivery_fees": f"{fees:.2f}", "refunds": f"{refunds:.2f}",
                       "new_customers": new}
        day += timedelta(days=1)


FIELDS = ["date", "city", "category", "delivery_slot", "customer_tier",
          "revenue", "orders", "units", "delivery_fees", "refunds", "new_customers"]


def write(path) -> Path:
    path = Path(path)
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for r in rows():
            w.writerow(r)
    return path


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("tealcart.csv")
    print(write(out))
