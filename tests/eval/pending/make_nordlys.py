#!/usr/bin/env python3
"""Nordlys Reiser, a made-up Finnish-Norwegian online travel agency (EUR): daily booking facts.

usage: python3 make_nordlys.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, destination,
product, channel and traveller type that had at least one booking, 2024-01-01 to
2026-11-30.

- dimensions: destination (Lapland, Tromsø, Lofoten, Helsinki, Rovaniemi),
  product (Flight, Hotel, Package, Northern Lights Tour, Cruise), channel
  (App, Web, Call Centre, Partner), traveller_type (Solo, Couple, Family, Business)
- measures: bookings, "Gross Bookings Value" (EUR, measure gross_bookings_value),
  commission (EUR), cancellations, nights, refunds (EUR)
- patterns: Arctic destinations peak in winter (Rovaniemi at Christmas), Lofoten in
  summer; Northern Lights Tours are not sold from 1 May to 20 August (midnight sun)
  and never in Helsinki; cruises start 2024-05-01 and only sail from Tromsø,
  Lofoten and Helsinki; App grows ~65% a year, Call Centre shrinks ~25% a year,
  Lofoten grows ~45% a year; Partner bookings fall to 25% in September 2026 and 60%
  in October 2026 (a paused partner contract); a solar storm on 2025-11-12 gives six
  times the Northern Lights Tours; an ash cloud 2026-04-13..19 cuts flights and
  makes half of flight and package bookings cancel (refunds spike); the app is
  down on 2026-10-07 (no App bookings).
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
HEADER = ["date", "destination", "product", "channel", "traveller_type",
          "bookings", "Gross Bookings Value", "commission", "cancellations", "nights", "refunds"]

DESTINATIONS = {  # base weight, yearly growth, monthly season Jan..Dec
    "Lapland": (0.22, 0.08, [1.5, 1.5, 1.4, 0.8, 0.3, 0.5, 0.7, 0.6, 0.6, 0.5, 0.9, 1.9]),
    "Tromsø": (0.24, 0.10, [1.5, 1.6, 1.4, 0.8, 0.5, 0.8, 1.0, 0.9, 0.8, 0.9, 1.2, 1.6]),
    "Lofoten": (0.13, 0.45, [0.5, 0.7, 0.9, 0.8, 1.0, 1.7, 2.1, 1.8, 1.0, 0.5, 0.4, 0.5]),
    "Helsinki": (0.25, 0.06, [0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.3, 1.2, 1.0, 1.0, 0.9, 1.1]),
    "Rovaniemi": (0.16, 0.10, [1.4, 1.3, 1.2, 0.6, 0.3, 0.5, 0.7, 0.6, 0.6, 0.5, 1.1, 2.6]),
}
PRODUCTS = {  # weight, commission rate
    "Flight": (0.36, 0.035),
    "Hotel": (0.30, 0.15),
    "Package": (0.13, 0.12),
    "Northern Lights Tour": (0.15, 0.20),
    "Cruise": (0.08, 0.10),
}
CHANNELS = {"Web": (0.42, 0.0), "App": (0.18, 0.65), "Call Centre": (0.16, -0.25), "Partner": (0.24, 0.05)}
TRAVELLERS = {"Solo": 0.25, "Couple": 0.34, "Family": 0.23, "Business": 0.18}
PAX = {"Solo": 1, "Couple": 2, "Family": 3.6, "Business": 1}
FLIGHT_FARE = {"Lapland": 240, "Tromsø": 260, "Lofoten": 300, "Helsinki": 150, "Rovaniemi": 230}
HOTEL_RATE = {"Lapland": 210, "Tromsø": 170, "Lofoten": 160, "Helsinki": 140, "Rovaniemi": 190}
ARCTIC = ("Lapland", "Tromsø", "Lofoten", "Rovaniemi")
CRUISE_PORTS = ("Tromsø", "Lofoten", "Helsinki")
BASE_PER_DAY = 22.0  # expected bookings a day at weight 1


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def product_factor(day: date, dest: str, product: str, tt: str) -> float:
    f = 1.0
    if product == "Northern Lights Tour":
        if dest == "Helsinki" or date(day.year, 5, 1) <= day <= date(day.year, 8, 20):
            return 0.0
        f *= 1.6 if dest in ("Tromsø", "Lapland", "Rovaniemi") else 0.8
        if day == date(2025, 11, 12):
            f *= 6.0  # solar storm in the news
    if product == "Cruise":
        if dest not in CRUISE_PORTS or day < date(2024, 5, 1):
            return 0.0
        if dest == "Helsinki" and day.month not in (5, 6, 7, 8, 9):
            return 0.0
        f *= 1.0 + 0.35 * (day - date(2024, 5, 1)).days / 365.25
    if tt == "Business":
        f *= {"Flight": 2.2, "Hotel": 1.6, "Package": 0.1, "Northern Lights Tour": 0.05, "Cruise": 0.02}[product]
        f *= {"Helsinki": 2.4, "Tromsø": 1.3}.get(dest, 0.35)
        if day.weekday() >= 5:
            f *= 0.3
    if tt == "Family":
        if dest == "Rovaniemi" and day.month == 12:
            f *= 2.2  # Santa Claus village
        if product == "Package":
            f *= 1.6
    if product == "Flight" and date(2026, 4, 13) <= day <= date(2026, 4, 19):
        f *= 0.6  # ash cloud
    return f


def channel_factor(day: date, channel: str) -> float:
    weight, growth = CHANNELS[channel]
    years = (day - START).days / 365.25
    f = weight * (1 + growth) ** years
    if channel == "Partner" and day.year == 2026 and day.month == 9:
        f *= 0.25
    if channel == "Partner" and day.year == 2026 and day.month == 10:
        f *= 0.60
    if channel == "App" and day == date(2026, 10, 7):
        f = 0.0
    if channel == "App" and day.weekday() >= 5:
        f *= 1.25
    return f


def one_booking(rng, day, dest, product, tt):
    """Gross value and nights of one booking."""
    pax = PAX[tt] if tt != "Family" else rng.choice((3, 4, 4, 5))
    winter = 1.3 if dest in ARCTIC and day.month in (12, 1, 2, 3) else 1.0
    if product == "Flight":
        fare = FLIGHT_FARE[dest] * (1.6 if tt == "Business" else 1.0) * winter
        return fare * pax * rng.uniform(0.75, 1.35), 0
    if product == "Hotel":
        nights = max(1, round({"Solo": 2, "Business": 2, "Couple": 3, "Family": 4}[tt] * rng.uniform(0.5, 1.6)))
        rooms = 2 if tt == "Family" and pax >= 5 else 1
        return HOTEL_RATE[dest] * winter * nights * rooms * rng.uniform(0.8, 1.3), nights
    if product == "Package":
        nights = rng.randint(4, 7)
        return (260 * nights * pax ** 0.8) * winter * rng.uniform(0.85, 1.25), nights
    if product == "Northern Lights Tour":
        return 135 * pax * rng.uniform(0.9, 1.4), 0
    nights = rng.randint(6, 11)
    return 230 * nights * pax ** 0.9 * rng.uniform(0.85, 1.3), nights


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        dow = (1.0, 1.0, 1.0, 1.05, 1.0, 0.85, 1.1)[day.weekday()]
        for dest, (dw, growth, season) in DESTINATIONS.items():
            d_f = dw * (1 + growth) ** years * season[day.month - 1]
            for product, (pw, rate) in PRODUCTS.items():
                for channel in CHANNELS:
                    c_f = channel_factor(day, channel)
                    for tt, tw in TRAVELLERS.items():
                        lam = BASE_PER_DAY * dow * d_f * pw * c_f * tw * product_factor(day, dest, product, tt)
                        n = poisson(rng, lam)
                        if not n:
                            continue
                        gross = nights = 0.0
                        for _ in range(n):
                            g, k = one_booking(rng, day, dest, product, tt)
                            gross += g
                            nights += k
                        p_cancel = 0.06 + (0.03 if channel == "Partner" else 0.0)
                        if product in ("Flight", "Package") and date(2026, 4, 13) <= day <= date(2026, 4, 19):
                            p_cancel = 0.5
                        cancels = sum(1 for _ in range(n) if rng.random() < p_cancel)
                        refunds = gross / n * cancels * rng.uniform(0.6, 0.9) if cancels else 0.0
                        commission = gross * rate * (0.65 if channel == "Partner" else 1.0) * rng.uniform(0.95, 1.05)
                        yield [day.isoformat(), dest, product, channel, tt, n, f"{gross:.2f}",
                               f"{commission:.2f}", cancels, int(nights), f"{refunds:.2f}"]
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
