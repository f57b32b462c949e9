#!/usr/bin/env python3
"""HarvestCo, a made-up farm-to-table produce wholesaler (currency CAD): daily delivery facts.

usage: python3 make_harvestco.py [OUT.csv]      (default: harvestco.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, province,
buyer_type, produce and driver that had any delivery, 2023-06-01 to 2025-11-30.

- dimensions: province, buyer_type, produce, driver (each driver works one province)
- measures: revenue, cost, cases, deliveries, spoilage_kg
- seasonality: produce has its seasons (Corn Jul-Sep, Berries Jun-Aug, Squash
  Sep-Nov, Maple Syrup Mar-Apr, ...); Schools buy nothing in July and August;
  Farmers Markets run May to October only; Sundays are quiet
- events: a cooler failure in Ontario in July 2025 (Berries spoilage x6);
  an Alberta hospital contract from 2025-01-01 (Hospital in Alberta x2.5);
  Frank Li leaves after 2025-08-31; a highway closure in British Columbia in
  ISO week 47 of 2025 (2025-11-17..23: BC deliveries cut to 15%); a Honey
  holiday rush every December (x3)
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251130
START, END = date(2023, 6, 1), date(2025, 11, 30)
HEADER = ["date", "province", "buyer_type", "produce", "driver", "revenue", "cost", "cases", "deliveries",
          "spoilage_kg"]
DRIVERS = {  # driver: (province, weight)
    "Rose Tremblay": ("Quebec", 1.2), "Jean Bouchard": ("Quebec", 0.9),
    "Sunny Patel": ("Ontario", 1.3), "Frank Li": ("Ontario", 1.0), "Kate Morrison": ("Ontario", 1.1),
    "Will Roy": ("New Brunswick", 0.5), "Dawn MacDonald": ("Nova Scotia", 0.7),
    "Priya Singh": ("Alberta", 1.0), "Amir Haddad": ("Manitoba", 0.6),
    "June Fraser": ("Saskatchewan", 0.5), "Mike Chen": ("British Columbia", 1.1),
    "Tom Wilson": ("British Columbia", 0.9),
}
BUYERS = {  # buyer_type: (weight, cases per delivery lo-hi, price factor, cost ratio)
    "Restaurant": (1.0, (2, 8), 1.15, 0.62),
    "Grocer": (0.8, (8, 30), 0.95, 0.74),
    "School": (0.35, (5, 15), 0.85, 0.78),
    "Hospital": (0.3, (6, 18), 0.9, 0.76),
    "Farmers Market": (0.45, (3, 10), 1.25, 0.58),
}
PRODUCE = {  # produce: (price a case, spoilage kg a case, weight, peak months)
    "Apples": (38.0, 0.08, 1.1, (9, 10, 11, 12)),
    "Berries": (64.0, 0.45, 0.9, (6, 7, 8)),
    "Greens": (42.0, 0.35, 1.2, ()),
    "Squash": (31.0, 0.05, 0.7, (9, 10, 11)),
    "Potatoes": (24.0, 0.04, 1.2, ()),
    "Corn": (29.0, 0.20, 0.8, (7, 8, 9)),
    "Honey": (96.0, 0.0, 0.35, ()),
    "Carrots": (26.0, 0.05, 1.0, ()),
    "Onions": (22.0, 0.04, 0.9, ()),
    "Tomatoes": (46.0, 0.30, 0.9, (7, 8, 9)),
    "Mushrooms": (58.0, 0.40, 0.6, ()),
    "Pears": (41.0, 0.12, 0.5, (9, 10)),
    "Garlic": (72.0, 0.02, 0.35, (8, 9)),
    "Maple Syrup": (120.0, 0.0, 0.25, (3, 4)),
    "Peaches": (55.0, 0.35, 0.4, (7, 8)),
}


def produce_weight(name: str, day: date) -> float:
    _price, _, w, peak = PRODUCE[name]
    if not peak:
        f = 1.0
    elif day.month in peak:
        f = 2.2
    else:
        f = 0.25
    if name == "Honey" and day.month == 12:
        f *= 3.0
    return w * f


def buyer_weight(name: str, day: date) -> float:
    w = BUYERS[name][0]
    if name == "School" and day.month in (7, 8):
        return 0.0
    if name == "School" and (day.month == 12 and day.day > 20):
        return 0.0
    if name == "Farmers Market":
        if day.month not in (5, 6, 7, 8, 9, 10):
            return 0.0
        return w * (2.5 if day.weekday() >= 5 else 0.6)
    if name in ("School", "Hospital") and day.weekday() >= 5:
        return w * (0.0 if name == "School" else 0.5)
    return w


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def pick(rng: random.Random, weights: dict):
    total = sum(weights.values())
    x = rng.random() * total
    for k, w in weights.items():
        x -= w
        if x <= 0:
            return k
    return k


def generate():
    rng = random.Random(SEED)
    rows = []
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        growth = 1.16 ** years
        season = 1.0 + 0.25 * math.sin((day.timetuple().tm_yday - 110) / 365.25 * 2 * math.pi)
        weekday = (0.35 if day.weekday() == 6 else 0.8 if day.weekday() == 5 else 1.0)
        holiday = 0.3 if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1) else 1.0
        lam = 26.0 * growth * season * weekday * holiday
        drivers = {d: w for d, (p, w) in DRIVERS.items()}
        if day > date(2025, 8, 31):
            drivers.pop("Frank Li")
            drivers["Sunny Patel"] += 0.5
            drivers["Kate Morrison"] += 0.4
        if date(2025, 11, 17) <= day <= date(2025, 11, 23):
            for d in ("Mike Chen", "Tom Wilson"):
                drivers[d] *= 0.15
        buyers = {b: buyer_weight(b, day) for b in BUYERS}
        produce = {p: produce_weight(p, day) for p in PRODUCE}
        cells: dict = {}
        for _ in range(poisson(rng, lam * sum(drivers.values()) / 11.1)):
            drv = pick(rng, drivers)
            prov = DRIVERS[drv][0]
            bw = dict(buyers)
            if prov == "Alberta" and day >= date(2025, 1, 1):
                bw["Hospital"] *= 2.5
            buyer = pick(rng, bw)
            prod = pick(rng, produce)
            lo, hi = BUYERS[buyer][1]
            cases = rng.randint(lo, hi)
            price = PRODUCE[prod][0] * BUYERS[buyer][2] * (1.0 + 0.03 * years) * rng.uniform(0.9, 1.1)
            revenue = cases * price
            cost = revenue * BUYERS[buyer][3] * rng.uniform(0.93, 1.07)
            spoil_rate = PRODUCE[prod][1]
            if prov == "Ontario" and prod == "Berries" and day.year == 2025 and day.month == 7:
                spoil_rate *= 6.0
            spoilage = cases * spoil_rate * rng.uniform(0.3, 1.7)
            key = (prov, buyer, prod, drv)
            c = cells.setdefault(key, [0.0, 0.0, 0, 0, 0.0])
            c[0] += revenue
            c[1] += cost
            c[2] += cases
            c[3] += 1
            c[4] += spoilage
        for key in sorted(cells):
            r, co, ca, de, sp = cells[key]
            rows.append([day.isoformat(), *key, f"{r:.2f}", f"{co:.2f}", ca, de, f"{sp:.1f}"])
        day += timedelta(days=1)
    return rows


def write(path) -> Path:
    path = Path(path)
    rows = generate()
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("harvestco.csv")
    p = write(out)
    print(p)
