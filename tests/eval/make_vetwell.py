#!/usr/bin/env python3
"""VetWell, a made-up chain of veterinary clinics in Ireland (currency EUR).

usage: python3 make_vetwell.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, clinic,
vet, species and service with at least one visit, 2024-04-01 to 2026-11-30.

- dimensions: clinic (Galway, Navan, Trim, Bray, Ennis, Newbridge), vet (20
  vets, each working at one clinic), species (Dog, Cat, Rabbit, Other),
  service (Check Up, Vaccination, Surgery, Dental, Emergency)
- measures: fees (EUR billed), visits, vaccinations (doses given, also in
  check-ups), new_patients, medication_cost (EUR of drugs and vaccine stock)
- events: Newbridge opens 2025-03-03 and ramps up over six months; Dr May is
  on leave in July and August 2025; Dr Declan Fox leaves Ennis at the end of
  2025 and Dr Summer Daly joins it on 2026-01-12; Dr Hope Cassidy joins
  Newbridge on 2025-09-01; Trim is closed for a refurbishment from 2026-02-09
  to 2026-02-22; Galway runs a vaccination campaign in September 2026 (three
  and a half times the vaccination visits); the medication supplier raises
  prices by 30% from 2026-06-01; fireworks season (25 Oct - 5 Nov) triples
  dog and cat emergencies; prices rise 4% every January, volumes grow ~7% a year.
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 4, 1), date(2026, 11, 30)
HEADER = ["date", "clinic", "vet", "species", "service", "fees", "visits", "vaccinations", "new_patients",
          "medication_cost"]

# vet -> (clinic, first day, last day)
VETS = {
    "Dr Will Hart": ("Galway", None, None),
    "Dr Aoife Byrne": ("Galway", None, None),
    "Dr Ciaran Murphy": ("Galway", None, None),
    "Dr Rose Kelly": ("Galway", None, None),
    "Dr May": ("Navan", None, None),
    "Dr Sean Ryan": ("Navan", None, None),
    "Dr Grace Doyle": ("Navan", None, None),
    "Dr Mark Nolan": ("Trim", None, None),
    "Dr June Walsh": ("Trim", None, None),
    "Dr Tom Brennan": ("Trim", None, None),
    "Dr Niamh Kelly": ("Bray", None, None),
    "Dr Patrick Quinn": ("Bray", None, None),
    "Dr Orla Murray": ("Bray", None, None),
    "Dr Siobhan O'Brien": ("Ennis", None, None),
    "Dr Declan Fox": ("Ennis", None, date(2025, 12, 31)),
    "Dr Conor Lynch": ("Ennis", None, None),
    "Dr Summer Daly": ("Ennis", date(2026, 1, 12), None),
    "Dr Owen Day": ("Newbridge", date(2025, 3, 3), None),
    "Dr Eoin Gallagher": ("Newbridge", date(2025, 3, 3), None),
    "Dr Hope Cassidy": ("Newbridge", date(2025, 9, 1), None),
}
CLINIC_SIZE = {"Galway": 1.15, "Navan": 1.0, "Trim": 0.85, "Bray": 1.05, "Ennis": 0.95, "Newbridge": 1.0}
NEWBRIDGE_OPEN = date(2025, 3, 3)
SPECIES = {"Dog": (0.60, 1.0), "Cat": (0.33, 0.95), "Rabbit": (0.04, 0.8), "Other": (0.03, 0.9)}
# service -> (visits a vet-day, fee per visit EUR, medication EUR per visit, vaccine doses per visit, new-patient rate)
SERVICES = {
    "Check Up": (3.4, 55.0, 8.0, 0.15, 0.10),
    "Vaccination": (1.9, 48.0, 0.0, 1.5, 0.22),
    "Surgery": (0.42, 420.0, 60.0, 0.0, 0.04),
    "Dental": (0.30, 280.0, 35.0, 0.0, 0.03),
    "Emergency": (0.32, 190.0, 45.0, 0.0, 0.18),
}
DOSE_COST = 12.0


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def season(day: date, service: str, species: str) -> float:
    m = day.month
    f = 1.0
    if service == "Vaccination":
        f *= {3: 1.5, 4: 1.6, 5: 1.4, 12: 0.75, 1: 0.8}.get(m, 1.0)
        if species == "Rabbit" and m in (3, 4):
            f *= 2.0
    elif service == "Check Up":
        f *= {8: 0.8, 12: 0.8, 1: 1.1}.get(m, 1.0)
    elif service == "Emergency":
        if species in ("Dog", "Cat") and ((m == 10 and day.day >= 25) or (m == 11 and day.day <= 5)):
            f *= 3.0
        if (m == 12 and day.day >= 24) or (m == 1 and day.day == 1):
            f *= 1.6
        if m == 7:
            f *= 1.2
    elif service in ("Surgery", "Dental"):
        f *= {12: 0.7, 8: 0.85}.get(m, 1.0)
    return f


def rows():
    rng = random.Random(SEED)
    rota = {}
    for vet in VETS:  # three working days of Monday..Saturday, fixed per vet
        rota[vet] = set(rng.sample(range(6), 3))
    on_call = {}  # clinic -> vets taking Sunday emergencies in turn
    for vet, (clinic, _, _) in VETS.items():
        on_call.setdefault(clinic, []).append(vet)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        volume = 1.07 ** years
        price = 1.04 ** (day.year - START.year)
        closed_day = (day.month, day.day) in ((12, 25), (12, 26))
        wd = day.weekday()
        for vet, (clinic, first, last) in VETS.items():
            if (first and day < first) or (last and day > last):
                continue
            if clinic == "Trim" and date(2026, 2, 9) <= day <= date(2026, 2, 22):
                continue
            if vet == "Dr May" and date(2025, 7, 1) <= day <= date(2025, 8, 31):
                continue
            if wd == 6 or closed_day:
                team = [v for v in on_call[clinic] if (VETS[v][1] is None or day >= VETS[v][1])
                        and (VETS[v][2] is None or day <= VETS[v][2])]
                if not team or team[(day.toordinal() // 7) % len(team)] != vet:
                    continue
                services = {"Emergency": 1.8}
            else:
                if wd not in rota[vet] or rng.random() < 0.05:
                    continue
                services = {s: 1.0 for s in SERVICES}
            f_clinic = CLINIC_SIZE[clinic]
            if clinic == "Newbridge":
                f_clinic *= min(1.0, 0.35 + 0.65 * (day - NEWBRIDGE_OPEN).days / 180)
            if wd == 5:
                f_clinic *= 0.8
            for species, (w_sp, fee_sp) in SPECIES.items():
                for service, boost in services.items():
                    rate, fee, med, doses, new_rate = SERVICES[service]
                    lam = rate * w_sp * boost * f_clinic * volume * season(day, service, species)
                    if service == "Vaccination" and clinic == "Galway" and day.year == 2026 and day.month == 9:
                        lam *= 3.5
                    visits = poisson(rng, lam)
                    if not visits:
                        continue
                    fees = sum(fee * fee_sp * price * rng.uniform(0.8, 1.25) for _ in range(visits))
                    vacc = sum(1 for _ in range(visits) if rng.random() < doses) if doses < 1 else \
                        sum(rng.choice((1, 2)) for _ in range(visits))
                    new = sum(1 for _ in range(visits) if rng.random() < new_rate)
                    med_cost = sum(med * rng.uniform(0.5, 1.6) for _ in range(visits)) + vacc * DOSE_COST
                    if day >= date(2026, 6, 1):
                        med_cost *= 1.3
                    yield [day.isoformat(), clinic, vet, species, service, f"{fees:.2f}", visits, vacc, new,
                           f"{med_cost:.2f}"]
        day += timedelta(days=1)


def write(path) -> pathlib.Path:
    out = pathlib.Path(path)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
