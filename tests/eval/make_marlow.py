"""A held-out company for the evaluator: Marlow & Finch, a housewares brand whose member names are words.

Its member names collide with English, time words and question keywords, the way real catalogues do:

- store: New York, West End, North, Chicago
- channel: Direct, Online, Best Buy, Cafe (one typo from "came"), Today (a TV shopping slot)
- product: Max, Pro Series, Q Line, Air Plus, Air Lite, Air Mini, Total
- collection: Summer Collection (sold May to August), March Madness (a March promotion), Top Shelf, Core
- rep: May, June, Will, Sunny
- segment (ordinary words): Home, Office, Gift, Travel

Measures: revenue, cost, units, orders (no new customers). Deterministic (fixed seed, standard library
only), 2023-03-01 to 2025-11-11, one row per day and combination of members with any activity. Events:

- the Cafe channel starts on 2024-01-15;
- Air Mini is launched on 2024-09-01;
- Best Buy takes a big Black Friday order each year (the day after US Thanksgiving), and is cut to
  half from 2025-07-01 (a lost shelf);
- West End grows fast (about 35% a year), Chicago shrinks (about 10% a year);
- Pro Series sells at a discount in August 2025 (cost share up, margin down);
- Gift is strong in December.

usage: python make_marlow.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251112
FIRST, LAST = date(2023, 3, 1), date(2025, 11, 11)
STORES = {"New York": (1.4, 0.08), "West End": (0.8, 0.35), "North": (1.0, 0.05), "Chicago": (1.1, -0.10)}
CHANNELS = {"Direct": 0.9, "Online": 1.3, "Best Buy": 0.8, "Cafe": 0.35, "Today": 0.3}
CAFE_STARTS = date(2024, 1, 15)
PRODUCTS = {  # price, cost share, weight
    "Max": (89.0, 0.52, 0.8), "Pro Series": (149.0, 0.48, 0.5), "Q Line": (34.0, 0.40, 1.2),
    "Air Plus": (59.0, 0.45, 0.9), "Air Lite": (39.0, 0.42, 1.0), "Air Mini": (25.0, 0.38, 0.8),
    "Total": (12.0, 0.30, 1.4),
}
AIR_MINI_LAUNCH = date(2024, 9, 1)
REPS = {"May": 1.0, "June": 0.8, "Will": 1.1, "Sunny": 0.6}
SEGMENTS = {"Home": 1.5, "Office": 0.9, "Gift": 0.6, "Travel": 0.5}
HEADER = ["date", "store", "channel", "product", "collection", "rep", "segment", "revenue", "cost", "units", "orders"]


def black_friday(year: int) -> date:
    first = date(year, 11, 1)
    thanksgiving = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thanksgiving + timedelta(days=1)


def collection_of(rng: random.Random, product: str, day: date) -> str:
    if day.month == 3 and rng.random() < 0.35:
        return "March Madness"
    if 5 <= day.month <= 8 and product.startswith("Air") and rng.random() < 0.6:
        return "Summer Collection"
    if product in ("Max", "Pro Series"):
        return "Top Shelf"
    return "Core"


def rows():
    rng = random.Random(SEED)
    day = FIRST
    while day <= LAST:
        years = (day - FIRST).days / 365.25
        season = 1.0 + 0.2 * math.sin(day.timetuple().tm_yday / 365.25 * 2 * math.pi - 1.0)
        if day.month == 12:
            season += 0.35
        sales = max(10, int(rng.gauss(36 * season, 4)))
        cells: dict = {}
        for _ in range(sales):
            store = rng.choices(list(STORES), weights=[w * (1 + g) ** years for w, g in STORES.values()])[0]
            channel = rng.choices(list(CHANNELS), weights=list(CHANNELS.values()))[0]
            if channel == "Cafe" and day < CAFE_STARTS:
                continue
            if channel == "Best Buy" and day >= date(2025, 7, 1) and rng.random() < 0.5:
                continue
            product = rng.choices(list(PRODUCTS), weights=[w for _, _, w in PRODUCTS.values()])[0]
            if product == "Air Mini" and day < AIR_MINI_LAUNCH:
                continue
            rep = rng.choices(list(REPS), weights=list(REPS.values()))[0]
            seg_weights = [w * (2.2 if s == "Gift" and day.month == 12 else 1.0) for s, w in SEGMENTS.items()]
            segment = rng.choices(list(SEGMENTS), weights=seg_weights)[0]
            price, cost_share, _ = PRODUCTS[product]
            units = max(1, int(rng.gauss(4, 2)))
            if channel == "Best Buy" and day == black_friday(day.year):
                units *= 12
            orders = max(1, units - rng.randint(0, units // 2))
            revenue = units * price * rng.uniform(0.9, 1.1)
            share = cost_share + (0.2 if product == "Pro Series" and (day.year, day.month) == (2025, 8) else 0.0)
            key = (store, channel, product, collection_of(rng, product, day), rep, segment)
            acc = cells.setdefault(key, [0.0, 0.0, 0, 0])
            acc[0] += revenue
            acc[1] += revenue * share * rng.uniform(0.95, 1.05)
            acc[2] += units
            acc[3] += orders
        for key, (revenue, cost, units, orders) in sorted(cells.items()):
            yield [day.isoformat(), *key, f"{revenue:.2f}", f"{cost:.2f}", units, orders]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    path = Path(path)
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
