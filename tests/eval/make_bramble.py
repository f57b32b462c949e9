"""A held-out company: Bramble Vets, a regional chain of veterinary clinics and pet pharmacies.

Daily facts by clinic × clinic_code × service_line × species × booking_channel × vet, with measures of
its own (appointments, revenue, no_shows, new_clients, treatment_minutes, drug_cost; no cost, units or
orders). Clinic towns and vets are English words ("Bath", "Reading", "March", "Deal", "Wells",
"Street"; "May", "Rose", "Dean", "Jack", "Will", "Mark"), and `clinic_code` (101…106) is numeric
but a dimension: import it with the `dimensions` role option.

Some shape for the questions to find: Street opens in June 2024, app bookings start in March 2024,
Deal runs a vaccination drive in September 2025 and Bath's dentistry stops for August 2025.
Deterministic (standard library only); run as a script to write the CSV.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, LAST = date(2023, 3, 1), date(2025, 10, 31)
# clinic -> (code, size, vets, opening day)
CLINICS = {
    "Bath": ("101", 1.4, ("May", "Rose"), FIRST),
    "Reading": ("102", 1.3, ("Dean", "Holly"), FIRST),
    "March": ("103", 0.8, ("Jack",), FIRST),
    "Deal": ("104", 0.7, ("Will",), FIRST),
    "Wells": ("105", 0.9, ("Grace",), FIRST),
    "Street": ("106", 0.6, ("Mark",), date(2024, 6, 3)),
}
# service line -> (appointments a day at a clinic of size 1, price, minutes each, drug cost share, clinics)
SERVICES = {
    "Vaccination": (6.0, 52.0, 15, 0.30, None),
    "Surgery": (1.6, 460.0, 95, 0.12, ("Bath", "Reading", "Wells", "Street")),
    "Dental": (1.2, 290.0, 60, 0.08, ("Bath", "Reading", "March", "Wells")),
    "Grooming": (3.5, 42.0, 50, 0.0, None),
    "Pharmacy": (7.0, 31.0, 5, 0.55, None),
    "Boarding": (2.5, 36.0, 0, 0.0, ("Reading", "March", "Deal")),
}
SPECIES = {"Dog": 0.5, "Cat": 0.32, "Rabbit": 0.1, "Exotic": 0.08}
CHANNELS = {"Phone": 0.45, "Online": 0.3, "Walk In": 0.15, "App": 0.1}
APP_LAUNCH = date(2024, 3, 1)
FIELDS = ["date", "clinic", "clinic_code", "service_line", "species", "booking_channel", "vet",
          "appointments", "revenue", "no_shows", "new_clients", "treatment_minutes", "drug_cost"]


def _pick(rng: random.Random, weights: dict, day: date) -> str:
    names = [n for n in weights if n != "App" or day >= APP_LAUNCH]
    return rng.choices(names, [weights[n] for n in names])[0]


def _seasonal(service: str, day: date) -> float:
    phase = day.timetuple().tm_yday / 365.25 * 2 * math.pi
    if service == "Boarding":  # summer holidays and Christmas
        return 1.0 + 0.6 * max(0.0, math.sin(phase - 1.6)) + (0.8 if day.month == 12 and day.day > 18 else 0.0)
    if service == "Vaccination":  # spring boosters
        return 1.0 + 0.3 * math.sin(phase + 0.3)
    return 1.0 + 0.1 * math.sin(phase)


def _facts(rng: random.Random, day: date, clinic: str, service: str) -> list | None:
    code, size, vets, _ = CLINICS[clinic]
    per_day, price, minutes, drug_share, _ = SERVICES[service]
    growth = 1.0 + 0.12 * (day - FIRST).days / 365.25
    weekend = 0.45 if day.weekday() == 6 else 0.8 if day.weekday() == 5 else 1.0
    mean = per_day * size * growth * weekend * _seasonal(service, day)
    if clinic == "Deal" and service == "Vaccination" and date(2025, 9, 1) <= day <= date(2025, 9, 30):
        mean *= 4.0
    if clinic == "Bath" and service == "Dental" and day.year == 2025 and day.month == 8:
        return None
    appointments = max(0, round(rng.gauss(mean, mean ** 0.5)))
    if appointments == 0:
        return None
    no_shows = sum(rng.random() < (0.03 if service == "Boarding" else 0.07) for _ in range(appointments))
    seen = appointments - no_shows
    revenue = round(seen * price * rng.uniform(0.88, 1.12), 2)
    return [day.isoformat(), clinic, code, service, _pick(rng, SPECIES, day), _pick(rng, CHANNELS, day),
            rng.choice(vets), appointments, revenue, no_shows,
            sum(rng.random() < 0.09 for _ in range(seen)),
            round(seen * minutes * rng.uniform(0.85, 1.15)),
            round(revenue * drug_share * rng.uniform(0.9, 1.1), 2)]


def rows():
    rng = random.Random(20251031)
    day = FIRST
    while day <= LAST:
        for clinic, (_, _, _, opened) in CLINICS.items():
            if day < opened:
                continue
            for service, spec in SERVICES.items():
                if spec[4] is not None and clinic not in spec[4]:
                    continue
                if service in ("Surgery", "Dental") and day.weekday() == 6:
                    continue  # no theatre on Sundays
                facts = _facts(rng, day, clinic, service)
                if facts:
                    yield facts
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
