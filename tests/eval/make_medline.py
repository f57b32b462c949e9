#!/usr/bin/env python3
"""Medline Supply Co, a made-up US distributor of medical and lab supplies: daily facts.

usage: python3 make_medline.py [OUT.csv]      (default: medline.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, territory,
rep, customer tier, product family, order channel and warehouse that shipped
anything, 2024-01-01 to 2026-10-31. Measures are money in USD except cases and
order_lines. `warehouse` is a numeric code and must be imported as a dimension.

Events:
- PPE surge in flu season: PPE x1.6 in Dec 2024, x3.2 in Jan 2025, x1.7 in Feb 2025
  (with expedited freight in Jan 2025)
- Syringes recall: Syringes at 25% in Jun 2026 and 65% in Jul 2026, with returns
  of recalled lots (returns_value) far above normal in Jun 2026
- the Portal order channel launches on 2024-03-01 and takes a growing share
- a Key Account won in Great Lakes: from 2026-08-01 a new rep, Dakota Banks,
  ships large Key Account orders there every weekday
- seasons: gloves, PPE and diagnostics peak in winter; everything dips in July
  and the last week of December; clinics order little at weekends
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261031
START, END = date(2024, 1, 1), date(2026, 10, 31)
HEADER = ["date", "territory", "rep", "customer_tier", "product_family", "order_channel", "warehouse",
          "net_sales", "gross_margin_dollars", "cases", "order_lines", "returns_value", "freight_cost"]

TERRITORIES = {  # size, reps (weights), warehouses (weights)
    "Northeast": (1.25, {"Jordan Price": 0.55, "Casey Long": 0.45}, {"11": 0.75, "12": 0.25}),
    "Southeast": (1.0, {"Morgan Hill": 0.6, "Riley Cash": 0.4}, {"21": 0.8, "22": 0.2}),
    "Great Lakes": (0.9, {"Taylor Swift-Young": 0.5, "Avery Stone": 0.5}, {"12": 0.7, "11": 0.3}),
    "Plains": (0.55, {"Quinn Fields": 0.65, "Jamie Rich": 0.35}, {"22": 1.0}),
    "Pacific": (0.8, {"Drew Marsh": 0.5, "Sam Best": 0.5}, {"31": 1.0}),
}
FAMILIES = {  # cases a weekday per row, price per case, margin rate, winter-peaking
    "Gloves": (14.0, 46.0, 0.22, True),
    "Syringes": (9.0, 62.0, 0.28, False),
    "Lab Glass": (3.5, 118.0, 0.35, False),
    "Wound Care": (6.0, 84.0, 0.38, False),
    "Diagnostics": (2.6, 215.0, 0.31, True),
    "PPE": (8.0, 55.0, 0.25, True),
}
TIERS = {  # weight, volume factor, price factor, margin shift
    "Key Account": (0.18, 2.4, 0.90, -0.06),
    "Gold": (0.27, 1.4, 0.96, -0.02),
    "Silver": (0.32, 1.0, 1.00, 0.00),
    "Bronze": (0.23, 0.6, 1.05, 0.03),
}
CHANNELS = {"EDI": 0.35, "Phone": 0.35, "Rep Visit": 0.30}  # before the Portal
FREIGHT_PER_CASE = {"EDI": 2.6, "Portal": 2.9, "Phone": 3.6, "Rep Visit": 4.1}
LINES_PER_CASE = {"EDI": 0.22, "Portal": 0.35, "Phone": 0.30, "Rep Visit": 0.28}
PORTAL_START = date(2024, 3, 1)
KEY_WIN = date(2026, 8, 1)
GROWTH = 0.07  # a year
VOLUME = 3.0  # cases scale of a regular row


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:  # normal approximation keeps big draws fast
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def channels(day: date) -> dict:
    if day < PORTAL_START:
        return dict(CHANNELS)
    months = (day.year - PORTAL_START.year) * 12 + day.month - PORTAL_START.month
    portal = min(0.45, 0.06 + 0.013 * months)
    out = {k: v * (1 - portal) for k, v in CHANNELS.items()}
    out["Phone"] *= 0.85  # the portal takes most from phone orders
    out["Portal"] = portal
    return out


def season(day: date, winter: bool) -> float:
    f = 1.0
    if winter:
        f *= 1.0 + 0.25 * math.cos((day.timetuple().tm_yday - 15) / 365.25 * 2 * math.pi)
    if day.month == 7:
        f *= 0.85
    if day.month == 12 and day.day >= 24:
        f *= 0.45
    if day.weekday() >= 5:
        f *= 0.25
    return f


def event(day: date, family: str) -> float:
    ym = (day.year, day.month)
    if family == "PPE":
        return {(2024, 12): 1.6, (2025, 1): 3.2, (2025, 2): 1.7}.get(ym, 1.0)
    if family == "Syringes":
        return {(2026, 6): 0.25, (2026, 7): 0.65}.get(ym, 1.0)
    return 1.0


def fact(rng, day, territory, rep, tier, family, channel, warehouse, cases):
    _, price, margin, _ = FAMILIES[family]
    _, _, price_f, margin_shift = TIERS[tier]
    price *= price_f * rng.uniform(0.96, 1.04) * (1 + 0.03 * (day.year - 2024))
    net = cases * price
    gm = net * (margin + margin_shift + rng.uniform(-0.02, 0.02))
    lines = max(1, round(cases * LINES_PER_CASE[channel] * rng.uniform(0.8, 1.2)))
    ret_rate = rng.uniform(0.004, 0.025)
    if family == "Syringes" and (day.year, day.month) == (2026, 6):
        ret_rate = rng.uniform(0.8, 1.6)  # recalled lots sent back
    freight = cases * FREIGHT_PER_CASE[channel] * rng.uniform(0.9, 1.1)
    if family == "PPE" and (day.year, day.month) == (2025, 1):
        freight *= 1.5  # expedited to keep up with the surge
    return [day.isoformat(), territory, rep, tier, family, channel, warehouse,
            round(net, 2), round(gm, 2), cases, lines, round(net * ret_rate, 2), round(freight, 2)]


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        trend = (1 + GROWTH) ** years
        seen = set()
        out = []
        for territory, (size, reps, warehouses) in TERRITORIES.items():
            for family, (base, _, _, winter) in FAMILIES.items():
                active = 0.97 if day.weekday() < 5 else 0.45
                if rng.random() > active:
                    continue
                for _ in range(1 + (rng.random() < 0.55)):
                    tier, channel = pick(rng, {k: v[0] for k, v in TIERS.items()}), pick(rng, channels(day))
                    rep, warehouse = pick(rng, reps), pick(rng, warehouses)
                    key = (territory, rep, tier, family, channel, warehouse)
                    if key in seen:
                        continue
                    seen.add(key)
                    lam = VOLUME * base * size * TIERS[tier][1] * trend * season(day, winter) * event(day, family)
                    cases = poisson(rng, lam)
                    if cases:
                        out.append(fact(rng, day, territory, rep, tier, family, channel, warehouse, cases))
        if day >= KEY_WIN and day.weekday() < 5:
            for family in ("Gloves", "Syringes", "Wound Care", "PPE", "Diagnostics"):
                base, _, _, winter = FAMILIES[family]
                cases = poisson(rng, base * 7.0 * season(day, winter) * event(day, family))
                if cases:
                    out.append(fact(rng, day, "Great Lakes", "Dakota Banks", "Key Account", family, "EDI", "12",
                                    cases))
        yield from out
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("medline.csv"))
