#!/usr/bin/env python3
"""Cascadia Coffee Roasters, a made-up Pacific-Northwest coffee roaster: daily facts in USD.

usage: python3 make_cascadia.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, channel,
account, roast, origin and pack size that shipped anything, 2024-01-01 to
2026-11-30.

- dimensions: channel (Wholesale, Subscription, Cafe, Grocery), account (each
  belongs to one channel), roast (Light, Medium, Dark, Decaf, French), origin
  (Ethiopia, Colombia, Papua New Guinea, Brazil), pack_size (12oz, 2lb, 5lb)
- measures: bags, revenue, pounds_roasted, subscriptions_started, cancellations
  (the last two only on Subscription rows)
- patterns: see README.md
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
HEADER = ["date", "channel", "account", "roast", "origin", "pack_size",
          "bags", "revenue", "pounds_roasted", "subscriptions_started", "cancellations"]

ROASTS = {"Medium": 0.32, "Dark": 0.24, "Light": 0.18, "French": 0.14, "Decaf": 0.12}
ORIGINS = {"Colombia": 0.34, "Brazil": 0.30, "Ethiopia": 0.24, "Papua New Guinea": 0.0}
PNG_LAUNCH = date(2024, 9, 1)
POUNDS = {"12oz": 0.75, "2lb": 2.0, "5lb": 5.0}
PRICE = {  # list price a bag, by channel and pack
    "Wholesale": {"12oz": 11.50, "2lb": 26.00, "5lb": 62.00},
    "Subscription": {"12oz": 17.00, "2lb": 36.00},
    "Cafe": {"12oz": 18.50},
    "Grocery": {"12oz": 10.50, "2lb": 24.00},
}
ROAST_PREMIUM = {"Light": 1.08, "Medium": 1.0, "Dark": 1.0, "French": 1.0, "Decaf": 1.05}
ORIGIN_PREMIUM = {"Ethiopia": 1.12, "Papua New Guinea": 1.10, "Colombia": 1.0, "Brazil": 0.95}

# account: channel, order lines a day, bag quantity range a line, pack weights, order weekdays (0=Mon), yearly growth
ACCOUNTS = {
    "Blue Door Cafe": ("Wholesale", 1.2, (3, 10), {"5lb": 0.8, "2lb": 0.2}, range(5), 0.05),
    "Portland State": ("Wholesale", 1.4, (4, 14), {"5lb": 0.9, "2lb": 0.1}, range(5), 0.04),
    "Top Pot": ("Wholesale", 0.8, (4, 16), {"5lb": 0.85, "2lb": 0.15}, range(6), 0.0),
    "Sunday Market": ("Wholesale", 2.0, (3, 10), {"12oz": 0.6, "2lb": 0.4}, (5, 6), 0.08),
    "Brazil": ("Wholesale", 0.7, (2, 6), {"5lb": 1.0}, range(5), 0.03),
    "Cascadia Club": ("Subscription", 2.6, (8, 30), {"12oz": 0.7, "2lb": 0.3}, range(7), 0.45),
    "Office Plan": ("Subscription", 1.1, (5, 18), {"2lb": 0.7, "12oz": 0.3}, range(5), 0.25),
    "Pearl District": ("Cafe", 3.0, (2, 9), {"12oz": 1.0}, range(7), 0.06),
    "Ballard": ("Cafe", 2.4, (2, 9), {"12oz": 1.0}, range(7), 0.10),
    "Whole Foods": ("Grocery", 1.6, (18, 48), {"12oz": 0.75, "2lb": 0.25}, range(5), 0.07),
    "Fred Meyer": ("Grocery", 1.4, (15, 40), {"12oz": 0.8, "2lb": 0.2}, range(5), 0.02),
    "New Seasons": ("Grocery", 1.1, (10, 30), {"12oz": 0.7, "2lb": 0.3}, range(5), 0.09),
}
TOP_POT_START = date(2025, 6, 1)
BLUE_DOOR_CLOSED = date(2026, 8, 15)
MONTH = {1: 0.95, 2: 0.95, 3: 1.0, 4: 1.0, 5: 0.97, 6: 0.9, 7: 0.78, 8: 0.8, 9: 0.95, 10: 1.02, 11: 1.1, 12: 1.18}
BLACK_FRIDAYS = {date(2024, 11, 29), date(2025, 11, 28), date(2026, 11, 27)}
SNOW_DAYS = {date(2026, 1, 13), date(2026, 1, 14)}
OUTAGE, CATCH_UP = date(2026, 6, 15), date(2026, 6, 16)
PSU_TERM_ORDER = date(2026, 9, 21)
PRICE_RISE = date(2026, 4, 1)


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def pick(rng: random.Random, weights: dict) -> str:
    total = sum(weights.values())
    x = rng.random() * total
    chosen = None
    for k, w in weights.items():
        if w <= 0:
            continue
        chosen = k
        x -= w
        if x <= 0:
            break
    return chosen


def roast_weights(day: date, channel: str, account: str) -> dict:
    years = (day - START).days / 365.25
    w = dict(ROASTS)
    w["Decaf"] *= 0.88 ** years  # decaf slowly fades
    if channel == "Wholesale":
        w["French"] *= 1.6
        w["Light"] *= 0.7
    if channel == "Subscription":
        w["Light"] *= 1.5
    if account == "Brazil":
        w["Dark"] *= 2.0
        w["French"] *= 2.0
    return w


def origin_weights(day: date, account: str) -> dict:
    w = dict(ORIGINS)
    if day >= PNG_LAUNCH:  # Papua New Guinea launches and grows fast
        years = (day - PNG_LAUNCH).days / 365.25
        w["Papua New Guinea"] = min(0.32, 0.04 * 2.6 ** years)
    if day.year == 2025 and day.month == 9:  # Ethiopia stock-out: harvest delayed at port
        w["Ethiopia"] *= 0.3
    if account == "Brazil":
        w["Brazil"] *= 3.0
    return w


def lines_rate(day: date, account: str) -> float:
    channel, base, _, _, weekdays, growth = ACCOUNTS[account]
    if day.weekday() not in weekdays:
        return 0.0
    years = (day - START).days / 365.25
    rate = base * MONTH[day.month] * (1.06 ** years) * ((1 + growth) ** years)
    if channel in ("Grocery", "Subscription") and day.month in (11, 12):
        rate *= 1.1
    if account == "Top Pot":
        if day < TOP_POT_START:
            return 0.0
        rate = base * (1 + 2.2 * (day - TOP_POT_START).days / 365.25) * MONTH[day.month]
    if account == "Blue Door Cafe" and day >= BLUE_DOOR_CLOSED:
        return 0.0
    if account == "Portland State":
        md = (day.month, day.day)
        if (6, 15) <= md <= (9, 15) or md >= (12, 15) or md <= (1, 5):
            rate *= 0.15
    if account == "Sunday Market":
        rate *= 1.6 if 5 <= day.month <= 10 else 0.5
    if account == "Fred Meyer" and day.year == 2026 and day.month == 2:
        rate *= 0.15  # shelf reset: coffee aisle pulled for the month
    if account == "Whole Foods" and day.year == 2026 and day.month == 10:
        rate *= 2.2  # regional coffee-month promotion
    if channel == "Subscription" and day in BLACK_FRIDAYS:
        rate *= 3.0
    if channel == "Cafe" and (day.month, day.day) == (9, 29):
        rate *= 2.5  # National Coffee Day
    if day in SNOW_DAYS:
        rate *= 0.6 if channel == "Subscription" else 0.15
    return rate


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        cells: dict = {}
        for account, (channel, _, (lo, hi), packs, _, _) in ACCOUNTS.items():
            n = poisson(rng, lines_rate(day, account))
            if account == "Portland State" and day == PSU_TERM_ORDER:
                n += 14  # fall-term stock-up for every campus cafe
            rw, ow = roast_weights(day, channel, account), origin_weights(day, account)
            for _ in range(n):
                roast, origin, pack = pick(rng, rw), pick(rng, ow), pick(rng, packs)
                qty = rng.randint(lo, hi)
                if account == "Portland State" and day == PSU_TERM_ORDER:
                    qty *= 3
                price = PRICE[channel][pack] * ROAST_PREMIUM[roast] * ORIGIN_PREMIUM[origin]
                if channel == "Subscription" and day >= PRICE_RISE:
                    price *= 1.12
                revenue = qty * price * rng.uniform(0.97, 1.03)
                pounds = qty * POUNDS[pack] * rng.uniform(1.0, 1.04)
                if day == OUTAGE:
                    pounds = 0.0  # roaster down: shipped from stock
                elif day == CATCH_UP:
                    pounds *= 1.9
                starts = cancels = 0
                if channel == "Subscription":
                    sf = 5.0 if day in BLACK_FRIDAYS else 3.0 if (day.month, day.day) == (9, 29) else 1.0
                    cf = 1.0
                    if day.year == 2026 and day.month == 4:
                        cf = 3.0  # price rise lands
                    elif day.year == 2026 and day.month == 5:
                        cf = 1.6
                    elif day.month in (7, 8):
                        cf = 1.3
                    starts = poisson(rng, qty * 0.12 * sf)
                    cancels = poisson(rng, qty * 0.045 * cf)
                key = (channel, account, roast, origin, pack)
                c = cells.setdefault(key, [0, 0.0, 0.0, 0, 0])
                c[0] += qty
                c[1] += revenue
                c[2] += pounds
                c[3] += starts
                c[4] += cancels
        for key in sorted(cells):
            bags, revenue, pounds, starts, cancels = cells[key]
            yield [day.isoformat(), *key, bags, f"{revenue:.2f}", f"{pounds:.1f}", starts, cancels]
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
    write(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("cascadia.csv"))
