#!/usr/bin/env python3
"""Kilnworks: a made-up ceramics and homeware maker selling wholesale and retail (USD).

Deterministic (seeded), standard library only. One row per day x collection x channel x
state x store_code with any activity, 2023-05-01 to 2026-11-22.

Dimensions: collection, channel, state, store_code ("S-014"-style text, so no --dimensions).
Measures: revenue, cost, units, orders, returns_units, shipping_cost.

Notable shape / anomalies:
- growth of ~18%/yr, strong Nov-Dec gifting season, a January slump;
- "Limited" drops only sell in Apr-May and Oct-Dec (drop months);
- "New Nordic" launched 2024-03-01 (no facts before);
- Trade Shows sell mostly in Jan-Feb and Aug-Sep (show season);
- Marketplace listing outage 2026-08-03..2026-08-09 (ISO week 2026-W32): almost nothing;
- a one-off wholesale order from Washington, 2026-09-14..2026-09-20 (2026-W38), ~8x normal;
- New Nordic glaze defect in July 2026: returns_units about 6x normal;
- a shipping-rate hike from 2025-06-01 (shipping_cost per unit +35%).
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261124
START, END = date(2023, 5, 1), date(2026, 11, 22)

COLLECTIONS = {  # price per unit, cost ratio, popularity
    "Classic": (32.0, 0.46, 1.0),
    "Max Gloss": (44.0, 0.50, 0.7),
    "Pro Series": (68.0, 0.55, 0.45),
    "New Nordic": (52.0, 0.42, 0.6),
    "Everyday": (18.0, 0.52, 1.3),
    "Limited": (95.0, 0.38, 0.35),
}
CHANNELS = {  # units per order, price factor, weight, shipping per unit
    "Wholesale": (38.0, 0.55, 0.9, 0.9),
    "Own Store": (2.2, 1.0, 1.0, 0.0),
    "Marketplace": (1.8, 0.92, 1.1, 4.2),
    "Trade Shows": (24.0, 0.62, 0.35, 1.6),
}
STATES = {  # weight, store codes
    "Washington": (1.4, ["S-001", "S-002"]),
    "Oregon": (1.1, ["S-003", "S-004"]),
    "California": (1.9, ["S-005", "S-006"]),
    "Nevada": (0.4, ["S-007"]),
    "Arizona": (0.6, ["S-008"]),
    "Colorado": (0.9, ["S-009", "S-010"]),
    "Utah": (0.4, ["S-011"]),
    "Minnesota": (0.7, ["S-012"]),
    "Illinois": (1.0, ["S-013", "S-014"]),
    "Michigan": (0.6, ["S-015"]),
    "Ohio": (0.6, ["S-016"]),
    "Georgia": (0.8, ["S-017"]),
    "Florida": (1.0, ["S-018", "S-019"]),
    "North Carolina": (0.7, ["S-020"]),
    "Virginia": (0.8, ["S-021"]),
    "New York": (1.6, ["S-022", "S-023"]),
    "Massachusetts": (0.9, ["S-024"]),
    "Vermont": (0.3, ["S-025"]),
    "Maine": (0.5, ["S-026"]),
    "Pennsylvania": (0.8, ["S-027"]),
}
SEASON = {1: 0.62, 2: 0.72, 3: 0.85, 4: 0.92, 5: 1.0, 6: 0.9, 7: 0.85, 8: 0.9, 9: 0.98, 10: 1.08, 11: 1.45, 12: 1.7}
FIELDS = ["date", "collection", "channel", "state", "store_code",
          "revenue", "cost", "units", "orders", "returns_units", "shipping_cost"]


def active(collection: str, channel: str, day: date) -> float:
    """A multiplier on how likely / how big a combination is on a day (0: not sold)."""
    if collection == "New Nordic" and day < date(2024, 3, 1):
        return 0.0
    if collection == "Limited" and day.month not in (4, 5, 10, 11, 12):
        return 0.0
    if channel == "Trade Shows":
        return 1.0 if day.month in (1, 2, 8, 9) else 0.08
    if channel == "Marketplace" and date(2026, 8, 3) <= day <= date(2026, 8, 9):
        return 0.03
    return 1.0


def rows(seed: int = SEED):
    rng = random.Random(seed)
    combos = [(c, ch, st, code) for c in COLLECTIONS for ch in CHANNELS
              for st, (_, codes) in STATES.items() for code in codes]
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        trend = 1.18 ** years
        season = SEASON[day.month] * (1.12 if day.weekday() >= 5 else 1.0)
        n_target = int(14 + 10 * season * (1 + 0.25 * years))
        weights = []
        for c, ch, st, _code in combos:
            w = COLLECTIONS[c][2] * CHANNELS[ch][2] * STATES[st][0] / len(STATES[st][1]) * active(c, ch, day)
            weights.append(w)
        picked = set()
        tries = 0
        while len(picked) < n_target and tries < n_target * 6:
            tries += 1
            i = rng.choices(range(len(combos)), weights=weights)[0]
            if weights[i] > 0:
                picked.add(i)
        for i in sorted(picked):
            c, ch, st, code = combos[i]
            price, cost_ratio, _ = COLLECTIONS[c]
            upo, pf, _, ship = CHANNELS[ch]
            orders = max(1, int(rng.expovariate(1 / 3.0) * season * trend ** 0.5 + 1))
            if ch == "Wholesale":
                orders = max(1, orders // 3)
            units = max(1, round(orders * upo * rng.uniform(0.7, 1.3)))
            if ch == "Wholesale" and st == "Washington" and date(2026, 9, 14) <= day <= date(2026, 9, 20):
                units *= 8
                orders += 2
            unit_price = price * pf * (1 + 0.04 * years) * rng.uniform(0.92, 1.08)
            revenue = units * unit_price
            cost = revenue * cost_ratio * rng.uniform(0.93, 1.07) * (1 + 0.02 * years)
            rr = 0.035 if ch in ("Own Store", "Marketplace") else 0.012
            if c == "New Nordic" and day.year == 2026 and day.month == 7:
                rr *= 6
            returns = sum(1 for _ in range(min(units, 400)) if rng.random() < rr)
            ship_rate = ship * (1.35 if day >= date(2025, 6, 1) else 1.0)
            shipping = units * ship_rate * rng.uniform(0.85, 1.15)
            yield [day.isoformat(), c, ch, st, code, f"{revenue:.2f}", f"{cost:.2f}", units, orders,
                   returns, f"{shipping:.2f}"]
        day += timedelta(days=1)


def write(path) -> Path:
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(FIELDS)
        for r in rows():
            w.writerow(r)
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("kilnworks.csv")))
