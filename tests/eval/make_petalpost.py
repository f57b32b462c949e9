#!/usr/bin/env python3
"""PetalPost, a made-up Danish florist chain with online ordering and delivery (amounts in DKK).

usage: python3 make_petalpost.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, shop,
bouquet, occasion and delivery option that had at least one order,
2024-01-01 to 2026-11-30.

- dimensions: shop (8 shops; Roskilde opens 2025-04-01), bouquet (15 bouquets,
  some seasonal: Tulip Time Jan-Apr, Midsummer Jun-Aug, Autumn Glow Sep-Nov,
  Hygge Nov-Feb from 2024-11; Max launched 2025-03-01; Pink Dream discontinued
  after 2025-08-31), occasion (Birthday, Sympathy, Anniversary, Just Because,
  Thank You), delivery (Same Day, Next Day, Pickup)
- measures: order_value (DKK, flowers and add-ons, excl. delivery), orders,
  bouquets_sold, delivery_fees (DKK), refunds (DKK), stems_used
- seasonality: Valentine's Day (Feb 10-14, peak on the 14th), Danish Mother's
  Day (second Sunday of May and the two days before), December high, July low;
  Fridays and Saturdays strong, Sundays quiet
- events: courier outage 2026-03-09..2026-03-29 cuts Same Day orders to a
  tenth (half of the lost orders move to Next Day, the rest are lost); cooler breakdown in Odense
  2026-08-03..2026-08-16 makes refunds jump; Frederiksberg shrinks ~15% a
  year, Koebenhavn Nord grows ~25% a year
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 1, 1), date(2026, 11, 30)
HEADER = ["date", "shop", "bouquet", "occasion", "delivery",
          "order_value", "orders", "bouquets_sold", "delivery_fees", "refunds", "stems_used"]

# shop: (weight, growth a year, opening date)
SHOPS = {
    "København Nord": (1.30, 0.25, None),
    "København Syd": (1.10, 0.10, None),
    "Frederiksberg": (1.00, -0.15, None),
    "Århus C": (1.10, 0.12, None),
    "Odense": (0.80, 0.08, None),
    "Aalborg": (0.60, 0.10, None),
    "Roskilde": (0.50, 0.20, date(2025, 4, 1)),
    "Esbjerg": (0.45, 0.05, None),
}
# bouquet: (price DKK, stems, weight)
BOUQUETS = {
    "Classic Red": (449.0, 12, 1.0),
    "Spring Mix": (349.0, 15, 0.9),
    "Hello Sunshine": (299.0, 11, 1.0),
    "Max": (799.0, 40, 0.35),
    "Petite": (199.0, 7, 0.9),
    "Forever": (649.0, 9, 0.3),
    "Pure White": (499.0, 18, 0.5),
    "Wild Meadow": (379.0, 20, 0.7),
    "Anniversary": (599.0, 24, 0.4),
    "Midsummer": (329.0, 16, 0.9),
    "Autumn Glow": (359.0, 17, 0.9),
    "Hygge": (399.0, 14, 0.9),
    "Pink Dream": (429.0, 16, 0.5),
    "Tulip Time": (249.0, 20, 1.0),
    "Lily Grace": (459.0, 10, 0.5),
}
OCCASIONS = {"Birthday": 0.35, "Sympathy": 0.13, "Anniversary": 0.15, "Just Because": 0.22, "Thank You": 0.15}
FEES = {"Same Day": 119.0, "Next Day": 69.0, "Pickup": 0.0}
MONTH = {1: 0.8, 2: 1.05, 3: 1.0, 4: 1.05, 5: 1.1, 6: 1.05, 7: 0.72, 8: 0.85, 9: 0.95, 10: 1.0, 11: 1.05, 12: 1.25}
WEEKDAY = [0.85, 0.95, 1.0, 1.05, 1.3, 1.2, 0.6]
BASE_ORDERS = 24.0  # chain-wide orders a day at the start, before seasonality


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 60:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def mothers_day(year: int) -> date:
    first = date(year, 5, 1)
    first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + timedelta(days=7)


def day_factor(day: date) -> float:
    f = MONTH[day.month] * WEEKDAY[day.weekday()]
    if day.month == 2 and 10 <= day.day <= 14:
        f = MONTH[2] * {10: 1.5, 11: 1.7, 12: 2.2, 13: 3.8, 14: 7.0}[day.day]
    md = mothers_day(day.year)
    if day == md:
        f = 4.0
    elif md - timedelta(days=2) <= day < md:
        f = 2.6
    if day.month == 12 and 18 <= day.day <= 23:
        f *= 1.5
    if day.month == 12 and day.day in (25, 26):
        f *= 0.05
    return f


def available(bouquet: str, day: date) -> bool:
    m = day.month
    if bouquet == "Tulip Time":
        return m <= 4
    if bouquet == "Midsummer":
        return 6 <= m <= 8
    if bouquet == "Autumn Glow":
        return 9 <= m <= 11
    if bouquet == "Hygge":
        return day >= date(2024, 11, 1) and (m >= 11 or m <= 2)
    if bouquet == "Max":
        return day >= date(2025, 3, 1)
    if bouquet == "Pink Dream":
        return day <= date(2025, 8, 31)
    return True


def bouquet_weights(day: date, occasion: str) -> dict:
    out = {}
    valentine = day.month == 2 and 10 <= day.day <= 14
    md = mothers_day(day.year)
    mothers = md - timedelta(days=2) <= day <= md
    for b, (_, _, w) in BOUQUETS.items():
        if not available(b, day):
            continue
        if occasion == "Sympathy":
            w = {"Pure White": 6.0, "Lily Grace": 5.0, "Wild Meadow": 0.5}.get(b, 0.15)
        elif occasion == "Anniversary" and b in ("Anniversary", "Classic Red", "Forever"):
            w *= 3.0
        elif occasion == "Thank You" and b in ("Hello Sunshine", "Petite"):
            w *= 2.0
        if valentine:
            w *= {"Classic Red": 9.0, "Forever": 4.0, "Anniversary": 2.5, "Max": 2.0}.get(b, 0.6)
        if mothers:
            w *= {"Spring Mix": 5.0, "Hello Sunshine": 3.0, "Tulip Time": 2.0}.get(b, 0.7)
        if b == "Spring Mix" and 3 <= day.month <= 5:
            w *= 1.6
        out[b] = w
    return out


def pick(rng: random.Random, weights: dict) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def delivery_weights(day: date, years: float) -> dict:
    same = 0.38 + 0.05 * years
    nxt = 0.34
    pickup = 1.0 - same - nxt
    if day.month == 12 and day.day in (25, 26):
        pickup = 0.0
    if date(2026, 3, 9) <= day <= date(2026, 3, 29):  # courier outage
        lost = same * 0.9
        same -= lost
        nxt += lost * 0.5
    return {"Same Day": same, "Next Day": nxt, "Pickup": pickup}


def rows():
    rng = random.Random(SEED)
    day = START
    total_weight = sum(w for w, _, _ in SHOPS.values())
    while day <= END:
        years = (day - START).days / 365.25
        valentine = day.month == 2 and 10 <= day.day <= 14
        occ_w = dict(OCCASIONS)
        if valentine:
            occ_w = {"Birthday": 0.08, "Sympathy": 0.02, "Anniversary": 0.45, "Just Because": 0.4, "Thank You": 0.05}
        md = mothers_day(day.year)
        if md - timedelta(days=2) <= day <= md:
            occ_w = {"Birthday": 0.1, "Sympathy": 0.03, "Anniversary": 0.02, "Just Because": 0.45, "Thank You": 0.4}
        del_w = delivery_weights(day, years)
        cells: dict = {}
        for shop, (weight, growth, opened) in SHOPS.items():
            if opened and day < opened:
                continue
            lam = BASE_ORDERS * weight / total_weight * (1 + growth) ** years * day_factor(day)
            lam *= sum(del_w.values())  # below 1 when pickup is closed or Same Day is cut
            if opened:
                # a new shop ramps up over its first half year
                lam *= min(1.0, 0.4 + (day - opened).days / 365.25 * 1.2)
            for _ in range(poisson(rng, lam)):
                occasion = pick(rng, occ_w)
                bouquet = pick(rng, bouquet_weights(day, occasion))
                delivery = pick(rng, del_w)
                price, stems, _ = BOUQUETS[bouquet]
                qty = 1 if rng.random() < 0.9 else rng.choice((2, 2, 3))
                unit = price * (1.3 if valentine and bouquet == "Classic Red" and day.day >= 13 else 1.0)
                value = round(unit * qty * rng.uniform(0.95, 1.15), 2)
                fee = FEES[delivery]
                if valentine and delivery == "Same Day":
                    fee = 159.0
                refund_p = 0.03
                if shop == "Odense" and date(2026, 8, 3) <= day <= date(2026, 8, 16):
                    refund_p = 0.45  # cooler breakdown: wilted stock
                refund = round(value * rng.uniform(0.5, 1.0), 2) if rng.random() < refund_p else 0.0
                key = (shop, bouquet, occasion, delivery)
                c = cells.setdefault(key, [0.0, 0, 0, 0.0, 0.0, 0])
                c[0] += value
                c[1] += 1
                c[2] += qty
                c[3] += fee
                c[4] += refund
                c[5] += stems * qty
        for (shop, bouquet, occasion, delivery), c in cells.items():
            yield [day.isoformat(), shop, bouquet, occasion, delivery,
                   f"{c[0]:.2f}", c[1], c[2], f"{c[3]:.2f}", f"{c[4]:.2f}", c[5]]
        day += timedelta(days=1)


def write(path) -> pathlib.Path:
    out = pathlib.Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
