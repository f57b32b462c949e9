#!/usr/bin/env python3
"""PartsDepot, a made-up auto-parts distributor (USD): daily facts, 2023-04-01 to 2025-11-30.

usage: python3 make_partsdepot.py [OUT.csv]     (default: partsdepot.csv beside this file)

Deterministic (fixed seed, standard library only). Each day lists only some
(sku, branch, customer_type) combinations: the ones that sold that day.

- dimensions: sku (~900 part names), category (12), branch (10 towns, several
  that are ordinary words: Hope, Liberty, Independence, Mobile, Florence),
  customer_type (Garage, Fleet, Retail Walk-In, Online; Online starts 2024-03-01)
- measures: revenue, cost, units, orders, returns (units returned)
- events: batteries x2.2 in January 2025 (cold snap); a Fleet contract at Liberty
  from 2024-10-01 (Fleet there x2.5); Mobile closed 2025-09-08..14 by a hurricane
  and at 40% the week after; brake-pad returns x8 in August 2025 (a recall);
  supplier costs +6% from 2025-03-01; Online x3 in Cyber Week 2025-11-24..30.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251130
START, END = date(2023, 4, 1), date(2025, 11, 30)
HEADER = ["date", "sku", "category", "branch", "customer_type", "revenue", "cost", "units", "orders", "returns"]

MODELS = ["F150", "Silverado", "Camry", "Civic", "Accord", "Corolla", "RAM 1500", "Tacoma", "Altima", "CR-V",
          "Escape", "Explorer", "Malibu", "Wrangler", "Outback", "Jetta", "Elantra", "Sonata", "Rogue", "Tundra",
          "Sierra", "Odyssey", "Pilot", "Equinox", "Transit", "Sprinter", "Impala", "Focus", "Fusion", "Highlander",
          "Grand Cherokee", "Tahoe", "Prius", "Mustang"]

# category: (weight, cost ratio, units a row, return rate, list of (name, list price))
def _catalogue() -> dict:
    rng = random.Random(7)
    cats: dict = {}

    def add(cat, name, lo, hi):
        cats.setdefault(cat, []).append((name, round(rng.uniform(lo, hi), 2)))

    for m in MODELS:
        add("Brakes", f"Brake Pad Set {m}", 42, 89)
        add("Brakes", f"Brake Rotor {m}", 58, 125)
        add("Brakes", f"Brake Caliper {m}", 85, 185)
    for n in range(10, 90, 2):
        add("Filters", f"Oil Filter OF-{n}", 6, 14)
    for n in range(300, 360, 3):
        add("Filters", f"Air Filter AF-{n}", 14, 32)
    for n in range(110, 140, 2):
        add("Filters", f"Cabin Filter CF-{n}", 15, 30)
    for n in range(40, 52):
        add("Filters", f"Fuel Filter FF-{n}", 18, 45)
    for kind in ("Iridium", "Platinum", "Copper", "Double Platinum", "Iridium Long Life"):
        add("Ignition", f"Spark Plug {kind}", 4, 14)
    for m in MODELS:
        add("Ignition", f"Ignition Coil {m}", 38, 95)
        add("Ignition", f"Plug Wire Set {m}", 28, 70)
    for size in range(14, 29):
        add("Wipers", f"Wiper Blade {size}in", 11, 19)
        add("Wipers", f"Beam Wiper {size}in", 19, 31)
        add("Wipers", f"Winter Wiper {size}in", 21, 34)
    for size in (10, 11, 12, 13, 14, 16):
        add("Wipers", f"Rear Wiper {size}in", 9, 16)
    add("Wipers", "Washer Fluid 1gal", 3, 5)
    add("Wipers", "De-Icer Washer Fluid 1gal", 4, 7)
    for b in ("H11", "H7", "H4", "9005", "9006", "H13", "9007", "H1", "H3", "880"):
        add("Lighting", f"Headlight Bulb {b}", 12, 28)
        add("Lighting", f"LED Headlight {b}", 45, 95)
    for b in ("3157", "7443", "1156", "194", "2057", "921", "1157", "168"):
        add("Lighting", f"Mini Bulb {b}", 5, 11)
    for m in MODELS[:12]:
        add("Lighting", f"Headlight Assembly {m}", 120, 320)
        add("Lighting", f"Tail Light Assembly {m}", 80, 210)
    for g in ("24F", "35", "65", "H6", "H7", "H8", "51R", "34", "78", "48", "94R", "47", "75", "26R", "58"):
        add("Batteries", f"Battery Group {g}", 120, 210)
        add("Batteries", f"AGM Battery Group {g}", 190, 290)
    for x in ("Jump Starter 1000A", "Battery Charger 10A", "Battery Terminal Kit", "Battery Tender 1.25A"):
        add("Batteries", x, 12, 140)
    for m in MODELS:
        add("Suspension", f"Front Strut {m}", 110, 260)
        add("Suspension", f"Rear Shock {m}", 45, 140)
        add("Suspension", f"Control Arm {m}", 60, 170)
    for m in MODELS:
        add("Cooling", f"Radiator {m}", 140, 360)
        add("Cooling", f"Water Pump {m}", 40, 125)
        add("Cooling", f"Thermostat {m}", 12, 34)
    for x in ("Coolant 50/50 1gal", "Coolant Concentrate 1gal", "Radiator Cap", "Coolant Flush"):
        add("Cooling", x, 8, 26)
    for visc in ("0W-20", "5W-20", "5W-30", "10W-30", "0W-16", "5W-40", "15W-40", "10W-40"):
        add("Engine Oil", f"Motor Oil {visc} 5qt", 24, 46)
        add("Engine Oil", f"Synthetic Oil {visc} 5qt", 32, 58)
        add("Engine Oil", f"Motor Oil {visc} 1qt", 6, 11)
    for n in ("Diesel Oil 15W-40 1gal", "ATF Multi-Vehicle 1qt", "Gear Oil 75W-90 1qt", "Power Steering Fluid",
              "Brake Fluid DOT3", "Brake Fluid DOT4"):
        add("Engine Oil", n, 7, 30)
    for n in range(55, 105, 1):
        add("Belts & Hoses", f"Serpentine Belt K0{n}0", 18, 55)
    for m in MODELS[:20]:
        add("Belts & Hoses", f"Upper Radiator Hose {m}", 14, 42)
        add("Belts & Hoses", f"Timing Belt Kit {m}", 90, 240)
    for m in MODELS[:20]:
        add("Exhaust", f"Muffler {m}", 60, 180)
        add("Exhaust", f"Catalytic Converter {m}", 280, 900)
        add("Exhaust", f"O2 Sensor {m}", 35, 95)
    for m in MODELS:
        add("Electrical", f"Alternator {m}", 150, 330)
        add("Electrical", f"Starter {m}", 120, 280)
    for x in ("Fuse Kit", "Relay 12V", "Battery Cable 4ga", "Terminal Crimp Set", "Wire Loom 10ft", "Horn 12V"):
        add("Electrical", x, 4, 40)
    return cats


CATALOGUE = _catalogue()
# category: (row weight, cost ratio, mean units a row, return rate)
CATEGORY = {
    "Brakes": (1.3, 0.58, 4.0, 0.030), "Filters": (1.4, 0.52, 9.0, 0.010), "Ignition": (0.8, 0.55, 6.0, 0.020),
    "Wipers": (0.9, 0.50, 5.0, 0.015), "Lighting": (0.7, 0.54, 4.0, 0.025), "Batteries": (0.8, 0.66, 2.5, 0.030),
    "Suspension": (0.6, 0.60, 2.5, 0.035), "Cooling": (0.6, 0.59, 2.5, 0.030), "Engine Oil": (1.2, 0.62, 10.0, 0.005),
    "Belts & Hoses": (0.6, 0.55, 3.0, 0.020), "Exhaust": (0.4, 0.63, 1.6, 0.040), "Electrical": (0.5, 0.61, 2.0, 0.050),
}
# branch: (weight, growth a year)
BRANCHES = {"Hope": (0.7, 0.03), "Liberty": (1.2, 0.08), "Independence": (1.1, 0.06), "Mobile": (1.0, 0.05),
            "Florence": (0.8, 0.04), "Jackson": (1.4, 0.07), "Auburn": (0.6, 0.02), "Salem": (0.9, 0.10),
            "Springfield": (1.3, 0.05), "Fairview": (0.5, -0.04)}
# customer type: (weight, price factor, units factor, units an order)
CUSTOMERS = {"Garage": (1.0, 0.85, 1.6, 2.5), "Fleet": (0.35, 0.78, 3.0, 6.0),
             "Retail Walk-In": (0.9, 1.00, 0.7, 1.4), "Online": (0.35, 0.92, 0.8, 1.7)}
ONLINE_START = date(2024, 3, 1)
STAR_SKUS = {"Brake Pad Set F150": 25.0, "Oil Filter OF-22": 30.0, "Spark Plug Iridium": 30.0, "Wiper Blade 22in": 15.0,
             "Battery Group 65": 12.0, "Motor Oil 5W-30 5qt": 20.0}  # best sellers
ROWS_PER_DAY = 1.05  # times the summed combination weights (~30)


def season(cat: str, day: date) -> float:
    m = day.month
    if cat == "Batteries":
        f = {12: 1.5, 1: 1.7, 2: 1.5, 7: 1.15, 8: 1.15}.get(m, 0.85)
        if day.year == 2025 and m == 1:
            f *= 2.2  # cold snap
        return f
    if cat == "Wipers":
        return {3: 1.3, 4: 1.4, 10: 1.5, 11: 1.6, 12: 1.2, 6: 0.7, 7: 0.6, 8: 0.7}.get(m, 1.0)
    if cat == "Cooling":
        return {5: 1.3, 6: 1.7, 7: 1.9, 8: 1.7, 12: 0.6, 1: 0.6, 2: 0.7}.get(m, 1.0)
    if cat == "Lighting":
        return {11: 1.3, 12: 1.4, 1: 1.3, 6: 0.8, 7: 0.8}.get(m, 1.0)
    if cat == "Brakes":
        return {4: 1.15, 5: 1.15, 12: 0.85}.get(m, 1.0)
    return {12: 0.9, 5: 1.1, 6: 1.05}.get(m, 1.0)


def day_factor(day: date) -> float:
    f = (0.35, 1.0, 1.0, 1.0, 1.05, 1.1, 0.8)[(day.weekday() + 1) % 7]  # Sunday first
    if (day.month, day.day) in ((12, 25), (1, 1), (7, 4)):
        f *= 0.15
    return f


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
    sku_pop = {cat: [rng.paretovariate(1.4) * (STAR_SKUS.get(name, 1.0)) for name, _ in items]
               for cat, items in CATALOGUE.items()}
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        combos, weights = [], []
        for b, (wb, gb) in BRANCHES.items():
            bf = (1 + gb) ** years
            if b == "Mobile" and date(2025, 9, 8) <= day <= date(2025, 9, 14):
                continue  # hurricane: closed
            if b == "Mobile" and date(2025, 9, 15) <= day <= date(2025, 9, 21):
                bf *= 0.4
            for c, (wc, _, _, _) in CUSTOMERS.items():
                if c == "Online" and day < ONLINE_START:
                    continue
                cf = wc
                if c == "Online":
                    cf *= 1 + 0.9 * (day - ONLINE_START).days / 365.25  # ramping up
                    if date(2025, 11, 24) <= day <= date(2025, 11, 30):
                        cf *= 3.0
                if c == "Fleet" and b == "Liberty" and day >= date(2024, 10, 1):
                    cf *= 2.5
                if c == "Retail Walk-In" and day.weekday() >= 5:
                    cf *= 1.6
                for cat, (wcat, _, _, _) in CATEGORY.items():
                    combos.append((b, c, cat))
                    weights.append(wb * bf * cf * wcat * season(cat, day))
        n = poisson(rng, ROWS_PER_DAY * sum(weights) * day_factor(day) / 12)
        picked = rng.choices(combos, weights=weights, k=n) if n else []
        cells: dict = {}
        for b, c, cat in picked:
            items = CATALOGUE[cat]
            i = rng.choices(range(len(items)), weights=sku_pop[cat], k=1)[0]
            key = (items[i][0], cat, b, c)
            _, ratio, mean_units, ret_rate = CATEGORY[cat]
            _, price_f, units_f, per_order = CUSTOMERS[c]
            units = 1 + poisson(rng, mean_units * units_f)
            orders = max(1, min(units, round(units / per_order * rng.uniform(0.7, 1.3))))
            price = items[i][1] * price_f * rng.uniform(0.95, 1.05) * (1.03 if day >= date(2025, 3, 1) else 1.0)
            revenue = units * price
            cost_ratio = ratio * (1.06 if day >= date(2025, 3, 1) else 1.0)
            cost = units * items[i][1] * cost_ratio * rng.uniform(0.97, 1.03)
            rr = ret_rate * (8.0 if cat == "Brakes" and items[i][0].startswith("Brake Pad") and day.year == 2025
                             and day.month == 8 else 1.0)
            returns = sum(1 for _ in range(units) if rng.random() < rr)
            acc = cells.setdefault(key, [0.0, 0.0, 0, 0, 0])
            acc[0] += revenue
            acc[1] += cost
            acc[2] += units
            acc[3] += orders
            acc[4] += returns
        for (sku, cat, b, c), (rev, cost, units, orders, ret) in sorted(cells.items()):
            yield [day.isoformat(), sku, cat, b, c, f"{rev:.2f}", f"{cost:.2f}", units, orders, ret]
        day += timedelta(days=1)


def write(path=None) -> Path:
    out = Path(path) if path else Path(__file__).with_name("partsdepot.csv")
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    p = write(sys.argv[1] if len(sys.argv) > 1 else None)
    with p.open() as fh:
        n = sum(1 for _ in fh) - 1
    print(f"{p}: {n} rows, {START}..{END}, {sum(len(v) for v in CATALOGUE.values())} skus")
