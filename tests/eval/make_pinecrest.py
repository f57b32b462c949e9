#!/usr/bin/env python3
"""Pinecrest Home Services, a made-up US plumbing / HVAC / electrical company: daily job facts.

usage: python3 make_pinecrest.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, branch, crew,
service line, job type and lead source that had at least one job, 2024-01-01 to 2026-11-30.

- dimensions: branch (Denver, Boise, Reno, Provo), branch_code (the branch's phone area code,
  numeric: import it with --dimensions branch_code), service_line (Plumbing, HVAC, Electrical),
  job_type (Install, Repair, Maintenance, Emergency), crew (two per branch: Aurora, Hughes /
  Morgan, Summer / Reno, Sparks / Wasatch, Weekend), lead_source (Google, Referral, Yard Sign, Angi)
- measures: jobs, billed_amount (USD), parts_cost (USD), callbacks (return visits), hours (labour)
- seasonality: HVAC repairs peak in July and January, maintenance in spring and autumn tune-ups,
  plumbing emergencies in winter; few jobs on Sundays; about 12% growth a year
- events: Angi starts 2024-06-01; Provo adds Electrical 2024-09-01; the Summer crew (Boise) works
  May to September only and the Weekend crew (Provo) Saturdays and Sundays only; a cold snap
  2025-01-10..24 triples plumbing emergencies in Denver and Boise; a heat wave 2025-07-07..27
  doubles HVAC repairs everywhere; the Hughes crew has four times the callbacks in August 2025;
  Denver loses half its trucks to a recall in November 2025 (jobs x0.55); Reno's Google ads
  account is suspended in March 2026 (Google leads in Reno x0.15)
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261203
FIRST, LAST = date(2024, 1, 1), date(2026, 11, 30)
# Branch -> (branch_code, the branch's phone area code; relative size).
BRANCHES = {"Denver": (303, 1.35), "Boise": (208, 0.9), "Reno": (775, 0.85), "Provo": (801, 1.0)}
CREWS = {"Denver": ("Aurora", "Hughes"), "Boise": ("Morgan", "Summer"), "Reno": ("Reno", "Sparks"),
         "Provo": ("Wasatch", "Weekend")}
SERVICE_LINES = {"Plumbing": 1.0, "HVAC": 1.1, "Electrical": 0.55}
JOB_TYPES = {"Install": 0.12, "Repair": 0.45, "Maintenance": 0.28, "Emergency": 0.15}
LEAD_SOURCES = {"Google": 0.38, "Referral": 0.3, "Yard Sign": 0.1, "Angi": 0.22}
# Mean ticket in USD by service line and job type; installs are the big tickets.
TICKET = {
    "Plumbing": {"Install": 3800, "Repair": 420, "Maintenance": 190, "Emergency": 780},
    "HVAC": {"Install": 9200, "Repair": 560, "Maintenance": 165, "Emergency": 890},
    "Electrical": {"Install": 2600, "Repair": 380, "Maintenance": 210, "Emergency": 690},
}
HOURS = {"Install": 7.5, "Repair": 2.2, "Maintenance": 1.4, "Emergency": 3.0}
PARTS_SHARE = {"Install": 0.46, "Repair": 0.28, "Maintenance": 0.12, "Emergency": 0.24}
BASE_RATE = 1.5  # expected jobs per cell and day before the factors


def season(service_line: str, job_type: str, month: int) -> float:
    """Why: home services follow the weather, and each line in its own way."""
    if service_line == "HVAC":
        if job_type in ("Repair", "Emergency"):
            return {1: 1.5, 2: 1.2, 6: 1.4, 7: 1.8, 8: 1.6, 12: 1.3}.get(month, 0.8)
        if job_type == "Maintenance":
            return {3: 1.5, 4: 1.7, 5: 1.3, 9: 1.4, 10: 1.7}.get(month, 0.6)
        return {5: 1.3, 6: 1.4, 7: 1.2, 10: 1.1}.get(month, 0.9)
    if service_line == "Plumbing" and job_type == "Emergency":
        return {12: 1.4, 1: 1.7, 2: 1.5}.get(month, 0.85)
    return {11: 0.9, 12: 0.85, 1: 0.9}.get(month, 1.0)


def poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def crew_works(crew: str, day: date) -> bool:
    if crew == "Summer":
        return 5 <= day.month <= 9
    if crew == "Weekend":
        return day.weekday() >= 5
    return True


def factor(day: date, branch: str, crew: str, line: str, job: str, source: str) -> float:
    f = BRANCHES[branch][1] * SERVICE_LINES[line] * JOB_TYPES[job] * LEAD_SOURCES[source]
    f *= season(line, job, day.month)
    f *= 1.12 ** ((day - FIRST).days / 365.25)
    if crew == "Weekend":
        f *= 1.6  # the Weekend crew carries Provo's whole weekend
    elif day.weekday() == 6 and job != "Emergency":
        f *= 0.15
    elif day.weekday() == 5:
        f *= 0.6
    if source == "Angi" and day < date(2024, 6, 1):
        return 0.0
    if branch == "Provo" and line == "Electrical" and day < date(2024, 9, 1):
        return 0.0
    if (branch in ("Denver", "Boise") and line == "Plumbing" and job == "Emergency"
            and date(2025, 1, 10) <= day <= date(2025, 1, 24)):
        f *= 3.0
    if line == "HVAC" and job == "Repair" and date(2025, 7, 7) <= day <= date(2025, 7, 27):
        f *= 2.0
    if branch == "Denver" and day.year == 2025 and day.month == 11:
        f *= 0.55
    if branch == "Reno" and source == "Google" and day.year == 2026 and day.month == 3:
        f *= 0.15
    return f


def rows(rng: random.Random):
    day = FIRST
    while day <= LAST:
        for branch, (code, _) in BRANCHES.items():
            for crew in CREWS[branch]:
                if not crew_works(crew, day):
                    continue
                for line in SERVICE_LINES:
                    for job in JOB_TYPES:
                        for source in LEAD_SOURCES:
                            lam = BASE_RATE * factor(day, branch, crew, line, job, source)
                            jobs = poisson(rng, lam) if lam > 0 else 0
                            if not jobs:
                                continue
                            billed = sum(TICKET[line][job] * rng.lognormvariate(0, 0.35) for _ in range(jobs))
                            parts = billed * PARTS_SHARE[job] * rng.uniform(0.8, 1.2)
                            hours = sum(HOURS[job] * rng.uniform(0.6, 1.5) for _ in range(jobs))
                            p_back = 0.05 if job == "Install" else 0.03
                            if crew == "Hughes" and day.year == 2025 and day.month == 8:
                                p_back *= 4
                            callbacks = sum(rng.random() < p_back for _ in range(jobs))
                            yield [day.isoformat(), branch, code, line, job, crew, source, jobs,
                                   f"{billed:.2f}", f"{parts:.2f}", callbacks, f"{hours:.1f}"]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    rng = random.Random(SEED)
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "branch", "branch_code", "service_line", "job_type", "crew", "lead_source",
                      "jobs", "billed_amount", "parts_cost", "callbacks", "hours"])
        out.writerows(rows(rng))
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
