#!/usr/bin/env python3
"""SignalOne Telecom: a made-up Brazilian mobile operator (amounts in BRL).

One row per day x state x plan (each with the sales channel and device type that
carried the day's activity for that state and plan), 2024-01-01 to 2026-11-30.
Measures: service_revenue (BRL), handset_revenue (BRL), new_lines, churned_lines,
data_usage (terabytes).  Standard library only, deterministic (seed 8810).

usage: python3 make_signalone.py OUT.csv
"""
from __future__ import annotations

import csv
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 8810
START, END = date(2024, 1, 1), date(2026, 11, 30)

STATES = {  # share of the business, extra yearly growth
    "São Paulo": (0.34, 0.00),
    "Rio de Janeiro": (0.18, -0.01),
    "Minas Gerais": (0.16, 0.01),
    "Paraná": (0.11, 0.03),
    "Bahia": (0.11, 0.04),
    "Rio Grande do Sul": (0.10, -0.02),
}
# plan: daily national service revenue (BRL), yearly growth, new lines/day, churned lines/day,
#       data TB/day, handset revenue share (BRL/day)
PLANS = {
    "Pre Pay":    (5_500_000, -0.08, 14000, 14800, 3000, 1_300_000),
    "Post Pay":   (8_000_000, 0.05, 5000, 3800, 6000, 2_100_000),
    "Control":    (4_800_000, 0.06, 6000, 5200, 3500, 1_200_000),
    "Unlimited":  (3_600_000, 0.28, 3500, 1800, 7000, 1_500_000),
    "Family Max": (2_000_000, 0.15, 2500, 700, 4000, 800_000),
}
FAMILY_MAX_LAUNCH = {
    "São Paulo": date(2024, 7, 1), "Rio de Janeiro": date(2024, 7, 1),
    "Minas Gerais": date(2024, 10, 1), "Paraná": date(2024, 10, 1),
    "Bahia": date(2025, 2, 1), "Rio Grande do Sul": date(2025, 2, 1),
}
DEVICES = {  # plan -> device weights
    "Pre Pay":    {"Smartphone": 0.45, "Feature Phone": 0.25, "SIM Only": 0.30},
    "Post Pay":   {"Smartphone": 0.60, "SIM Only": 0.25, "Home Router": 0.15},
    "Control":    {"Smartphone": 0.60, "SIM Only": 0.35, "Feature Phone": 0.05},
    "Unlimited":  {"Smartphone": 0.55, "SIM Only": 0.20, "Home Router": 0.25},
    "Family Max": {"Smartphone": 0.70, "SIM Only": 0.30},
}
DEVICE_HANDSET = {"Smartphone": 1.0, "Feature Phone": 0.15, "Home Router": 0.35, "SIM Only": 0.0}
CHANNEL_HANDSET = {"Store": 1.2, "Dealer": 1.1, "App": 0.7, "Telesales": 0.5}
TELESALES_CLOSED = date(2026, 9, 1)
BAHIA_OUTAGE = (date(2025, 8, 11), date(2025, 8, 24))
PREPAY_PRICE_RISE = (date(2025, 4, 1), date(2025, 5, 31))
APP_PROMO = (date(2026, 3, 1), date(2026, 3, 31))

NEW_MONTH = {1: 0.90, 2: 0.85, 3: 0.95, 4: 0.95, 5: 1.10, 6: 0.95, 7: 1.00, 8: 0.95, 9: 0.95,
             10: 1.00, 11: 1.22, 12: 1.35}
HANDSET_MONTH = {1: 0.85, 2: 0.85, 3: 0.95, 4: 0.95, 5: 1.20, 6: 0.95, 7: 1.00, 8: 0.95, 9: 0.95,
                 10: 1.00, 11: 1.40, 12: 1.50}
CHURN_MONTH = {1: 1.25, 2: 1.10, 3: 1.00, 4: 1.00, 5: 1.00, 6: 1.00, 7: 1.02, 8: 1.00, 9: 1.00,
               10: 1.00, 11: 0.95, 12: 0.90}
NEW_WEEKDAY = (1.0, 1.0, 1.0, 1.0, 1.05, 1.15, 0.55)  # Monday .. Sunday


