"""A second company for the evaluator: Globex Coffee (country × store type × product line, no new customers).

Deterministic, so its questions' gold numbers never change; run as a script to write the CSV.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = {"France": 1.0, "Germany": 1.2, "United States": 2.0, "Japan": 0.8}
STORE_TYPES = {"Flagship": 1.5, "Kiosk": 0.6, "Online": 1.0}
PRODUCT_LINES = {
    "Espresso Beans": (18.0, 0.45), "Cold Brew": (6.5, 0.35), "Machines": (420.0, 0.7), "Mugs": (14.0, 0.3),
}
FIRST, LAST = date(2023, 7, 1), date(2025, 6, 30)
FIELDS = ["date", "country", "store_type", "product_line", "revenue", "cost", "units", "orders"]


def rows():
    rng = random.Random(20250715)
    day = FIRST
    while day <= LAST:
        season = 1 + 0.25 * math.sin((day.timetuple().tm_yday / 365.25) * 2 * math.pi)
        for country, country_weight in COUNTRIES.items():
            for store, store_weight in STORE_TYPES.items():
                for line, (price, cost_share) in PRODUCT_LINES.items():
                    if line == "Cold Brew" and country == "Japan" and day < date(2024, 3, 1):
                        continue  # launched later there
                    warm = season if line == "Cold Brew" else 2 - season
                    units = max(0, int(rng.gauss(6 * country_weight * store_weight * warm, 2)))
                    if line == "Machines":
                        units = max(0, units // 8)
                    orders = max(0, units - rng.randint(0, max(1, units // 3)))
                    revenue = round(units * price * rng.uniform(0.9, 1.1), 2)
                    cost = round(revenue * cost_share, 2)
                    yield [day.isoformat(), country, store, line, revenue, cost, units, orders]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
