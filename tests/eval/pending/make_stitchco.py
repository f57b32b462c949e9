#!/usr/bin/env python3
"""StitchCo Tekstil: a made-up Turkish textile exporter (amounts in TRY).

One row per day x buyer country x buyer x fabric x factory with any activity,
2024-04-01 to 2026-11-30. Standard library only, deterministic (seeded).

Patterns built in (see README.md):
- lira depreciation: TRY price per metre climbs ~1.6% a month, so export
  revenue grows much faster than metres shipped;
- August summer shutdown (metres ~40% down) and a Kurban Bayrami holiday
  week with almost nothing shipped (2024-06-16.., 2025-06-06.., 2026-05-26..);
- Linen is seasonal (peaks Jan-Apr for spring/summer ranges, weak Q3/Q4);
- Recycled Poly grows fast (~5% a month) and Patagonia, a new buyer from
  2025-05, ramps up quickly on it;
- Hugo Boss (Germany) nearly stops in March 2026 (a paused programme) and
  only half recovers;
- unusual days: a Primark rush order 2026-10-06..08, a Bursa dye-house
  defect spike 2026-07-13..18, Denizli closed by a flood 2026-09-14..17,
  a sample blitz for Weekday 2026-11-24..26.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

START, END = date(2024, 4, 1), date(2026, 11, 30)
SEED = 20261130

# buyer -> (countries with weights, fabrics with weights, base metres per active row, activity)
BUYERS = {
    "Next":        ({"UK": 1.0}, {"Cotton": 0.5, "Denim": 0.3, "Linen": 0.2}, 2600, 0.55),
    "Primark":     ({"UK": 0.7, "Spain": 0.3}, {"Cotton": 0.6, "Denim": 0.3, "Recycled Poly": 0.1}, 4200, 0.70),
    "Mango":       ({"Spain": 1.0}, {"Linen": 0.4, "Cotton": 0.4, "Denim": 0.2}, 2100, 0.50),
    "Zara":        ({"Spain": 1.0}, {"Denim": 0.4, "Cotton": 0.3, "Linen": 0.2, "Recycled Poly": 0.1}, 3600, 0.65),
    "North Face":  ({"USA": 1.0}, {"Recycled Poly": 0.8, "Cotton": 0.2}, 2400, 0.40),
    "Gap":         ({"USA": 1.0}, {"Denim": 0.6, "Cotton": 0.4}, 3000, 0.45),
    "Weekday":     ({"Netherlands": 1.0}, {"Denim": 0.7, "Recycled Poly": 0.3}, 1500, 0.35),
    "G-Star":      ({"Netherlands": 1.0}, {"Denim": 0.9, "Cotton": 0.1}, 2200, 0.45),
    "Hugo Boss":   ({"Germany": 1.0}, {"Cotton": 0.5, "Linen": 0.3, "Recycled Poly": 0.2}, 2300, 0.50),
    "Tom Tailor":  ({"Germany": 1.0}, {"Cotton": 0.5, "Denim": 0.5}, 1900, 0.45),
    "Patagonia":   ({"USA": 0.8, "Netherlands": 0.2}, {"Recycled Poly": 0.9, "Cotton": 0.1}, 1200, 0.30),
}
# which factory weaves which fabric (share of a fabric's metres)
FACTORIES = {
    "Denim":         {"Istanbul Europe": 0.6, "Denizli": 0.4},
    "Cotton":        {"Denizli": 0.6, "Bursa": 0.25, "Istanbul Europe": 0.15},
    "Linen":         {"Bursa": 0.55, "Denizli": 0.45},
    "Recycled Poly": {"Bursa": 0.75, "Istanbul Europe": 0.25},
}
PRICE_USD = {"Denim": 4.3, "Cotton": 2.9, "Linen": 6.8, "Recycled Poly": 3.6}  # per metre
DEFECT_RATE = {"Bursa": 0.0042, "Denizli": 0.0051, "Istanbul Europe": 0.0036}  # points per metre
LINEN_SEASON = {1: 1.7, 2: 1.8, 3: 1.6, 4: 1.3, 5: 1.0, 6: 0.8, 7: 0.6, 8: 0.5, 9: 0.6, 10: 0.7, 11: 0.9, 12: 1.3}
BAYRAM = [(date(2024, 6, 16), date(2024, 6, 22)), (date(2025, 6, 6), date(2025, 6, 12)),
          (date(2026, 5, 26), date(2026, 6, 1))]


def months_since_start(day: date) -> float:
    return (day.year - START.year) * 12 + (day.month - START.month) + (day.day - 1) / 30.0


def usd_try(day: date) -> float:
    return 32.2 * (1.016 ** months_since_start(day))


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    k, p, limit = 0, 1.0, math.exp(-lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def day_factor(day: date) -> float:
    f = 1.0
    if day.month == 8:
        f *= 0.6 if day.day < 10 or day.day > 24 else 0.35  # summer shutdown, deepest mid-month
    for lo, hi in BAYRAM:
        if lo <= day <= hi:
            f *= 0.08
    if day.weekday() == 6:
        f *= 0.25  # Sundays: a skeleton shift
    elif day.weekday() == 5:
        f *= 0.7
    return f


def buyer_factor(buyer: str, day: date) -> float:
    if buyer == "Patagonia":
        if day < date(2025, 5, 1):
            return 0.0
        return min(3.5, 0.3 * (1.09 ** months_since_start(day) / 1.09 ** 13))
    if buyer == "Hugo Boss":
        if date(2026, 3, 1) <= day <= date(2026, 3, 31):
            return 0.18
        if day > date(2026, 3, 31):
            return 0.55
    if buyer == "Next":
        return 1.0 + 0.01 * months_since_start(day)
    if buyer == "Gap" and day >= date(2026, 1, 1):
        return 0.8  # Gap trimmed its Turkish sourcing in 2026
    if buyer == "Mango":
        return 1.0 + 0.015 * months_since_start(day)
    return 1.0


def fabric_factor(fabric: str, day: date) -> float:
    if fabric == "Linen":
        return LINEN_SEASON[day.month]
    if fabric == "Recycled Poly":
        return 1.05 ** months_since_start(day) * 0.6
    if fabric == "Denim":
        return 1.0 + 0.004 * months_since_start(day)
    return 1.0


def rows(rng: random.Random):
    day = START
    combos = []
    for buyer, (countries, fabrics, base, act) in BUYERS.items():
        for country, cw in countries.items():
            for fabric, fw in fabrics.items():
                for factory, xw in FACTORIES[fabric].items():
                    combos.append((country, buyer, fabric, factory, base * cw * fw * xw, act))
    combos.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    while day <= END:
        df = day_factor(day)
        fx = usd_try(day)
        for country, buyer, fabric, factory, weight, act in combos:
            bf = buyer_factor(buyer, day)
            if bf == 0.0:
                continue
            if factory == "Denizli" and date(2026, 9, 14) <= day <= date(2026, 9, 17):
                continue  # flood: the Denizli mill is closed
            ff = fabric_factor(fabric, day)
            intensity = df * bf * ff
            p_ship = min(0.95, act * min(1.0, 0.35 + 0.65 * intensity) * (0.6 + 0.4 * min(1.0, weight / 400)))
            ships = rng.random() < p_ship
            samples = 0
            p_sample = (0.06 + (0.12 if buyer == "Patagonia" else 0.0)
                        + (0.05 if fabric == "Linen" and day.month in (10, 11, 12) else 0.0))
            if buyer == "Weekday" and date(2026, 11, 24) <= day <= date(2026, 11, 26):
                p_sample = 0.95
            if day.weekday() == 6:
                p_sample *= 0.3
            if rng.random() < p_sample:
                samples = 1 + poisson(rng, 1.5)
                if buyer == "Weekday" and date(2026, 11, 24) <= day <= date(2026, 11, 26):
                    samples += 12 + rng.randint(0, 6)
            if not ships and not samples:
                continue
            metres = revenue = 0.0
            orders = defects = 0
            if ships:
                scale = weight * intensity / max(p_ship, 0.05) * rng.lognormvariate(0, 0.35)
                if buyer == "Primark" and date(2026, 10, 6) <= day <= date(2026, 10, 8):
                    scale *= 5.5  # rush order for the Christmas denim drop
                metres = max(50, round(scale / 10.0) * 10)
                price = PRICE_USD[fabric] * fx * rng.uniform(0.94, 1.06)
                if buyer in ("Hugo Boss", "North Face", "Patagonia"):
                    price *= 1.12  # premium finishes
                revenue = round(metres * price, 2)
                orders = 1 + poisson(rng, 0.25 + metres / 9000)
                rate = DEFECT_RATE[factory]
                if factory == "Bursa" and date(2026, 7, 13) <= day <= date(2026, 7, 18):
                    rate *= 4.5  # dye-house problem
                defects = poisson(rng, metres * rate)
            yield [day.isoformat(), country, buyer, fabric, factory, int(metres), f"{revenue:.2f}", orders, defects,
                   samples]
        day += timedelta(days=1)


def write(path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "buyer_country", "buyer", "fabric", "factory",
                    "metres_shipped", "export_revenue", "orders", "defect_points", "samples_shipped"])
        for row in rows(rng):
            w.writerow(row)
    return path


if __name__ == "__main__":
    print(write(sys.argv[1] if len(sys.argv) > 1 else "stitchco.csv"))
