#!/usr/bin/env python3
"""Tally Ho Motors, a made-up US car dealer group: daily deal totals.

usage: python3 make_tallyho.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day,
dealership, brand, condition, salesperson, finance type and lot that closed at
least one deal, 2024-01-01 to 2026-10-31. Dealerships are closed on Sundays.

- dimensions: dealership (Springfield, Salem, Franklin, Madison, Clinton),
  brand (Ford, Ram, Jeep, Kia, Mini), condition (New, Used, Certified
  Pre-Owned), salesperson (two a dealership), finance_type (Cash, Loan,
  Lease), lot_number (a number: import it with --dimensions lot_number)
- measures: revenue, cost, units, gross_profit (front-end margin plus
  finance & insurance income, so it is more than revenue - cost), trade_ins,
  test_drives
- events: spring tax-refund season and a December year-end push, slow
  January/February; Salem's lot is hit by hail in September 2025 (sales down
  to ~35%); Mini becomes a Madison franchise on 2025-04-01; Summer joins
  Madison on 2025-06-01 and Will joins Clinton on 2026-02-01; a Jeep 0% APR
  promotion in July 2026 (Jeep loans x2.5); Franklin's 50th-anniversary sale
  in October 2026 (x2.2); used-car prices drift down ~6% a year
"""
from __future__ import annotations

import csv
import math
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

SEED = 4417
START, END = date(2024, 1, 1), date(2026, 10, 31)
HEADER = ["date", "dealership", "lot_number", "brand", "condition", "salesperson", "finance_type",
          "revenue", "cost", "units", "gross_profit", "trade_ins", "test_drives"]
# deals a selling day, franchise brands (new and certified cars), lots (new lot first), salespeople
DEALERSHIPS = {
    "Springfield": (8.0, ["Ford"], ["101", "102"], ["Bill", "Chase"]),
    "Salem": (6.0, ["Ram", "Jeep"], ["201"], ["Mark", "Rusty"]),
    "Franklin": (5.5, ["Kia", "Ford"], ["301", "302"], ["Sandy", "Hunter"]),
    "Madison": (4.5, ["Kia", "Mini"], ["401"], ["Dawn", "Summer"]),
    "Clinton": (5.0, ["Jeep", "Ram"], ["501", "502"], ["Max", "Will"]),
}
STARTS = {"Mini": date(2025, 4, 1), "Summer": date(2025, 6, 1), "Will": date(2026, 2, 1)}
NEW_PRICE = {"Ford": 49000, "Ram": 58000, "Jeep": 46000, "Kia": 33000, "Mini": 37000}
CONDITIONS = {"New": 0.5, "Used": 0.35, "Certified Pre-Owned": 0.15}
PRICE_FACTOR = {"New": 1.0, "Used": 0.52, "Certified Pre-Owned": 0.68}
COST_FACTOR = {"New": 0.935, "Used": 0.86, "Certified Pre-Owned": 0.88}
FINANCE = {"Cash": 0.22, "Loan": 0.58, "Lease": 0.20}
FI_INCOME = {"Cash": (0, 300), "Loan": (900, 2200), "Lease": (700, 1500)}


def poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def season(day: date) -> float:
    by_month = {1: 0.72, 2: 0.8, 3: 1.2, 4: 1.25, 5: 1.15, 6: 1.0, 7: 1.0, 8: 1.05, 9: 0.95, 10: 0.95,
                11: 0.95, 12: 1.25}
    dow = {0: 0.85, 1: 0.85, 2: 0.9, 3: 0.95, 4: 1.15, 5: 1.6}[day.weekday()]
    return by_month[day.month] * dow


def active(name: str, day: date) -> bool:
    return day >= STARTS.get(name, START)


def main(out: str) -> None:
    rng = random.Random(SEED)
    facts: dict = defaultdict(lambda: [0.0, 0.0, 0, 0.0, 0, 0])
    day = START
    while day <= END:
        if day.weekday() != 6:
            years = (day - START).days / 365.25
            for town, (rate, franchises, lots, people) in DEALERSHIPS.items():
                lam = rate * season(day) * (1 + 0.04 * years)
                if town == "Salem" and day.year == 2025 and day.month == 9:
                    lam *= 0.35
                if town == "Franklin" and day.year == 2026 and day.month == 10:
                    lam *= 2.2
                brands = [b for b in franchises if active(b, day)]
                staff = [p for p in people if active(p, day)]
                for _ in range(poisson(rng, lam)):
                    condition = pick(rng, CONDITIONS)
                    if condition == "Used":
                        brand = pick(rng, {b: 1.0 for b in NEW_PRICE if active(b, day)})
                    else:
                        brand = rng.choice(brands)
                    finance = pick(rng, FINANCE if condition == "New" else {"Cash": 0.35, "Loan": 0.65})
                    # the 0% APR promotion: more Jeep loan deals that day
                    extra = 2 if brand == "Jeep" and finance == "Loan" and day.year == 2026 and day.month == 7 else 0
                    lot = lots[0] if condition == "New" or len(lots) == 1 else lots[1]
                    person = rng.choice(staff)
                    for _deal in range(1 + (extra if rng.random() < 0.75 else 0)):
                        price = NEW_PRICE[brand] * PRICE_FACTOR[condition] * rng.uniform(0.85, 1.2)
                        if condition != "New":
                            price *= 0.94 ** years
                        cost = price * COST_FACTOR[condition] * rng.uniform(0.97, 1.03)
                        fi = rng.uniform(*FI_INCOME[finance])
                        cell = facts[(day, town, lot, brand, condition, person, finance)]
                        cell[0] += round(price)
                        cell[1] += round(cost)
                        cell[2] += 1
                        cell[3] += round(price) - round(cost) + round(fi)
                        cell[4] += 1 if rng.random() < 0.45 else 0
                        cell[5] += rng.randint(1, 4)
        day += timedelta(days=1)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for key in sorted(facts):
            d, *dims = key
            w.writerow([d.isoformat(), *dims, *(int(v) for v in facts[key])])


def write(path: Path) -> Path:
    main(str(path))
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
