#!/usr/bin/env python3
"""Voltaro, a made-up e-bike and scooter rental operator (currency EUR): daily facts with measures of its own.

usage: python3 make_voltaro.py [OUT.csv]      (default: voltaro.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, city, vehicle, rider plan and
acquisition channel with recorded activity, 2023-03-01 to 2025-11-30. Small segments are recorded as
occasional batches (a row on some days only), so totals are right on average and rows stay sparse;
every live city has at least one row a day.

- dimensions: city (Lisbon, Porto, Faro, Braga, Nice, Marseille, Lyon, Bordeaux), vehicle (E-Bike,
  Scooter, Cargo Bike, Moped), rider_plan (Pay As You Go, Day Pass, Monthly, Annual, Student),
  acquisition (Organic, Referral, Paid Social, Partner Hotels)
- measures: ride_revenue (EUR), rides, minutes_ridden, km, new_riders, damage_costs (EUR)
- launches: Braga 2024-04-01, Marseille 2024-09-01, Bordeaux 2025-03-01 (no scooters in Bordeaux;
  mopeds only in Lisbon, Porto, Nice, Marseille; cargo bikes only in Lisbon, Porto, Lyon, Bordeaux)
- events: app outage on 2024-06-12 (rides at 20% everywhere); Lyon student plan x2.5 in Sep-Oct 2024
  (university partnership) and x1.4 after; prices up 8% from 2025-01-01; Porto scooters suspended
  2025-02-03..2025-03-02 (5% of normal); Nice damage costs x5 in July 2025 (vandalism); Paid Social
  paused in August 2025 (its new riders at 15%); storm over Lisbon and Porto 2025-11-24..2025-11-30
  (rides at 35%)
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251130
START, END = date(2023, 3, 1), date(2025, 11, 30)
HEADER = ["date", "city", "vehicle", "rider_plan", "acquisition", "ride_revenue", "rides", "minutes_ridden",
          "km", "new_riders", "damage_costs"]
# rides a day at launch level, launch date, yearly growth, tourist (seasonality exponent)
CITIES = {
    "Lisbon": (300, date(2023, 3, 1), 0.10, 1.3),
    "Porto": (190, date(2023, 3, 1), 0.14, 1.1),
    "Faro": (90, date(2023, 3, 1), 0.12, 2.2),
    "Braga": (70, date(2024, 4, 1), 0.35, 0.9),
    "Nice": (210, date(2023, 3, 1), 0.09, 1.8),
    "Marseille": (200, date(2024, 9, 1), 0.25, 1.2),
    "Lyon": (240, date(2023, 3, 1), 0.18, 0.8),
    "Bordeaux": (150, date(2025, 3, 1), 0.30, 0.9),
}
VEHICLES = {  # share, minutes a ride, km a minute, EUR a minute (pay as you go), damage incidents a ride
    "E-Bike": (0.45, 16.0, 0.28, 0.25, 0.003),
    "Scooter": (0.40, 11.0, 0.22, 0.23, 0.006),
    "Cargo Bike": (0.06, 24.0, 0.20, 0.32, 0.002),
    "Moped": (0.12, 19.0, 0.38, 0.35, 0.004),
}
NO_SCOOTER = {"Bordeaux"}
CARGO = {"Lisbon", "Porto", "Lyon", "Bordeaux"}
MOPED = {"Lisbon", "Porto", "Nice", "Marseille"}
PLANS = {  # share, new riders a ride, weekend factor
    "Pay As You Go": (0.38, 0.060, 1.10),
    "Day Pass": (0.14, 0.180, 1.45),
    "Monthly": (0.22, 0.020, 0.80),
    "Annual": (0.14, 0.006, 0.80),
    "Student": (0.12, 0.040, 0.75),
}
ACQUISITION = {"Organic": 0.45, "Referral": 0.18, "Paid Social": 0.25, "Partner Hotels": 0.12}
TOURIST_HOTELS = {"Faro": 3.0, "Nice": 2.2, "Lisbon": 1.5}
STUDENT_CITIES = {"Lyon": 1.6, "Braga": 1.8, "Porto": 1.3}
MONTH = [0.55, 0.60, 0.75, 0.90, 1.05, 1.20, 1.30, 1.25, 1.10, 0.90, 0.70, 0.55]
BATCH = 40.0  # a segment below this many expected rides a day is recorded as an occasional batch


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


def ride_price(plan: str, vehicle: str, minutes: float, rides: int, rng: random.Random) -> float:
    per_min = VEHICLES[vehicle][3]
    if plan == "Pay As You Go":
        return rides * 1.0 + minutes * per_min
    if plan == "Day Pass":
        return rides * rng.uniform(4.0, 5.0)
    if plan == "Monthly":
        return rides * 1.10 + minutes * 0.05
    if plan == "Annual":
        return rides * 0.80 + minutes * 0.04
    return 0.5 * (rides * 1.0 + minutes * per_min)  # Student


def make_row(rng: random.Random, day: date, city: str, vehicle: str, plan: str, acq: str, mean: float) -> list:
    _, vmin, kmpm, _, dmg_rate = VEHICLES[vehicle]
    new_rate = PLANS[plan][1]
    rides = max(1, poisson(rng, mean))
    minutes = rides * vmin * (1.6 if plan == "Day Pass" else 1.0) * rng.uniform(0.85, 1.15)
    km = minutes * kmpm * rng.uniform(0.9, 1.1)
    price = ride_price(plan, vehicle, minutes, rides, rng)
    if day >= date(2025, 1, 1):
        price *= 1.08  # price rise
    nf = 1.0
    if acq == "Paid Social":
        nf = 1.4
        if day.year == 2025 and day.month == 8:
            nf *= 0.15  # campaigns paused
    if acq == "Partner Hotels":
        nf = 1.5
    new = poisson(rng, rides * new_rate * nf)
    incidents = poisson(rng, rides * dmg_rate)
    damage = sum(rng.uniform(35, 180) for _ in range(incidents))
    if city == "Nice" and day.year == 2025 and day.month == 7:
        damage *= 5  # vandalism
    return [day.isoformat(), city, vehicle, plan, acq, f"{price:.2f}", rides, round(minutes), f"{km:.1f}", new,
            f"{damage:.2f}"]


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        weekend = day.weekday() >= 5
        for city, (base, launch, growth, tourist) in CITIES.items():
            if day < launch:
                continue
            years = (day - launch).days / 365.25
            ramp = min(1.0, 0.45 + 0.55 * (day - launch).days / 120)  # a new city takes four months to ramp up
            season = MONTH[day.month - 1] ** tourist
            if city in ("Lyon", "Bordeaux", "Marseille") and day.month == 8:
                season *= 0.85  # French holidays
            weather = math.exp(rng.gauss(0, 0.15))
            city_rides = base * (1 + growth) ** years * ramp * season * weather
            if day == date(2024, 6, 12):
                city_rides *= 0.2  # app outage
            if city in ("Lisbon", "Porto") and date(2025, 11, 24) <= day <= date(2025, 11, 30):
                city_rides *= 0.35  # storm
            emitted, best = False, None
            for vehicle, (vshare, *_rest) in VEHICLES.items():
                if vehicle == "Scooter" and city in NO_SCOOTER:
                    continue
                if vehicle == "Cargo Bike" and city not in CARGO:
                    continue
                if vehicle == "Moped" and city not in MOPED:
                    continue
                vf = vshare
                if city == "Porto" and vehicle == "Scooter" and date(2025, 2, 3) <= day <= date(2025, 3, 2):
                    vf *= 0.05
                for plan, (pshare, _, wk) in PLANS.items():
                    pf = pshare * (wk if weekend else 1.0)
                    if plan == "Day Pass":
                        pf *= season ** 0.6 * (1.8 if city in ("Faro", "Nice") else 1.0)
                    if plan == "Student":
                        pf *= STUDENT_CITIES.get(city, 1.0) * (0.5 if day.month in (7, 8) else 1.0)
                        if city == "Lyon" and date(2024, 9, 1) <= day <= date(2024, 10, 31):
                            pf *= 2.5
                        elif city == "Lyon" and day > date(2024, 10, 31):
                            pf *= 1.4
                    for acq, ashare in ACQUISITION.items():
                        af = ashare * (TOURIST_HOTELS.get(city, 0.4) if acq == "Partner Hotels" else 1.0)
                        expected = city_rides * vf * pf * af
                        if best is None or expected > best[0]:
                            best = (expected, vehicle, plan, acq)
                        p = min(1.0, expected / BATCH)
                        if rng.random() >= p:
                            continue
                        emitted = True
                        yield make_row(rng, day, city, vehicle, plan, acq, expected / p)
            if not emitted and best is not None:  # every live city has rides every day
                expected, vehicle, plan, acq = best
                yield make_row(rng, day, city, vehicle, plan, acq, expected)
        day += timedelta(days=1)


def write(path=None) -> Path:
    out = Path(path) if path else Path(__file__).with_name("voltaro.csv")
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    target = write(sys.argv[1] if len(sys.argv) > 1 else None)
    with target.open() as fh:
        count = sum(1 for _ in fh) - 1
    print(f"{target}: {count} rows, {START}..{END}, columns {', '.join(HEADER)}")
