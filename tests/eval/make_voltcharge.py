#!/usr/bin/env python3
"""VoltCharge, a made-up Norwegian EV charging network: daily facts per charging site.

usage: python3 make_voltcharge.py OUT.csv

Deterministic (random.Random(SEED), standard library only). One row per day and
site that had at least one charging session, 2024-05-01 to 2026-11-30.

- dimensions: site (43 sites, ten of them opening after the data starts),
  region (Øst, Vest, Midt, Nord), charger_type (AC, DC Fast, Ultra: the site's
  charger class), host (the host business: Circle K, Coop, Max, Scandic,
  Kommune, Rema 1000)
- measures: charging_revenue (NOK), energy_kwh (kWh delivered), sessions, idle_fees (NOK),
  roaming_fees (NOK), uptime_hours (charger-hours in service)
- trends: EV growth about 14% a year (Ultra faster, AC slower); new sites ramp up
  over their first ~60 days
- seasonality: July holiday traffic on highway and mountain sites (city sites
  quieter), Easter week at mountain sites, winter weekends at mountain sites,
  more kWh per session in the cold months, weekday patterns by site kind
- events: Gardermoen transformer failure 2025-10-06..2025-10-26 (uptime and
  sessions down ~85%); a storm in Nord 2026-01-12..2026-01-18 (ISO week 3 of
  2026); Ultra price cut of ~11% from 2026-03-01 (more Ultra sessions, less
  revenue per kWh); idle fees start on AC sites 2025-05-01
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 47110
START, END = date(2024, 5, 1), date(2026, 11, 30)
HEADER = ["date", "site", "region", "charger_type", "host",
          "charging_revenue", "energy_kwh", "sessions", "idle_fees", "roaming_fees", "uptime_hours"]

# site: (region, charger_type, host, kind, chargers, size, opens, closes)
SITES = [
    ("Oslo Sentrum", "Øst", "DC Fast", "Kommune", "city", 8, 1.5, None, None),
    ("Oslo Økern", "Øst", "Ultra", "Circle K", "city", 12, 1.3, date(2024, 6, 15), None),
    ("Oslo Skøyen", "Øst", "AC", "Kommune", "city", 12, 1.4, None, None),
    ("Lillestrøm", "Øst", "DC Fast", "Coop", "city", 6, 1.1, None, None),
    ("Drammen", "Øst", "DC Fast", "Circle K", "highway", 8, 1.2, None, None),
    ("Moss", "Øst", "AC", "Rema 1000", "city", 8, 0.9, None, None),
    ("Ski", "Øst", "DC Fast", "Coop", "highway", 6, 1.0, None, None),
    ("Fredrikstad", "Øst", "DC Fast", "Max", "highway", 6, 1.0, None, None),
    ("Hamar", "Øst", "Ultra", "Circle K", "highway", 10, 1.1, None, None),
    ("Lillehammer", "Øst", "DC Fast", "Scandic", "mountain", 6, 1.0, None, None),
    ("Gardermoen", "Øst", "Ultra", "Circle K", "airport", 14, 1.3, None, None),
    ("Sandvika", "Øst", "AC", "Scandic", "city", 10, 1.0, None, None),
    ("Tønsberg", "Øst", "AC", "Rema 1000", "city", 8, 0.8, None, None),
    ("Gol", "Øst", "DC Fast", "Circle K", "mountain", 6, 0.9, None, None),
    ("Kongsberg", "Øst", "AC", "Kommune", "city", 6, 0.7, date(2025, 4, 1), None),
    ("Bergen Vest", "Vest", "Ultra", "Max", "highway", 12, 1.2, date(2025, 3, 1), None),
    ("Bergen Sentrum", "Vest", "AC", "Kommune", "city", 12, 1.3, None, None),
    ("Stavanger", "Vest", "DC Fast", "Circle K", "city", 8, 1.2, None, None),
    ("Sandnes", "Vest", "Ultra", "Coop", "highway", 10, 1.0, None, None),
    ("Haugesund", "Vest", "DC Fast", "Rema 1000", "highway", 6, 0.8, None, None),
    ("Førde", "Vest", "DC Fast", "Circle K", "highway", 6, 0.8, None, None),
    ("Voss", "Vest", "DC Fast", "Scandic", "mountain", 6, 0.9, None, None),
    ("Os", "Vest", "AC", "Coop", "city", 6, 0.7, None, None),
    ("Odda", "Vest", "AC", "Kommune", "mountain", 4, 0.5, None, None),
    ("Stord", "Vest", "DC Fast", "Max", "highway", 6, 0.8, date(2024, 9, 1), None),
    ("Trondheim Sentrum", "Midt", "AC", "Kommune", "city", 12, 1.2, None, None),
    ("Trondheim Tiller", "Midt", "Ultra", "Circle K", "highway", 10, 1.1, None, None),
    ("Hell", "Midt", "Ultra", "Max", "airport", 10, 1.0, date(2025, 6, 1), None),
    ("Ålesund", "Midt", "DC Fast", "Coop", "city", 6, 1.0, None, None),
    ("Molde", "Midt", "AC", "Scandic", "city", 6, 0.7, None, None),
    ("Kristiansund", "Midt", "DC Fast", "Rema 1000", "highway", 6, 0.7, None, None),
    ("Steinkjer", "Midt", "DC Fast", "Circle K", "highway", 6, 0.8, None, None),
    ("Oppdal", "Midt", "DC Fast", "Scandic", "mountain", 6, 0.9, None, None),
    ("Røros", "Midt", "AC", "Kommune", "mountain", 4, 0.6, date(2024, 11, 15), None),
    ("Bodø", "Nord", "DC Fast", "Circle K", "city", 6, 0.9, None, None),
    ("Tromsø Sentrum", "Nord", "AC", "Kommune", "city", 8, 0.9, None, None),
    ("Tromsø Langnes", "Nord", "Ultra", "Circle K", "airport", 8, 0.75, date(2025, 10, 1), None),
    ("Narvik", "Nord", "DC Fast", "Coop", "highway", 6, 0.7, None, None),
    ("Mo i Rana", "Nord", "DC Fast", "Max", "highway", 6, 0.7, None, None),
    ("Alta", "Nord", "DC Fast", "Circle K", "highway", 6, 0.6, date(2025, 11, 1), None),
    ("Harstad", "Nord", "AC", "Rema 1000", "city", 6, 0.6, None, None),
    ("Fauske", "Nord", "AC", "Coop", "highway", 4, 0.5, date(2024, 8, 1), None),
    ("Mosjøen", "Nord", "DC Fast", "Scandic", "highway", 6, 0.6, date(2026, 4, 1), None),
]

BASE_PER_CHARGER = {"AC": 2.6, "DC Fast": 6.5, "Ultra": 7.5}      # sessions a charger-day at the start
KWH_PER_SESSION = {"AC": 14.0, "DC Fast": 27.0, "Ultra": 37.0}
PRICE = {"AC": 3.49, "DC Fast": 5.49, "Ultra": 6.49}               # NOK per kWh
ULTRA_CUT = date(2026, 3, 1)
ULTRA_CUT_PRICE = 5.79
GROWTH = {"AC": 0.06, "DC Fast": 0.13, "Ultra": 0.22}              # a year
EASTER_WEEKS = [(date(2025, 4, 13), date(2025, 4, 21)), (date(2026, 3, 29), date(2026, 4, 6))]
AC_IDLE_START = date(2025, 5, 1)
GARDERMOEN_OUTAGE = (date(2025, 10, 6), date(2025, 10, 26))
NORD_STORM = (date(2026, 1, 12), date(2026, 1, 18))

MONTH = {  # month factor by site kind
    "city": [1.04, 1.02, 1.0, 1.0, 1.0, 0.98, 0.80, 0.95, 1.02, 1.0, 0.98, 0.96],
    "highway": [0.96, 0.95, 0.98, 1.02, 1.04, 1.12, 1.38, 1.15, 1.0, 0.97, 0.94, 1.08],
    "mountain": [1.10, 1.15, 1.18, 1.05, 0.85, 1.0, 1.30, 1.05, 0.92, 0.9, 0.85, 1.12],
    "airport": [0.97, 1.0, 1.02, 1.02, 1.0, 1.08, 1.15, 1.05, 1.0, 1.0, 0.98, 1.04],
}
WEEKDAY = {  # Monday .. Sunday
    "city": [1.05, 1.05, 1.05, 1.05, 1.02, 0.82, 0.72],
    "highway": [0.92, 0.9, 0.92, 0.98, 1.18, 1.0, 1.2],
    "mountain": [0.8, 0.78, 0.8, 0.9, 1.3, 1.2, 1.35],
    "airport": [1.02, 1.0, 1.0, 1.02, 1.05, 0.92, 1.0],
}


def count(rng: random.Random, lam: float) -> int:
    """A Poisson-like count (normal approximation for larger means)."""
    if lam <= 0:
        return 0
    if lam < 30:
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= rng.random()
            if p <= limit:
                return k
            k += 1
    return max(0, round(rng.gauss(lam, math.sqrt(lam))))


def demand(day: date, kind: str, region: str) -> float:
    f = MONTH[kind][day.month - 1] * WEEKDAY[kind][day.weekday()]
    for lo, hi in EASTER_WEEKS:
        if lo <= day <= hi:
            f *= {"mountain": 2.1, "highway": 1.3, "city": 0.85, "airport": 1.15}[kind]
    if kind == "mountain" and day.month in (1, 2, 3) and day.weekday() >= 4:
        f *= 1.3
    if kind in ("highway", "mountain") and ((day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 2)):
        f *= 1.15
    if region == "Nord" and day.month in (12, 1):
        f *= 0.92  # polar night: fewer trips
    return f


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        for site, region, ctype, host, kind, chargers, size, opens, closes in SITES:
            if (opens and day < opens) or (closes and day > closes):
                continue
            ramp = 1.0
            if opens:
                ramp = min(1.0, 0.35 + 0.65 * (day - opens).days / 60)
            avail = rng.uniform(0.955, 0.998)
            lam_f = 1.0
            if site == "Gardermoen" and GARDERMOEN_OUTAGE[0] <= day <= GARDERMOEN_OUTAGE[1]:
                avail *= 0.15
            if region == "Nord" and NORD_STORM[0] <= day <= NORD_STORM[1]:
                avail *= 0.5
                lam_f *= 0.6
            price = PRICE[ctype]
            if ctype == "Ultra" and day >= ULTRA_CUT:
                price = ULTRA_CUT_PRICE
                lam_f *= 1.12
            if region == "Nord":
                price *= 0.9
            lam = (BASE_PER_CHARGER[ctype] * chargers * size * (1 + GROWTH[ctype]) ** years * ramp
                   * demand(day, kind, region) * lam_f * avail / 0.975)
            sessions = count(rng, lam)
            if sessions == 0:
                continue
            cold = 1.08 if day.month in (12, 1, 2) else (1.04 if day.month in (3, 11) else 1.0)
            kwh = sum(rng.gauss(KWH_PER_SESSION[ctype], KWH_PER_SESSION[ctype] * 0.08) for _ in range(min(sessions, 5)))
            kwh = kwh / min(sessions, 5) * sessions * cold * rng.uniform(0.94, 1.06)
            kwh = round(max(kwh, 1.0), 1)
            revenue = round(kwh * price * rng.uniform(0.985, 1.015), 2)
            if ctype == "AC":
                p_idle, fee = (0.07, 35.0) if day >= AC_IDLE_START else (0.0, 0.0)
            else:
                p_idle, fee = (0.045, 55.0) if ctype == "DC Fast" else (0.05, 60.0)
            idle_n = count(rng, sessions * p_idle)
            idle = round(sum(rng.uniform(0.5, 1.5) * fee for _ in range(idle_n)), 2)
            roaming_share = 0.08 + 0.025 * years
            roam_n = count(rng, sessions * roaming_share)
            roaming = round(roam_n * rng.uniform(6.0, 9.0), 2)
            uptime = round(chargers * 24 * avail, 1)
            yield [day.isoformat(), site, region, ctype, host, f"{revenue:.2f}", f"{kwh:.1f}", sessions,
                   f"{idle:.2f}", f"{roaming:.2f}", f"{uptime:.1f}"]
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
