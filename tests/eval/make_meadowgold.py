#!/usr/bin/env python3
"""Meadowgold Dairy Cooperative: daily milk collections, one row per farm pickup day.

Deterministic (seeded), standard library only.  usage: make_meadowgold.py OUT.csv
"""
from __future__ import annotations

import csv
import itertools
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, LAST = date(2023, 4, 1), date(2025, 11, 12)
SEED = 20251112

FARMS = [
    "Green Acres", "Sunny Side", "Oak Hill", "Best View", "Old Mill", "Willow Creek", "Cedar Hollow",
    "Red Barn", "Hilltop", "Meadow Brook", "Pine Ridge", "Clover Field", "Stony Brook", "Fox Run",
    "Deer Creek", "Elm Grove", "Twin Oaks", "Bluebell", "Golden Valley", "Rolling Hills", "Silver Spring",
    "Maple Lane", "Brookside", "High Pasture", "Cherry Lane", "Honey Hollow", "Spring Valley", "Wind Gap",
    "Shady Grove", "Prairie View", "Lone Pine", "Riverbend", "Harvest Moon", "Hickory Lane", "Mill Pond",
    "Briar Patch", "Long Meadow", "Oak Leaf", "North Star", "Sugar Creek", "Echo Valley", "Rock Creek",
    "Apple Orchard", "Birch Hill", "Happy Valley", "Cloverdale", "Windy Hill", "Sand Creek", "Walnut Grove",
    "Crystal Lake", "Timber Ridge", "Bear Creek", "Evergreen", "Misty Morning", "Country Lane",
    "Hidden Valley", "Sunrise", "Summit View", "Bluestem", "Iron Gate",
]
# each tanker route runs mostly through one county, some through two
ROUTE_COUNTIES = {
    1: ["Marathon"], 2: ["Marathon", "Shawano"], 3: ["Clark", "Marathon"], 4: ["Dane"],
    5: ["Dane", "Sauk"], 6: ["Sauk"], 7: ["Vernon"], 8: ["Shawano"],
}
# farms that joined or left the co-op during the data
JOINS = {"Best View": date(2024, 6, 3), "Harvest Moon": date(2025, 2, 1), "Iron Gate": date(2025, 2, 1)}
LEAVES = {"Country Lane": date(2023, 12, 31), "Sunny Side": date(2024, 9, 30)}
FIXED_ROUTE = {"Best View": 3, "Old Mill": 5, "Green Acres": 3, "Oak Hill": 2, "Sunny Side": 7}

HEAT_WAVE = (date(2025, 7, 20), date(2025, 8, 10))        # dip in milk, spike in rejects and grade B/C
ROUTE6_BREAKDOWN = (date(2025, 3, 10), date(2025, 3, 16))  # tanker down: most route 6 pickups missed
OLD_MILL_CONTAMINATION = (date(2025, 10, 6), date(2025, 10, 12))  # antibiotic residue, loads rejected
VERNON_ROADS_CLOSED = (date(2025, 11, 4), date(2025, 11, 6))      # flooding: no pickups in Vernon

PRICE_ANCHORS = [  # base price per litre, USD (milk price dip through spring 2024, recovery in 2025)
    (date(2023, 4, 1), 0.450), (date(2023, 12, 1), 0.430), (date(2024, 4, 1), 0.370),
    (date(2024, 9, 1), 0.400), (date(2025, 3, 1), 0.460), (date(2025, 11, 30), 0.480),
]
GRADE_PRICE = {"A": 1.00, "B": 0.93, "C": 0.82}
TIERS = {  # probability of grade B and C per pickup
    "excellent": (0.06, 0.004), "good": (0.18, 0.03), "fair": (0.28, 0.10),
}


def price(d: date) -> float:
    for (d0, p0), (d1, p1) in itertools.pairwise(PRICE_ANCHORS):
        if d0 <= d <= d1:
            t = (d - d0).days / (d1 - d0).days
            return p0 + t * (p1 - p0)
    return PRICE_ANCHORS[-1][1]


