"""Kirana Cloud: a made-up Indian B2B SaaS company (billing + inventory software for
small and mid-sized businesses), amounts in INR.

Daily facts, 2024-04-01 (start of FY 2024-25) to 2026-11-30, one row per day and
plan x region x industry x channel cell that had any activity. Standard library only,
deterministic (seeded).

usage: python3 make_kirana.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
START, END = date(2024, 4, 1), date(2026, 11, 30)

PLANS = {  # weight, mrr per row (INR), signups, churned, active seats, trial seats
    "Free": (0.31, 0.0, 6.5, 1.4, 22, 14),
    "Growth": (0.28, 9500.0, 2.4, 0.40, 48, 9),
    "Pro": (0.24, 31000.0, 1.2, 0.20, 125, 7),
    "Enterprise": (0.17, 92000.0, 0.35, 0.05, 480, 20),
}
REGIONS = {"North": 0.30, "South": 0.28, "West": 0.27, "East": 0.15}
INDUSTRIES = {"Retail": 0.35, "Pharma": 0.18, "Food & Beverage": 0.26, "Auto": 0.21}
CHANNELS = {"Partner": 0.32, "Direct": 0.26, "Organic": 0.30, "Paid Search": 0.12}
PAID_SEARCH_LAUNCH = date(2024, 10, 1)
ROWS_PER_DAY = 23.0

# Diwali (signups dip for ~two weeks around it)
DIWALI = [date(2024, 11, 1), date(2025, 10, 21), date(2026, 11, 8)]
OUTAGE = date(2026, 9, 10)          # platform outage: support tickets spike
BIG_DEAL = date(2026, 2, 17)        # one very large Enterprise booking
RELEASE_BUG = (date(2026, 11, 24), date(2026, 11, 26))  # Pro plan ticket spike


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


def months_since_start(d: date) -> float:
    return (d.year - START.year) * 12 + (d.month - START.month) + (d.day - 1) / 30.0


def write(path) -> Path:
    rng = random.Random(SEED)
    path = Path(path)
    header = ["date", "plan", "region", "industry", "channel",
              "mrr", "new_signups", "churned_accounts", "active_seats", "trial_seats", "support_tickets"]
    rows = []
    d = START
    while d <= END:
        t = months_since_start(d)
        weekend = d.weekday() >= 5
        diwali = any(abs((d - x).days) <= 7 for x in DIWALI)
        summer = d.month in (5, 6)
        march = d.month == 3
        for plan, (pw, mrr0, su0, ch0, seat0, trial0) in PLANS.items():
            for region, rw in REGIONS.items():
                for industry, iw in INDUSTRIES.items():
                    for channel, cw in CHANNELS.items():
                        if channel == "Paid Search":
                            if d < PAID_SEARCH_LAUNCH:
                                continue
                            cw = 0.04 + 0.012 * months_since_start(d) - 0.012 * 6  # ramps up
                            cw = min(cw, 0.30)
                        grow = 1.0 + 0.012 * t
                        if industry == "Pharma":
                            grow *= 1.0 + 0.045 * t
                        if plan == "Growth":
                            grow *= 1.0 + 0.015 * t
                        p = ROWS_PER_DAY * pw * rw * iw * cw * grow
                        if weekend:
                            p *= 0.6
                        if region == "West" and channel == "Partner":
                            p *= 2.2  # the West is served mostly through one big reseller
                        big_deal = (d == BIG_DEAL and plan == "Enterprise" and region == "South"
                                    and industry == "Pharma" and channel == "Direct")
                        if big_deal:
                            p = 1.0
                        if rng.random() >= min(p, 0.97):
                            continue
                        noise = rng.lognormvariate(0, 0.25)
                        level = (1.0 + 0.010 * t) * noise
                        mrr = mrr0 * level
                        su = su0 * (1.0 + 0.008 * t)
                        churn = ch0
                        seats = seat0 * level
                        trial = trial0
                        if weekend:
                            su *= 0.55
                            trial *= 0.6
                        if diwali:
                            su *= 0.55
                            trial *= 0.6
                        if summer:
                            su *= 0.82
                        if march:
                            mrr *= 1.05
                            if plan == "Enterprise":
                                mrr *= 1.2
                                su *= 2.2
                        if channel == "Paid Search":
                            su *= 1.5
                        if industry == "Auto" and d.year == 2025 and d.month == 8:
                            churn *= 4.5
                        if region == "West" and channel == "Partner":
                            if date(2026, 6, 1) <= d <= date(2026, 7, 31):
                                mrr *= 0.12
                                su *= 0.3
                                seats *= 0.5
                            elif d >= date(2026, 8, 1):
                                mrr *= 0.65
                                seats *= 0.8
                        if big_deal:
                            mrr *= 24.0
                            seats *= 6.0
                        tickets_lam = seats / 38.0
                        if d == OUTAGE:
                            tickets_lam *= 6.0
                        elif d == OUTAGE + timedelta(days=1):
                            tickets_lam *= 2.5
                        if plan == "Pro" and RELEASE_BUG[0] <= d <= RELEASE_BUG[1]:
                            tickets_lam *= 3.0
                        rows.append([
                            d.isoformat(), plan, region, industry, channel,
                            f"{mrr:.2f}", poisson(rng, su), poisson(rng, churn),
                            round(seats), poisson(rng, trial), poisson(rng, tickets_lam),
                        ])
        d += timedelta(days=1)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


if __name__ == "__main__":
    write(sys.argv[1])
