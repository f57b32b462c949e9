"""A held-out company for the evaluator: Pantry Lane Foodservice, a food-and-drink wholesaler to restaurants and shops.

Five dimensions (depot × customer_type × category × brand × sales_rep) whose members collide with English and
time words (brands Sunday, Harvest, Prime, Best, Fresh; reps Sue, Art, Don, Dawn), and measures of its own:
net_sales, cases, returns, deliveries, margin (money: net_sales, returns, margin, in USD). No revenue, cost,
units or orders, so the default measure is net_sales (the first measure column) and gross margin, margin % and
average order value do not exist. Deliveries run Monday to Saturday, 2023-01-02 to 2025-10-17.

Events: Malik joins the Albany depot on 2024-03-01; Schools buy nothing in July and August; Prime puts its case
price up 12% from 2025-01-01; Fresh Dairy is recalled in August 2025 (returns five times normal); a Hartford
heatwave doubles Beverages in July 2025.

Deterministic, so its questions' gold numbers never change; run as a script to write the CSV.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, LAST = date(2023, 1, 2), date(2025, 10, 17)
REPS = {"Sue": "Newark", "Art": "Newark", "Don": "Hartford", "Dawn": "Hartford", "Rosa": "Albany", "Malik": "Albany"}
REP_STARTS = {"Malik": date(2024, 3, 1)}
CUSTOMER_TYPES = {"Restaurant": 0.4, "Grocery": 0.25, "Cafe": 0.15, "Hotel": 0.1, "School": 0.1}
CATEGORIES = {  # price a case, margin rate, usual return rate
    "Dairy": (38.0, 0.18, 0.02), "Produce": (27.0, 0.22, 0.04), "Frozen": (52.0, 0.2, 0.01),
    "Beverages": (24.0, 0.3, 0.005), "Bakery": (31.0, 0.25, 0.03), "Meat": (96.0, 0.16, 0.015),
}
BRANDS = {
    "Sunday": ("Bakery", "Dairy"), "Harvest": ("Produce", "Bakery"), "Prime": ("Meat", "Frozen"),
    "Best": ("Beverages", "Frozen"), "Fresh": ("Produce", "Dairy"), "Golden Acre": ("Dairy", "Bakery", "Beverages"),
}
PAIRS = [(category, brand) for brand, categories in BRANDS.items() for category in categories]
ROWS_A_REP = 5
FIELDS = ["date", "depot", "customer_type", "category", "brand", "sales_rep",
          "net_sales", "cases", "returns", "deliveries", "margin"]


def _cases(rng, day, customer_type, category, depot):
    season = 1 + 0.15 * math.sin((day.timetuple().tm_yday / 365.25) * 2 * math.pi)
    growth = 1 + 0.1 * (day - FIRST).days / 365.25
    scale = {"Restaurant": 9, "Grocery": 14, "Cafe": 5, "Hotel": 11, "School": 12}[customer_type]
    if category == "Beverages" and depot == "Hartford" and day.year == 2025 and day.month == 7:
        scale *= 2.0  # heatwave
    return max(1, int(rng.gauss(scale * season * growth, 3)))


def facts():
    rng = random.Random(20251017)
    day = FIRST
    while day <= LAST:
        cells: dict = {}
        if day.weekday() < 6:
            for rep, depot in REPS.items():
                if day < REP_STARTS.get(rep, FIRST):
                    continue
                for _ in range(ROWS_A_REP):
                    customer_type = rng.choices(list(CUSTOMER_TYPES), weights=list(CUSTOMER_TYPES.values()))[0]
                    category, brand = rng.choice(PAIRS)
                    if customer_type == "School" and day.month in (7, 8):
                        continue  # summer break
                    price, margin_rate, return_rate = CATEGORIES[category]
                    if brand == "Prime" and day >= date(2025, 1, 1):
                        price *= 1.12
                    if brand == "Fresh" and category == "Dairy" and day.year == 2025 and day.month == 8:
                        return_rate *= 5  # recall
                    cases = _cases(rng, day, customer_type, category, depot)
                    net_sales = cases * price * rng.uniform(0.92, 1.08)
                    returns = net_sales * return_rate * rng.uniform(0, 2) if rng.random() < 0.6 else 0.0
                    key = (depot, customer_type, category, brand, rep)
                    cell = cells.setdefault(key, [0.0, 0, 0.0, 0, 0.0])
                    cell[0] += net_sales
                    cell[1] += cases
                    cell[2] += returns
                    cell[3] += 1
                    cell[4] += net_sales * margin_rate * rng.uniform(0.85, 1.15) - returns
        for key in sorted(cells):
            net_sales, cases, returns, deliveries, margin = cells[key]
            yield [day.isoformat(), *key, round(net_sales, 2), cases, round(returns, 2), deliveries, round(margin, 2)]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(facts())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
