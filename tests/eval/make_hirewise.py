#!/usr/bin/env python3
"""HireWise Talent Partners, a made-up US recruiting agency: daily desk activity.

usage: python3 make_hirewise.py OUT.csv

Deterministic (seed 20261130, standard library only). One row per day,
recruiter, client, role family and contract type that had any activity,
2024-01-01 to 2026-11-30.

- dimensions: recruiter (14), client (28), role_family (Engineering, Finance,
  Sales, Ops, Nursing), contract_type (Perm, Contract, Temp)
- measures: fees (USD invoiced: perm placement fees on the day of the
  placement; contract and temp margin invoiced every Friday on the heads
  on assignment), placements, interviews, submissions (candidates
  submitted), offers_declined
- events: Jack Frost joins 2024-06-03 and ramps up over three months; Hope
  Diaz leaves 2025-07-31 and Will Grant takes her desk (and her contractors
  on assignment) from 2025-08-01; Stratus Cloud becomes a client 2025-03-01;
  Bluebird Software freezes hiring and ends every contractor 2025-09-01 to
  2026-01-31 (then back at 60%); Harborview Hospital opens a new wing in
  March 2026 (Contract and Temp nursing at 3.5x); Engineering Perm offers
  are declined four times as often in May 2026 (counter-offers); Chase
  Rivera is on leave in February 2026; holiday temp peak (Oct 15 - Dec 15)
  at Orbit Retail, Pinnacle Foods and Last Mile Couriers
- trends: Nursing +25% a year, Engineering flat in 2024, -15% in 2025,
  recovering in 2026; Q1 strong, August and late December quiet
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
HEADER = ["date", "recruiter", "client", "role_family", "contract_type",
          "fees", "placements", "interviews", "submissions", "offers_declined"]

# (recruiter, client, role family, weight)
DESKS = [
    ("Summer Lee", "Harborview Hospital", "Nursing", 1.3),
    ("Summer Lee", "Best Care Clinics", "Nursing", 1.0),
    ("Summer Lee", "Evergreen Senior Living", "Nursing", 0.8),
    ("Summer Lee", "Day One Health", "Nursing", 0.7),
    ("Jack Frost", "Bluebird Software", "Engineering", 2.0),
    ("Jack Frost", "Quantum Analytics", "Engineering", 0.9),
    ("Jack Frost", "Vertex Robotics", "Engineering", 0.7),
    ("Jack Frost", "Stratus Cloud", "Engineering", 1.0),
    ("Rich Cole", "Apex Bank", "Finance", 1.2),
    ("Rich Cole", "First Street Bank", "Finance", 0.9),
    ("Rich Cole", "Silverline Capital", "Finance", 0.8),
    ("Rich Cole", "Lakeshore Credit Union", "Finance", 0.5),
    ("Hope Diaz", "Last Mile Couriers", "Ops", 1.2),
    ("Hope Diaz", "Metro Transit Authority", "Ops", 0.8),
    ("Hope Diaz", "Coastal Freight", "Ops", 0.9),
    ("Hope Diaz", "Pinnacle Foods", "Ops", 0.8),
    ("May Chen", "Ironclad Security", "Engineering", 1.0),
    ("May Chen", "Keystone Manufacturing", "Engineering", 0.7),
    ("May Chen", "New Leaf Energy", "Engineering", 0.9),
    ("May Chen", "Bluebird Software", "Engineering", 1.6),
    ("Will Grant", "Keystone Manufacturing", "Ops", 1.0),
    ("Will Grant", "Granite Ridge Builders", "Ops", 0.9),
    ("Will Grant", "Orbit Retail", "Ops", 1.0),
    ("Mark Patel", "Top Line Media", "Sales", 1.1),
    ("Mark Patel", "Peak Fitness", "Sales", 0.8),
    ("Mark Patel", "Orbit Retail", "Sales", 0.7),
    ("Mark Patel", "Bluebird Software", "Sales", 1.2),
    ("Sandy Brooks", "Northwind Health", "Nursing", 1.2),
    ("Sandy Brooks", "Redwood Medical Group", "Nursing", 0.9),
    ("Sandy Brooks", "Prime Dental", "Nursing", 0.5),
    ("Sandy Brooks", "Harborview Hospital", "Nursing", 0.8),
    ("Dawn Price", "Crescent Insurance", "Finance", 1.0),
    ("Dawn Price", "Apex Bank", "Finance", 0.8),
    ("Dawn Price", "Lakeshore Credit Union", "Finance", 0.6),
    ("Rob Stone", "Vertex Robotics", "Engineering", 0.9),
    ("Rob Stone", "Granite Ridge Builders", "Engineering", 0.6),
    ("Rob Stone", "New Leaf Energy", "Ops", 0.7),
    ("Grace Kim", "Crescent Insurance", "Sales", 0.9),
    ("Grace Kim", "Stratus Cloud", "Sales", 0.8),
    ("Grace Kim", "Pinnacle Foods", "Sales", 0.7),
    ("Grace Kim", "Top Line Media", "Sales", 0.8),
    ("Art Novak", "Evergreen Senior Living", "Nursing", 1.0),
    ("Art Novak", "Northwind Health", "Nursing", 0.8),
    ("Art Novak", "Day One Health", "Nursing", 0.9),
    ("Bill Young", "Silverline Capital", "Finance", 0.9),
    ("Bill Young", "First Street Bank", "Finance", 0.7),
    ("Bill Young", "Peak Fitness", "Sales", 0.6),
    ("Chase Rivera", "Metro Transit Authority", "Ops", 0.9),
    ("Chase Rivera", "Coastal Freight", "Ops", 0.8),
    ("Chase Rivera", "Northwind Health", "Nursing", 0.7),
    ("Chase Rivera", "Summit Logistics", "Ops", 0.9),
]
# contract type mix by role family
MIX = {
    "Engineering": {"Perm": 0.5, "Contract": 0.5},
    "Finance": {"Perm": 0.6, "Contract": 0.3, "Temp": 0.1},
    "Sales": {"Perm": 0.85, "Contract": 0.15},
    "Ops": {"Perm": 0.25, "Contract": 0.15, "Temp": 0.6},
    "Nursing": {"Perm": 0.35, "Contract": 0.2, "Temp": 0.45},
}
SALARY = {"Engineering": (130000, 190000), "Finance": (95000, 150000), "Sales": (70000, 120000),
          "Ops": (50000, 80000), "Nursing": (75000, 105000)}
WEEKLY_MARGIN = {  # fees invoiced a week for one head on assignment
    ("Engineering", "Contract"): 1400.0, ("Finance", "Contract"): 1000.0, ("Sales", "Contract"): 800.0,
    ("Ops", "Contract"): 600.0, ("Nursing", "Contract"): 1200.0,
    ("Finance", "Temp"): 450.0, ("Ops", "Temp"): 320.0, ("Nursing", "Temp"): 520.0,
}
WEEKLY_END = {"Contract": 1 / 16, "Temp": 1 / 5}  # chance a head's assignment ends in a week
PLACE_RATE = {"Perm": 0.07, "Contract": 0.12, "Temp": 0.28}  # placements per submission
INTERVIEW_RATE = {"Perm": 0.42, "Contract": 0.35, "Temp": 0.25}
DECLINE_RATE = {"Perm": 0.025, "Contract": 0.012, "Temp": 0.01}
MONTH = {1: 1.15, 2: 1.1, 3: 1.1, 4: 1.0, 5: 1.0, 6: 0.95, 7: 0.9, 8: 0.82, 9: 1.05, 10: 1.05, 11: 0.95, 12: 0.8}
GROWTH = {"Nursing": 0.25, "Finance": 0.08, "Sales": 0.05, "Ops": 0.10}
HOLIDAYS = {date(2024, 1, 1), date(2024, 5, 27), date(2024, 7, 4), date(2024, 9, 2), date(2024, 11, 28),
            date(2024, 11, 29), date(2024, 12, 25), date(2025, 1, 1), date(2025, 5, 26), date(2025, 7, 4),
            date(2025, 9, 1), date(2025, 11, 27), date(2025, 11, 28), date(2025, 12, 25), date(2026, 1, 1),
            date(2026, 5, 25), date(2026, 7, 3), date(2026, 9, 7), date(2026, 11, 26), date(2026, 11, 27)}
HOLIDAY_TEMP = {"Orbit Retail", "Pinnacle Foods", "Last Mile Couriers"}


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def engineering(day: date) -> float:
    if day.year == 2024:
        return 1.0
    if day.year == 2025:
        return 0.85
    return 0.85 * (1 + 0.25 * (day.month / 12))


def season(day: date) -> float:
    f = MONTH[day.month]
    if day.month == 12 and day.day >= 20:
        f *= 0.3
    if day in HOLIDAYS:
        f *= 0.1
    return f


def owner(recruiter: str, day: date) -> str | None:
    """Who works the desk on this day (None: nobody yet)."""
    if recruiter == "Jack Frost" and day < date(2024, 6, 3):
        return None
    if recruiter == "Hope Diaz" and day > date(2025, 7, 31):
        return "Will Grant"
    return recruiter


def factor(recruiter: str, client: str, role: str, ctype: str, day: date) -> float:
    years = (day - START).days / 365.25
    f = season(day)
    if role == "Engineering":
        f *= engineering(day)
    else:
        f *= (1 + GROWTH[role]) ** years
    if recruiter == "Jack Frost":
        f *= min(1.0, 0.2 + (day - date(2024, 6, 3)).days / 90)
    if recruiter == "Hope Diaz" and day > date(2025, 7, 31):
        f *= 0.8
    if recruiter == "Chase Rivera" and day.year == 2026 and day.month == 2:
        f *= 0.1
    if client == "Stratus Cloud" and day < date(2025, 3, 1):
        return 0.0
    if client == "Bluebird Software":
        if date(2025, 9, 1) <= day <= date(2026, 1, 31):
            return 0.0
        if day > date(2026, 1, 31):
            f *= 0.6
    if client == "Harborview Hospital" and day.year == 2026 and day.month == 3:
        f *= 3.5
    if client in HOLIDAY_TEMP and ctype == "Temp" and (
            (day.month == 10 and day.day >= 15) or day.month == 11 or (day.month == 12 and day.day <= 15)):
        f *= 2.5
    weekend = day.weekday() >= 5
    if weekend:
        f *= 0.25 if ctype == "Temp" and role in ("Nursing", "Ops") else 0.0
    return f


def rows():
    rng = random.Random(SEED)
    heads: dict = {}  # (client, role, ctype) of a desk -> heads on assignment, keyed by the desk's recruiter
    day = START
    while day <= END:
        mood = rng.lognormvariate(0.0, 0.12)
        out: dict = {}
        for recruiter, client, role, weight in DESKS:
            who = owner(recruiter, day)
            if who is None:
                continue
            for ctype, share in MIX[role].items():
                key = (recruiter, client, role, ctype)
                f = factor(recruiter, client, role, ctype, day) * mood
                lam = 0.32 * weight * share * f
                subs = poisson(rng, lam * 2.2)
                interviews = poisson(rng, lam * 2.2 * INTERVIEW_RATE[ctype])
                placements = poisson(rng, lam * 2.2 * PLACE_RATE[ctype])
                declined = DECLINE_RATE[ctype]
                if role == "Engineering" and ctype == "Perm" and day.year == 2026 and day.month == 5:
                    declined *= 8
                offers_declined = poisson(rng, lam * 2.2 * declined)
                fees = 0.0
                if ctype == "Perm":
                    for _ in range(placements):
                        lo, hi = SALARY[role]
                        fees += rng.uniform(lo, hi) * rng.uniform(0.18, 0.25)
                else:
                    if client == "Bluebird Software" and day == date(2025, 9, 1):
                        heads[key] = 0
                    n = heads.get(key, 0)
                    if day.weekday() == 4 and n:
                        fees += n * WEEKLY_MARGIN[(role, ctype)] * rng.uniform(0.9, 1.1)
                        ended = sum(1 for _ in range(n) if rng.random() < WEEKLY_END[ctype])
                        n -= ended
                    heads[key] = n + placements
                if subs or interviews or placements or offers_declined or fees:
                    cell = out.setdefault((who, client, role, ctype), [0.0, 0, 0, 0, 0])
                    cell[0] += fees
                    cell[1] += placements
                    cell[2] += interviews
                    cell[3] += subs
                    cell[4] += offers_declined
        for (who, client, role, ctype), (fees, pl, iv, sb, od) in sorted(out.items()):
            yield [day.isoformat(), who, client, role, ctype, f"{fees:.2f}", pl, iv, sb, od]
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
    write(sys.argv[1])
