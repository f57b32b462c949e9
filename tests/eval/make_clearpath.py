#!/usr/bin/env python3
"""Clearpath Dental, a made-up group of dental clinics: daily facts with measures of its own (USD).

usage: python3 make_clearpath.py [OUT.csv]      (default: clearpath.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, clinic,
treatment and payer that had any visits, 2023-05-01 to 2025-11-30 (clinics are
closed on Sundays except Midtown, which keeps short Sunday sessions; most are
closed on Saturdays too). The provider of a row is
the clinic's hygienist for cleanings where it has one, else its dentist.

- dimensions: clinic, treatment, payer, provider
- measures: production (billed), collections, patient_visits, new_patients, chair_hours
- events: Hillcrest opens 2024-03-04; Dr. Okafor joins Westgate as a second
  dentist from 2024-09-02; Downtown is shut 2025-09-08..2025-09-21 (water damage);
  a whitening promotion triples self-pay whitening in May 2025; Medicaid
  reimbursement is cut from 2025-01-01 (collections on Medicaid ~ 55% of
  production instead of 72%); year-end insurance rush in November/December;
  back-to-school cleanings in August; a January dip.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251129
START, END = date(2023, 5, 1), date(2025, 11, 30)
HEADER = ["date", "clinic", "treatment", "payer", "provider",
          "production", "collections", "patient_visits", "new_patients", "chair_hours"]
# clinic: (size, dentist, hygienist or None, open on Saturday)
CLINICS = {
    "Midtown": (1.4, "Dr. Kim", "Maria Lopez", True),
    "Lakeview": (1.1, "Dr. Patel", "Jenna Walsh", False),
    "Oak Park": (1.0, "Dr. Nguyen", "Tom Becker", False),
    "Downtown": (1.25, "Dr. Rossi", "Priya Shah", True),
    "Westgate": (0.9, "Dr. Alvarez", None, False),
    "Hillcrest": (0.8, "Dr. Chen", None, False),
    "Bayside": (1.0, "Dr. Brooks", "Sam Ortiz", True),
    "Northfield": (0.7, "Dr. Haddad", None, False),
    "Cedar Grove": (0.75, "Dr. Morgan", None, False),
}
HILLCREST_OPEN = date(2024, 3, 4)
OKAFOR_START = date(2024, 9, 2)
DOWNTOWN_SHUT = (date(2025, 9, 8), date(2025, 9, 21))
# treatment: visits a clinic-day, fee (lo, hi), chair hours a visit, new-patient share, annual growth
TREATMENTS = {
    "Cleaning": (4.2, (120, 190), 0.9, 0.14, 0.04),
    "Filling": (2.0, (160, 320), 0.8, 0.05, 0.03),
    "Crown": (0.6, (1050, 1450), 1.6, 0.02, 0.06),
    "Whitening": (0.3, (350, 550), 1.2, 0.10, 0.02),
    "Implant": (0.2, (3200, 4800), 2.5, 0.04, 0.22),
    "Ortho Consult": (0.35, (0, 150), 0.7, 0.55, 0.10),
}
# payer: share of visits, fee factor, collection ratio
PAYERS = {"Insurance": (0.50, 1.0, 0.91), "Self Pay": (0.14, 1.0, 0.96),
          "Medicaid": (0.20, 0.62, 0.72), "Membership Plan": (0.16, 0.85, 0.98)}


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


def season(day: date, treatment: str) -> float:
    f = {1: 0.82, 2: 0.93, 3: 1.0, 4: 0.98, 5: 1.0, 6: 0.95, 7: 0.9, 8: 1.08, 9: 1.0, 10: 1.02,
         11: 1.12, 12: 1.05}[day.month]
    if treatment == "Cleaning" and day.month == 8:
        f *= 1.15  # back to school
    if day.month == 12 and day.day >= 22:
        f *= 0.35  # holidays
    if day.month == 11 and 22 <= day.day <= 28 and day.weekday() in (3, 4):
        f *= 0.2  # Thanksgiving and the day after
    if day.weekday() == 5:
        f *= 0.6  # Saturday sessions are short
    if day.weekday() == 6:
        f *= 0.35  # Midtown's Sunday session
    return f


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        for clinic, (size, dentist, hygienist, saturday) in CLINICS.items():
            if (day.weekday() == 6 and clinic != "Midtown") or (day.weekday() == 5 and not saturday):
                continue
            if clinic == "Hillcrest" and day < HILLCREST_OPEN:
                continue
            if clinic == "Downtown" and DOWNTOWN_SHUT[0] <= day <= DOWNTOWN_SHUT[1]:
                continue
            ramp = 1.0
            if clinic == "Hillcrest":
                ramp = min(1.0, 0.35 + (day - HILLCREST_OPEN).days / 270)
            for treatment, (rate, (lo, hi), hours, new_share, growth) in TREATMENTS.items():
                lam = rate * size * ramp * season(day, treatment) * (1 + growth) ** years
                if clinic == "Westgate" and day >= OKAFOR_START and treatment != "Cleaning":
                    lam *= 1.45
                visits = poisson(rng, lam)
                if not visits:
                    continue
                by_payer = {p: 0 for p in PAYERS}
                for _ in range(visits):
                    r, acc = rng.random(), 0.0
                    shares = {p: s for p, (s, _, _) in PAYERS.items()}
                    if treatment == "Whitening":
                        shares = {"Insurance": 0.05, "Self Pay": 0.7, "Medicaid": 0.0, "Membership Plan": 0.25}
                        if day.year == 2025 and day.month == 5:
                            shares["Self Pay"] = 0.85
                    for p, s in shares.items():
                        acc += s
                        if r < acc:
                            by_payer[p] += 1
                            break
                    else:
                        by_payer["Insurance"] += 1
                if treatment == "Whitening" and day.year == 2025 and day.month == 5:
                    by_payer["Self Pay"] += poisson(rng, lam * 2.0)
                for payer, n in by_payer.items():
                    if not n:
                        continue
                    _, fee_f, coll = PAYERS[payer]
                    if payer == "Medicaid" and day.year >= 2025:
                        coll = 0.55
                    provider = dentist
                    if treatment == "Cleaning" and hygienist:
                        provider = hygienist
                    elif clinic == "Westgate" and day >= OKAFOR_START and rng.random() < 0.45:
                        provider = "Dr. Okafor"
                    fees = sum(rng.uniform(lo, hi) for _ in range(n)) * fee_f * (1.035 ** years)
                    production = round(fees, 2)
                    collections = round(production * coll * rng.uniform(0.93, 1.05), 2)
                    new = sum(1 for _ in range(n) if rng.random() < new_share * (1.6 if clinic == "Hillcrest" else 1.0))
                    chair = round(sum(hours * rng.uniform(0.75, 1.3) for _ in range(n)), 1)
                    yield [day.isoformat(), clinic, treatment, payer, provider,
                           f"{production:.2f}", f"{collections:.2f}", n, new, f"{chair:.1f}"]
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
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("clearpath.csv")
    write(target)
    with target.open() as fh:
        n = sum(1 for _ in fh) - 1
    print(f"{target}: {n} rows, {START}..{END}, columns {', '.join(HEADER)}")
