#!/usr/bin/env python3
"""FlexGym: a made-up Irish gym chain (EUR). Daily facts, 2024-01-01 to 2026-11-30.

One row per day, club, membership, class type and sign-up source with any activity.
Measures: visits, new_members, cancellations, pt_sessions, membership_revenue, merch_sales.
Deterministic (seeded), standard library only.

usage: python3 make_flexgym.py OUT.csv
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

CLUBS = {"Dublin 2": 1.30, "Cork City": 1.05, "Galway": 0.70, "Limerick Docks": 0.85}
LIMERICK_OPENS = date(2024, 9, 2)
MEMBERSHIPS = {"Off Peak": 0.85, "Anytime": 1.30, "Student": 0.95, "Corporate": 0.60}
CLASSES = {"Spin": 0.90, "Yoga": 0.65, "HIIT": 0.70, "Open Gym": 1.70}
CLASS_PRESENCE = {"Spin": 0.48, "Yoga": 0.34, "HIIT": 0.30, "Open Gym": 0.78}
SOURCES = {"Walk In": 0.28, "Referral": 0.24, "Online": 0.36, "January Promo": 0.12}
PRICE_PER_VISIT = {"Off Peak": 3.10, "Anytime": 4.60, "Student": 2.30, "Corporate": 5.20}
JOINING_FEE = 29.0

# visits by calendar month: January rush, summer dip, Christmas dip
SEASON = {1: 1.28, 2: 1.14, 3: 1.06, 4: 1.04, 5: 0.99, 6: 0.90, 7: 0.78, 8: 0.74, 9: 1.03, 10: 1.00,
          11: 0.97, 12: 0.74}
NEW_SEASON = {1: 2.6, 2: 1.4, 3: 1.0, 4: 0.95, 5: 0.9, 6: 0.8, 7: 0.7, 8: 0.75, 9: 1.7, 10: 1.1,
              11: 0.9, 12: 0.45}
WEEKDAY = (1.15, 1.10, 1.06, 1.00, 0.86, 0.90, 0.76)  # Monday .. Sunday
BLACK_FRIDAYS = {date(2024, 11, 29), date(2025, 11, 28), date(2026, 11, 27)}
STORM_DAY = date(2025, 1, 24)                                   # storm: only Dublin 2 opens, barely
SPINATHON = date(2026, 6, 13)                                   # Galway charity spin-a-thon
CORK_REFIT = (date(2026, 4, 6), date(2026, 4, 26))              # Cork City refit: Open Gym only
DUBLIN_PIPE = (date(2026, 11, 10), date(2026, 11, 12))          # Dublin 2 burst pipe: closed
CORPORATE_DEAL = date(2026, 5, 1)                               # big corporate contract signed


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def club_factor(club: str, d: date) -> float:
    years = (d - START).days / 365.25
    if club == "Limerick Docks":
        months_open = (d - LIMERICK_OPENS).days / 30.44
        return min(1.0, 0.30 + 0.07 * months_open) * (1 + 0.05 * years)
    if club == "Galway":
        return 1 + 0.32 * years          # the fast grower
    if club == "Dublin 2":
        return 1 + 0.04 * years
    return 1 + 0.06 * years              # Cork City


def write(path) -> Path:
    path = Path(path)
    rng = random.Random(SEED)
    header = ["date", "club", "membership", "class_type", "signup_source", "visits", "new_members",
              "cancellations", "pt_sessions", "membership_revenue", "merch_sales"]
    rows = []
    d = START
    while d <= END:
        years = (d - START).days / 365.25
        m = d.month
        if (m, d.day) == (12, 25):      # closed on Christmas Day
            d += timedelta(days=1)
            continue
        day_factor = SEASON[m] * WEEKDAY[d.weekday()] * (0.45 if (m, d.day) == (12, 26) else 1.0)
        for club, size in CLUBS.items():
            if club == "Limerick Docks" and d < LIMERICK_OPENS:
                continue
            if d == STORM_DAY and club != "Dublin 2":
                continue
            if club == "Dublin 2" and DUBLIN_PIPE[0] <= d <= DUBLIN_PIPE[1]:
                continue
            refit = club == "Cork City" and CORK_REFIT[0] <= d <= CORK_REFIT[1]
            for mem, mw in MEMBERSHIPS.items():
                for cls, cw in CLASSES.items():
                    if refit and cls != "Open Gym":
                        continue
                    presence = CLASS_PRESENCE[cls]
                    if cls == "HIIT":
                        presence = min(0.9, presence * (1 + 0.30 * years))
                    if mem == "Corporate" and d >= CORPORATE_DEAL:
                        presence = min(0.95, presence * 1.3)
                    spinathon = d == SPINATHON and club == "Galway" and cls == "Spin"
                    if not spinathon and rng.random() > presence:
                        continue
                    src = rng.choices(list(SOURCES), weights=list(SOURCES.values()))[0]
                    lam = 26 * size * mw * cw * day_factor * club_factor(club, d) * (1 + 0.03 * years)
                    if cls == "HIIT":
                        lam *= 1 + 0.30 * years
                    if mem == "Student" and m in (6, 7, 8):
                        lam *= 0.55
                    if mem == "Corporate" and d >= CORPORATE_DEAL:
                        lam *= 1.3
                    if refit:
                        lam *= 0.25
                    if d == STORM_DAY:
                        lam *= 0.2
                    if spinathon:
                        lam *= 6.0
                    lam *= rng.uniform(0.8, 1.2)
                    visits = max(1, poisson(rng, lam))

                    new_rate = 0.022 * NEW_SEASON[m]
                    if mem == "Student" and m == 9:
                        new_rate *= 1.8
                    if src == "January Promo":
                        promo_on = m == 1 or (m == 2 and d.day <= 14)
                        new_rate = new_rate * 3.5 if promo_on else 0.0
                    new_members = poisson(rng, visits * new_rate)

                    cancel_rate = 0.010 * (0.7 if m == 1 else 1.3 if m == 12 else 1.0)
                    if mem == "Student" and m == 6:
                        cancel_rate *= 4.5
                    if src == "January Promo" and m in (3, 4):
                        cancel_rate *= 2.2   # promo joiners drift away in spring
                    cancellations = poisson(rng, visits * cancel_rate)

                    pt_rate = 0.06 * (2.0 if cls == "Open Gym" else 0.4)
                    pt_rate *= {"Anytime": 1.3, "Corporate": 1.6, "Student": 0.4, "Off Peak": 0.8}[mem]
                    pt_sessions = poisson(rng, visits * pt_rate * (1 + 0.22 * years))

                    fee = 0.0 if src == "January Promo" else JOINING_FEE
                    revenue = visits * PRICE_PER_VISIT[mem] * rng.uniform(0.92, 1.08) + new_members * fee

                    merch = visits * 0.55 * rng.uniform(0.4, 1.6) * (1.25 if club == "Dublin 2" else 1.0)
                    if m == 12:
                        merch *= 1.4
                    if d in BLACK_FRIDAYS:
                        merch *= 5.0
                    if spinathon:
                        merch *= 3.0
                    rows.append([d.isoformat(), club, mem, cls, src, visits, new_members, cancellations,
                                 pt_sessions, f"{revenue:.2f}", f"{merch:.2f}"])
        d += timedelta(days=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


if __name__ == "__main__":
    print(write(sys.argv[1]))
