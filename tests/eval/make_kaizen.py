#!/usr/bin/env python3
"""Kaizen Fitness: a made-up Japanese gym chain (JPY, zero decimals). Standard library only, deterministic.

One row per day x gym x (trainer, class type) on shift x membership tier, 2023-01-01 to 2025-11-12.
Shape: ~10%/yr growth; New-Year and April sign-up peaks; June (rainy season) and August (Obon) dips in
bookings; New-Year holiday closure; Central opens 2024-04-01 and ramps up; HIIT grows fast, Spin declines;
Umeda closed for renovation 2025-06-09..22; Tenjin sign-up campaign in September 2025; "PT month" promotion
in October 2025; a Plus-tier price rise at Sakae from 2025-11-01 with a cancellation spike in week 45 of 2025.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

START, END = date(2023, 1, 1), date(2025, 11, 12)
CENTRAL_OPEN = date(2024, 4, 1)

GYMS = {"Shibuya": 1.3, "Umeda": 1.2, "Sakae": 0.9, "Tenjin": 0.8, "Central": 1.0}
TRAINERS = {
    "Shibuya": [("Kenji Tanaka", ("Spin", "HIIT"), 1.4), ("Aiko Watanabe", ("Yoga", "Core"), 0.9),
                ("Ryo Nakamura", ("Boxing", "HIIT"), 1.2), ("Hana Suzuki", ("Yoga", "Spin"), 0.8),
                ("Daichi Ito", ("Core", "Boxing"), 1.0)],
    "Umeda": [("Yui Tanaka", ("Yoga", "Core"), 1.1), ("Takumi Yamamoto", ("Boxing", "Spin"), 1.3),
              ("Sakura Kobayashi", ("HIIT", "Core"), 1.0), ("Haruto Sato", ("Spin", "Boxing"), 0.9),
              ("Mio Kato", ("Yoga", "HIIT"), 1.2)],
    "Sakae": [("Sota Yoshida", ("Boxing", "Core"), 1.0), ("Rina Yamada", ("Yoga", "Spin"), 0.8),
              ("Kaito Sasaki", ("HIIT", "Spin"), 1.1), ("Mei Sato", ("Yoga", "Core"), 1.2),
              ("Yuto Matsumoto", ("Boxing", "HIIT"), 0.9)],
    "Tenjin": [("Nana Inoue", ("Yoga", "HIIT"), 1.0), ("Riku Kimura", ("Boxing", "Spin"), 1.1),
               ("Koharu Hayashi", ("Core", "Yoga"), 0.8), ("Ren Shimizu", ("HIIT", "Boxing"), 1.3),
               ("Akari Suzuki", ("Spin", "Core"), 0.9)],
    "Central": [("Hinata Mori", ("HIIT", "Spin"), 1.1), ("Sora Abe", ("Yoga", "Core"), 1.0),
                ("Yuna Ikeda", ("Boxing", "HIIT"), 1.2), ("Kenta Hashimoto", ("Spin", "Core"), 0.9),
                ("Emi Ishikawa", ("Yoga", "Boxing"), 1.0)],
}
TIERS = {  # fee per day-slot, bookings share, new-member rate, cancellation rate, PT rate, PT price
    "Basic": (38000, 1.0, 1.2, 1.3, 0.3, 7000),
    "Plus": (52000, 0.9, 0.8, 0.9, 0.8, 7500),
    "Premium": (70000, 0.6, 0.4, 0.5, 2.0, 9000),
}
CLASS_TREND = {"Spin": -0.08, "Yoga": 0.0, "Boxing": 0.10, "Core": 0.05, "HIIT": 0.35}  # per year from 2024
BOOK_SEASON = {1: 1.15, 2: 1.10, 3: 1.05, 4: 1.05, 5: 1.00, 6: 0.86, 7: 0.95, 8: 0.80, 9: 0.98, 10: 1.05,
               11: 1.02, 12: 0.85}
NEW_SEASON = {1: 2.0, 2: 1.3, 3: 1.2, 4: 1.5, 5: 1.0, 6: 0.85, 7: 0.9, 8: 0.75, 9: 1.0, 10: 1.0, 11: 0.95,
              12: 0.7}
CANCEL_SEASON = {1: 0.8, 2: 0.9, 3: 1.3, 4: 1.1, 5: 1.0, 6: 1.0, 7: 1.0, 8: 1.1, 9: 1.0, 10: 0.9, 11: 1.0,
                 12: 1.1}
PT_SEASON = {1: 1.2, 2: 1.1, 3: 1.0, 4: 1.05, 5: 1.0, 6: 0.95, 7: 0.95, 8: 0.85, 9: 1.0, 10: 1.0, 11: 1.0,
             12: 0.8}

HEADER = ["date", "gym", "class_type", "trainer", "membership_tier",
          "membership_revenue", "pt_revenue", "class_bookings", "new_members", "cancellations"]


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


def rows(seed: int = 20251112):
    rng = random.Random(seed)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        growth = 1 + 0.10 * years
        m = day.month
        weekend = day.weekday() >= 5
        holiday = (m == 12 and day.day >= 29) or (m == 1 and day.day <= 3)
        obon = m == 8 and 11 <= day.day <= 16
        for gym, size in GYMS.items():
            if gym == "Central":
                if day < CENTRAL_OPEN:
                    continue
                months_open = (day - CENTRAL_OPEN).days / 30.4
                size *= min(1.0, 0.4 + 0.1 * months_open)
            renovation = gym == "Umeda" and date(2025, 6, 9) <= day <= date(2025, 6, 22)
            slots = 3 if weekend else 2
            on_shift = rng.sample(TRAINERS[gym], slots)
            for trainer, classes, pt_mult in on_shift:
                ctype = rng.choice(classes)
                trend = 1 + CLASS_TREND[ctype] * max(0.0, (day - date(2024, 1, 1)).days / 365.25)
                for tier, (fee, book_share, nm_rate, c_rate, pt_rate, pt_price) in TIERS.items():
                    # membership fees, spread over the day's slots so a gym's daily total is steady
                    f = fee * size * growth * (2 / slots) * rng.uniform(0.95, 1.05)
                    if gym == "Sakae" and tier == "Plus" and day >= date(2025, 11, 1):
                        f *= 1.15  # price rise
                    if gym == "Tenjin" and date(2025, 9, 1) <= day <= date(2025, 9, 30):
                        f *= 0.93  # first month free for campaign joiners
                    if renovation:
                        f *= 0.5  # fees half-frozen during the closure
                    if holiday:
                        f *= 0.9
                    # class bookings
                    b = 14 * size * trend * BOOK_SEASON[m] * growth * book_share * (1.2 if weekend else 1.0)
                    b *= math.exp(rng.gauss(0, 0.15))
                    if holiday:
                        b *= 0.4
                    if obon:
                        b *= 0.6
                    if renovation:
                        b *= 0.12
                    # new members
                    nm = 0.9 * size * nm_rate * NEW_SEASON[m] * growth
                    if gym == "Tenjin" and m == 9 and day.year == 2025:
                        nm *= 3.0
                    if gym == "Central" and day < CENTRAL_OPEN + timedelta(days=61):
                        nm *= 2.0
                    if renovation:
                        nm *= 0.2
                    # cancellations
                    c = 0.35 * size * c_rate * CANCEL_SEASON[m]
                    if gym == "Sakae" and date(2025, 11, 3) <= day <= date(2025, 11, 9):
                        c *= 5.0 if tier == "Plus" else 2.0
                    if renovation:
                        c *= 1.8
                    # personal training
                    lam = 1.2 * pt_mult * pt_rate * PT_SEASON[m] * growth
                    if day.year == 2025 and m == 10:
                        lam *= 1.5  # PT month promotion
                    if renovation:
                        lam *= 0.3
                    if holiday:
                        lam *= 0.3
                    sessions = poisson(rng, lam)
                    yield [day.isoformat(), gym, ctype, trainer, tier,
                           round(f), sessions * pt_price, round(b), poisson(rng, nm), poisson(rng, c)]
        day += timedelta(days=1)


def write(path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows())
    return path


if __name__ == "__main__":
    out = write(sys.argv[1] if len(sys.argv) > 1 else "kaizen.csv")
    print(out)
