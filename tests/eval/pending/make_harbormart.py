#!/usr/bin/env python3
"""HarbourMart: a made-up Australian marine chandlery and boat-parts e-shop (AUD).

usage: python3 make_harbormart.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, warehouse,
category, customer type and carrier that shipped at least one order,
2024-01-01 to 2026-11-30.

- dimensions: warehouse (Fremantle, Gold Coast, Hobart), category (Rope, Paint,
  Engines, Safety, Electronics), customer_type (Marina, Trade, Retail,
  Government; Government starts 2024-07-01), carrier (Star Track, Auspost,
  Courier, Pickup)
- measures: orders, revenue (AUD), units_shipped, freight_cost (AUD),
  returns (orders returned), late_deliveries (orders delivered late)
- patterns: southern-hemisphere boating season (strong Nov-Feb, winter dip
  Jun-Aug, deeper in Hobart); Electronics grows ~60% a year, Gold Coast ~20%,
  the rest ~6%; Pickup fades while Courier grows; closed on Christmas Day;
  Boxing Day sales (Retail x4); a cyclone shuts Gold Coast 2025-03-06..09 and
  storm repairs lift Gold Coast Rope and Safety x2.5 for 2025-03-10..31;
  a Star Track strike in October 2025 (late deliveries x6, orders shift to
  Auspost); a bad Paint batch in February 2026 (Paint returns x5); a
  warehouse-system migration at Fremantle in August 2026 (orders x0.35);
  two Government tenders (2025-06-27 Fremantle Safety, 2026-06-26 Hobart
  Electronics).
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
HEADER = ["date", "warehouse", "category", "customer_type", "carrier",
          "orders", "revenue", "units_shipped", "freight_cost", "returns", "late_deliveries"]

WAREHOUSES = {"Fremantle": 0.40, "Gold Coast": 0.38, "Hobart": 0.22}
WAREHOUSE_GROWTH = {"Fremantle": 0.06, "Gold Coast": 0.20, "Hobart": 0.05}
# share of orders, price per order, units per order, freight per order, return rate
CATEGORIES = {
    "Rope": (0.25, 140.0, 4, 18.0, 0.012),
    "Paint": (0.22, 210.0, 3, 22.0, 0.03),
    "Engines": (0.09, 2600.0, 1, 95.0, 0.02),
    "Safety": (0.26, 260.0, 3, 15.0, 0.015),
    "Electronics": (0.18, 950.0, 2, 14.0, 0.05),
}
CATEGORY_GROWTH = {"Electronics": 0.60}
CUSTOMERS = {"Marina": (0.24, 1.4), "Trade": (0.34, 1.2), "Retail": (0.34, 0.8), "Government": (0.08, 2.0)}
GOVERNMENT_START = date(2024, 7, 1)
# share of orders at the start, change of share a year, freight multiplier, late rate
CARRIERS = {
    "Star Track": (0.36, 0.0, 1.0, 0.05),
    "Auspost": (0.34, 0.0, 0.8, 0.08),
    "Courier": (0.12, 0.05, 1.6, 0.025),
    "Pickup": (0.18, -0.05, 0.0, 0.0),
}
MONTH_SEASON = {1: 1.25, 2: 1.15, 3: 1.05, 4: 0.95, 5: 0.8, 6: 0.65, 7: 0.6, 8: 0.7, 9: 0.9, 10: 1.1,
                11: 1.2, 12: 1.3}
ORDERS_A_DAY = 30.0


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


def binomial(rng: random.Random, n: int, p: float) -> int:
    p = min(max(p, 0.0), 1.0)
    return sum(1 for _ in range(n) if rng.random() < p)


def carrier_share(carrier: str, years: float, day: date) -> float:
    share, drift, _, _ = CARRIERS[carrier]
    share = max(0.04, share + drift * years)
    if day.year == 2025 and day.month == 10:  # Star Track strike: volume moves to Auspost
        if carrier == "Star Track":
            share *= 0.6
        elif carrier == "Auspost":
            share *= 1.4
    return share


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        if day.month == 12 and day.day == 25:  # closed on Christmas Day
            day += timedelta(days=1)
            continue
        years = (day - START).days / 365.25
        season = MONTH_SEASON[day.month] * (0.45 if day.weekday() >= 5 else 1.0)
        for wh, w_share in WAREHOUSES.items():
            w_factor = w_share * (1 + WAREHOUSE_GROWTH[wh]) ** years
            if wh == "Hobart" and day.month in (6, 7, 8):
                w_factor *= 0.7  # Tasmanian winter
            if wh == "Gold Coast" and date(2025, 3, 6) <= day <= date(2025, 3, 9):
                w_factor *= 0.05  # cyclone: warehouse shut
            if wh == "Fremantle" and day.year == 2026 and day.month == 8:
                w_factor *= 0.35  # warehouse-system migration
            for cat, (c_share, price, units, freight, return_rate) in CATEGORIES.items():
                c_factor = c_share * (1 + CATEGORY_GROWTH.get(cat, 0.06)) ** years
                if wh == "Gold Coast" and cat in ("Rope", "Safety") and date(2025, 3, 10) <= day <= date(2025, 3, 31):
                    c_factor *= 2.5  # storm repairs
                for cust, (t_share, price_mult) in CUSTOMERS.items():
                    if cust == "Government" and day < GOVERNMENT_START:
                        continue
                    t_factor = t_share
                    if cust == "Retail" and day.month == 12 and day.day == 26:
                        t_factor *= 4.0  # Boxing Day sale
                    shares = {k: carrier_share(k, years, day) for k in CARRIERS}
                    if cust == "Government":
                        shares["Pickup"] *= 0.1
                    if cust == "Trade":
                        shares["Pickup"] *= 1.8
                    total_share = sum(shares.values())
                    for carrier, (_, _, freight_mult, late_rate) in CARRIERS.items():
                        lam = ORDERS_A_DAY * season * w_factor * c_factor * t_factor * shares[carrier] / total_share
                        orders = poisson(rng, lam)
                        tender = None
                        if day == date(2025, 6, 27) and (wh, cat, cust, carrier) == (
                                "Fremantle", "Safety", "Government", "Star Track"):
                            tender = (6, 385000.0, 2400)
                        if day == date(2026, 6, 26) and (wh, cat, cust, carrier) == (
                                "Hobart", "Electronics", "Government", "Courier"):
                            tender = (4, 462000.0, 310)
                        if not orders and not tender:
                            continue
                        revenue = sum(price * price_mult * rng.uniform(0.55, 1.45) for _ in range(orders))
                        units_shipped = sum(rng.randint(1, 2 * units - 1) for _ in range(orders))
                        freight_cost = sum(freight * freight_mult * (1.3 if wh == "Hobart" else 1.0)
                                           * rng.uniform(0.8, 1.2) for _ in range(orders))
                        if tender:
                            orders += tender[0]
                            revenue += tender[1]
                            units_shipped += tender[2]
                            freight_cost += tender[0] * 420.0 * freight_mult
                        r_rate = return_rate * (5.0 if cat == "Paint" and day.year == 2026 and day.month == 2 else 1.0)
                        returns = binomial(rng, orders, r_rate)
                        l_rate = late_rate * (1.5 if wh == "Hobart" else 1.0)
                        if carrier == "Star Track" and day.year == 2025 and day.month == 10:
                            l_rate *= 6.0  # strike
                        late = binomial(rng, orders, l_rate)
                        yield [day.isoformat(), wh, cat, cust, carrier, orders, f"{revenue:.2f}", units_shipped,
                               f"{freight_cost:.2f}", returns, late]
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
    write(sys.argv[1])
