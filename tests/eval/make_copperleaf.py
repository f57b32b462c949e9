#!/usr/bin/env python3
"""Copperleaf, a made-up Australian craft-beer wholesaler (AUD): daily deliveries with measures of its own.

usage: python3 make_copperleaf.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, state, venue type and beer that had a
delivery, 2024-03-01 to 2026-10-31, with the rep who looks after that account group:

- dimensions: state (NSW, VIC, QLD, WA, SA), venue_type (Pub, Bottle Shop, Restaurant, Stadium),
  beer (Hazy, Lager, Stout, Sour, Summer Ale, Amber), rep (Jack and Amber in NSW, Rusty in VIC, Bill in QLD,
  June in WA, Sandy in SA from 2024-09-01; Rusty covered SA before that)
- measures: litres, kegs (50 L kegs), invoiced (AUD, ex GST), credits (AUD credit notes), new_venues
- seasons: summer (Dec-Feb) strong, winter (Jun-Aug) soft except Stout; Summer Ale is only brewed
  October to March; stadiums take beer in footy season (March-September) and around big matches
- no stadium accounts in SA; stadium beers are Lager, Hazy and Summer Ale only
- events: Cyclone Alfred shuts south-east QLD 2025-03-03..2025-03-16 (QLD at 25%); a bad Sour batch
  in November 2025 gets nearly every Sour delivery credited (Sour credits ~17x their usual month); a
  hop shortage cuts Hazy to 35% in June 2026; a WA drivers' strike 2026-08-03..2026-08-23 (WA at 30%);
  the grand final weeks in late September spike VIC stadiums; a VIC pub group signs from 2026-09-07
  (a burst of new venues for three weeks, VIC pubs +40% from then)
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261031
START, END = date(2024, 3, 1), date(2026, 10, 31)
STATES = {"NSW": 1.0, "VIC": 0.95, "QLD": 0.7, "WA": 0.45, "SA": 0.35}
GROWTH = {"NSW": 0.06, "VIC": 0.08, "QLD": 0.18, "WA": 0.10, "SA": 0.05}  # a year
# chance of a delivery on a weekday, kegs per delivery (mean), packaged litres per delivery (mean)
VENUES = {"Pub": (0.8, 6.0, 40.0), "Bottle Shop": (0.65, 0.2, 520.0), "Restaurant": (0.45, 1.2, 60.0),
          "Stadium": (0.0, 22.0, 150.0)}
# share of the mix, wholesale AUD a litre
BEERS = {"Lager": (1.0, 7.40), "Hazy": (0.8, 10.90), "Amber": (0.45, 8.60), "Stout": (0.35, 9.80),
         "Sour": (0.25, 12.50), "Summer Ale": (0.6, 8.90)}
HEADER = ["date", "state", "venue_type", "beer", "rep", "litres", "kegs", "invoiced", "credits", "new_venues"]
SANDY_START = date(2024, 9, 1)
VIC_PUB_GROUP = date(2026, 9, 7)


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def rep_of(day: date, state: str, venue: str) -> str:
    if state == "NSW":
        return "Jack" if venue in ("Pub", "Stadium") else "Amber"
    if state == "SA":
        return "Sandy" if day >= SANDY_START else "Rusty"
    return {"VIC": "Rusty", "QLD": "Bill", "WA": "June"}[state]


def season(day: date, beer: str) -> float:
    """Beer drinking in Australia: summer and Christmas strong, winter soft (but stout likes the cold)."""
    by_month = {1: 1.25, 2: 1.15, 3: 1.05, 4: 0.95, 5: 0.85, 6: 0.75, 7: 0.72, 8: 0.75, 9: 0.88, 10: 1.0,
                11: 1.1, 12: 1.35}[day.month]
    if beer == "Stout":
        by_month = 2.1 - by_month
    if day.month == 12 and 15 <= day.day <= 23:
        by_month *= 1.4  # Christmas stock-up
    return by_month


def stadium_chance(day: date, state: str) -> float:
    """Stadiums take deliveries on Thursdays and Fridays before weekend games in footy season."""
    if state == "SA" or day.weekday() not in (3, 4):
        return 0.0
    if 3 <= day.month <= 9:
        return 0.8
    return 0.25 if day.month in (12, 1) else 0.0  # cricket


def event(day: date, state: str, venue: str, beer: str) -> tuple[float, float, float]:
    """Volume, credits and new-venue factors of the year's real events."""
    vol = credit = new = 1.0
    if state == "QLD" and date(2025, 3, 3) <= day <= date(2025, 3, 16):
        vol *= 0.25
    if beer == "Sour" and day.year == 2025 and day.month == 11:
        credit *= 8.0
    if beer == "Hazy" and day.year == 2026 and day.month == 6:
        vol *= 0.35
    if state == "WA" and date(2026, 8, 3) <= day <= date(2026, 8, 23):
        vol *= 0.3
    if venue == "Stadium" and state == "VIC" and day.month == 9 and day.day >= 19:
        vol *= 2.5
    if state == "VIC" and venue == "Pub" and day >= VIC_PUB_GROUP:
        vol *= 1.4
        if day < VIC_PUB_GROUP + timedelta(days=21):
            new *= 30.0
    return vol, credit, new


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        weekday = day.weekday()
        for state, ws in STATES.items():
            for venue, (chance, kegs_mean, pack_mean) in VENUES.items():
                for beer, (mix, price) in BEERS.items():
                    if beer == "Summer Ale" and 4 <= day.month <= 9:
                        continue
                    if venue == "Stadium" and beer in ("Sour", "Stout", "Amber"):
                        continue
                    p = stadium_chance(day, state) if venue == "Stadium" else chance
                    p *= 0.0 if weekday == 6 else (0.35 if weekday == 5 else 1.0)
                    p *= min(1.0, 0.35 + 0.6 * mix) * min(1.0, 0.5 + 0.5 * ws)
                    if rng.random() >= p:
                        continue
                    vol, credit_f, new_f = event(day, state, venue, beer)
                    scale = ws * mix * season(day, beer) * (1 + GROWTH[state]) ** years * vol
                    kegs = poisson(rng, kegs_mean * scale)
                    packaged = max(0.0, rng.gauss(pack_mean * scale, pack_mean * scale * 0.3))
                    litres = round(kegs * 50 + packaged, 1)
                    if litres == 0:
                        continue
                    invoiced = round(litres * price * rng.uniform(0.94, 1.04), 2)
                    credits = 0.0
                    if rng.random() < min(1.0, 0.2 * credit_f):  # ullage, short drops; a recall credits most
                        credits = round(invoiced * rng.uniform(0.01, 0.05) * credit_f ** 0.5, 2)
                    new_venues = poisson(rng, 0.05 * new_f * (0.3 if venue == "Stadium" else 1.0))
                    yield [day.isoformat(), state, venue, beer, rep_of(day, state, venue), f"{litres:.1f}", kegs,
                           f"{invoiced:.2f}", f"{credits:.2f}", new_venues]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    path = Path(path)
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        out.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
