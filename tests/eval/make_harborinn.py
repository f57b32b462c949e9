"""Harbor Inn Hotels (made up): daily room and F&B facts of four Singapore hotels, in SGD.

Standard library only, seeded: the same file every run.
usage: python3 make_harborinn.py OUT.csv
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, LAST = date(2023, 1, 1), date(2025, 11, 12)
HOTELS = ("The Grand", "Harbour View", "Central", "Orchard House")
ROOM_TYPES = ("Standard", "Deluxe", "Suite", "Family")
CHANNELS = ("Direct", "Booking", "Expedia", "Walk-in", "Corporate")
SEGMENTS = ("Leisure", "Corporate", "Group", "Long Stay")
# rooms of each type (Orchard House has no suites)
CAPACITY = {
    "The Grand": (180, 120, 30, 40),
    "Harbour View": (150, 100, 20, 30),
    "Central": (200, 80, 10, 40),
    "Orchard House": (90, 60, 0, 50),
}
BASE_RATE = {  # SGD per night
    "The Grand": (320, 450, 1100, 520),
    "Harbour View": (280, 390, 900, 460),
    "Central": (190, 260, 600, 300),
    "Orchard House": (230, 310, 0, 380),
}
GUESTS_PER_ROOM = (1.6, 1.8, 2.1, 3.3)
FNB_PER_GUEST = {"The Grand": 95, "Harbour View": 80, "Central": 45, "Orchard House": 60}
MONTH_OCC = (0.93, 0.84, 0.92, 0.95, 0.97, 1.02, 1.09, 1.07, 0.98, 1.00, 0.96, 1.08)
MONTH_RATE = (0.97, 0.90, 0.95, 0.97, 0.98, 1.03, 1.10, 1.08, 1.00, 1.02, 0.98, 1.12)
CHANNEL_RATE = {"Direct": 1.03, "Booking": 1.0, "Expedia": 0.99, "Walk-in": 1.15, "Corporate": 0.90}
SEGMENT_RATE = {"Leisure": 1.0, "Corporate": 0.95, "Group": 0.85, "Long Stay": 0.70}
CANCEL_RATE = {"Direct": 0.04, "Booking": 0.11, "Expedia": 0.10, "Walk-in": 0.0, "Corporate": 0.05}
F1_DAYS = {  # Singapore Grand Prix weekends (Thu-Sun)
    date(2023, 9, 14) + timedelta(days=i) for i in range(4)} | {
    date(2024, 9, 19) + timedelta(days=i) for i in range(4)} | {
    date(2025, 10, 2) + timedelta(days=i) for i in range(4)}
RENOVATION = (date(2025, 2, 1), date(2025, 3, 31))  # Harbour View: most floors closed
EXPEDIA_OUTAGE = (date(2025, 11, 3), date(2025, 11, 9))  # payment outage: mass cancellations
LONG_STAY_LAUNCH = date(2024, 3, 1)


def channel_weights(day: date) -> dict:
    t = (day - FIRST).days / 365.25  # years since start
    return {
        "Direct": 0.22 + 0.04 * t,
        "Booking": 0.28,
        "Expedia": 0.22 - 0.01 * t,
        "Walk-in": max(0.02, 0.10 - 0.03 * t),
        "Corporate": 0.12 + 0.03 * t,
    }


def segment_for(rng: random.Random, channel: str, day: date) -> str:
    if channel == "Corporate":
        return "Corporate" if rng.random() < 0.85 else "Group"
    w = {"Leisure": 0.68, "Corporate": 0.12, "Group": 0.12,
         "Long Stay": 0.08 if day >= LONG_STAY_LAUNCH else 0.0}
    if channel == "Walk-in":
        w["Group"] = 0.0
    return rng.choices(list(w), weights=list(w.values()))[0]


def write(path) -> Path:
    rng = random.Random(20251112)
    path = Path(path)
    rows = []
    day = FIRST
    while day <= LAST:
        t = (day - FIRST).days / 365.25
        weekend = day.weekday() in (4, 5)
        for hotel in HOTELS:
            for i, room_type in enumerate(ROOM_TYPES):
                cap = CAPACITY[hotel][i]
                if not cap:
                    continue
                if hotel == "Harbour View" and RENOVATION[0] <= day <= RENOVATION[1]:
                    cap = int(cap * 0.4)
                occ = 0.74 * MONTH_OCC[day.month - 1] * (1 + 0.025 * t) * (1.05 if weekend else 1.0)
                rate = BASE_RATE[hotel][i] * MONTH_RATE[day.month - 1] * (1 + 0.06 * t) * (1.06 if weekend else 1.0)
                if day in F1_DAYS:
                    occ *= 1.25
                    rate *= 2.3 if hotel in ("Harbour View", "The Grand") else 1.5
                occ = min(0.98, occ * rng.uniform(0.92, 1.08))
                total = round(cap * occ)
                if total <= 0:
                    continue
                k = rng.choices((1, 2, 3), weights=(0.35, 0.45, 0.20))[0]
                cw = channel_weights(day)
                if hotel == "Orchard House":
                    cw["Walk-in"] *= 0.3
                picks = []
                while len(picks) < k:
                    ch = rng.choices(list(cw), weights=list(cw.values()))[0]
                    combo = (ch, segment_for(rng, ch, day))
                    if combo not in picks:
                        picks.append(combo)
                weights = [rng.uniform(0.5, 1.5) for _ in picks]
                left = total
                for j, (ch, seg) in enumerate(picks):
                    rooms = left if j == len(picks) - 1 else round(total * weights[j] / sum(weights))
                    rooms = min(rooms, left)
                    left -= rooms
                    if rooms <= 0:
                        continue
                    adr = rate * CHANNEL_RATE[ch] * SEGMENT_RATE[seg] * rng.uniform(0.95, 1.05)
                    guests = max(1, round(rooms * GUESTS_PER_ROOM[i] * rng.uniform(0.9, 1.1)))
                    fnb = guests * FNB_PER_GUEST[hotel] * (1.3 if seg == "Group" else 1.0) * rng.uniform(0.8, 1.2)
                    crate = CANCEL_RATE[ch]
                    if ch == "Expedia" and EXPEDIA_OUTAGE[0] <= day <= EXPEDIA_OUTAGE[1]:
                        crate *= 6
                    cancels = sum(1 for _ in range(rooms) if rng.random() < crate)
                    rows.append((day.isoformat(), hotel, room_type, ch, seg,
                                 f"{rooms * adr:.2f}", rooms, f"{fnb:.2f}", cancels, guests))
        day += timedelta(days=1)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(("date", "hotel", "room_type", "booking_channel", "market_segment",
                    "room_revenue", "rooms_sold", "fnb_revenue", "cancellations", "guests"))
        w.writerows(rows)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_harborinn.py OUT.csv")
    print(write(sys.argv[1]))
