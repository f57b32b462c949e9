#!/usr/bin/env python3
"""TinyTots, a made-up Polish toy maker selling to retailers: daily sell-in facts, in PLN.

usage: python3 make_tinytots.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, retailer,
region, product line and age group that had any activity (an order or a
return), 2024-01-01 to 2026-11-30. The sales rep of a row follows from the
retailer and region (key-account managers own the national chains, regional
reps the rest).

- dimensions: retailer (12), region (5 Polish regions), sales_rep (8),
  product_line (6), age_group ('0-2', '3-5', '6-8', '9+')
- measures (PLN unless said): net_sales (invoiced, after trade discount),
  gross_sales (at list price), units (pieces), returns (value of goods
  returned), promo_spend (co-op promotion money paid to the retailer)
- seasonality: retailers stock up for Christmas (November and above all
  December), a bump before Children's Day (1 June), quiet January/February and
  summer; almost nothing ships at weekends
- trends: growth by retailer and line (net sales +34% in 2025, Puzzle Pals in full); Pro Builder +25% a year, Net Toys
  (online) +30% a year, First Steps -6% a year (falling births)
- events:
  * Puzzle Pals is launched on 2024-09-01 (no rows before)
  * Mini Movers returns are five times normal in February 2025 (a wheel defect)
  * Silesia changes rep on 2025-07-01: Anna Lis hands over to Kamil Dudek
  * Figielek goes bankrupt: no rows after 2025-09-14
  * KidsPlanet opens new stores: four times its usual orders in September 2025
  * Black Friday week 2025 (2025-11-24..30): Net Toys orders x3.5, promo 15%
  * Max Blocks mould failure: Max Blocks shipments cut to 10% in March 2026
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
START, END = date(2024, 1, 1), date(2026, 11, 30)
ALL = ("Mazovia", "Silesia", "Greater Poland", "Lesser Poland", "Pomerania")
REGIONS = {"Mazovia": 1.3, "Silesia": 1.1, "Greater Poland": 0.9, "Lesser Poland": 0.9, "Pomerania": 0.7}
# retailer: (weight, regions, key-account manager or None, trade discount off list, growth a year)
RETAILERS = {
    "Top Toys": (1.5, ALL, "Anna Nowak", 0.38, 0.06),
    "KidsPlanet": (1.1, ALL, "Anna Nowak", 0.36, 0.08),
    "Empiria": (0.8, ALL, "Jakub Mazur", 0.33, 0.02),
    "Jumbo Kids": (0.7, ALL, "Jakub Mazur", 0.35, 0.05),
    "Net Toys": (0.8, ALL, "Jakub Mazur", 0.30, 0.30),
    "Zabawkowo": (0.9, ("Mazovia", "Greater Poland"), None, 0.28, 0.10),
    "Bambino": (0.8, ("Silesia", "Lesser Poland"), None, 0.27, 0.07),
    "Maluch": (0.9, ("Pomerania",), None, 0.25, 0.04),
    "Sowa": (0.8, ("Mazovia",), None, 0.25, 0.03),
    "Pepito": (0.6, ("Lesser Poland", "Silesia"), None, 0.26, 0.12),
    "Toy Corner": (0.6, ("Greater Poland", "Pomerania"), None, 0.27, 0.05),
    "Figielek": (0.7, ("Mazovia",), None, 0.24, -0.10),
}
REGION_REPS = {"Mazovia": "Piotr Kowalski", "Silesia": "Anna Lis", "Greater Poland": "Ewa Wojcik",
               "Lesser Poland": "Tomasz Maj", "Pomerania": "Marek Zielinski"}
SILESIA_HANDOVER = date(2025, 7, 1)
# (product line, age group): (list price PLN, weight, growth a year)
PRODUCTS = {
    ("First Steps", "0-2"): (49.0, 1.0, -0.06),
    ("Mini Movers", "0-2"): (69.0, 0.6, 0.05),
    ("Mini Movers", "3-5"): (79.0, 0.8, 0.05),
    ("Story Time", "3-5"): (39.0, 0.7, 0.03),
    ("Story Time", "6-8"): (45.0, 0.5, 0.03),
    ("Max Blocks", "3-5"): (119.0, 0.8, 0.08),
    ("Max Blocks", "6-8"): (149.0, 0.9, 0.08),
    ("Pro Builder", "6-8"): (199.0, 0.5, 0.25),
    ("Pro Builder", "9+"): (249.0, 0.6, 0.25),
    ("Puzzle Pals", "6-8"): (59.0, 0.5, 0.10),
    ("Puzzle Pals", "9+"): (65.0, 0.4, 0.10),
}
PUZZLE_LAUNCH = date(2024, 9, 1)
FIGIELEK_LAST = date(2025, 9, 14)
MONTH_SEASON = {1: 0.55, 2: 0.65, 3: 0.8, 4: 0.85, 5: 1.1, 6: 0.9, 7: 0.75, 8: 0.8, 9: 1.0, 10: 1.35,
                11: 1.9, 12: 2.6}
BASE_RATE = 0.1
HEADER = ["date", "retailer", "region", "sales_rep", "product_line", "age_group",
          "net_sales", "gross_sales", "units", "returns", "promo_spend"]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def season(day: date) -> float:
    f = MONTH_SEASON[day.month]
    if day.month == 5 and day.day >= 12:
        f *= 1.4  # retailers stock up for Children's Day (1 June)
    if day.month == 12 and day.day >= 20:
        f *= 0.35  # too late to ship for Christmas
    if day.weekday() >= 5:
        f *= 0.12
    return f


def rep_of(retailer: str, region: str, day: date) -> str:
    kam = RETAILERS[retailer][2]
    if kam:
        return kam
    if region == "Silesia" and day >= SILESIA_HANDOVER:
        return "Kamil Dudek"
    return REGION_REPS[region]


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        s = season(day)
        for retailer, (rw, regions, _, discount, rgrowth) in RETAILERS.items():
            if retailer == "Figielek" and day > FIGIELEK_LAST:
                continue
            for region in regions:
                for (line, age), (price, pw, pgrowth) in PRODUCTS.items():
                    if line == "Puzzle Pals" and day < PUZZLE_LAUNCH:
                        continue
                    f = (BASE_RATE * rw * REGIONS[region] * pw * s
                         * (1 + rgrowth) ** years * (1 + pgrowth) ** years)
                    promo_rate = 0.03 if day.month in (11, 12) else 0.015
                    ret_f = 1.0
                    if retailer == "KidsPlanet" and day.year == 2025 and day.month == 9:
                        f *= 4.0
                    if retailer == "Net Toys" and date(2025, 11, 24) <= day <= date(2025, 11, 30):
                        f *= 3.5
                        promo_rate = 0.15
                    if line == "Max Blocks" and day.year == 2026 and day.month == 3:
                        f *= 0.1
                    if line == "Mini Movers" and day.year == 2025 and day.month == 2:
                        ret_f = 5.0
                    orders = poisson(rng, f)
                    units = sum(6 * rng.randint(1, 8) for _ in range(orders))
                    gross = units * price
                    net = round(gross * (1 - discount) * rng.uniform(0.97, 1.0), 2)
                    promo = round(net * promo_rate * rng.uniform(0.5, 2.0), 2) if units and rng.random() < 0.35 else 0.0
                    # returns follow the Christmas sell-through: most in January
                    ret_lam = f / max(s, 0.05) * 0.06 * ret_f * (2.5 if day.month == 1 else 1.0)
                    if day.weekday() >= 5:
                        ret_lam *= 0.12
                    n_ret = poisson(rng, ret_lam)
                    returns = round(sum(rng.randint(1, 12) for _ in range(n_ret)) * price * (1 - discount), 2)
                    if units or returns:
                        yield [day.isoformat(), retailer, region, rep_of(retailer, region, day), line, age,
                               f"{net:.2f}", f"{gross:.2f}", units, f"{returns:.2f}", f"{promo:.2f}"]
        day += timedelta(days=1)


def write(path) -> Path:
    out = Path(path)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
