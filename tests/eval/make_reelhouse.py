#!/usr/bin/env python3
"""Reelhouse Cinemas: a made-up UK cinema chain (GBP), daily facts 2024-01-01 to 2026-11-30.

One row per day x cinema x film x screen_format x day_part that had screenings.
Dimensions: cinema, film, screen_format, day_part.
Measures: ticket_sales (GBP), concession_sales (GBP), admissions, screenings, seats_offered.

Standard library only, deterministic (random.Random(20261130)).
usage: python3 make_reelhouse.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 1, 1), date(2026, 11, 30)

# cinema: (ticket price base GBP, seats per standard screening, occupancy base, late shows every day?)
CINEMAS = {
    "Leeds":      (10.50, 190, 0.34, True),
    "Manchester": (10.80, 200, 0.36, True),
    "Glasgow":    (9.80, 180, 0.33, True),
    "Bristol":    (10.90, 170, 0.33, True),
    "Newcastle":  (9.60, 170, 0.31, True),
    "Reading":    (11.00, 150, 0.32, False),
    "Bath":       (11.50, 120, 0.35, False),
    "York":       (10.20, 140, 0.31, False),
    "Cardiff":    (9.50, 160, 0.30, False),
    "Norwich":    (9.40, 140, 0.29, False),
}
IMAX_FROM = {"Leeds": START, "Glasgow": START, "Manchester": date(2025, 9, 12)}
IMAX_SEATS = 260

# film: (release date, run in weeks, pull 0.5-3, kind, imax, 3d)
FILMS = {
    "Harbour Lights":      (date(2023, 11, 24), 12, 0.9, "drama", False, False),
    "Little Otters":       (date(2023, 12, 8), 10, 1.3, "family", False, True),
    "Kingdom of Ash":      (date(2023, 12, 15), 9, 1.6, "action", True, True),
    "Paper Moons":         (date(2024, 1, 19), 8, 0.8, "drama", False, False),
    "Iron Coast":          (date(2024, 2, 2), 8, 1.2, "action", True, False),
    "Bluebell Wood":       (date(2024, 2, 9), 9, 1.1, "family", False, True),
    "Hollow Pines":        (date(2024, 3, 8), 6, 0.9, "horror", False, False),
    "Tomorrow":            (date(2024, 3, 29), 9, 1.2, "drama", False, False),
    "Pocket Giants":       (date(2024, 3, 29), 9, 1.3, "family", False, True),
    "Rogue Signal":        (date(2024, 4, 26), 8, 1.3, "action", True, False),
    "Top Gun":             (date(2024, 5, 24), 8, 1.4, "action", True, False),
    "Golden Hour":         (date(2024, 6, 14), 8, 0.8, "drama", False, False),
    "Up":                  (date(2024, 7, 12), 8, 1.5, "family", False, True),
    "Velocity 3":          (date(2024, 7, 26), 9, 1.8, "action", True, True),
    "The Marshes":         (date(2024, 8, 30), 6, 0.8, "horror", False, False),
    "Brightwater":         (date(2024, 9, 20), 8, 1.0, "drama", False, False),
    "Neon Alley":          (date(2024, 10, 11), 6, 1.1, "horror", False, False),
    "Dragon Kite":         (date(2024, 10, 18), 10, 1.4, "family", False, True),
    "Winter Lights":       (date(2024, 11, 22), 8, 1.0, "drama", False, False),
    "Orbit":               (date(2024, 12, 13), 10, 1.9, "action", True, True),
    "Clockwork Fox":       (date(2024, 12, 20), 9, 1.4, "family", False, True),
    "The Quiet Hour":      (date(2025, 1, 24), 8, 0.9, "drama", False, False),
    "Frost":               (date(2025, 2, 7), 7, 1.1, "thriller", False, False),
    "Moonrakers":          (date(2025, 2, 14), 8, 1.2, "family", False, True),
    "Cold Case":           (date(2025, 3, 14), 7, 0.9, "thriller", False, False),
    "Stormbreak":          (date(2025, 4, 4), 9, 1.5, "action", True, True),
    "Salt and Sugar":      (date(2025, 4, 11), 7, 0.8, "drama", False, False),
    "Fast Lane":           (date(2025, 5, 9), 8, 1.3, "action", True, False),
    "Paddle Steamer":      (date(2025, 5, 23), 9, 1.1, "family", False, True),
    "Wild Hearts":         (date(2025, 6, 20), 7, 0.9, "drama", False, False),
    "Summer of Sparks":    (date(2025, 7, 11), 9, 1.4, "family", False, True),
    "Echo Park":           (date(2025, 7, 25), 8, 1.2, "thriller", False, False),
    "Silver Tide":         (date(2025, 8, 8), 8, 1.5, "action", True, True),
    "Glasshouse":          (date(2025, 9, 12), 7, 1.0, "drama", False, False),
    "Last Week":           (date(2025, 10, 17), 8, 2.0, "thriller", True, False),
    "The Heist Club":      (date(2025, 11, 7), 8, 1.2, "action", False, False),
    "Starfall":            (date(2025, 12, 17), 10, 2.6, "action", True, True),
    "Tidewater":           (date(2025, 12, 19), 9, 1.2, "family", False, True),
    "Northern Line":       (date(2026, 1, 23), 7, 0.9, "drama", False, False),
    "Monday":              (date(2026, 2, 13), 9, 1.5, "thriller", False, False),
    "Catch Me Twice":      (date(2026, 3, 13), 7, 1.0, "thriller", False, False),
    "Lantern Bay":         (date(2026, 3, 27), 9, 1.3, "family", False, True),
    "Red Canyon":          (date(2026, 4, 24), 8, 1.4, "action", True, False),
    "The Long Field":      (date(2026, 5, 15), 7, 0.8, "drama", False, False),
    "Max":                 (date(2026, 6, 19), 10, 1.9, "family", True, True),
    "Velocity 4":          (date(2026, 7, 24), 9, 1.7, "action", True, True),
    "Grand Tour":          (date(2026, 8, 28), 7, 0.9, "drama", False, False),
    "Hollow Pines 2":      (date(2026, 9, 25), 6, 1.0, "horror", False, False),
    "Kite Runners":        (date(2026, 10, 16), 9, 1.3, "family", False, True),
    "Night Ferry":         (date(2026, 11, 6), 8, 1.5, "thriller", True, False),
    "Frozen Harbour":      (date(2026, 11, 20), 8, 1.6, "family", False, True),
}

MONTH_SEASON = {1: 0.86, 2: 1.02, 3: 0.82, 4: 1.02, 5: 0.86, 6: 0.90, 7: 1.14, 8: 1.24,
                9: 0.76, 10: 0.92, 11: 0.90, 12: 1.18}
WEEKDAY = [0.62, 0.92, 0.70, 0.76, 1.28, 1.58, 1.30]  # Mon..Sun (Tuesday is discount day)
DAYPART_OCC = {"Matinee": 0.78, "Evening": 1.18, "Late": 0.72}
DAYPART_PRICE = {"Matinee": 0.80, "Evening": 1.00, "Late": 0.95}
DAYPART_SCREENINGS = {"Matinee": (3, 7), "Evening": (5, 9), "Late": (2, 4)}  # across a site's standard screens
IMAX_SCREENINGS = {"Matinee": (1, 2), "Evening": (2, 3)}                     # one IMAX screen

BRISTOL_CLOSED = (date(2026, 3, 2), date(2026, 3, 29))   # refurbishment: no screenings
HEATWAVE = (date(2026, 7, 13), date(2026, 7, 19))        # 2026-W29: admissions down hard
NORWICH_COMPETITOR = date(2026, 5, 1)                    # a rival multiplex opens nearby
BATH_NO_LATE = date(2025, 1, 1)                          # Bath stops late shows


def pull(film: str, day: date) -> float:
    """How much a film draws on a day (0 when it is not showing)."""
    release, weeks, base, *_ = FILMS[film]
    age = (day - release).days
    if age < 0 or age >= weeks * 7 * 3 // 2:  # a run lasts half as long again as its wide release
        return 0.0
    w = age / 7.0
    p = base * (0.84 ** w)
    if age < 3:
        p *= 1.35  # opening weekend
    return p


def write(path) -> pathlib.Path:
    rng = random.Random(SEED)
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        trend = 1.0 + 0.06 * years
        price_infl = 1.0 + 0.04 * years
        season = MONTH_SEASON[day.month] * WEEKDAY[day.weekday()]
        if HEATWAVE[0] <= day <= HEATWAVE[1]:
            season *= 0.40
        showing = [(f, pull(f, day)) for f in FILMS]
        showing = [(f, p) for f, p in showing if p > 0]
        for cinema, (price, seats, occ, late_daily) in CINEMAS.items():
            if cinema == "Bristol" and BRISTOL_CLOSED[0] <= day <= BRISTOL_CLOSED[1]:
                continue
            site = 1.0
            site_price = price
            if cinema == "Bristol" and day > BRISTOL_CLOSED[1]:
                site *= 1.18
                site_price += 1.50
            if cinema == "Norwich" and day >= NORWICH_COMPETITOR:
                site *= 0.74
            parts = ["Matinee", "Evening"]
            if (late_daily or day.weekday() in (4, 5)) and not (cinema == "Bath" and day >= BATH_NO_LATE):
                parts.append("Late")
            slots = [(p, False) for p in parts]
            if cinema in IMAX_FROM and day >= IMAX_FROM[cinema]:
                slots.append(("Evening", True))
                if day.weekday() >= 4:
                    slots.append(("Matinee", True))  # IMAX matinees Friday to Sunday
            used = set()
            for part, imax in slots:
                pool = [(f, p) for f, p in showing if (FILMS[f][4] or not imax)]
                if imax and not pool:
                    pool = list(showing)  # no IMAX title on release: the IMAX screen shows the biggest films
                if part == "Matinee":
                    pool = [(f, p * (1.6 if FILMS[f][3] == "family" else 1.0)) for f, p in pool]
                elif part == "Late":
                    late = {"family": 0.2, "horror": 1.3, "thriller": 1.3}
                    pool = [(f, p * late.get(FILMS[f][3], 1.0)) for f, p in pool]
                if not pool:
                    continue
                total = sum(p for _, p in pool)
                pick = rng.random() * total
                for film, p in pool:  # noqa: B007 - the film picked is the one the loop stops at
                    pick -= p
                    if pick <= 0:
                        break
                fmt = "IMAX" if imax else "Standard"
                if not imax and FILMS[film][5] and rng.random() < (0.30 - 0.05 * years):
                    fmt = "3D"
                key = (film, fmt, part)
                if key in used:
                    continue
                used.add(key)
                fpull = pull(film, day)
                lo, hi = (IMAX_SCREENINGS if imax else DAYPART_SCREENINGS)[part]
                screenings = rng.randint(lo, hi) + (1 if fpull > 1.6 and part != "Late" else 0)
                cap = IMAX_SEATS if imax else seats
                seats_offered = screenings * cap
                o = occ * site * season * DAYPART_OCC[part] * trend * (0.55 + 0.45 * math.sqrt(fpull))
                o *= rng.uniform(0.85, 1.15)
                o = min(max(o, 0.02), 0.97)
                admissions = round(seats_offered * o)
                if admissions <= 0:
                    admissions = 1
                tp = site_price * DAYPART_PRICE[part] * price_infl
                if fmt == "IMAX":
                    tp += 5.00
                elif fmt == "3D":
                    tp += 2.00
                if day.weekday() == 1:
                    tp *= 0.70  # discount Tuesday
                ticket_sales = round(admissions * tp * rng.uniform(0.97, 1.02), 2)
                spend = 4.20 * (1.0 + 0.05 * years)
                if FILMS[film][3] == "family":
                    spend += 0.80
                spend += {"Matinee": 0.0, "Evening": 0.50, "Late": -0.30}[part]
                concession_sales = round(admissions * spend * rng.uniform(0.90, 1.10), 2)
                rows.append((day.isoformat(), cinema, film, fmt, part,
                             f"{ticket_sales:.2f}", f"{concession_sales:.2f}", admissions, screenings, seats_offered))
        day += timedelta(days=1)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "cinema", "film", "screen_format", "day_part",
                    "ticket_sales", "concession_sales", "admissions", "screenings", "seats_offered"])
        w.writerows(rows)
    return path


if __name__ == "__main__":
    write(sys.argv[1])
