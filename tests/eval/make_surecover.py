#!/usr/bin/env python3
"""SureCover Insurance Brokers (India, INR): daily facts by line, city, agent and carrier.

Deterministic (seeded), standard library only.  usage: python3 make_surecover.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251112
FIRST, LAST = date(2023, 1, 1), date(2025, 11, 12)

LINES = ("Motor", "Health", "Life", "Travel", "Home")
# chance that an agent has a row for the line on an ordinary weekday at the start of the data
LINE_P = {"Motor": 0.30, "Health": 0.21, "Life": 0.08, "Travel": 0.10, "Home": 0.06}
QUOTES_MEAN = {"Motor": 3.0, "Health": 2.2, "Life": 1.4, "Travel": 2.0, "Home": 1.2}
CONVERSION = {"Motor": 0.38, "Health": 0.32, "Life": 0.28, "Travel": 0.55, "Home": 0.33}
AVG_PREMIUM = {"Motor": 14500, "Health": 23000, "Life": 56000, "Travel": 1900, "Home": 7200}
COMMISSION_RATE = {"Motor": 0.15, "Health": 0.16, "Life": 0.27, "Travel": 0.20, "Home": 0.18}
CLAIM_P = {"Motor": 0.16, "Health": 0.13, "Life": 0.006, "Travel": 0.05, "Home": 0.04}
CLAIM_MEAN = {"Motor": 38000, "Health": 85000, "Life": 900000, "Travel": 26000, "Home": 70000}
CARRIERS = {
    "Motor": (("New India", 4), ("ICICI Lombard", 3), ("Bajaj Allianz", 3), ("HDFC Ergo", 2)),
    "Health": (("Star Health", 5), ("HDFC Ergo", 3), ("New India", 2), ("ICICI Lombard", 2)),
    "Life": (("Max Life", 1),),
    "Travel": (("Bajaj Allianz", 3), ("ICICI Lombard", 2), ("HDFC Ergo", 2)),
    "Home": (("New India", 3), ("HDFC Ergo", 2), ("Bajaj Allianz", 2)),
}
CARRIER_RATE = {"New India": 0.92, "Max Life": 1.0, "ICICI Lombard": 1.0, "HDFC Ergo": 1.03,
                "Star Health": 1.05, "Bajaj Allianz": 0.98}
CITY_PREMIUM = {"Mumbai": 1.22, "Delhi": 1.12, "Bengaluru": 1.10, "Pune": 0.96, "Chennai": 0.95, "Kochi": 0.86}

# (name, city, start, end); Kochi opened in April 2024
AGENTS = [
    ("Aarti Deshmukh", "Mumbai", None, None), ("Rohan Kulkarni", "Mumbai", None, None),
    ("Sneha Patil", "Mumbai", None, None), ("Imran Shaikh", "Mumbai", None, None),
    ("Kavita Joshi", "Mumbai", None, None), ("Vikram Mehta", "Mumbai", None, None),
    ("Farah Khan", "Mumbai", None, date(2024, 6, 15)), ("Nikhil Bhatt", "Mumbai", date(2024, 2, 1), None),
    ("Pooja Thakkar", "Mumbai", None, None),
    ("Rahul Verma", "Delhi", None, None), ("Ankita Sharma", "Delhi", None, None),
    ("Gurpreet Singh", "Delhi", None, None), ("Manish Gupta", "Delhi", None, None),
    ("Neha Arora", "Delhi", None, None), ("Saurabh Chauhan", "Delhi", None, None),
    ("Ritu Malhotra", "Delhi", date(2025, 3, 3), None), ("Deepak Yadav", "Delhi", None, None),
    ("Karthik Rao", "Bengaluru", None, None), ("Divya Hegde", "Bengaluru", None, None),
    ("Suresh Gowda", "Bengaluru", None, None), ("Meera Iyengar", "Bengaluru", None, None),
    ("Arjun Shetty", "Bengaluru", None, None), ("Lakshmi Murthy", "Bengaluru", date(2024, 9, 2), None),
    ("Varun Bhat", "Bengaluru", None, None),
    ("Rahul Jadhav", "Pune", None, None), ("Swati Gokhale", "Pune", None, None),
    ("Amol Pawar", "Pune", None, None), ("Shruti Apte", "Pune", None, None),
    ("Rahul Shinde", "Pune", None, None), ("Ketaki Ranade", "Pune", date(2024, 1, 8), None),
    ("Senthil Kumar", "Chennai", None, None), ("Priya Raghavan", "Chennai", None, None),
    ("Venkat Subramanian", "Chennai", None, date(2023, 11, 30)), ("Anitha Krishnan", "Chennai", None, None),
    ("Bala Murugan", "Chennai", None, None), ("Revathi Sundaram", "Chennai", date(2024, 9, 16), None),
    ("Harini Balaji", "Chennai", date(2025, 5, 5), None),
    ("Anand Menon", "Kochi", date(2024, 4, 1), None), ("Jisha Thomas", "Kochi", date(2024, 4, 1), None),
    ("Rajeev Pillai", "Kochi", date(2024, 4, 1), None), ("Sreeja Nair", "Kochi", date(2024, 7, 1), None),
]

SEASON = {  # month -> multiplier of the chance of a row
    "Motor": {3: 1.1, 6: 0.9, 7: 0.9, 8: 0.9, 10: 1.35, 11: 1.25},
    "Health": {1: 1.3, 2: 1.4, 3: 1.6, 4: 0.85},
    "Life": {1: 1.4, 2: 1.8, 3: 2.6, 4: 0.7, 5: 0.7, 6: 0.7, 12: 1.2},
    "Travel": {1: 0.9, 4: 1.2, 5: 1.6, 6: 1.4, 7: 0.8, 8: 0.8, 10: 1.2, 12: 1.5},
    "Home": {6: 1.15, 7: 1.15, 8: 1.15, 9: 1.15},
}
WEEKDAY = (1.0, 1.05, 1.0, 1.0, 1.05, 0.8, 0.35)
GROWTH = 0.18  # a year
# the festive weeks before Diwali lift Motor sales; 2025's (Dhanteras 18 Oct) was far the biggest
FESTIVE = ((date(2023, 11, 6), date(2023, 11, 12), 1.5), (date(2024, 10, 21), date(2024, 10, 27), 1.5),
           (date(2025, 10, 13), date(2025, 10, 19), 2.4))
# Chennai floods (cyclone Michaung): sales fall, Motor and Home claims jump
FLOOD = (date(2023, 12, 3), date(2024, 1, 10))
# Star Health's broker portal migration: Health via Star Health nearly stops for five weeks
STAR_OUTAGE = (date(2025, 7, 28), date(2025, 8, 31))


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def pick(rng: random.Random, weighted) -> str:
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for name, w in weighted:
        x -= w
        if x <= 0:
            return name
    return weighted[-1][0]


def rows(rng: random.Random):
    skill = {a[0]: rng.uniform(0.6, 1.5) for a in AGENTS}
    taste = {a[0]: {ln: rng.uniform(0.6, 1.4) for ln in LINES} for a in AGENTS}
    day = FIRST
    while day <= LAST:
        years = (day - FIRST).days / 365.25
        growth = (1 + GROWTH) ** years
        price = 1.06 ** years
        in_flood = FLOOD[0] <= day <= FLOOD[1]
        star_out = STAR_OUTAGE[0] <= day <= STAR_OUTAGE[1]
        festive = next((m for s, e, m in FESTIVE if s <= day <= e), 1.0)
        for name, city, start, end in AGENTS:
            if (start and day < start) or (end and day > end):
                continue
            ramp = min(1.0, 0.35 + (day - start).days / 120) if start else 1.0
            base = skill[name] * ramp * WEEKDAY[day.weekday()] * growth
            if city == "Chennai" and in_flood:
                base *= 0.45
            for line in LINES:
                p = LINE_P[line] * taste[name][line] * base * SEASON[line].get(day.month, 1.0)
                if line == "Motor":
                    p *= festive
                if line == "Life" and day.year == 2025 and day.month == 3:
                    p *= 1.25
                carriers = CARRIERS[line]
                if line == "Health" and star_out:
                    carriers = tuple((c, w * 0.12 if c == "Star Health" else w) for c, w in carriers)
                    p *= 0.62
                if rng.random() >= min(p, 0.95):
                    continue
                carrier = pick(rng, carriers)
                quotes = 1 + poisson(rng, QUOTES_MEAN[line] * (1.3 if festive > 1 and line == "Motor" else 1.0))
                sold = sum(1 for _ in range(quotes) if rng.random() < CONVERSION[line])
                premium = sum(AVG_PREMIUM[line] * price * CITY_PREMIUM[city] * rng.lognormvariate(0, 0.35)
                              for _ in range(sold))
                premium = round(premium)
                commission = round(premium * COMMISSION_RATE[line] * CARRIER_RATE[carrier], 2)
                claims = 0.0
                claim_p = CLAIM_P[line]
                if city == "Chennai" and in_flood and line in ("Motor", "Home"):
                    claim_p = min(0.9, claim_p * 5)
                if rng.random() < claim_p:
                    claims = round(CLAIM_MEAN[line] * price * rng.lognormvariate(0, 0.6))
                    if city == "Chennai" and in_flood and line in ("Motor", "Home"):
                        claims = round(claims * 1.8)
                yield (day.isoformat(), line, city, name, carrier, premium, sold, claims, commission, quotes)
        day += timedelta(days=1)


def write(path) -> Path:
    path = Path(path)
    rng = random.Random(SEED)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "line", "city", "agent", "carrier",
                    "premium_written", "policies_sold", "claims_paid", "commission", "quotes"])
        for row in rows(rng):
            w.writerow(row)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_surecover.py OUT.csv")
    print(write(sys.argv[1]))
