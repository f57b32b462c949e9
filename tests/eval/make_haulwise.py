"""A held-out company for the evaluator: Haulwise, a B2B road-freight carrier (pallets, not products).

Shape unlike the others: no cost, units or orders; measures of its own and member names that are words:

- depot: Leeds, Hull, Dover, Crewe, Reading (an English word)
- service: Standard, Express, Overnight, Weekend (time words)
- tier: Gold, Silver, Bronze
- vehicle: Van, Rigid, Artic

Measures: revenue, shipments, pallets, late_deliveries, `Fuel Cost` (measure `fuel_cost`).
Deterministic (fixed seed, standard library only), 2023-06-01 to 2025-10-31, one row per day and
combination of members with any activity. Events:

- Weekend service starts on 2024-03-02 (Saturdays and Sundays only);
- Dover grows fast (about 30% a year), Hull shrinks (about 12% a year);
- diesel spikes in July–August 2025 (fuel cost per shipment up about 40%);
- Crewe has a run of late deliveries in February 2025 (a depot move);
- December is peak season (about 35% more shipments).

usage: python make_haulwise.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251201
FIRST, LAST = date(2023, 6, 1), date(2025, 10, 31)
DEPOTS = {"Leeds": (1.2, 0.05), "Hull": (0.9, -0.12), "Dover": (0.8, 0.30), "Crewe": (1.0, 0.02),
          "Reading": (1.1, 0.08)}
SERVICES = {"Standard": (1.8, 1.0), "Express": (0.8, 1.6), "Overnight": (0.5, 2.1), "Weekend": (0.3, 1.4)}
WEEKEND_STARTS = date(2024, 3, 2)
TIERS = {"Gold": (0.6, 0.9), "Silver": (1.0, 1.0), "Bronze": (1.3, 1.1)}  # weight, price factor
VEHICLES = {"Van": (1.4, 2), "Rigid": (1.0, 8), "Artic": (0.6, 22)}  # weight, mean pallets
HEADER = ["date", "depot", "service", "tier", "vehicle", "revenue", "shipments", "pallets", "late_deliveries",
          "Fuel Cost"]


def fuel_factor(day: date) -> float:
    return 1.4 if day.year == 2025 and day.month in (7, 8) else 1.0


def rows():
    rng = random.Random(SEED)
    day = FIRST
    while day <= LAST:
        years = (day - FIRST).days / 365.25
        season = 1.0 + 0.1 * math.sin(day.timetuple().tm_yday / 365.25 * 2 * math.pi) + (0.35 if day.month == 12 else 0)
        loads = max(8, int(rng.gauss(34 * season, 4)))
        cells: dict = {}
        for _ in range(loads):
            depot = rng.choices(list(DEPOTS), weights=[w * (1 + g) ** years for w, g in DEPOTS.values()])[0]
            service = rng.choices(list(SERVICES), weights=[w for w, _ in SERVICES.values()])[0]
            if service == "Weekend" and (day < WEEKEND_STARTS or day.weekday() < 5):
                service = "Standard"
            tier = rng.choices(list(TIERS), weights=[w for w, _ in TIERS.values()])[0]
            vehicle = rng.choices(list(VEHICLES), weights=[w for w, _ in VEHICLES.values()])[0]
            pallets = max(1, int(rng.gauss(VEHICLES[vehicle][1], VEHICLES[vehicle][1] / 4)))
            revenue = round(pallets * 38.0 * SERVICES[service][1] * TIERS[tier][1] * rng.uniform(0.85, 1.15), 2)
            fuel = round(pallets * 6.5 * fuel_factor(day) * rng.uniform(0.8, 1.2), 2)
            late_odds = 0.45 if depot == "Crewe" and day.year == 2025 and day.month == 2 else 0.06
            cell = cells.setdefault((depot, service, tier, vehicle), [0.0, 0, 0, 0, 0.0])
            cell[0] += revenue
            cell[1] += 1
            cell[2] += pallets
            cell[3] += rng.random() < late_odds
            cell[4] += fuel
        for (depot, service, tier, vehicle), (revenue, shipments, pallets, late, fuel) in sorted(cells.items()):
            yield [day.isoformat(), depot, service, tier, vehicle, f"{revenue:.2f}", shipments, pallets, late,
                   f"{fuel:.2f}"]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with Path(path).open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows())
    return Path(path)


if __name__ == "__main__":
    write(Path(sys.argv[1]))
