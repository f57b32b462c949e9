#!/usr/bin/env python3
"""Stonebridge Materials, a made-up UK construction-materials supplier (GBP): daily delivery facts.

usage: python3 make_stonebridge.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, project,
material, supplier and site manager that had at least one delivery,
2023-03-01 to 2025-11-12 (the as-of date of the questions).

- dimensions: project (Tower 1, Tower 2, Block C, Phase 2 Housing, Riverside),
  material (Steel, Concrete, Timber, Glass, Aggregate), supplier (6 firms),
  site_manager (12 people; frame = Steel/Concrete, other = Timber/Glass/Aggregate)
- measures: material_cost, tonnes_delivered, deliveries, waste_tonnes, invoiced
- shape: summer high / winter low, Christmas shutdown 23 Dec - 2 Jan, Saturdays
  light, Sundays rare; prices inflate ~6% a year (steel faster);
  Tower 1 winds down from 2025, Tower 2 starts 2024-04-15 and ramps up,
  Phase 2 Housing starts 2023-09-01; Kestrel Supply Co starts 2024-06-01.
- events: Riverside paused 2024-08-01 .. 2024-09-15 (no deliveries);
  cold snap 2025-02-03 .. 2025-02-16 (deliveries x0.35);
  Pennine Materials cement shortage July 2025 (its deliveries x0.25);
  Riverside demolition rework March 2025 (waste x6);
  Tower 2 concrete pour week 2025-09-15 .. 09-21 (concrete x4);
  Tower 2 steel frame lift 2025-11-03 .. 11-09 (steel x3.5).
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251112
START, END = date(2023, 3, 1), date(2025, 11, 12)

# material: (price per tonne GBP at start, tonnes per delivery, waste rate, yearly price inflation)
MATERIALS = {
    "Steel": (860.0, 16.0, 0.03, 0.09),
    "Concrete": (112.0, 19.0, 0.05, 0.05),
    "Timber": (430.0, 9.0, 0.12, 0.04),
    "Glass": (1650.0, 4.5, 0.04, 0.05),
    "Aggregate": (29.0, 20.0, 0.02, 0.06),
}
# material: [(supplier, weight, first day)]
SUPPLIERS = {
    "Steel": [("Caldwell & Sons", 0.65, None), ("Ashford Fixings", 0.35, None)],
    "Concrete": [("Pennine Materials", 0.55, None), ("Thames Valley Merchants", 0.25, None),
                 ("Kestrel Supply Co", 0.30, date(2024, 6, 1))],
    "Timber": [("Marlow Building Supplies", 0.6, None), ("Thames Valley Merchants", 0.4, None)],
    "Glass": [("Ashford Fixings", 0.55, None), ("Marlow Building Supplies", 0.45, None)],
    "Aggregate": [("Pennine Materials", 0.5, None), ("Thames Valley Merchants", 0.3, None),
                  ("Kestrel Supply Co", 0.35, date(2024, 6, 1))],
}
MARKUP = {"Tower 1": 1.18, "Tower 2": 1.21, "Block C": 1.15, "Phase 2 Housing": 1.13, "Riverside": 1.17}
SEASON = {1: 0.78, 2: 0.86, 3: 0.95, 4: 1.0, 5: 1.05, 6: 1.1, 7: 1.12, 8: 0.93, 9: 1.08, 10: 1.05, 11: 0.96, 12: 0.74}


def ramp(day: date, a: date, b: date) -> float:
    """0 before a, rising linearly to 1 at b."""
    if day <= a:
        return 0.0
    if day >= b:
        return 1.0
    return (day - a).days / (b - a).days


def intensity(project: str, material: str, day: date) -> float:
    """Expected deliveries on a full weekday, before season and events."""
    y = (day - START).days / 365.25
    if project == "Tower 1":
        frame = max(0.25, 1.0 - 0.35 * y)          # frame finishing
        envelope = min(1.0, 0.2 + 0.45 * y)        # cladding and fit-out rising
        wind = 1.0 - 0.55 * ramp(day, date(2025, 1, 1), date(2025, 11, 12))
        base = {"Steel": 1.6 * frame, "Concrete": 2.0 * frame, "Timber": 0.5 * envelope,
                "Glass": 1.1 * envelope, "Aggregate": 0.6 * frame}[material]
        return base * wind
    if project == "Tower 2":
        if day < date(2024, 4, 15):
            return 0.0
        g = ramp(day, date(2024, 4, 15), date(2025, 6, 1))
        base = {"Steel": 0.3 + 1.8 * ramp(day, date(2024, 10, 1), date(2025, 5, 1)), "Concrete": 0.8 + 1.6 * g,
                "Timber": 0.15 + 0.3 * g, "Glass": 0.6 * ramp(day, date(2025, 5, 1), date(2025, 11, 1)),
                "Aggregate": 1.6 - 0.8 * g}[material]
        return base
    if project == "Block C":
        return {"Steel": 0.7, "Concrete": 1.1, "Timber": 0.8, "Glass": 0.4, "Aggregate": 0.9}[material] * (1 + 0.04 * y)
    if project == "Phase 2 Housing":
        if day < date(2023, 9, 1):
            return 0.0
        g = 0.5 + 0.5 * ramp(day, date(2023, 9, 1), date(2024, 9, 1))
        mix = {"Steel": 0.3, "Concrete": 1.0, "Timber": 2.2, "Glass": 0.35, "Aggregate": 1.2}
        return mix[material] * g * (1 + 0.08 * y)
    if project == "Riverside":
        if date(2024, 8, 1) <= day <= date(2024, 9, 15):
            return 0.0
        return {"Steel": 0.6, "Concrete": 1.2, "Timber": 0.6, "Glass": 0.5, "Aggregate": 1.0}[material]
    raise ValueError(project)


def manager(project: str, material: str, day: date) -> str:
    frame = material in ("Steel", "Concrete")
    if project == "Tower 1":
        return ("Gareth Lloyd" if day < date(2025, 1, 1) else "Siobhan Kelly") if frame else "Siobhan Kelly"
    if project == "Tower 2":
        return ("Aisha Rahman" if day < date(2025, 1, 1) else "Gareth Lloyd") if frame else "Aisha Rahman"
    if project == "Block C":
        return "Tom Barker" if frame else ("Mick O'Neill" if day < date(2025, 4, 1) else "Dan Okafor")
    if project == "Phase 2 Housing":
        return "Jess Whitfield" if frame else ("Raj Sandhu" if day < date(2024, 10, 1) else "Kate Morris")
    if project == "Riverside":
        return ("Liam Doyle" if day < date(2024, 9, 16) else "Neil Parry") if frame else "Fiona Grant"
    raise ValueError(project)


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


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        wd = day.weekday()
        shutdown = (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day <= 2)
        if shutdown:
            day += timedelta(days=1)
            continue
        week = 0.35 if wd == 5 else 0.06 if wd == 6 else 1.0
        season = SEASON[day.month]
        cold = 0.35 if date(2025, 2, 3) <= day <= date(2025, 2, 16) else 1.0
        years = (day - START).days / 365.25
        for project in MARKUP:
            for material, (price, per_load, waste_rate, infl) in MATERIALS.items():
                lam = intensity(project, material, day) * season * week * cold
                if project == "Tower 2" and material == "Concrete" and date(2025, 9, 15) <= day <= date(2025, 9, 21):
                    lam *= 4.0
                if project == "Tower 2" and material == "Steel" and date(2025, 11, 3) <= day <= date(2025, 11, 9):
                    lam *= 3.5
                options = [(s, w) for s, w, first in SUPPLIERS[material] if first is None or day >= first]
                for supplier, w in options:
                    share = w / sum(x for _, x in options)
                    sl = lam * share * 2.4
                    if supplier == "Pennine Materials" and day.year == 2025 and day.month == 7:
                        sl *= 0.25
                    n = poisson(rng, sl)
                    if n == 0:
                        continue
                    tonnes = sum(max(0.5, rng.gauss(per_load, per_load * 0.18)) for _ in range(n))
                    unit = price * (1 + infl) ** years * rng.uniform(0.96, 1.04)
                    cost = tonnes * unit
                    waste = tonnes * waste_rate * rng.uniform(0.6, 1.4)
                    if project == "Riverside" and day.year == 2025 and day.month == 3:
                        waste *= 6.0
                    invoiced = cost * MARKUP[project] * rng.uniform(0.97, 1.03)
                    yield {
                        "date": day.isoformat(), "project": project, "material": material,
                        "supplier": supplier, "site_manager": manager(project, material, day),
                        "material_cost": f"{cost:.2f}", "tonnes_delivered": f"{tonnes:.2f}",
                        "deliveries": n, "waste_tonnes": f"{waste:.2f}", "invoiced": f"{invoiced:.2f}",
                    }
        day += timedelta(days=1)


FIELDS = ["date", "project", "material", "supplier", "site_manager",
          "material_cost", "tonnes_delivered", "deliveries", "waste_tonnes", "invoiced"]


def write(path) -> Path:
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for r in rows():
            w.writerow(r)
    return path


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: make_stonebridge.py OUT.csv")
    print(write(sys.argv[1]))
