#!/usr/bin/env python3
"""Stackline: a made-up B2B SaaS company (USD). Deterministic, standard library only.

One row per day x sales rep x plan x acquisition channel with any activity,
2023-05-01 to 2025-11-30. Measures: new_mrr, expansion_mrr, churned_mrr,
seats, demos, deals_won (no revenue column).
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

START, END = date(2023, 5, 1), date(2025, 11, 30)
PLANS = ("Starter", "Growth", "Scale", "Enterprise")
PRICE = {"Starter": 15.0, "Growth": 29.0, "Scale": 49.0, "Enterprise": 79.0}  # per seat per month
SEATS = {"Starter": (2, 8), "Growth": (5, 20), "Scale": (12, 45), "Enterprise": (40, 150)}
PLAN_MIX = {"SMB": (0.55, 0.35, 0.09, 0.01), "Mid-Market": (0.10, 0.45, 0.35, 0.10),
            "Strategic": (0.0, 0.10, 0.35, 0.55)}
CHANNELS = ("Outbound", "Inbound", "Partner", "Events", "Product-Led")
CHANNEL_MIX = {"SMB": (0.15, 0.35, 0.10, 0.05, 0.35), "Mid-Market": (0.30, 0.30, 0.20, 0.10, 0.10),
               "Strategic": (0.45, 0.10, 0.25, 0.18, 0.02)}
REGION_SCALE = {"NA": 1.0, "EMEA": 0.85, "APAC": 0.7, "LATAM": 0.55}
REGION_GROWTH = {"NA": 0.22, "EMEA": 0.30, "APAC": 0.45, "LATAM": 0.15}  # yearly

# name, region, segment, first day, last day (None: still here)
REPS = [
    ("Priya Patel", "NA", "Mid-Market", None, None), ("Priya Raman", "APAC", "SMB", None, None),
    ("Marcus Johnson", "NA", "Strategic", None, None), ("Marcus Lee", "APAC", "Mid-Market", None, None),
    ("Sarah Cohen", "NA", "SMB", None, None), ("Sarah Mitchell", "EMEA", "Mid-Market", None, None),
    ("Daniel Kim", "NA", "Mid-Market", None, None), ("Jessica Nguyen", "NA", "SMB", None, None),
    ("Tyler Brooks", "NA", "SMB", None, date(2025, 6, 13)), ("Rachel Goldberg", "NA", "Strategic", None, None),
    ("Kevin O'Brien", "NA", "Mid-Market", date(2024, 2, 5), None),
    ("Jasmine Carter", "NA", "SMB", date(2024, 9, 9), None),
    ("Brandon Hayes", "NA", "Mid-Market", None, None), ("June Alvarez", "NA", "SMB", None, None),
    ("Oliver Hughes", "EMEA", "Strategic", None, None), ("Sophie Laurent", "EMEA", "Mid-Market", None, None),
    ("Lukas Becker", "EMEA", "SMB", None, None), ("Emma Johansson", "EMEA", "SMB", None, None),
    ("Amelia Clarke", "EMEA", "Mid-Market", date(2024, 4, 2), None),
    ("Tom Fletcher", "EMEA", "SMB", None, date(2024, 11, 29)),
    ("Giulia Romano", "EMEA", "Strategic", None, None), ("Pieter de Vries", "EMEA", "Mid-Market", None, None),
    ("Hannah Weber", "EMEA", "SMB", date(2025, 1, 13), None), ("Yusuf Demir", "EMEA", "Mid-Market", None, None),
    ("Kenji Tanaka", "APAC", "Strategic", None, None), ("Mei Lin Chen", "APAC", "Mid-Market", None, None),
    ("Arjun Mehta", "APAC", "SMB", None, None), ("Chloe Wong", "APAC", "SMB", date(2024, 7, 1), None),
    ("Liam O'Connor", "APAC", "Mid-Market", None, None), ("Siti Rahman", "APAC", "SMB", date(2025, 3, 3), None),
    ("Jae-won Park", "APAC", "Strategic", date(2024, 1, 8), None), ("Aisha Khan", "APAC", "SMB", None, None),
    ("Mateo Silva", "LATAM", "Mid-Market", None, None), ("Camila Rojas", "LATAM", "SMB", None, None),
    ("Diego Hernandez", "LATAM", "Strategic", None, None), ("Valentina Costa", "LATAM", "SMB", None, None),
    ("Lucas Ferreira", "LATAM", "Mid-Market", date(2024, 5, 6), None),
    ("Sofia Martinez", "LATAM", "SMB", None, date(2025, 2, 28)),
    ("Daniel Ortiz", "LATAM", "Mid-Market", date(2025, 4, 7), None),
    ("Grace Mensah", "EMEA", "SMB", date(2023, 9, 4), None),
]

SEASON = {1: 0.85, 2: 0.95, 3: 1.18, 4: 0.9, 5: 0.98, 6: 1.15, 7: 0.88, 8: 0.82, 9: 1.12, 10: 0.97, 11: 1.0, 12: 1.22}


def pick(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def poisson(rng, lam):
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def rows(seed: int = 20251203):
    rng = random.Random(seed)
    skill = {r[0]: rng.uniform(0.7, 1.35) for r in REPS}
    skill["Priya Patel"] = 1.4
    out = []
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        weekend = day.weekday() >= 5
        for name, region, segment, first, last in REPS:
            if (first and day < first) or (last and day > last):
                continue
            ramp = 1.0
            if first:
                ramp = min(1.0, 0.35 + (day - first).days / 120)
            growth = (1 + REGION_GROWTH[region]) ** years
            season = SEASON[day.month]
            if region == "EMEA" and day.month == 8:
                season *= 0.7  # European summer
            if region == "NA" and day.month == 11 and 24 <= day.day <= 30 and day.year == 2025:
                season *= 0.35  # Thanksgiving week
            lam = (0.08 if weekend else 0.82) * ramp * min(1.6, 0.85 + 0.12 * years)
            for _ in range(poisson(rng, lam) or (0 if weekend or rng.random() > 0.25 else 1)):
                plan = pick(rng, PLANS, PLAN_MIX[segment])
                channel = pick(rng, CHANNELS, CHANNEL_MIX[segment])
                demo_rate = 2.2 * REGION_SCALE[region] * season * growth ** 0.5
                if channel == "Events" and day.year == 2025 and date(2025, 9, 8) <= day <= date(2025, 9, 14):
                    demo_rate *= 4.0  # flagship conference week
                demos = poisson(rng, demo_rate)
                win = min(0.6, 0.16 * skill[name] * (1.25 if channel == "Partner" else 1.0)
                          * (1.1 if channel == "Product-Led" else 1.0) * season ** 0.5)
                deals = sum(1 for _ in range(demos) if rng.random() < win)
                if channel == "Product-Led" and rng.random() < 0.3:
                    deals += 1  # self-serve upgrades without a demo
                lo, hi = SEATS[plan]
                seats = 0
                new_mrr = 0.0
                for _d in range(deals):
                    s = rng.randint(lo, hi)
                    seats += s
                    new_mrr += s * PRICE[plan] * rng.uniform(0.8, 1.05) * growth ** 0.25
                expansion = 0.0
                if rng.random() < 0.22 * growth ** 0.3:
                    s = rng.randint(1, max(2, hi // 4))
                    seats += s
                    expansion = s * PRICE[plan] * rng.uniform(0.9, 1.1)
                churned = 0.0
                if rng.random() < 0.06:
                    churned = rng.randint(lo, hi) * PRICE[plan] * rng.uniform(0.5, 1.0)
                if demos == 0 and deals == 0 and seats == 0 and churned == 0:
                    continue
                out.append((day.isoformat(), plan, region, segment, channel, name,
                            round(new_mrr, 2), round(expansion, 2), round(churned, 2), seats, demos, deals))
        day += timedelta(days=1)
    # a large Enterprise account left on 2025-03-14
    out.append(("2025-03-14", "Enterprise", "NA", "Strategic", "Outbound", "Marcus Johnson",
                0.0, 0.0, 42000.0, 0, 0, 0))
    out.sort(key=lambda r: r[0])
    return out


def write(path) -> Path:
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "plan", "region", "segment", "acquisition_channel", "sales_rep",
                    "new_mrr", "expansion_mrr", "churned_mrr", "seats", "demos", "deals_won"])
        w.writerows(rows())
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("stackline.csv")))
