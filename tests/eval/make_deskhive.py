#!/usr/bin/env python3
"""DeskHive, a made-up Canadian coworking operator (amounts in CAD): daily facts.

usage: python3 make_deskhive.py OUT.csv

Deterministic (fixed seed, standard library only). 2023-04-01 to 2025-11-12 (the
as-of date of the questions). One row per day, location, plan and member cohort
(company_size x referral) that had any activity. For every day, location and plan a
few cohorts are active; the day's volume of that location and plan is split between
them by cohort weight.

- dimensions: location (Toronto, Vancouver, Calgary, Ottawa Market, Halifax; Halifax
  opens 2024-03-01), plan (Hot Desk, Dedicated Desk, Private Office, Day Pass),
  company_size (Solo, Small, Mid, Enterprise), referral (Google, Friend, Walk-in, Broker)
- measures: membership_fees (CAD billed), desk_bookings, day_passes (only on the Day
  Pass plan), meeting_room_hours, new_members (never on the Day Pass plan)
- shape: weekends at a quarter of a weekday; summer dip (July, August), holiday
  trough (Dec 20 - Jan 2); new members surge in January and September; growth
  (Calgary fastest); price rise on 2025-01-01 (Hot Desk 28 -> 32, Day Pass 35 -> 39)
- events: Vancouver water leak 2025-03-03..2025-03-30 (desks and passes x0.35, rooms
  x0.5); Toronto tech-conference week 2025-06-16..22 (day passes x4, room hours x3);
  a broker partnership from 2025-10-01 (Broker cohorts picked 3x as often, Broker
  new members x4 in October 2025, x2 after)
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251112
START, END = date(2023, 4, 1), date(2025, 11, 12)
HEADER = ["date", "location", "plan", "company_size", "referral",
          "membership_fees", "desk_bookings", "day_passes", "meeting_room_hours", "new_members"]

LOCATIONS = {  # weight, growth a year
    "Toronto": (1.0, 0.08), "Vancouver": (0.8, 0.10), "Calgary": (0.45, 0.28),
    "Ottawa Market": (0.4, 0.05), "Halifax": (0.25, 0.20),
}
HALIFAX_OPENS = date(2024, 3, 1)
# plan: desk bookings, day passes, meeting room hours, new members a weekday at weight 1
PLANS = {
    "Hot Desk": (60.0, 0.0, 18.0, 1.2),
    "Dedicated Desk": (35.0, 0.0, 14.0, 0.6),
    "Private Office": (12.0, 0.0, 30.0, 0.25),
    "Day Pass": (0.0, 25.0, 6.0, 0.0),
}
SIZES = {
    "Hot Desk": {"Solo": 0.6, "Small": 0.3, "Mid": 0.08, "Enterprise": 0.02},
    "Dedicated Desk": {"Solo": 0.3, "Small": 0.45, "Mid": 0.18, "Enterprise": 0.07},
    "Private Office": {"Solo": 0.05, "Small": 0.35, "Mid": 0.4, "Enterprise": 0.2},
    "Day Pass": {"Solo": 0.75, "Small": 0.2, "Mid": 0.04, "Enterprise": 0.01},
}
REFERRALS = {"Google": 0.4, "Friend": 0.3, "Walk-in": 0.2, "Broker": 0.1}


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 60:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def season(day: date) -> float:
    f = 1.0
    if day.month in (7, 8):
        f *= 0.8
    if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 2):
        f *= 0.4
    if day.month == 9:
        f *= 1.1
    return f * (0.25 if day.weekday() >= 5 else 1.0)


def member_season(day: date) -> float:
    return {1: 1.6, 9: 1.5, 7: 0.8, 8: 0.8, 12: 0.6}.get(day.month, 1.0)


def prices(day: date, plan: str) -> tuple[float, float, float]:
    """(per desk booking, per day pass, per meeting room hour)."""
    new = day >= date(2025, 1, 1)
    desk = {"Hot Desk": 32.0 if new else 28.0, "Dedicated Desk": 47.0, "Private Office": 135.0, "Day Pass": 0.0}[plan]
    return desk, 39.0 if new else 35.0, 20.0 if plan == "Private Office" else 42.0


def rows():
    rng = random.Random(SEED)
    cohorts = {p: [(s, r, ws * wr) for s, ws in SIZES[p].items() for r, wr in REFERRALS.items()] for p in PLANS}
    day = START
    while day <= END:
        weekend = day.weekday() >= 5
        for loc, (lw, growth) in LOCATIONS.items():
            if loc == "Halifax":
                if day < HALIFAX_OPENS:
                    continue
                ramp = min(1.0, 0.3 + 0.7 * (day - HALIFAX_OPENS).days / 120)
                years = (day - HALIFAX_OPENS).days / 365.25
            else:
                ramp = 1.0
                years = (day - START).days / 365.25
            scale = lw * ramp * season(day) * (1 + growth) ** years
            for plan, (desk_r, pass_r, room_r, new_r) in PLANS.items():
                desk_f = pass_f = room_f = 1.0
                if loc == "Vancouver" and date(2025, 3, 3) <= day <= date(2025, 3, 30):
                    desk_f = pass_f = 0.35
                    room_f = 0.5
                if loc == "Toronto" and date(2025, 6, 16) <= day <= date(2025, 6, 22):
                    pass_f, room_f = 4.0, 3.0
                broker_boost = 3.0 if day >= date(2025, 10, 1) else 1.0
                weights = [(s, r, w * (broker_boost if r == "Broker" else 1.0)) for s, r, w in cohorts[plan]]
                k = 1 + poisson(rng, (0.25 if weekend else 0.9) * (0.6 + lw))
                if weekend and rng.random() < 0.35 and plan != "Day Pass":
                    continue
                chosen, pool = [], list(weights)
                for _ in range(min(k, len(pool))):
                    total = sum(w for _, _, w in pool)
                    x, acc = rng.random() * total, 0.0
                    for i, (_s, _r, w) in enumerate(pool):
                        acc += w
                        if x <= acc:
                            chosen.append(pool.pop(i))
                            break
                wsum = sum(w for _, _, w in chosen)
                p_desk, p_pass, p_room = prices(day, plan)
                for size, ref, w in chosen:
                    share = w / wsum
                    nm_f = member_season(day)
                    if ref == "Broker" and day >= date(2025, 10, 1):
                        nm_f *= 4.0 if day.month == 10 else 2.0
                    desks = poisson(rng, desk_r * scale * share * desk_f)
                    passes = poisson(rng, pass_r * scale * share * pass_f)
                    big = 1.5 if size == "Enterprise" else 1.0
                    hours = poisson(rng, 2 * room_r * scale * share * room_f * big) / 2
                    new = poisson(rng, new_r * scale * share * nm_f * (1.0 if not weekend else 1.5))
                    fees = desks * p_desk + passes * p_pass + hours * p_room + new * 99.0
                    fees = round(fees * rng.uniform(0.97, 1.03), 2) if fees else 0.0
                    if desks or passes or hours or new or fees:
                        yield [day.isoformat(), loc, plan, size, ref, f"{fees:.2f}", desks, passes,
                               f"{hours:g}", new]
        day += timedelta(days=1)


def write(path) -> Path:
    out = Path(path)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: make_deskhive.py OUT.csv")
    p = write(sys.argv[1])
    with p.open() as fh:
        n = sum(1 for _ in fh) - 1
    print(f"{p}: {n} rows, {START}..{END}")
