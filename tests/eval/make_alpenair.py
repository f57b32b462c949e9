#!/usr/bin/env python3
"""AlpenAir: a made-up Swiss regional airline (CHF). Daily facts by route x fare_class x sales_channel,
with the aircraft flown on that route that day. Standard library only, deterministic (seeded)."""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

START, END = date(2023, 7, 1), date(2026, 3, 18)
SEATS = {"A220": 125, "E190": 100, "Dash 8": 76}
# route: (kind, base flights/day, fare scale, aircraft)
ROUTES = {
    "ZRH-LHR": ("business", 5, 1.25, "E190"),   # A220 from 2025-04-01, First launched then too
    "GVA-CDG": ("business", 4, 1.00, "E190"),
    "ZRH-BER": ("business", 4, 1.00, "E190"),   # competitor enters 2026-01: dip
    "BSL-AMS": ("business", 3, 1.00, "Dash 8"),
    "ZRH-VIE": ("business", 3, 0.95, "E190"),
    "ZRH-CPH": ("business", 2, 1.05, "E190"),
    "ZRH-MUC": ("business", 4, 0.70, "Dash 8"),
    "GVA-LHR": ("business", 4, 1.20, "A220"),
    "GVA-BCN": ("leisure", 2, 0.90, "A220"),
    "ZRH-FCO": ("leisure", 2, 1.00, "A220"),
    "BSL-PMI": ("seasonal", 1, 0.95, "A220"),    # flown April to October only
    "GVA-NCE": ("leisure", 2, 0.85, "Dash 8"),
}
FARES = {"Economy": 105.0, "Flex": 185.0, "Business": 410.0, "First": 880.0}
FARE_SHARE = {"Economy": 0.70, "Flex": 0.17, "Business": 0.13}
ANC_PER_PAX = {"Economy": 16.0, "Flex": 9.0, "Business": 4.0, "First": 2.0}
NOSHOW_RATE = {"Economy": 0.02, "Flex": 0.05, "Business": 0.06, "First": 0.04}
CHANNELS = ("Website", "App", "Travel Agent", "Call Centre")
# probability that a (fare, channel) row exists on a route-day; Economy/Website always does
P_ROW = {
    ("Economy", "Website"): 1.0, ("Economy", "App"): 0.55, ("Economy", "Travel Agent"): 0.15,
    ("Economy", "Call Centre"): 0.07, ("Flex", "Website"): 0.3, ("Flex", "App"): 0.15,
    ("Flex", "Travel Agent"): 0.08, ("Flex", "Call Centre"): 0.04, ("Business", "Website"): 0.15,
    ("Business", "App"): 0.06, ("Business", "Travel Agent"): 0.22, ("Business", "Call Centre"): 0.05,
    ("First", "Website"): 0.35, ("First", "Travel Agent"): 0.3,
}


def channel_mix(day: date) -> dict:
    t = (day - START).days / (END - START).days  # 0..1
    app = 0.15 + 0.25 * t
    ta = 0.25 - 0.12 * t
    cc = 0.08 - 0.03 * t
    return {"Website": 1 - app - ta - cc, "App": app, "Travel Agent": ta, "Call Centre": cc}


def season(kind: str, day: date) -> float:
    m, doy = day.month, day.timetuple().tm_yday
    if kind == "business":
        s = {1: 0.85, 2: 0.92, 3: 1.05, 4: 1.0, 5: 1.05, 6: 1.05, 7: 0.9, 8: 0.75, 9: 1.1, 10: 1.1,
             11: 1.0, 12: 0.85}[m]
        if (m == 12 and day.day >= 22) or (m == 1 and day.day <= 3):
            s *= 0.6
        wd = [1.15, 1.0, 1.0, 1.1, 1.15, 0.6, 0.85][day.weekday()]
    else:
        s = 0.85 + 0.45 * math.exp(-((doy - 205) / 45.0) ** 2)
        wd = [0.95, 0.85, 0.85, 0.95, 1.15, 1.2, 1.1][day.weekday()]
    return s * wd


