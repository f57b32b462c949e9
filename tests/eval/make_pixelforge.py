#!/usr/bin/env python3
"""PixelForge Games: daily facts of a made-up Seoul-based mobile/PC games publisher (amounts in KRW, no decimals).

One row per day x game x platform x country with any activity, 2023-04-01 to 2025-11-12.
Standard library only, deterministic (seeded).

usage: python3 make_pixelforge.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251112
FIRST, LAST = date(2023, 4, 1), date(2025, 11, 12)

STORE = {"iOS": "App Store", "Android": "Google Play", "PC": "Steam", "Console": "Steam"}
# game: (platforms, countries, base daily installs per combo, avg IAP price KRW, ad KRW per install, growth per year,
#        first day, last day)
GAMES = {
    "Sky Raiders 2": (("iOS", "Android", "PC"), ("KR", "JP", "US", "DE", "BR"), 420, 9800, 55, 0.22, FIRST, LAST),
    "Top Chef Rush": (("iOS", "Android"), ("KR", "JP", "US"), 380, 4400, 140, 0.08, FIRST, LAST),
    "Last Light": (("PC", "Console"), ("US", "DE", "KR"), 150, 16500, 0, -0.06, FIRST, LAST),
    "Merge Town": (("iOS", "Android"), ("KR", "JP", "BR"), 330, 3300, 190, 0.30, FIRST, LAST),
    "Neon Drift": (("iOS", "Android", "PC"), ("KR", "JP"), 300, 7700, 60, 0.15, date(2024, 7, 18), LAST),
    "Moonlit Farm": (("iOS", "Android"), ("KR", "US", "DE"), 140, 5500, 120, -0.35, FIRST, date(2025, 3, 31)),
}
PLATFORM_W = {"Android": 1.0, "iOS": 0.8, "PC": 0.55, "Console": 0.3}
COUNTRY_W = {"KR": 1.0, "JP": 0.85, "US": 0.8, "DE": 0.3, "BR": 0.45}
PRICE_W = {"KR": 1.0, "JP": 1.15, "US": 1.25, "DE": 1.2, "BR": 0.45}
WEEKDAY_W = (0.92, 0.9, 0.93, 0.96, 1.04, 1.17, 1.13)  # Monday .. Sunday


def season(d: date) -> float:
    """Winter holidays high, spring low; Seollal and Chuseok bumps."""
    doy = d.timetuple().tm_yday
    s = 1 + 0.10 * math.cos(2 * math.pi * (doy - 358) / 365.25)
    if d.month == 12 and d.day >= 18:
        s *= 1.18
    seollal = {2024: date(2024, 2, 10), 2025: date(2025, 1, 29)}.get(d.year)
    chuseok = {2023: date(2023, 9, 29), 2024: date(2024, 9, 17), 2025: date(2025, 10, 6)}.get(d.year)
    for h in (seollal, chuseok):
        if h and abs((d - h).days) <= 2:
            s *= 1.25
    return s


def events(d: date, game: str, platform: str, country: str) -> tuple[float, float, float]:
    """Multipliers (installs, purchases, refunds) of the year's happenings."""
    inst = buy = ref = 1.0
    # Neon Drift launch: big first weeks, decaying
    if game == "Neon Drift":
        age = (d - date(2024, 7, 18)).days
        inst *= 1 + 3.0 * math.exp(-age / 12)
        buy *= 1 + 1.5 * math.exp(-age / 15)
    # Last Light in the Steam summer sales
    if game == "Last Light" and platform == "PC":
        if date(2024, 6, 27) <= d <= date(2024, 7, 11):
            inst, buy = inst * 2.4, buy * 1.8
        if date(2025, 6, 26) <= d <= date(2025, 7, 10):
            inst, buy = inst * 3.6, buy * 2.3
    # Last Light's broken 1.8 patch: refunds pile up
    if game == "Last Light" and date(2024, 10, 8) <= d <= date(2024, 10, 20):
        ref *= 7.0
        buy *= 0.85
    # Sky Raiders 2 pulled from Google Play featuring + billing bug
    if game == "Sky Raiders 2" and platform == "Android" and date(2025, 8, 4) <= d <= date(2025, 8, 24):
        inst, buy = inst * 0.35, buy * 0.40
    # Top Chef Rush x anime collab in Japan
    if game == "Top Chef Rush" and country == "JP" and date(2025, 11, 3) <= d <= date(2025, 11, 9):
        inst, buy = inst * 2.6, buy * 3.2
    # payment-provider outage, every game
    if d == date(2025, 2, 14):
        buy *= 0.3
    # Merge Town season-pass launch in spring 2025 lifts purchases for good
    if game == "Merge Town" and d >= date(2025, 4, 15):
        buy *= 1.35
    # Moonlit Farm wind-down before its sunset
    if game == "Moonlit Farm" and d >= date(2025, 1, 1):
        inst *= 0.6
    return inst, buy, ref


def noisy(rng: random.Random, mean: float, sd_frac: float = 0.18) -> int:
    if mean <= 0:
        return 0
    sd = math.sqrt(mean) + sd_frac * mean
    return max(0, round(rng.gauss(mean, sd)))


def rows(rng: random.Random):
    d = FIRST
    while d <= LAST:
        for game, (plats, countries, base, price, ad_per, growth, start, end) in GAMES.items():
            if not (start <= d <= end):
                continue
            years = (d - FIRST).days / 365.25 if start == FIRST else (d - start).days / 365.25
            trend = max(0.15, 1 + growth * years)
            for platform in plats:
                for country in countries:
                    w = PLATFORM_W[platform] * COUNTRY_W[country]
                    if game == "Last Light" and country == "KR":
                        w *= 0.5 if platform == "PC" else 0.15
                    if game == "Merge Town" and country == "BR":
                        w *= 1.6
                    if platform == "iOS" and country in ("JP", "US"):
                        w *= 1.5
                    size = base * w * trend
                    # small markets do not sell every day
                    if size < 60 and rng.random() < 0.30:
                        continue
                    ei, eb, er = events(d, game, platform, country)
                    mu = size * season(d) * WEEKDAY_W[d.weekday()]
                    installs = noisy(rng, mu * ei)
                    conv = 0.20 if platform in ("iOS", "Android") else 0.42
                    purchases = noisy(rng, mu * conv * eb * (1.25 if platform == "iOS" else 1.0))
                    unit = price * PRICE_W[country] * (1.1 if platform in ("PC", "Console") else 1.0)
                    iap = round(purchases * unit * rng.uniform(0.85, 1.15))
                    refunds = noisy(rng, purchases * 0.012 * er, 0.3)
                    ad = 0
                    if platform in ("iOS", "Android") and ad_per:
                        ad = round(mu * ad_per * (1.4 if country in ("US", "JP") else 1.0) * rng.uniform(0.8, 1.2))
                    if installs == 0 and purchases == 0 and ad == 0:
                        continue
                    yield [d.isoformat(), game, platform, country, STORE[platform], iap, installs, purchases,
                           refunds, ad]
        d += timedelta(days=1)


def write(path) -> Path:
    path = Path(path)
    rng = random.Random(SEED)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "game", "platform", "country", "store", "iap_revenue", "installs", "purchases",
                    "refunds", "ad_revenue"])
        for row in rows(rng):
            w.writerow(row)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_pixelforge.py OUT.csv")
    print(write(sys.argv[1]))