def within(d: date, span) -> bool:
    return span[0] <= d <= span[1]


def write(path) -> Path:
    rng = random.Random(SEED)
    farms = []
    routes = [r for r in range(1, 9) for _ in range(8)]
    rng.shuffle(routes)
    for i, name in enumerate(FARMS):
        route = FIXED_ROUTE.get(name, routes[i] if i < len(routes) else rng.randint(1, 8))
        county = rng.choice(ROUTE_COUNTIES[route])
        freq = 1 if i % 4 == 0 else (2 if i % 4 in (1, 2) else 3)
        cows = rng.randint(260, 620) if freq == 1 else rng.randint(70, 300)
        tier = rng.choices(list(TIERS), weights=[0.35, 0.45, 0.20])[0]
        if name == "Old Mill":
            tier = "good"
        farms.append(dict(name=name, route=route, county=county, freq=freq, offset=rng.randrange(freq),
                          cows=cows, growth=rng.uniform(-0.01, 0.08), tier=tier,
                          start=JOINS.get(name, FIRST), end=LEAVES.get(name, LAST), tank=0.0))
    rows = []
    d = FIRST
    while d <= LAST:
        doy = d.timetuple().tm_yday
        season = 1 + 0.13 * math.cos(2 * math.pi * (doy - 130) / 365.25)
        heat = within(d, HEAT_WAVE)
        weather = 0.84 if heat else (0.95 if date(2024, 7, 22) <= d <= date(2024, 7, 31) else 1.0)
        years = (d - FIRST).days / 365.25
        base_price = price(d)
        for f in farms:
            if not (f["start"] <= d <= f["end"]):
                continue
            cows = f["cows"] * (1 + f["growth"] * years)
            f["tank"] += cows * 27.0 * season * weather * rng.gauss(1, 0.04)
            if ((d - FIRST).days + f["offset"]) % f["freq"] != 0 and d != f["end"]:
                continue
            missed = (f["route"] == 6 and within(d, ROUTE6_BREAKDOWN) and rng.random() < 0.75) or \
                     (f["county"] == "Vernon" and within(d, VERNON_ROADS_CLOSED))
            if missed:
                f["tank"] = 0.0  # milk held too long is dumped
                continue
            litres = round(f["tank"])
            f["tank"] = 0.0
            p_b, p_c = TIERS[f["tier"]]
            if heat:
                p_b, p_c = min(0.5, p_b * 2.5), min(0.3, p_c * 2.5)
            u = rng.random()
            grade = "C" if u < p_c else ("B" if u < p_c + p_b else "A")
            lo, hi = {"A": (0.0, 0.004), "B": (0.005, 0.02), "C": (0.03, 0.08)}[grade]
            frac = rng.uniform(lo, hi) * (2.0 if heat else 1.0)
            if f["name"] == "Old Mill" and within(d, OLD_MILL_CONTAMINATION):
                grade, frac = "C", rng.uniform(0.55, 0.75)
            rejected = round(litres * frac, 1)
            accepted = litres - rejected
            payout = round(accepted * base_price * GRADE_PRICE[grade], 2)
            bonus_rate = 0.0
            if grade == "A" and d >= date(2023, 7, 1):
                bonus_rate = 0.036 if date(2025, 4, 1) <= d <= date(2025, 6, 30) else 0.018
            bonus = round(accepted * bonus_rate, 2)
            pickups = 2 if f["freq"] == 1 and 4 <= d.month <= 6 and rng.random() < 0.12 else 1
            rows.append([d.isoformat(), f["name"], f"Route {f['route']}", f["county"], grade,
                         litres, f"{payout:.2f}", pickups, f"{rejected:.1f}", f"{bonus:.2f}"])
        d += timedelta(days=1)
    out = Path(path)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "farm", "route", "county", "grade", "milk_litres", "payout", "farm_pickups",
                    "rejected_litres", "bonus_paid"])
        w.writerows(rows)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_meadowgold.py OUT.csv")
    print(write(sys.argv[1]))