def write(path) -> Path:
    rng = random.Random(20260318)
    path = Path(path)
    rows = []
    day = START
    while day <= END:
        growth = 1.0 + 0.07 * (day - START).days / 365.0
        mix = channel_mix(day)
        for route, (kind, base_flights, fare_scale, aircraft) in ROUTES.items():
            if kind == "seasonal" and not (4 <= day.month <= 10):
                continue
            if route == "ZRH-LHR" and day >= date(2025, 4, 1):
                aircraft = "A220"
            flights = base_flights
            if kind == "business" and day.weekday() == 5:
                flights = max(1, base_flights - 2)
            if kind != "business" and day.month in (7, 8):
                flights += 1
            demand = 1.0
            noshow_mult = 1.0
            fare_mult = 1.0
            # Eurovision in Basel, 12-18 May 2025
            if route.startswith("BSL") and date(2025, 5, 12) <= day <= date(2025, 5, 18):
                flights += 2
                demand *= 1.9
                fare_mult *= 1.35
            # ITB Berlin trade fair, early March every year
            if route == "ZRH-BER" and (day.month, day.day) in ((3, 3), (3, 4), (3, 5), (3, 6)):
                demand *= 1.6
                fare_mult *= 1.2
            # a competitor on ZRH-BER from 2026
            if route == "ZRH-BER" and day >= date(2026, 1, 1):
                demand *= 0.72
                fare_mult *= 0.88
            # Geneva fuel-system failure, 10-16 Nov 2025: closed 12-13, reduced the other days
            if route.startswith("GVA") and date(2025, 11, 10) <= day <= date(2025, 11, 16):
                day_flights = 0 if day in (date(2025, 11, 12), date(2025, 11, 13)) else max(1, flights // 3)
                if day_flights == 0:
                    continue
                demand *= day_flights / flights
                flights = day_flights
            # storm Ciara-like, 12-13 March 2026: no-shows soar, some cancellations
            if date(2026, 3, 12) <= day <= date(2026, 3, 13):
                noshow_mult = 4.5
                flights = max(1, round(flights * 0.7))
                demand *= 0.75
            seats = SEATS[aircraft] * base_flights
            lf = 0.78 * season(kind, day) * growth * rng.uniform(0.92, 1.08)
            pax_total = seats * min(lf, 0.97) * demand
            if route == "ZRH-LHR" and aircraft == "A220":
                pax_total *= 1.12
            shares = dict(FARE_SHARE)
            if route == "ZRH-LHR" and day >= date(2025, 4, 1):
                shares = {"Economy": 0.66, "Flex": 0.16, "Business": 0.13, "First": 0.05}
            if kind != "business":
                shares = {"Economy": 0.80, "Flex": 0.14, "Business": 0.06}
            first_row = True
            for fare in ("Economy", "Flex", "Business", "First"):
                if fare not in shares:
                    continue
                for ch in CHANNELS:
                    p = P_ROW.get((fare, ch))
                    if not p or (p < 1.0 and rng.random() >= p):
                        continue
                    ch_share = mix[ch] if fare != "First" else 0.5
                    expected = pax_total * shares[fare] * ch_share / p
                    pax = max(1, round(expected * rng.uniform(0.85, 1.15)))
                    fare_price = FARES[fare] * fare_scale * fare_mult * (1 + 0.03 * (day.year - 2023))
                    fare_price *= {"Website": 1.0, "App": 0.97, "Travel Agent": 1.06, "Call Centre": 1.04}[ch]
                    ticket = pax * fare_price * rng.uniform(0.93, 1.07)
                    anc_growth = 1 + 0.06 * (day - START).days / 365
                    anc_rate = ANC_PER_PAX[fare] * (1.25 if ch == "App" else 1.0) * anc_growth
                    anc = pax * anc_rate * rng.uniform(0.8, 1.2)
                    ns_mean = pax * NOSHOW_RATE[fare] * noshow_mult
                    no_shows = max(0, round(rng.gauss(ns_mean, math.sqrt(ns_mean + 0.25))))
                    fl = flights if first_row else 0  # flights are booked on the route-day's Economy/Website row
                    first_row = False
                    rows.append([day.isoformat(), route, fare, ch, aircraft, f"{ticket:.2f}", pax,
                                 f"{anc:.2f}", no_shows, fl])
        day += timedelta(days=1)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "route", "fare_class", "sales_channel", "aircraft", "ticket_revenue",
                    "passengers", "ancillary_revenue", "no_shows", "flights"])
        w.writerows(rows)
    return path


if __name__ == "__main__":
    out = write(sys.argv[1] if len(sys.argv) > 1 else "alpenair.csv")
    print(out)
