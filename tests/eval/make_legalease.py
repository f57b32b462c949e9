#!/usr/bin/env python3
"""Legalease LLP, a made-up US law firm: daily billing facts (currency USD).

usage: python3 make_legalease.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, partner
and client tier with any activity, 2024-01-01 to 2026-11-30. Each partner
belongs to one practice area and one office.

- dimensions: practice_area (Tax, Employment, Litigation, Real Estate,
  Corporate), office (New York, Newark, Austin; Austin opens 2024-07-01),
  partner (15), client_tier (Enterprise, Mid Market, Pro Bono)
- measures: billed_fees (USD), billed_hours (hours on the partner's matters),
  collections (USD received), write_offs (USD), new_matters (matters opened)
- events: Real Estate slump May-Aug 2025 (55% of normal); a big New York
  trial (Will Grant, Elena Vasquez) 2026-03-02..2026-03-27 (hours x2.3);
  a disputed Enterprise invoice for Mark Best 2026-09-14..2026-09-25
  (write-offs x9); Chase Day joins 2025-03-01; Victor Hale tapers in H1 2026
  and retires 2026-06-30; rates rise 5% every January; Tax busy in
  March-April and September-October; August and late December slow;
  collections push in December, slow January.
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
HEADER = ["date", "practice_area", "office", "partner", "client_tier",
          "billed_fees", "billed_hours", "collections", "write_offs", "new_matters"]

# partner: (practice_area, office, first day, last day)
PARTNERS = {
    "Will Grant": ("Litigation", "New York", None, None),
    "Mark Best": ("Corporate", "New York", None, None),
    "Daniel Cohen": ("Tax", "New York", None, None),
    "Elena Vasquez": ("Litigation", "New York", None, None),
    "Grace Lee": ("Real Estate", "New York", None, None),
    "Victor Hale": ("Corporate", "New York", None, date(2026, 6, 30)),
    "April Stone": ("Employment", "Newark", None, None),
    "Mark Feld": ("Real Estate", "Newark", None, None),
    "Tom Brennan": ("Litigation", "Newark", None, None),
    "Priya Raman": ("Tax", "Newark", None, None),
    "June Park": ("Corporate", "Austin", date(2024, 7, 1), None),
    "Chase Day": ("Employment", "Austin", date(2025, 3, 1), None),
    "Hannah Moss": ("Real Estate", "Austin", date(2024, 7, 1), None),
    "Robert Kim": ("Tax", "Austin", date(2024, 7, 1), None),
    "Dawn Price": ("Litigation", "Austin", date(2024, 7, 1), None),
}
RATE = {"Corporate": 650.0, "Litigation": 600.0, "Tax": 700.0, "Real Estate": 520.0, "Employment": 480.0}
OFFICE_RATE = {"New York": 1.15, "Newark": 0.9, "Austin": 0.85}
# tier: (hours a weekday, rate factor, chance of a row on a weekday, new matters a weekday)
TIERS = {
    "Enterprise": (22.0, 1.0, 1.0, 0.10),
    "Mid Market": (14.0, 0.88, 0.93, 0.16),
    "Pro Bono": (4.0, 0.0, 0.30, 0.04),
}
GROWTH = {"Corporate": 0.06, "Litigation": 0.05, "Tax": 0.04, "Real Estate": 0.03, "Employment": 0.15}


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def thanksgiving(year: int) -> date:
    nov1 = date(year, 11, 1)
    first_thu = nov1 + timedelta(days=(3 - nov1.weekday()) % 7)
    return first_thu + timedelta(days=21)


def season(day: date, practice: str) -> float:
    f = 1.0
    if day.month == 8:
        f *= 0.8
    if day.month == 12 and day.day >= 20:
        f *= 0.45
    if day.month == 1 and day.day <= 2:
        f *= 0.3
    if day.month == 7 and day.day in (3, 4, 5):
        f *= 0.4
    tg = thanksgiving(day.year)
    if day in (tg, tg + timedelta(days=1)):
        f *= 0.2
    if practice == "Tax":
        if day.month in (3, 4):
            f *= 1.5
        elif day.month in (9, 10):
            f *= 1.25
    return f


def rows():
    rng = random.Random(SEED)
    strength = {p: rng.uniform(0.75, 1.3) for p in PARTNERS}
    day = START
    while day <= END:
        weekend = day.weekday() >= 5
        years = (day - START).days / 365.25
        rate_year = 1.05 ** (day.year - START.year)
        for partner, (practice, office, first, last) in PARTNERS.items():
            if (first and day < first) or (last and day > last):
                continue
            f = strength[partner] * season(day, practice) * (1 + GROWTH[practice]) ** years
            if first:  # a new partner's book builds over the first year
                months_in = (day - first).days / 30.44
                f *= min(1.0, 0.45 + 0.55 * months_in / 12)
            if practice == "Real Estate" and day.year == 2025 and 5 <= day.month <= 8:
                f *= 0.55
            if partner in ("Will Grant", "Elena Vasquez") and date(2026, 3, 2) <= day <= date(2026, 3, 27):
                f *= 2.3
            if partner == "Victor Hale" and day.year == 2026:
                f *= 0.7
            rate = RATE[practice] * OFFICE_RATE[office] * rate_year
            for tier, (hours_base, tier_rate, chance, matter_rate) in TIERS.items():
                if weekend:
                    if tier == "Pro Bono" or rng.random() > 0.12:
                        continue
                    wf = 0.3
                else:
                    if rng.random() > chance:
                        continue
                    wf = 1.0
                hours = round(hours_base * f * wf * rng.lognormvariate(0, 0.25), 1)
                if hours <= 0:
                    continue
                fees = round(hours * rate * tier_rate * rng.uniform(0.92, 1.05), 2)
                wo_lo, wo_hi = (0.01, 0.06) if tier == "Enterprise" else (0.03, 0.10)
                write_offs = round(fees * rng.uniform(wo_lo, wo_hi), 2)
                if partner == "Mark Best" and tier == "Enterprise" and date(2026, 9, 14) <= day <= date(2026, 9, 25):
                    write_offs = round(write_offs * 9, 2)
                coll = 1.0
                if day.month == 12 and day.day < 20:
                    coll = 1.45
                elif day.month == 1:
                    coll = 0.7
                collections = round(fees * rng.uniform(0.8, 1.0) * coll, 2)
                matters = poisson(rng, matter_rate * f * wf * (1.4 if practice == "Employment" else 1.0))
                yield [day.isoformat(), practice, office, partner, tier,
                       f"{fees:.2f}", f"{hours:.1f}", f"{collections:.2f}", f"{write_offs:.2f}", matters]
        day += timedelta(days=1)


def write(path) -> Path:
    out = Path(path)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