def black_friday(year: int) -> date:
    d = date(year, 11, 30)
    while d.weekday() != 4:
        d -= timedelta(days=1)
    return d


def channel_weights(day: date, years: float) -> dict:
    w = {"Store": 0.42 - 0.02 * years, "App": 0.18 + 0.05 * years,
         "Dealer": 0.25 - 0.005 * years, "Telesales": 0.15 - 0.025 * years}
    if day >= TELESALES_CLOSED:
        w["Telesales"] = 0.0
    if APP_PROMO[0] <= day <= APP_PROMO[1]:
        w["App"] *= 1.6
    return w


def pick(rng: random.Random, weights: dict) -> str:
    names = [k for k, v in weights.items() if v > 0]
    return rng.choices(names, weights=[weights[k] for k in names])[0]


def noise(rng: random.Random, sd: float = 0.08) -> float:
    return max(0.2, rng.gauss(1.0, sd))


def write(path) -> pathlib.Path:
    rng = random.Random(SEED)
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "state", "plan", "sales_channel", "device_type", "service_revenue",
                      "handset_revenue", "new_lines", "churned_lines", "data_usage"])
        day = START
        while day <= END:
            years = (day - START).days / 365.25
            bf = black_friday(day.year)
            wd = day.weekday()
            new_f = NEW_MONTH[day.month] * NEW_WEEKDAY[wd]
            hs_f = HANDSET_MONTH[day.month] * NEW_WEEKDAY[wd]
            if day == bf:
                new_f *= 2.2
                hs_f *= 3.0
            elif 0 < abs((day - bf).days) <= 3:
                new_f *= 1.5
                hs_f *= 1.8
            data_f = (1.0 + 0.30 * years) * (1.08 if wd >= 5 else 1.0)
            churn_f = CHURN_MONTH[day.month] * (0.8 if wd == 6 else 1.0)
            carnival = day in (date(2024, 2, 12), date(2024, 2, 13), date(2025, 3, 3), date(2025, 3, 4),
                               date(2026, 2, 16), date(2026, 2, 17))
            if carnival:
                new_f *= 0.45
                hs_f *= 0.4
            cw = channel_weights(day, years)
            for state, (share, extra) in STATES.items():
                sgrow = (1 + extra) ** years
                for plan, (svc, growth, new, churn, data, hs) in PLANS.items():
                    ramp = 1.0
                    if plan == "Family Max":
                        launch = FAMILY_MAX_LAUNCH[state]
                        if day < launch:
                            continue
                        ramp = min(1.0, 0.25 + 0.75 * (day - launch).days / 180)
                    pgrow = (1 + growth) ** years
                    channel = pick(rng, cw)
                    device = pick(rng, DEVICES[plan])
                    base = share * sgrow * pgrow * ramp
                    s_rev = svc * base * noise(rng, 0.03)
                    n_lines = new * base * new_f * noise(rng)
                    c_lines = churn * share * sgrow * ramp * (pgrow ** 0.5) * churn_f * noise(rng)
                    d_use = data * base * data_f * noise(rng, 0.05)
                    h_rev = hs * base * hs_f * DEVICE_HANDSET[device] * CHANNEL_HANDSET[channel] * noise(rng, 0.12)
                    if channel == "App" and APP_PROMO[0] <= day <= APP_PROMO[1]:
                        n_lines *= 2.5
                    if plan == "Pre Pay" and PREPAY_PRICE_RISE[0] <= day <= PREPAY_PRICE_RISE[1]:
                        c_lines *= 1.35
                        s_rev *= 1.04
                    if state == "Bahia" and BAHIA_OUTAGE[0] <= day <= BAHIA_OUTAGE[1]:
                        n_lines *= 0.35
                        c_lines *= 2.6
                        d_use *= 0.55
                        s_rev *= 0.92
                    out.writerow([day.isoformat(), state, plan, channel, device, f"{s_rev:.2f}",
                                  f"{h_rev:.2f}", round(n_lines), round(c_lines), f"{d_use:.2f}"])
            day += timedelta(days=1)
    return path


if __name__ == "__main__":
    write(sys.argv[1])
