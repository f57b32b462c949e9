#!/usr/bin/env python3
"""PedalGo, a made-up city bike-share operator in Amsterdam (EUR): daily facts by station, bike type and member type.

usage: python3 make_pedalgo.py OUT.csv

Deterministic (random.Random(SEED), standard library only). One row per day x station x bike_type x
member_type that had at least one trip, 2024-03-01 to 2026-11-30.

- dimensions: station (44; each in one district), district (Centrum, Oost, West, Noord, Zuid, Nieuw-West),
  bike_type (Classic, E-Bike, Cargo), member_type (Annual, Monthly, Day Pass, Casual)
- measures: trips, ride_minutes, ride_revenue (EUR, per-ride fares and pass revenue allocated to rides),
  dock_failures (failed docking / undocking reports), new_members (sign-ups on their first ride)
- trends and events: strong summer peak (Day Pass and Casual most seasonal, Annual least), commuters on
  weekdays and tourists at weekends, random rainy / stormy days; E-Bike grows ~30% a year; Cargo starts
  2025-04-01 at 4 stations (Vondelpark from 2026-04-01); stations NDSM and Overhoeks open 2025-03-01,
  IJburg 2025-09-01, Sloterplas 2026-05-01; storm 2024-12-21..23; SAIL 2025 (2025-08-20..24) triples
  Day Pass trips in Centrum and Noord; May 2025 first-month-free campaign for Monthly sign-ups; an
  E-Bike dock firmware bug 2025-10-06..19 (E-Bike trips cut, dock failures x15); fare increase of 12% on
  2026-01-01; snow 2026-01-05..13; Centraal closed for works 2026-03-02..2026-04-12 (Dam and Nieuwmarkt
  pick up some of its trips); King's Day (27 April) Day Pass / Casual spike every year
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 3, 1), date(2026, 11, 30)
HEADER = ["date", "station", "district", "bike_type", "member_type",
          "trips", "ride_minutes", "ride_revenue", "dock_failures", "new_members"]

# station: (district, weight, e-bike hub?, opened)
STATIONS = {
    "Centraal": ("Centrum", 3.0, True, None),
    "Dam": ("Centrum", 2.0, False, None),
    "Nieuwmarkt": ("Centrum", 1.6, True, None),
    "Museumplein": ("Centrum", 2.4, True, None),
    "Leidseplein": ("Centrum", 1.8, False, None),
    "Max Euweplein": ("Centrum", 0.8, False, None),
    "Rembrandtplein": ("Centrum", 1.2, False, None),
    "Waterlooplein": ("Centrum", 1.0, False, None),
    "Jordaan": ("Centrum", 1.3, True, None),
    "Spui": ("Centrum", 0.9, False, None),
    "Weesperplein": ("Centrum", 0.9, False, None),
    "Oost": ("Oost", 1.4, True, None),
    "Oosterpark": ("Oost", 1.0, False, None),
    "Muiderpoort": ("Oost", 0.8, False, None),
    "Dappermarkt": ("Oost", 0.9, False, None),
    "Science Park": ("Oost", 1.1, True, None),
    "Amstel": ("Oost", 1.0, False, None),
    "IJburg": ("Oost", 0.7, True, date(2025, 9, 1)),
    "Westerpark": ("West", 1.3, True, None),
    "Bos en Lommer": ("West", 0.7, False, None),
    "Kinkerstraat": ("West", 0.8, False, None),
    "Sloterdijk": ("West", 1.0, True, None),
    "De Baarsjes": ("West", 0.8, False, None),
    "Mercatorplein": ("West", 0.6, False, None),
    "Buiksloterweg": ("Noord", 1.1, False, None),
    "NDSM": ("Noord", 0.9, True, date(2025, 3, 1)),
    "Van der Pekplein": ("Noord", 0.6, False, None),
    "Overhoeks": ("Noord", 0.7, False, date(2025, 3, 1)),
    "Nieuwendam": ("Noord", 0.5, False, None),
    "Noorderpark": ("Noord", 0.6, False, None),
    "Zuidas": ("Zuid", 1.6, True, None),
    "RAI": ("Zuid", 1.0, False, None),
    "Vondelpark": ("Zuid", 1.7, True, None),
    "De Pijp": ("Zuid", 1.5, False, None),
    "Olympisch Stadion": ("Zuid", 0.6, False, None),
    "Amstelveenseweg": ("Zuid", 0.6, False, None),
    "Rivierenbuurt": ("Zuid", 0.7, False, None),
    "Park West": ("Nieuw-West", 0.8, True, None),
    "Osdorp": ("Nieuw-West", 0.6, False, None),
    "Slotervaart": ("Nieuw-West", 0.6, False, None),
    "Lelylaan": ("Nieuw-West", 0.8, False, None),
    "Geuzenveld": ("Nieuw-West", 0.4, False, None),
    "Sloterplas": ("Nieuw-West", 0.6, False, date(2026, 5, 1)),
    "Overtoomse Veld": ("Nieuw-West", 0.4, False, None),
}
CARGO = {"Oost": date(2025, 4, 1), "Dappermarkt": date(2025, 4, 1), "De Pijp": date(2025, 4, 1),
         "Westerpark": date(2025, 4, 1), "Vondelpark": date(2026, 4, 1)}
TOURIST = {"Centraal", "Dam", "Museumplein", "Leidseplein", "Max Euweplein", "Rembrandtplein", "Vondelpark",
           "Jordaan", "NDSM", "Waterlooplein", "Spui"}
# member type: share of trips, weekday factor, weekend factor, season exponent, growth a year
MEMBERS = {
    "Annual": (0.42, 1.15, 0.65, 0.6, 0.10),
    "Monthly": (0.22, 1.10, 0.75, 0.9, 0.18),
    "Day Pass": (0.16, 0.80, 1.50, 1.8, 0.06),
    "Casual": (0.20, 0.90, 1.30, 1.5, 0.04),
}
# bike type: share of a station's trips, growth a year, minutes a trip, failure rate a trip
BIKES = {"Classic": (1.0, 0.02, 14.0, 0.03), "E-Bike": (0.6, 0.30, 17.0, 0.045), "Cargo": (0.25, 0.25, 26.0, 0.05)}
MONTH = {1: 0.45, 2: 0.5, 3: 0.65, 4: 0.85, 5: 1.0, 6: 1.15, 7: 1.3, 8: 1.3, 9: 1.05, 10: 0.8, 11: 0.6, 12: 0.5}
BASE = 0.7
CLUMP = 5.0  # trips come in bursts: an active cell has 1 + Poisson(CLUMP x rate) trips


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
    return sum(1 for _ in range(n) if rng.random() < p)


def fare(member: str, bike: str, minutes: float, trips: int, day: date) -> float:
    """Ride revenue in EUR: per-ride fares, and pass revenue allocated to the rides."""
    extra = {"Classic": 0.0, "E-Bike": 1.0, "Cargo": 2.5}[bike]
    if member == "Annual":
        amount = trips * (0.35 + extra * 0.8)
    elif member == "Monthly":
        amount = trips * (0.60 + extra * 0.9)
    elif member == "Day Pass":
        amount = trips * (3.40 + extra * 0.6)
    else:  # Casual: unlock + per minute
        per_min = {"Classic": 0.18, "E-Bike": 0.28, "Cargo": 0.38}[bike]
        amount = trips * 1.0 + minutes * per_min
    if day >= date(2026, 1, 1):
        amount *= 1.12  # fare increase on 1 January 2026
    return amount


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        weekend = day.weekday() >= 5
        r = rng.random()
        weather = 0.75 if r < 0.22 else (0.5 if r < 0.26 else 1.0)  # rainy, stormy
        if date(2026, 1, 5) <= day <= date(2026, 1, 13):
            weather = 0.4  # snow and ice
        if date(2024, 12, 21) <= day <= date(2024, 12, 23):
            weather = 0.45  # storm before Christmas
        season = MONTH[day.month]
        for station, (district, sw, hub, opened) in STATIONS.items():
            if opened and day < opened:
                continue
            if station == "Centraal" and date(2026, 3, 2) <= day <= date(2026, 4, 12):
                continue  # closed for works around the station
            st = sw
            if station in ("Dam", "Nieuwmarkt") and date(2026, 3, 2) <= day <= date(2026, 4, 12):
                st *= 1.35
            if opened:  # ramp-up over the first 3 months
                st *= min(1.0, 0.4 + 0.6 * (day - opened).days / 90)
            for bike, (bshare, bgrowth, mins, fail) in BIKES.items():
                if bike == "E-Bike" and not hub:
                    continue
                if bike == "Cargo" and (station not in CARGO or day < CARGO[station]):
                    continue
                bf = bshare * (1 + bgrowth) ** years
                bug = bike == "E-Bike" and date(2025, 10, 6) <= day <= date(2025, 10, 19)
                if bug:
                    bf *= 0.45
                for member, (mshare, wd, we, sexp, mgrowth) in MEMBERS.items():
                    mf = mshare * (we if weekend else wd) * season ** sexp * (1 + mgrowth) ** years
                    if member in ("Day Pass", "Casual"):
                        if station in TOURIST:
                            mf *= 1.8
                        if day.month == 4 and day.day == 27:
                            mf *= 3.0  # King's Day
                        if date(2025, 8, 20) <= day <= date(2025, 8, 24) and district in ("Centrum", "Noord"):
                            mf *= 3.5 if member == "Day Pass" else 2.2  # SAIL 2025
                    wx = weather if member in ("Annual", "Monthly") else weather ** 1.2
                    lam = BASE * st * bf * mf * wx
                    if rng.random() >= 1 - math.exp(-lam):
                        continue  # no trip in this cell today
                    trips = 1 + poisson(rng, CLUMP * lam)
                    mlen = mins * (1.35 if member in ("Day Pass", "Casual") else 1.0)
                    minutes = sum(max(2, int(rng.gauss(mlen, mlen * 0.35))) for _ in range(trips))
                    revenue = fare(member, bike, minutes, trips, day) * rng.uniform(0.95, 1.05)
                    pf = fail * (15.0 if bug else 1.0)
                    failures = binomial(rng, trips, pf)
                    new = 0
                    if member in ("Annual", "Monthly"):
                        p_new = 0.04 if member == "Annual" else 0.07
                        if day.month in (3, 4, 5):
                            p_new *= 1.6
                        if date(2025, 5, 1) <= day <= date(2025, 5, 31) and member == "Monthly":
                            p_new *= 2.5  # first-month-free campaign
                        new = binomial(rng, trips, p_new)
                    yield [day.isoformat(), station, district, bike, member, trips, minutes,
                           f"{revenue:.2f}", failures, new]
        day += timedelta(days=1)


def write(path) -> pathlib.Path:
    out = pathlib.Path(path)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
