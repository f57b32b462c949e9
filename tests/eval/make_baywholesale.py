#!/usr/bin/env python3
"""Bay Wholesale Foods: a made-up B2B food-service wholesaler (USD), one row per invoice line.

Deterministic (seeded), standard library only.

    python3 make_baywholesale.py OUT.csv

Columns: date, customer (~2,500 restaurants / cafes), rep (20), region (6),
product_line (5); measures net_sales, cases, invoices, credits, delivery_fee.
2023-03-01 .. 2025-11-14 (the as-of date of the questions).

Shape built in:
- growth: more active accounts and ~10%/year more invoices;
- seasonality: summer peak (Jun-Aug), December bump, January low;
  no deliveries on Sundays, Saturdays light, holidays closed;
- dip 1: North Bay storms, 2024-01-08 .. 2024-01-28 (60% of North Bay invoices lost);
- dip 2: Produce supply shortage, February 2025 (fewer, smaller Produce lines, many credits);
- spike: a new arena concessions account in the East Bay from 2025-11-03
  (big Frozen / Paper / Dry Goods orders every delivery day);
- rep change: Dana Whitfield (North Bay) leaves after 2024-08-31; her accounts go to Tom Becker.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251114
START = date(2023, 3, 1)
END = date(2025, 11, 14)

REGIONS = {  # region: (share of accounts, delivery fee)
    "San Francisco": (0.26, 20.0),
    "East Bay": (0.22, 22.0),
    "South Bay": (0.16, 25.0),
    "Peninsula": (0.14, 22.0),
    "North Bay": (0.12, 30.0),
    "Sacramento": (0.10, 35.0),
}
REPS = {
    "San Francisco": ["Mike Chen", "Priya Raman", "Carlos Mendes", "Hannah Brooks"],
    "East Bay": ["Mike Alvarez", "Jasmine Ford", "Owen Park", "Leticia Vargas"],
    "South Bay": ["Ravi Kapoor", "Erin Walsh", "Marcus Bell"],
    "Peninsula": ["Sofia Russo", "Derek Nguyen", "Amara Okafor"],
    "North Bay": ["Dana Whitfield", "Tom Becker", "Kelsey Moran"],
    "Sacramento": ["Victor Salas", "Brianna Cole", "Nate Holloway"],
}
DANA_LEAVES = date(2024, 9, 1)
PRODUCT_LINES = ["Produce", "Dairy", "Dry Goods", "Frozen", "Paper"]
CASE_PRICE = {"Produce": 31.0, "Dairy": 42.0, "Dry Goods": 47.0, "Frozen": 58.0, "Paper": 36.0}
LINE_BASE = {"Produce": 260.0, "Dairy": 230.0, "Dry Goods": 300.0, "Frozen": 340.0, "Paper": 170.0}
SEASON = {1: 0.84, 2: 0.89, 3: 0.95, 4: 1.0, 5: 1.05, 6: 1.12, 7: 1.16, 8: 1.13, 9: 1.02, 10: 0.99, 11: 1.0, 12: 1.09}
DOW = [1.12, 1.0, 1.0, 1.02, 1.08, 0.55, 0.0]  # Mon .. Sun
BASE_INVOICES = 13.6

SPECIAL = [  # name, region, kind, frequency weight, size
    ("The Corner", "San Francisco", "cafe", 22.0, 1.0),
    ("Best Burger Co", "East Bay", "burger", 30.0, 1.4),
    ("Top Thai", "South Bay", "asian", 26.0, 1.2),
    ("Last Call Bar", "San Francisco", "bar", 18.0, 0.9),
    ("All Day Cafe", "Peninsula", "cafe", 14.0, 0.8),
    ("Next Door Deli", "Sacramento", "deli", 14.0, 0.9),
]
ARENA = ("Lakeview Arena Concessions", "East Bay")
ARENA_START = date(2025, 11, 3)

ADJ = ["Golden", "Lucky", "Red", "Green", "Silver", "Happy", "Little", "Sunny", "Urban", "Rustic", "Copper",
       "Iron", "Olive", "Salt", "Smoke", "Sweet", "Spicy", "Hungry", "Royal", "Wild", "Old Town", "Harbor",
       "Mission", "Hilltop", "Lotus", "Jade", "Saffron", "Ember", "Maple", "Cedar", "Juniper", "Fig", "Basil",
       "Pepper", "Honey", "Citrus", "Sesame", "Ginger", "Tamarind", "Mango", "Coconut", "Sage", "Rosemary",
       "Cobalt", "Amber", "Crimson", "Velvet", "Lantern", "Anchor", "Pioneer"]
FOOD = {"Noodle": "asian", "Taco": "mexican", "Burger": "burger", "Pho": "asian", "Ramen": "asian",
        "Pizza": "italian", "Curry": "asian", "Dumpling": "asian", "Bagel": "cafe", "Waffle": "cafe",
        "Crepe": "cafe", "Falafel": "deli", "Kebab": "deli", "Sushi": "asian", "Bao": "asian", "Poke": "asian",
        "Biscuit": "cafe", "Donut": "cafe", "Pasta": "italian", "Tea": "cafe", "Coffee": "cafe",
        "Bean": "cafe", "Bread": "cafe", "Bowl": "asian", "Wing": "burger", "Chicken": "burger",
        "Oyster": "bar", "Tortilla": "mexican"}
TYPES = {"Cafe": None, "Kitchen": None, "House": None, "Bistro": None, "Grill": None, "Diner": None,
         "Eatery": None, "Deli": "deli", "Bar": "bar", "Taqueria": "mexican", "Cantina": "mexican",
         "Trattoria": "italian", "Bakery": "cafe", "Co": None, "Shop": None, "Spot": None, "Express": None,
         "Lounge": "bar", "Tavern": "bar", "Canteen": None, "Pub": "bar", "Creamery": "cafe"}
OWNERS = ["Nico", "Rosa", "Benny", "Lupe", "Sal", "Yuki", "Omar", "Gus", "Tia", "Marco", "Ines", "Kenji",
          "Fatima", "Bruno", "Ana", "Teddy", "Mei", "Paco", "Dimitri", "Luz", "Ahmed", "Giulia", "Hiro",
          "Esme", "Wes", "Pilar", "Arturo", "Noor", "Ollie", "Lena"]
STREETS = ["Valencia", "Fillmore", "Telegraph", "College", "Castro", "Irving", "Clement", "Grand", "Lakeshore",
           "Shattuck", "Alameda", "Santa Cruz", "El Camino", "Castro Street", "Main Street", "Broadway",
           "Folsom", "Divisadero", "Solano", "Park"]
MIX = {  # kind: weights over PRODUCT_LINES
    "cafe": [1.0, 3.2, 2.2, 0.8, 2.4],
    "burger": [2.0, 1.4, 1.4, 3.4, 2.4],
    "asian": [3.4, 0.7, 3.0, 1.6, 1.4],
    "mexican": [3.6, 1.6, 2.2, 1.2, 1.6],
    "italian": [2.6, 2.6, 3.0, 1.4, 1.0],
    "deli": [2.4, 2.2, 2.2, 1.2, 2.0],
    "bar": [1.6, 0.8, 1.6, 2.6, 2.4],
    "other": [2.4, 1.8, 2.2, 1.8, 1.6],
}
N_CUSTOMERS = 2540


def _names(rng: random.Random) -> list[tuple[str, str]]:
    """~2,500 distinct business names with the kind of kitchen each is."""
    seen = {s[0] for s in SPECIAL} | {ARENA[0]}
    out = []
    foods, types = list(FOOD), list(TYPES)
    while len(out) < N_CUSTOMERS:
        r = rng.random()
        if r < 0.55:
            food, typ = rng.choice(foods), rng.choice(types)
            name = f"{rng.choice(ADJ)} {food} {typ}"
            kind = TYPES[typ] or FOOD[food]
        elif r < 0.75:
            typ = rng.choice(types)
            name = f"{rng.choice(OWNERS)}'s {rng.choice(foods)} {typ}" if rng.random() < 0.5 else \
                f"{rng.choice(OWNERS)}'s {typ}"
            kind = TYPES[typ] or "other"
        elif r < 0.9:
            typ = rng.choice(types)
            name = f"{rng.choice(STREETS)} {typ}"
            if rng.random() < 0.6:
                food = rng.choice(foods)
                name = f"{rng.choice(STREETS)} {food} {typ}"
                kind = TYPES[typ] or FOOD[food]
            else:
                kind = TYPES[typ] or "other"
        else:
            food = rng.choice(foods)
            name = f"The {rng.choice(ADJ)} {food}"
            kind = FOOD[food]
        if name in seen:
            continue
        seen.add(name)
        out.append((name, kind))
    return out


def _customers(rng: random.Random) -> list[dict]:
    span = (END - START).days
    regions = list(REGIONS)
    shares = [REGIONS[r][0] for r in regions]
    custs = []
    for name, region, kind, freq, size in SPECIAL:
        custs.append(dict(name=name, region=region, rep=rng.choice(REPS[region]), kind=kind, freq=freq,
                          size=size, start=START, stop=END + timedelta(days=1)))
    for name, kind in _names(rng):
        region = rng.choices(regions, shares)[0]
        # half the accounts from the start; later ones more often as the business grows
        start = START if rng.random() < 0.5 else START + timedelta(days=int(span * math.sqrt(rng.random())))
        stop = END + timedelta(days=1)
        if rng.random() < 0.18:
            stop = start + timedelta(days=rng.randint(60, 700))
        custs.append(dict(name=name, region=region, rep=rng.choice(REPS[region]), kind=kind,
                          freq=rng.lognormvariate(0.0, 1.05), size=rng.lognormvariate(0.0, 0.45),
                          start=start, stop=stop))
    return custs


def _month_starts():
    d = START.replace(day=1)
    while d <= END:
        yield d
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _closed(d: date) -> bool:
    if d.weekday() == 6:
        return True
    if (d.month, d.day) in ((1, 1), (12, 25), (7, 4)):
        return True
    return d.month == 11 and d.weekday() == 3 and 22 <= d.day <= 28  # Thanksgiving


def _poisson(rng: random.Random, lam: float) -> int:
    # normal approximation is plenty for lam ~ 10-30
    return max(0, round(rng.gauss(lam, math.sqrt(lam))))


def write(path) -> Path:
    rng = random.Random(SEED)
    custs = _customers(rng)
    path = Path(path)
    rows = []
    monthly = {}
    for m in _month_starts():
        active = [c for c in custs if c["start"] <= m + timedelta(days=27) and c["stop"] > m]
        cum, acc = [], 0.0
        for c in active:
            acc += c["freq"]
            cum.append(acc)
        monthly[(m.year, m.month)] = (active, cum)
    # every account gets at least one invoice: one on a random open day of its active span
    first = {}
    for c in custs:
        lo, hi = max(c["start"], START), min(c["stop"] - timedelta(days=1), END)
        while True:
            day = lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))
            if not _closed(day):
                break
        first.setdefault(day, []).append(c)
    d = START
    while d <= END:
        if _closed(d):
            d += timedelta(days=1)
            continue
        years = (d - START).days / 365.25
        lam = BASE_INVOICES * SEASON[d.month] * (1 + 0.10 * years) * DOW[d.weekday()]
        if d.month == 12 and 20 <= d.day <= 31:
            lam *= 1.15
        active, cum = monthly[(d.year, d.month)]
        picks = rng.choices(active, cum_weights=cum, k=_poisson(rng, lam))
        invoices = [c for c in picks if c["start"] <= d < c["stop"]] + first.get(d, [])
        if d >= ARENA_START:
            invoices.append(dict(name=ARENA[0], region=ARENA[1], rep="Owen Park", kind="arena", size=1.0))
        for c in invoices:
            region = c["region"]
            if region == "North Bay" and date(2024, 1, 8) <= d <= date(2024, 1, 28) and rng.random() < 0.6:
                continue  # storm: no delivery
            rep = c["rep"]
            if rep == "Dana Whitfield" and d >= DANA_LEAVES:
                rep = "Tom Becker"
            if c["kind"] == "arena":
                lines = ["Frozen", "Frozen", "Paper", "Dry Goods", "Paper"]
                size = 5.0
            else:
                n = rng.choices([1, 2, 3, 4], [0.34, 0.36, 0.2, 0.1])[0]
                lines = rng.choices(PRODUCT_LINES, MIX[c["kind"]], k=n)
                size = c["size"]
            shortage = date(2025, 2, 1) <= d <= date(2025, 2, 28)
            out = []
            for pl in lines:
                if pl == "Produce" and shortage and rng.random() < 0.4:
                    continue
                amount = LINE_BASE[pl] * size * rng.uniform(0.45, 1.65)
                if pl == "Produce":
                    amount *= 1.0 + 0.12 * math.sin((d.month - 4) / 12 * 2 * math.pi)
                    if shortage:
                        amount *= 0.55
                price = CASE_PRICE[pl] * (1 + 0.04 * years) * rng.uniform(0.92, 1.08)
                cases = max(1, round(amount / price))
                net = round(cases * price, 2)
                p_credit = 0.08 if pl == "Produce" else 0.035
                if pl == "Produce" and shortage:
                    p_credit = 0.25
                credit = round(net * rng.uniform(0.05, 0.3), 2) if rng.random() < p_credit else 0.0
                out.append([pl, net, cases, credit])
            if not out:
                continue
            total = sum(o[1] for o in out)
            fee = 0.0 if total >= 650 or c["kind"] == "arena" else REGIONS[region][1]
            for i, (pl, net, cases, credit) in enumerate(out):
                rows.append([d.isoformat(), c["name"], rep, region, pl, f"{net:.2f}", cases,
                             1 if i == 0 else 0, f"{credit:.2f}", f"{fee if i == 0 else 0.0:.2f}"])
        d += timedelta(days=1)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "customer", "rep", "region", "product_line", "net_sales", "cases", "invoices",
                    "credits", "delivery_fee"])
        w.writerows(rows)
    return path


if __name__ == "__main__":
    out = write(sys.argv[1] if len(sys.argv) > 1 else "baywholesale.csv")
    print(out)
