#!/usr/bin/env python3
"""Ferrowind: a made-up wind and solar farm maintenance contractor (currency EUR).

Deterministic (seeded), standard library only. One row per day x site x service_line x crew x
contract_type with any activity, 2024-01-01 to 2026-10-31.

Anomalies built in:
- storm "Ingrid", 2026-02-09..2026-02-15: Emergency Callout surge at North Ridge, Summit, May Hill;
- inverter recall at Sunfield Solar, 2025-08: Inverter Swap (Warranty) jobs and parts_cost spike;
- Ostend Bank (offshore) has no work 2025-11-17..2025-12-14 (vessel out of service);
- Glenvar is a new site from 2025-03-01; Calder Flats' contract ended 2026-06-30 (no facts after);
- Blade Care campaign at Kestrel Moor in 2025-06 (about three times its usual volume).
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261103
START, END = date(2024, 1, 1), date(2026, 10, 31)

WIND = ["May Hill", "North Ridge", "Summit", "Blackwater Bay", "Kestrel Moor", "Ostend Bank",
        "Dunmore Heights", "Glenvar"]
SOLAR = ["Spring Creek", "Sunfield Solar", "Harrow Fen", "Calder Flats"]
SITE_SIZE = {"May Hill": 1.0, "North Ridge": 1.3, "Summit": 0.9, "Blackwater Bay": 1.1, "Kestrel Moor": 0.8,
             "Ostend Bank": 1.6, "Dunmore Heights": 0.7, "Glenvar": 0.6, "Spring Creek": 1.0,
             "Sunfield Solar": 1.2, "Harrow Fen": 0.8, "Calder Flats": 0.6}
LINES = ["Inspection", "Repair", "Blade Care", "Inverter Swap", "Emergency Callout"]
# base daily probability of activity at a size-1 site, hours per job, parts cost per job (EUR)
LINE_BASE = {"Inspection": (0.85, 5.0, 60.0), "Repair": (0.7, 9.0, 900.0), "Blade Care": (0.5, 12.0, 700.0),
             "Inverter Swap": (0.45, 7.0, 3200.0), "Emergency Callout": (0.3, 6.0, 450.0)}
CREWS = ["Day Shift", "Night Shift", "Weekend Crew", "Contractors"]
CONTRACTS = ["Fixed", "Time & Materials", "Warranty"]
RATE = {"Fixed": 92.0, "Time & Materials": 118.0, "Warranty": 74.0}
MARKUP = {"Fixed": 1.10, "Time & Materials": 1.25, "Warranty": 1.0}


def active(site: str, d: date) -> bool:
    if site == "Glenvar" and d < date(2025, 3, 1):
        return False
    if site == "Calder Flats" and d > date(2026, 6, 30):
        return False
    return not (site == "Ostend Bank" and date(2025, 11, 17) <= d <= date(2025, 12, 14))


def season(site: str, line: str, d: date) -> float:
    doy = d.timetuple().tm_yday
    winter = math.cos(2 * math.pi * (doy - 15) / 365.25)  # +1 mid-January, -1 mid-July
    if site in SOLAR:
        if line == "Inspection":
            return 1.0 + 0.35 * math.sin(2 * math.pi * (doy - 60) / 365.25)  # spring peak
        return 1.0 - 0.2 * winter
    if line in ("Repair", "Emergency Callout"):
        return 1.0 + 0.45 * winter
    if line == "Blade Care":
        return 1.0 - 0.6 * winter  # summer access window
    return 1.0


def lines_for(site: str) -> list[str]:
    if site in SOLAR:
        return ["Inspection", "Repair", "Inverter Swap", "Emergency Callout"]
    extra = ["Inverter Swap"] if site == "Ostend Bank" else []
    return ["Inspection", "Repair", "Blade Care", "Emergency Callout", *extra]


def crew_for(rng: random.Random, line: str, d: date) -> str:
    weekend = d.weekday() >= 5
    if weekend:
        return rng.choices(["Weekend Crew", "Contractors", "Night Shift"], [0.7, 0.2, 0.1])[0]
    if line == "Emergency Callout":
        return rng.choices(["Day Shift", "Night Shift", "Contractors"], [0.45, 0.4, 0.15])[0]
    if line == "Inspection":
        return rng.choices(["Day Shift", "Contractors"], [0.8, 0.2])[0]
    return rng.choices(["Day Shift", "Night Shift", "Contractors"], [0.6, 0.15, 0.25])[0]


def contract_for(rng: random.Random, site: str, line: str, d: date) -> str:
    if site == "Sunfield Solar" and line == "Inverter Swap" and d.year == 2025 and d.month == 8:
        return "Warranty"
    if line == "Inverter Swap":
        return rng.choices(CONTRACTS, [0.35, 0.35, 0.3])[0]
    if line == "Inspection":
        return rng.choices(CONTRACTS, [0.75, 0.15, 0.1])[0]
    if line == "Emergency Callout":
        return rng.choices(CONTRACTS, [0.2, 0.7, 0.1])[0]
    return rng.choices(CONTRACTS, [0.4, 0.45, 0.15])[0]


def rows() -> list[dict]:
    rng = random.Random(SEED)
    out = []
    d = START
    while d <= END:
        years = (d - START).days / 365.25
        growth = 1.0 + 0.11 * years
        weekend = 0.45 if d.weekday() >= 5 else 1.0
        cells: dict = {}
        for site in WIND + SOLAR:
            if not active(site, d):
                continue
            for line in lines_for(site):
                p_base, hours, parts = LINE_BASE[line]
                intensity = SITE_SIZE[site] * season(site, line, d) * growth * weekend
                if line == "Emergency Callout":
                    intensity = SITE_SIZE[site] * season(site, line, d) * (1.0 + 0.03 * years)
                    if site in ("North Ridge", "Summit", "May Hill") and date(2026, 2, 9) <= d <= date(2026, 2, 15):
                        intensity *= 6.0
                if site == "Sunfield Solar" and line == "Inverter Swap" and d.year == 2025 and d.month == 8:
                    intensity *= 4.0
                if site == "Kestrel Moor" and line == "Blade Care" and d.year == 2025 and d.month == 6:
                    intensity *= 3.0
                expected_jobs = p_base * intensity
                n_jobs = 0
                # Poisson draw (Knuth) for jobs that day
                limit, k, prod = math.exp(-expected_jobs), 0, rng.random()
                while prod > limit:
                    k += 1
                    prod *= rng.random()
                n_jobs = k
                for _ in range(n_jobs):
                    crew = crew_for(rng, line, d)
                    ctype = contract_for(rng, site, line, d)
                    h = max(1.0, rng.gauss(hours, hours * 0.25))
                    if crew == "Night Shift":
                        h *= 1.1
                    pc = max(0.0, rng.gauss(parts, parts * 0.4)) * (1.0 + 0.04 * years)
                    if line == "Inverter Swap" and site == "Sunfield Solar" and d.year == 2025 and d.month == 8:
                        pc *= 1.3
                    rate = RATE[ctype] * (1.0 + 0.035 * int(years)) * (1.35 if line == "Emergency Callout" else 1.0)
                    inv = h * rate + pc * MARKUP[ctype]
                    key = (site, line, crew, ctype)
                    c = cells.setdefault(key, [0.0, 0.0, 0.0, 0, 0])
                    c[0] += inv
                    c[1] += h
                    c[2] += pc
                    c[3] += 1 if line == "Emergency Callout" else 0
                    c[4] += 1
        for (site, line, crew, ctype), c in sorted(cells.items()):
            out.append({"date": d.isoformat(), "site": site, "service_line": line, "crew": crew,
                        "contract_type": ctype, "invoice_amount": f"{c[0]:.2f}", "billed_hours": f"{c[1]:.1f}",
                        "parts_cost": f"{c[2]:.2f}", "callouts": c[3], "jobs_completed": c[4]})
        d += timedelta(days=1)
    return out


FIELDS = ["date", "site", "service_line", "crew", "contract_type", "invoice_amount", "billed_hours",
          "parts_cost", "callouts", "jobs_completed"]


def write(path) -> Path:
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows())
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("ferrowind.csv")))
