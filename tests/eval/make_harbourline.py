#!/usr/bin/env python3
"""Harbourline Hotels, a made-up hotel group: daily facts, amounts in EUR.

usage: python3 make_harbourline.py [OUT.csv]      (default: harbourline.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, property,
room type, booking channel and guest type that had any stays, 2024-01-01 to
2026-10-31:

- dimensions: property (Nice, Split, Bath, Reading, Mobile, The Grand,
  Orange Coast), city_region (each property sits in one: Coast, South,
  Central, North West), room_type, booking_channel, guest_type
- measures: room_revenue, fnb_revenue, room_nights, cancellations, guests,
  "Spa Revenue" (only Nice, Bath and The Grand have a spa; 0 elsewhere)
- events: Orange Coast opens 2025-04-01 and ramps up over three months; Split
  is under renovation from 2026-02-01 to 2026-03-15 (30% of rooms); a trade
  fair triples Group stays at Reading in September 2026; an Expedia payment
  outage quadruples Expedia cancellations in July 2026; a storm closes Mobile
  from 2026-10-08 to 2026-10-17; Direct bookings grow steadily (a loyalty
  scheme) at the expense of Booking.com and Expedia; leisure peaks in summer,
  most of all on the coast; business stays dip in August and at Christmas
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261031
START, END = date(2024, 1, 1), date(2026, 10, 31)
PROPERTIES = {  # city_region, bookings a day, base rate a room night, has a spa, guest mix (Leisure, Business, Group)
    "Nice": ("Coast", 11.0, 185.0, True, (0.70, 0.15, 0.15)),
    "Split": ("Coast", 9.0, 135.0, False, (0.72, 0.10, 0.18)),
    "Bath": ("South", 8.0, 160.0, True, (0.60, 0.25, 0.15)),
    "Reading": ("Central", 10.0, 118.0, False, (0.25, 0.60, 0.15)),
    "Mobile": ("North West", 7.0, 98.0, False, (0.45, 0.40, 0.15)),
    "The Grand": ("Central", 9.0, 255.0, True, (0.45, 0.40, 0.15)),
    "Orange Coast": ("Coast", 8.0, 150.0, False, (0.70, 0.12, 0.18)),
}
ORANGE_OPENS = date(2025, 4, 1)
ROOMS = {"Standard": (0.50, 1.0, 1.6), "Deluxe": (0.25, 1.35, 1.8), "Suite": (0.08, 2.3, 2.0),
         "Family": (0.17, 1.25, 3.4)}  # weight, rate factor, guests a room night
CHANNEL_RATE = {"Direct": 1.0, "Booking.com": 0.97, "Expedia": 0.95, "Corporate": 0.85, "Walk In": 1.1}
CANCEL_RATE = {"Direct": 0.05, "Booking.com": 0.14, "Expedia": 0.12, "Corporate": 0.04, "Walk In": 0.0}
NIGHTS = {"Leisure": (1, 6), "Business": (1, 3), "Group": (6, 28)}  # room nights a booking
FNB = {"Leisure": 28.0, "Business": 42.0, "Group": 55.0}  # a guest a night
HEADER = ["date", "property", "city_region", "room_type", "booking_channel", "guest_type", "room_revenue",
          "fnb_revenue", "room_nights", "cancellations", "guests", "Spa Revenue"]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def demand(day: date, region: str, guest: str) -> float:
    """Leisure peaks in summer (most on the coast) and at weekends; business dips in August and at Christmas."""
    m = day.month
    if guest == "Leisure":
        summer = {6: 0.35, 7: 0.6, 8: 0.65, 9: 0.25, 5: 0.15}.get(m, 0.0)
        f = 1.0 + summer * (1.8 if region == "Coast" else 0.7) - (0.25 if m in (1, 2, 11) else 0.0)
        return f * (1.35 if day.weekday() >= 4 else 0.9)
    if guest == "Business":
        f = 0.55 if m == 8 else 1.0
        f *= 0.35 if m == 12 and day.day >= 20 else 1.0
        return f * (0.35 if day.weekday() >= 5 else 1.2)
    return 0.6 if m in (1, 8, 12) else 1.0


def channel_weights(day: date, guest: str) -> dict:
    years = (day - START).days / 365.25
    direct = 0.24 + 0.05 * years  # the loyalty scheme moves bookings to Direct
    if guest == "Business":
        return {"Direct": direct * 0.6, "Booking.com": 0.12, "Expedia": 0.06, "Corporate": 0.55, "Walk In": 0.03}
    if guest == "Group":
        return {"Direct": direct + 0.3, "Booking.com": 0.05, "Expedia": 0.03, "Corporate": 0.25}
    return {"Direct": direct, "Booking.com": 0.36 - 0.03 * years, "Expedia": 0.24 - 0.02 * years,
            "Corporate": 0.01, "Walk In": 0.07}


def pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        for prop, (region, rate, price, spa, mix) in PROPERTIES.items():
            scale = 1.05 ** years  # steady growth
            if prop == "Orange Coast":
                if day < ORANGE_OPENS:
                    continue
                scale *= min(1.0, 0.3 + (day - ORANGE_OPENS).days / 90 * 0.7)
            if prop == "Split" and date(2026, 2, 1) <= day <= date(2026, 3, 15):
                scale *= 0.3
            if prop == "Mobile" and date(2026, 10, 8) <= day <= date(2026, 10, 17):
                continue
            cells: dict = {}
            for guest, share in zip(("Leisure", "Business", "Group"), mix, strict=True):
                lam = rate * share * scale * demand(day, region, guest)
                if guest == "Group":
                    lam *= 0.25  # fewer, bigger bookings
                    if prop == "Reading" and day.year == 2026 and day.month == 9:
                        lam *= 3.0
                for _ in range(poisson(rng, lam)):
                    room = pick(rng, {k: v[0] for k, v in ROOMS.items()})
                    channel = pick(rng, channel_weights(day, guest))
                    key = (room, channel, guest)
                    cell = cells.setdefault(key, [0.0, 0.0, 0, 0, 0, 0.0])
                    nights = rng.randint(*NIGHTS[guest])
                    season_price = 1.0 + (0.3 if region == "Coast" and day.month in (7, 8) else 0.0)
                    room_rate = price * ROOMS[room][1] * CHANNEL_RATE[channel] * season_price * rng.uniform(0.85, 1.15)
                    guests = max(1, round(nights * ROOMS[room][2] * rng.uniform(0.8, 1.2)))
                    cell[0] += nights * room_rate
                    cell[1] += guests * FNB[guest] * rng.uniform(0.6, 1.4)
                    cell[2] += nights
                    cancel_p = CANCEL_RATE[channel] * (4.0 if channel == "Expedia" and day.year == 2026
                                                       and day.month == 7 else 1.0)
                    cell[3] += 1 if rng.random() < cancel_p else 0
                    cell[4] += guests
                    if spa and rng.random() < (0.35 if guest == "Leisure" else 0.12):
                        summer = 1.25 if day.month in (6, 7, 8) else 1.0
                        cell[5] += guests * rng.uniform(40.0, 110.0) * summer
            for (room, channel, guest), (rr, fnb, nights, canc, guests, spa_rev) in sorted(cells.items()):
                yield [day.isoformat(), prop, region, room, channel, guest, f"{rr:.2f}", f"{fnb:.2f}", nights,
                       canc, guests, f"{spa_rev:.2f}"]
        day += timedelta(days=1)


def write(out: Path) -> Path:
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        count = 0
        for row in rows():
            writer.writerow(row)
            count += 1
    print(f"{out}: {count} rows, {START}..{END}, columns {', '.join(HEADER)}")
    return out


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("harbourline.csv"))
