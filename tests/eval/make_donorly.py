#!/usr/bin/env python3
"""Donorly: daily fundraising facts of a made-up nonprofit (USD). Standard library only, seeded.

One row per day x campaign x channel x donor_segment x region with any activity,
2023-01-01 to 2025-11-19 (the as-of date of the questions).
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, LAST = date(2023, 1, 1), date(2025, 11, 19)
CAMPAIGNS = ["Spring Appeal", "Summer Match", "Annual Gala", "Giving Tuesday", "Year End"]
CHANNELS = {"Mail": 1.0, "Online": 1.1, "Events": 0.35, "Phone": 0.45}
SEGMENTS = {"Monthly": 1.0, "First Time": 0.8, "Lapsed": 0.45, "Major": 0.3}
REGIONS = {"Northeast": 1.2, "Southeast": 0.9, "Midwest": 0.8, "West": 1.0}
AVG_GIFT = {"Monthly": 38.0, "First Time": 62.0, "Lapsed": 85.0, "Major": 950.0}
GIVING_TUESDAY = {2023: date(2023, 11, 28), 2024: date(2024, 12, 3), 2025: date(2025, 12, 2)}
GALA_NIGHT = {2023: date(2023, 10, 14), 2024: date(2024, 10, 19), 2025: date(2025, 10, 18)}


def campaign_weight(c: str, d: date) -> float:
    m, y = d.month, d.year
    if c == "Year End":
        if m == 11:
            return 0.6 + 0.6 * d.day / 30
        if m == 12:
            return 1.4 + 2.2 * d.day / 31          # ramps to Dec 31
        if m == 1 and d.day <= 20:
            return 0.35
        return 0.02
    if c == "Giving Tuesday":
        gt = GIVING_TUESDAY[y]
        delta = (d - gt).days
        if delta == 0:
            return 9.0
        if delta == 1:
            return 2.0
        if -12 <= delta < 0:
            return 0.35
        if 1 < delta <= 5:
            return 0.3
        return 0.0
    if c == "Spring Appeal":
        if date(y, 2, 15) <= d <= date(y, 5, 31):
            return 1.0 if m in (3, 4) else 0.6
        return 0.02
    if c == "Summer Match":
        if 6 <= m <= 8:
            return 1.2 if m == 7 else 0.8
        return 0.02
    if c == "Annual Gala":
        night = GALA_NIGHT[y]
        if d == night:
            return 6.0
        if date(y, 8, 15) <= d <= date(y, 10, 31):
            return 0.9 if d < night else 0.4
        return 0.02
    raise ValueError(c)


def write(path) -> Path:
    rng = random.Random(20251119)
    path = Path(path)
    fields = ["date", "campaign", "channel", "donor_segment", "region",
              "donations", "gifts", "new_donors", "pledged_amount", "matched_amount", "event_tickets"]
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(fields)
        d = FIRST
        while d <= LAST:
            years = (d - FIRST).days / 365.25
            growth = 1.09 ** years
            weekday = 1.15 if d.weekday() < 5 else 0.75
            for c in CAMPAIGNS:
                cw = campaign_weight(c, d)
                if cw <= 0:
                    continue
                for ch, chw in CHANNELS.items():
                    if ch == "Online":
                        chw *= 1.22 ** years
                    elif ch == "Mail":
                        chw *= 0.95 ** years
                        if date(2025, 4, 7) <= d <= date(2025, 5, 18):
                            chw *= 0.12               # printing-vendor failure: appeals not mailed
                    elif ch == "Events" and c != "Annual Gala":
                        chw *= 0.25
                    elif ch == "Events" and c == "Annual Gala":
                        chw *= 3.0
                    spike = 1.0
                    if c == "Summer Match" and ch == "Online" and date(2025, 7, 14) <= d <= date(2025, 7, 20):
                        spike = 4.5                   # the match post that went viral
                    for seg, sw in SEGMENTS.items():
                        for reg, rw in REGIONS.items():
                            lam = 1.6 * cw * chw * sw * rw * growth * weekday * spike
                            p = min(1.0, 0.42 * lam ** 0.75)
                            if rng.random() >= p:
                                continue
                            gifts = max(1, round(lam / max(p, 1e-9) * rng.uniform(0.6, 1.4)))
                            if seg == "Major":
                                gifts = max(1, gifts // 6)
                            avg = AVG_GIFT[seg] * rng.lognormvariate(0, 0.25)
                            if ch == "Events":
                                avg *= 1.6
                            donations = round(gifts * avg, 2)
                            if seg == "First Time":
                                new_donors = max(1, int(gifts * rng.uniform(0.8, 1.0)))
                            elif seg == "Lapsed":
                                new_donors = 0
                            else:
                                new_donors = int(gifts * rng.uniform(0.0, 0.05))
                            pledged = 0.0
                            if seg == "Major" and (ch in ("Phone", "Events") or c == "Annual Gala"):
                                pledged = round(donations * rng.uniform(0.8, 2.5), 2)
                            elif seg == "Monthly" and rng.random() < 0.3:
                                pledged = round(donations * rng.uniform(2.0, 6.0), 2)
                            matched = 0.0
                            if c == "Summer Match" and 6 <= d.month <= 8:
                                matched = round(donations * (1.0 if seg != "Major" else 0.5), 2)
                            elif c == "Giving Tuesday" and d == GIVING_TUESDAY[d.year]:
                                matched = round(donations * 0.5, 2)
                            tickets = 0
                            if ch == "Events":
                                base = 2.2 if c == "Annual Gala" else 0.6
                                if c == "Annual Gala" and d.year == 2024:
                                    base *= 0.7               # smaller venue in 2024
                                tickets = round(gifts * base * rng.uniform(0.5, 1.5))
                            out.writerow([d.isoformat(), c, ch, seg, reg, f"{donations:.2f}", gifts, new_donors,
                                          f"{pledged:.2f}", f"{matched:.2f}", tickets])
            d += timedelta(days=1)
    return path


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "donorly.csv"
    print(write(target))
