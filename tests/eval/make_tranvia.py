#!/usr/bin/env python3
"""Tranvía, a made-up Mexican intercity bus line: daily ticket sales in MXN.

usage: python3 make_tranvia.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, route,
fare class, sales channel and bus type that sold at least one ticket,
2024-01-01 to 2026-11-30.

- dimensions: route ('Monterrey - Saltillo', 'CDMX - Puebla',
  'Guadalajara - León'), fare_class (Primera, Ejecutiva, Plus, Economy),
  channel (App, Ticket Office, Kiosk, Agency), bus_type (Double Decker,
  Standard)
- measures: fare_revenue (MXN), tickets, no_shows, baggage_fees (MXN),
  seat_km (tickets x route length: passenger-km sold)
- patterns: see README.md
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
HEADER = ["date", "route", "fare_class", "channel", "bus_type",
          "fare_revenue", "tickets", "no_shows", "baggage_fees", "seat_km"]

ROUTES = {  # tickets a day (base), km, economy fare MXN
    "Monterrey - Saltillo": (70.0, 85, 235.0),
    "CDMX - Puebla": (105.0, 130, 315.0),
    "Guadalajara - León": (48.0, 220, 470.0),
}
CLASSES = {"Economy": (0.50, 1.00), "Plus": (0.26, 1.25), "Ejecutiva": (0.16, 1.60), "Primera": (0.08, 2.15)}
CHANNELS = {"Ticket Office": 0.42, "App": 0.28, "Kiosk": 0.18, "Agency": 0.12}
BUSES = {"Standard": 0.62, "Double Decker": 0.38}
NO_SHOW = {"App": 0.065, "Agency": 0.03, "Ticket Office": 0.018, "Kiosk": 0.025}

KIOSK_START = date(2024, 6, 1)           # kiosks installed (only Monterrey and CDMX terminals)
GDL_DD_START = date(2025, 9, 1)          # double deckers arrive on Guadalajara - León
PLUS_BAG_FEE_START = date(2025, 7, 1)    # Plus loses its free checked bag
ROADWORKS = (date(2026, 6, 1), date(2026, 6, 30))   # highway 40 works: Monterrey - Saltillo halves
APP_GLITCH = (date(2026, 10, 1), date(2026, 10, 31))  # app let people hold seats unpaid: no-shows triple
APP_OUTAGE = date(2026, 10, 12)          # payment provider down: app sells almost nothing
EASTER = {2024: date(2024, 3, 31), 2025: date(2025, 4, 20), 2026: date(2026, 4, 5)}
SPECIAL_DAYS = {  # whole-network multipliers
    date(2024, 11, 2): 1.6, date(2025, 11, 2): 1.7, date(2026, 11, 2): 1.7,   # Día de Muertos
    date(2024, 9, 16): 1.6, date(2025, 9, 16): 1.6, date(2026, 9, 16): 1.9,   # Independence Day
    date(2025, 12, 24): 1.5, date(2024, 12, 24): 1.5,
    date(2026, 2, 9): 0.35,   # norte storm: Monterrey - Saltillo and the whole north slowed
}
MONTH = {1: 0.92, 2: 0.80, 3: 0.97, 4: 1.05, 5: 0.96, 6: 0.97, 7: 1.22, 8: 1.10,
         9: 0.76, 10: 0.93, 11: 1.02, 12: 1.24}
WEEKDAY = {0: 0.95, 1: 0.78, 2: 0.80, 3: 0.88, 4: 1.30, 5: 1.02, 6: 1.35}


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def binom(rng: random.Random, n: int, p: float) -> int:
    return sum(1 for _ in range(n) if rng.random() < p)


def season(day: date) -> float:
    f = MONTH[day.month] * WEEKDAY[day.weekday()]
    easter = EASTER.get(day.year)
    if easter and easter - timedelta(days=7) <= day <= easter + timedelta(days=1):
        f *= 1.55                                   # Semana Santa
    if day.month == 1 and day.day <= 6:
        f *= 1.3                                    # back from the holidays
    return f * SPECIAL_DAYS.get(day, 1.0)


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        s = season(day)
        for route, (base, km, fare) in ROUTES.items():
            rf = 1.0
            if route == "Monterrey - Saltillo" and ROADWORKS[0] <= day <= ROADWORKS[1]:
                rf = 0.45
            if route == "CDMX - Puebla":
                rf *= (1.07) ** years
            if day == date(2026, 2, 9) and route != "Monterrey - Saltillo":
                rf *= 2.4                           # the storm hit the north only
            for bus, wb in BUSES.items():
                if bus == "Double Decker" and route == "Guadalajara - León" and day < GDL_DD_START:
                    continue
                for fclass, (wc, fmult) in CLASSES.items():
                    if fclass == "Primera" and bus != "Double Decker":
                        continue
                    wc_eff = wc * (1.9 if fclass == "Primera" else 1.0)
                    for channel, wch in CHANNELS.items():
                        if channel == "Kiosk" and (day < KIOSK_START or route == "Guadalajara - León"):
                            continue
                        cf = 1.0
                        if channel == "App":
                            cf = 0.55 * (1.65 ** years)     # the fast grower
                            if day == APP_OUTAGE:
                                cf *= 0.04
                        elif channel == "Ticket Office":
                            cf = 1.2 * (0.84 ** years)
                        lam = base * rf * wb * wc_eff * wch * cf * s * 0.22
                        bookings = poisson(rng, lam)      # bookings of 1-11 seats each
                        if bookings == 0:
                            continue
                        tickets = sum(rng.randint(1, 11) for _ in range(bookings))
                        p_ns = NO_SHOW[channel] * (1.3 if fclass == "Economy" else 1.0)
                        if channel == "App" and APP_GLITCH[0] <= day <= APP_GLITCH[1]:
                            p_ns *= 3.2
                        no_shows = binom(rng, tickets, p_ns)
                        price = fare * fmult * (1.05 if bus == "Double Decker" else 1.0)
                        price *= (0.94 if channel == "App" else 1.0) * (1 + 0.04 * years)
                        price *= min(1.25, max(0.85, s ** 0.25))       # dynamic pricing
                        revenue = round(tickets * price * rng.uniform(0.92, 1.08), 2)
                        bag_p = {"Economy": 0.34, "Plus": 0.22 if day >= PLUS_BAG_FEE_START else 0.0}.get(fclass, 0.0)
                        bags = binom(rng, tickets, bag_p)
                        baggage = round(bags * rng.uniform(110.0, 140.0), 2)
                        yield [day.isoformat(), route, fclass, channel, bus, f"{revenue:.2f}", tickets,
                               no_shows, f"{baggage:.2f}", tickets * km]
        day += timedelta(days=1)


def write(path) -> Path:
    out = Path(path)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
