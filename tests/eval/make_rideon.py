#!/usr/bin/env python3
"""RideOn Car Rental, a made-up Australian car-rental company (amounts in AUD).

usage: python3 make_rideon.py OUT.csv

Deterministic (fixed seed, standard library only). One row per pick-up day,
branch, car class, booking channel and customer type that had at least one
rental, 2024-03-01 to 2026-11-30.

- dimensions: branch (Sydney Airport, Sydney City, Melbourne Airport,
  Brisbane Airport, Gold Coast Airport, Perth City, Newcastle, Hobart Airport;
  Hobart Airport opens 2025-09-01), car_class (Economy, Compact, SUV, Premium,
  Van), booking_channel (Direct, Broker, Corporate), customer_type (Leisure,
  Business, Rideshare, Insurance Replacement)
- measures: rental_revenue (AUD, time-and-km charges), rentals (contracts
  opened), rental_days (days on hire, counted at pick-up), fuel_charges (AUD),
  toll_charges (AUD), damage_claims (AUD billed to renters / their insurers)
- events: the main broker feed is down 2025-08-11..2025-08-24 (Broker rentals
  at 15%); a hailstorm hits Gold Coast Airport in March 2026 (its damage
  claims about 8x); a mining contract brings Perth City Corporate vans (12x)
  in May-June 2026; a refuelling fee raises fuel charges 40% from 2026-07-01;
  Melbourne Airport counter works cut its rentals to 55% in October 2026; a
  toll-billing backlog is charged in November 2026 at both Sydney branches
  (toll charges 2.6x)
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 3, 1), date(2026, 11, 30)
HOBART_OPEN = date(2025, 9, 1)
SCALE = 0.7

# branch: (daily rentals at the start, toll exposure per rental day, kind)
BRANCHES = {
    "Sydney Airport": (15.0, 6.0, "airport"),
    "Melbourne Airport": (12.0, 4.5, "airport"),
    "Brisbane Airport": (8.0, 4.0, "airport"),
    "Gold Coast Airport": (6.0, 2.0, "airport"),
    "Sydney City": (5.5, 7.0, "city"),
    "Perth City": (4.5, 0.3, "city"),
    "Newcastle": (2.5, 1.5, "city"),
    "Hobart Airport": (3.0, 0.0, "airport"),
}
# (channel, customer type): share of a branch's rentals, yearly growth, price factor, days on hire (lo, hi)
SEGMENTS = {
    ("Direct", "Leisure"): (0.30, 0.03, 1.00, (1, 9)),
    ("Broker", "Leisure"): (0.30, 0.22, 0.88, (2, 12)),
    ("Direct", "Business"): (0.07, 0.02, 1.05, (1, 4)),
    ("Corporate", "Business"): (0.17, 0.07, 0.82, (1, 5)),
    ("Direct", "Rideshare"): (0.07, 0.00, 0.55, (7, 28)),
    ("Corporate", "Insurance Replacement"): (0.09, 0.05, 0.70, (4, 18)),
}
CLASS_MIX = {
    "Leisure": {"Economy": 0.30, "Compact": 0.25, "SUV": 0.25, "Premium": 0.12, "Van": 0.08},
    "Business": {"Economy": 0.15, "Compact": 0.35, "SUV": 0.20, "Premium": 0.25, "Van": 0.05},
    "Rideshare": {"Economy": 0.55, "Compact": 0.45},
    "Insurance Replacement": {"Economy": 0.40, "Compact": 0.40, "SUV": 0.20},
}
DAILY_RATE = {"Economy": 58.0, "Compact": 66.0, "SUV": 96.0, "Premium": 145.0, "Van": 122.0}
CLASS_GROWTH = {"Economy": 0.0, "Compact": 0.02, "SUV": 0.10, "Premium": 0.14, "Van": 0.04}
VAN_BRANCHES = {"Sydney City", "Perth City", "Newcastle", "Brisbane Airport"}
RIDESHARE_BRANCHES = {"Sydney City", "Perth City", "Newcastle", "Brisbane Airport", "Melbourne Airport"}
LEISURE_MONTH = {1: 1.35, 2: 0.9, 3: 1.0, 4: 1.15, 5: 0.85, 6: 0.9, 7: 1.15, 8: 0.85, 9: 1.0, 10: 1.05,
                 11: 0.95, 12: 1.3}
PEAK_PRICE = {1: 1.15, 4: 1.08, 7: 1.06, 12: 1.15}
HEADER = ["date", "branch", "car_class", "booking_channel", "customer_type", "rental_revenue", "rentals",
          "rental_days", "fuel_charges", "toll_charges", "damage_claims"]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def demand(day: date, branch: str, channel: str, ctype: str, car: str) -> float:
    """Expected rentals picked up that day in one cell (before SCALE)."""
    base, _, _kind = BRANCHES[branch]
    share, growth, _, _ = SEGMENTS[(channel, ctype)]
    years = (day - START).days / 365.25
    f = base * share * CLASS_MIX[ctype].get(car, 0.0)
    f *= (1 + growth) ** years * (1 + CLASS_GROWTH[car]) ** years * 1.04 ** years
    wd = day.weekday()
    if ctype == "Leisure":
        f *= LEISURE_MONTH[day.month]
        if branch == "Gold Coast Airport" and day.month in (6, 7, 8):
            f *= 1.3
        if branch == "Hobart Airport" and day.month in (12, 1, 2):
            f *= 1.35
        f *= (0.9, 0.85, 0.9, 1.0, 1.35, 1.15, 0.85)[wd]
    elif ctype == "Business":
        f *= 0.6 if day.month == 1 else (0.45 if day.month == 12 and day.day >= 18 else 1.0)
        f *= (1.25, 1.3, 1.3, 1.15, 0.8, 0.25, 0.35)[wd]
    elif ctype == "Rideshare":
        if day >= date(2025, 7, 1):  # the rideshare fleet deal winds down
            f *= 0.82 ** ((day - date(2025, 7, 1)).days / 365.25)
        f *= 1.0 if wd < 5 else 0.4
    else:  # insurance replacement: steady, weekdays
        f *= 1.0 if wd < 5 else 0.3
    # events
    if channel == "Broker" and date(2025, 8, 11) <= day <= date(2025, 8, 24):
        f *= 0.15
    if branch == "Perth City" and car == "Van" and channel == "Corporate" and day.year == 2026 and day.month in (5, 6):
        f *= 12.0
    if branch == "Melbourne Airport" and day.year == 2026 and day.month == 10:
        f *= 0.55
    return f * SCALE


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        for branch, (_, toll_rate, _) in BRANCHES.items():
            if branch == "Hobart Airport" and day < HOBART_OPEN:
                continue
            for car in DAILY_RATE:
                if car == "Van" and branch not in VAN_BRANCHES:
                    continue
                for (channel, ctype), (_, _, price_f, (lo, hi)) in SEGMENTS.items():
                    if car not in CLASS_MIX[ctype]:
                        continue
                    if ctype == "Rideshare" and branch not in RIDESHARE_BRANCHES:
                        continue
                    n = poisson(rng, demand(day, branch, channel, ctype, car))
                    if not n:
                        continue
                    days = sum(rng.randint(lo, hi) for _ in range(n))
                    rate = DAILY_RATE[car] * price_f * PEAK_PRICE.get(day.month, 1.0) * 1.035 ** years
                    revenue = days * rate * rng.uniform(0.9, 1.1)
                    fuel_f = 1.4 if day >= date(2026, 7, 1) else 1.0
                    fuel = sum(rng.uniform(45, 130) for _ in range(n) if rng.random() < 0.16) * fuel_f
                    toll_backlog = branch in ("Sydney Airport", "Sydney City") and (day.year, day.month) == (2026, 11)
                    toll_f = 2.6 if toll_backlog else 1.0
                    tolls = sum(rng.uniform(0.4, 1.6) * toll_rate for _ in range(days) if rng.random() < 0.55) * toll_f
                    hail = branch == "Gold Coast Airport" and (day.year, day.month) == (2026, 3)
                    claim_p = 0.028 * (8.0 if hail else 1.0)
                    claims = sum(rng.uniform(250, 3800) for _ in range(n) if rng.random() < claim_p)
                    yield [day.isoformat(), branch, car, channel, ctype, f"{revenue:.2f}", n, days,
                           f"{fuel:.2f}", f"{tolls:.2f}", f"{claims:.2f}"]
        day += timedelta(days=1)


def write(path) -> pathlib.Path:
    out = pathlib.Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("rideon.csv"))
