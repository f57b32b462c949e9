"""Hammerline Hardware: a made-up Canadian hardware chain (CAD), daily facts.

One row per day x store x department x brand x loyalty tier with any activity
(each open store-day is split over 2-4 such combinations). Standard library
only and seeded, so the CSV is the same on every run.

usage: python3 make_hammerline.py OUT.csv
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

# store -> (province, mature daily net sales in CAD)
STORES = {
    "Kingston": ("Ontario", 42000),
    "Paris": ("Ontario", 18000),
    "Ottawa East": ("Ontario", 55000),
    "Laval": ("Quebec", 60000),
    "Sherbrooke": ("Quebec", 30000),
    "Red Deer": ("Alberta", 35000),
    "Calgary South": ("Alberta", 50000),
    "Kelowna": ("British Columbia", 40000),
    "Hope": ("British Columbia", 12000),
    "Summerland": ("British Columbia", 15000),
    "Halifax North": ("Nova Scotia", 33000),
    "Halifax South": ("Nova Scotia", 28000),
}
CALGARY_OPENS = date(2025, 3, 3)
SMALL_STORES = ("Hope", "Summerland", "Paris")

DEPARTMENTS = {  # share of a store's sales, average unit price, contractor share
    "Garden": (0.20, 18.0, 0.08),
    "Paint": (0.17, 32.0, 0.15),
    "Tools": (0.22, 45.0, 0.25),
    "Lumber": (0.24, 60.0, 0.45),
    "Plumbing": (0.17, 28.0, 0.30),
}
# month -> seasonal factor of the whole chain (a deep winter dip, a spring peak)
SEASON = {1: 0.62, 2: 0.66, 3: 0.85, 4: 1.15, 5: 1.38, 6: 1.32, 7: 1.18, 8: 1.10,
          9: 1.00, 10: 0.92, 11: 0.88, 12: 0.80}
# Garden swings far more than the rest
GARDEN = {1: 0.15, 2: 0.20, 3: 0.55, 4: 1.60, 5: 2.50, 6: 2.10, 7: 1.50, 8: 1.10,
          9: 0.80, 10: 0.45, 11: 0.25, 12: 0.35}
TIERS = {"Gold": (0.30, 95.0), "Silver": (0.35, 70.0), "None": (0.35, 48.0)}  # weight, basket size
DOW = [0.90, 0.88, 0.90, 0.95, 1.05, 1.40, 1.12]  # Monday .. Sunday
CLOSED = {(12, 25), (1, 1)}


def brand_weights(day: date) -> dict:
    """House Brand grows fast (launched in earnest in 2025); Value shrinks."""
    t = (day - START).days / 365.25  # 0 .. ~2.9
    house = 0.08 + 0.11 * max(0.0, t - 0.8)  # 8% -> ~31%
    value = max(0.10, 0.30 - 0.06 * t)
    best = 0.27
    craftsman = 1.0 - house - value - best
    return {"Craftsman": craftsman, "Best": best, "Value": value, "House Brand": house}


def store_factor(store: str, day: date) -> float:
    f = 1.0
    if store == "Calgary South":
        if day < CALGARY_OPENS:
            return 0.0
        months = (day - CALGARY_OPENS).days / 30.4
        f = min(1.35, 0.30 + 0.06 * months)  # ramps fast, overtakes its plan
    if store == "Laval" and date(2026, 10, 5) <= day <= date(2026, 10, 18):
        return 0.0  # flooded: closed two weeks
    if store in ("Halifax North", "Halifax South") and day in (date(2026, 9, 24), date(2026, 9, 25)):
        return 0.0  # hurricane closure
    if store == "Kelowna" and date(2025, 8, 15) <= day <= date(2025, 8, 31):
        f *= 1.45  # wildfire rebuild demand
    return f


def write(path) -> Path:
    rng = random.Random(SEED)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ["date", "province", "store", "department", "brand", "loyalty_tier",
              "net_sales", "units", "transactions", "returns", "contractor_sales", "Tool Rentals"]
    rows = []
    day = START
    while day <= END:
        if (day.month, day.day) in CLOSED:
            day += timedelta(days=1)
            continue
        years = (day - START).days / 365.25
        growth = 1.0 + 0.055 * years
        season = SEASON[day.month]
        dow = DOW[day.weekday()]
        special = 1.0
        if day.month == 11 and day.weekday() == 4 and 22 <= day.day <= 28:
            special = 2.6  # Black Friday
        elif day.month == 11 and day.weekday() == 5 and 23 <= day.day <= 29:
            special = 1.5
        elif day == date(2026, 7, 2):
            special = 2.2  # post-Canada Day clearance
        elif day == date(2025, 5, 17):
            special = 1.8  # Victoria Day long weekend
        if day >= date(2026, 10, 1) and day <= date(2026, 10, 31):
            special *= 0.90  # soft October 2026 on top of the Laval flood
        bw = brand_weights(day)
        combos, weights = [], []
        for dept, (share, _, _) in DEPARTMENTS.items():
            ds = share * (GARDEN[day.month] if dept == "Garden" else 1.0)
            for brand, b in bw.items():
                for tier, (tw, _) in TIERS.items():
                    combos.append((dept, brand, tier))
                    weights.append(ds * b * tw)
        # the small stores close their garden centres from December to February
        no_garden = [0.0 if c[0] == "Garden" else w for c, w in zip(combos, weights, strict=False)]
        for store, (province, base) in STORES.items():
            sf = store_factor(store, day)
            wts = no_garden if store in SMALL_STORES and day.month in (12, 1, 2) else weights
            if sf <= 0:
                continue
            pf = 1.0
            if province == "Alberta":
                pf = 1.0 + 0.08 * years  # Alberta grows faster
            if province == "Quebec" and day.month in (1, 2) and day.year == 2025:
                pf = 0.8  # ice storms early 2025
            total = base * growth * season * dow * special * sf * pf * math.exp(rng.gauss(0, 0.12))
            k = rng.choice((2, 2, 2, 3, 3)) + (1 if special > 1.4 else 0)
            chosen = set()
            while len(chosen) < k:
                chosen.add(rng.choices(range(len(combos)), wts)[0])
            big_order = store == "Red Deer" and day == date(2026, 11, 12)
            if big_order:  # the huge contractor order lands in Lumber
                chosen.add(combos.index(("Lumber", "Craftsman", "None")))
            chosen = sorted(chosen)
            wsum = sum(wts[i] for i in chosen)
            for i in chosen:
                dept, brand, tier = combos[i]
                _, price, cshare = DEPARTMENTS[dept]
                net = total * wts[i] / wsum
                if province == "Alberta":
                    cshare *= 1.2 + 0.15 * years
                contractor = net * min(0.9, cshare * math.exp(rng.gauss(0, 0.2)))
                units = max(1, round(net / (price * math.exp(rng.gauss(0, 0.1)))))
                basket = TIERS[tier][1] * (1.3 if dept == "Lumber" else 1.0)
                transactions = max(1, round(net / (basket * math.exp(rng.gauss(0, 0.1)))))
                rate = 0.03 * (2.0 if day.month == 1 else 1.0)
                if dept == "Paint" and brand == "Best" and date(2026, 8, 3) <= day <= date(2026, 8, 30):
                    rate = 0.30  # bad batch of Best paint: recall returns
                returns = net * rate * math.exp(rng.gauss(0, 0.35))
                if big_order and combos[i] == ("Lumber", "Craftsman", "None"):
                    net += 185000.0  # one huge contractor order: one transaction, a lot of lumber
                    contractor += 185000.0
                    units += 3100
                    transactions += 1
                rentals = 0
                if dept == "Tools":
                    rentals = max(0, round(net / 450 * math.exp(rng.gauss(0, 0.25))))
                rows.append([day.isoformat(), province, store, dept, brand, tier,
                             f"{net:.2f}", units, transactions, f"{returns:.2f}", f"{contractor:.2f}", rentals])
        day += timedelta(days=1)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


if __name__ == "__main__":
    print(write(sys.argv[1]))
