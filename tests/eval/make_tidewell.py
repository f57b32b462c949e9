"""Tidewell Marinas: a made-up US marina and boat-rental chain (held-out evaluation data).

Writes tidewell.csv: one row per day, marina, boat type, booking channel and package with any
rentals, 2024-01-01 to 2026-10-31. Deterministic (random.Random(seed)), standard library only.

    python3 make_tidewell.py tidewell.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261031
FIRST, LAST = date(2024, 1, 1), date(2026, 10, 31)
HEADER = ["date", "marina", "boat_type", "channel", "package",
          "Rental Revenue", "Rentals", "Fuel Sales", "Damage Claims", "Hours Out"]

# marina -> (rentals on a typical peak day, monthly season curve Jan..Dec, price factor)
# Lake George is a northern lake marina: shut from November to April (no rows at all).
# Key West peaks in winter and spring break; the rest are summer businesses.
MARINAS = {
    "Harbor Point": (70, [0.25, 0.25, 0.35, 0.5, 0.7, 0.95, 1.0, 0.95, 0.7, 0.45, 0.3, 0.3], 1.10),
    "Bay": (55, [0.3, 0.3, 0.4, 0.55, 0.75, 0.95, 1.0, 0.95, 0.75, 0.5, 0.35, 0.3], 1.00),
    "Lake George": (60, [0, 0, 0, 0, 0.55, 0.95, 1.0, 0.9, 0.55, 0.25, 0, 0], 0.95),
    "Mystic": (40, [0.12, 0.12, 0.2, 0.4, 0.7, 0.95, 1.0, 1.0, 0.7, 0.4, 0.15, 0.12], 1.05),
    "Key West": (50, [0.95, 1.0, 1.0, 0.9, 0.75, 0.6, 0.6, 0.55, 0.45, 0.6, 0.8, 0.95], 1.20),
    "Savannah": (35, [0.35, 0.4, 0.6, 0.75, 0.9, 1.0, 1.0, 0.95, 0.75, 0.65, 0.45, 0.35], 0.90),
    "Sunset": (30, [0.4, 0.45, 0.6, 0.75, 0.9, 1.0, 1.0, 0.95, 0.8, 0.65, 0.5, 0.4], 0.95),
}
# boat type -> (share of rentals, hourly rate in USD, fuel gallons per hour: 0 for unpowered boats)
BOATS = {
    "Pontoon": (0.28, 95.0, 2.5),
    "Kayak": (0.22, 22.0, 0.0),
    "Jet Ski": (0.18, 110.0, 4.0),
    "Sailboat": (0.10, 70.0, 0.0),
    "Fishing Boat": (0.12, 85.0, 3.0),
    "Paddleboard": (0.10, 18.0, 0.0),
}
CHANNELS = {"Website": 0.42, "App": 0.0, "Walk-up": 0.25, "Phone": 0.15, "Concierge": 0.18}
APP_LAUNCH = date(2024, 7, 1)  # the booking app went live in July 2024: no App rows before
# package -> (share, hours per rental)
PACKAGES = {"Hourly": (0.30, 1.5), "Half Day": (0.30, 4.0), "Full Day": (0.18, 8.0),
            "Sunset": (0.14, 2.0), "Weekend": (0.08, 14.0)}
# gas price per gallon by year, with the summer-2025 price spike below
FUEL_PRICE = {2024: 4.60, 2025: 4.85, 2026: 4.95}


def event_factor(*, day: date, marina: str) -> float:
    """The real dips and spikes, so 'why did X drop' has a true answer."""
    if marina in ("Savannah", "Key West") and date(2024, 9, 26) <= day <= date(2024, 10, 6):
        return 0.05  # hurricane: both southern marinas all but shut for eleven days
    if marina == "Harbor Point" and date(2025, 9, 8) <= day <= date(2025, 9, 28):
        return 0.25  # dock repair after a storm surge
    if marina == "Lake George" and day.year == 2026 and day.month == 5:
        return 0.0  # late ice-out: the lake opened on June 1 in 2026
    if marina == "Lake George" and date(2026, 8, 5) <= day <= date(2026, 8, 20):
        return 0.1  # algae bloom closed the lake to rentals for two weeks
    if marina == "Key West" and date(2026, 3, 7) <= day <= date(2026, 3, 29):
        return 1.6  # spring-break hotel partnership, mostly through the concierge desk
    if day.month == 7 and 2 <= day.day <= 6:
        return 1.7  # Fourth of July week
    if day.month == 5 and day.day >= 24 and day.weekday() >= 4:
        return 1.4  # Memorial Day weekend
    return 1.0


def channel_weights(*, day: date, marina: str) -> dict[str, float]:
    weights = dict(CHANNELS)
    if day >= APP_LAUNCH:
        months_live = (day.year - APP_LAUNCH.year) * 12 + day.month - APP_LAUNCH.month
        weights["App"] = min(0.05 + 0.012 * months_live, 0.30)  # adoption ramps up, then levels off
        weights["Website"] -= weights["App"] * 0.7
    if date(2026, 6, 10) <= day <= date(2026, 6, 21):
        weights["Website"] *= 0.15  # booking-site outage: people walk up or call instead
        weights["Walk-up"] *= 1.5
        weights["Phone"] *= 1.6
    if marina == "Key West" and date(2026, 3, 7) <= day <= date(2026, 3, 29):
        weights["Concierge"] *= 4.0
    return weights


def pick(*, rng: random.Random, weights: dict[str, float]) -> str:
    names = [k for k, w in weights.items() if w > 0]
    return rng.choices(names, weights=[weights[k] for k in names])[0]


def rows_for(*, rng: random.Random, day: date) -> list[list]:
    out = []
    years_in = (day - FIRST).days / 365.25
    weekend = 1.45 if day.weekday() >= 5 else (1.1 if day.weekday() == 4 else 0.85)
    for marina, (peak, season, price) in MARINAS.items():
        level = peak * season[day.month - 1] * weekend * event_factor(day=day, marina=marina)
        level *= (1.0 + 0.07 * years_in) * rng.lognormvariate(0.0, 0.18)
        rentals_total = round(level)
        if rentals_total <= 0:
            continue
        # a busy day has more distinct (boat, channel, package) lines than a quiet one
        lines = max(1, min(rentals_total, round(1 + 2.2 * math.sqrt(level / 10))))
        cells: dict[tuple[str, str, str], int] = {}
        shares = [rng.random() + 0.2 for _ in range(lines)]
        scale = rentals_total / sum(shares)
        channels = channel_weights(day=day, marina=marina)
        boats = {b: s for b, (s, _, _) in BOATS.items()}
        if marina == "Lake George":
            boats["Jet Ski"] = 0.0  # jet skis are not allowed on the lake
        for share in shares:
            key = (pick(rng=rng, weights=boats), pick(rng=rng, weights=channels),
                   pick(rng=rng, weights={p: s for p, (s, _) in PACKAGES.items()}))
            cells[key] = cells.get(key, 0) + max(1, round(share * scale))
        for (boat, channel, package), rentals in cells.items():
            _, rate, gallons = BOATS[boat]
            hours = rentals * PACKAGES[package][1] * rng.uniform(0.85, 1.1)
            discount = 0.8 if package in ("Full Day", "Weekend") else (1.15 if package == "Sunset" else 1.0)
            revenue = hours * rate * price * discount * rng.uniform(0.93, 1.07)
            fuel_price = FUEL_PRICE[day.year] * (1.3 if day.year == 2025 and day.month in (6, 7, 8) else 1.0)
            fuel = hours * gallons * fuel_price * rng.uniform(0.8, 1.2) if gallons else None
            claim_rate = 0.012 if boat == "Jet Ski" else 0.004
            if marina == "Harbor Point" and boat == "Jet Ski" and day.year == 2025 and day.month == 8:
                claim_rate *= 6  # a run of jet-ski collisions at Harbor Point in August 2025
            claims = sum(rng.uniform(250, 4200) for _ in range(rentals) if rng.random() < claim_rate)
            out.append([day.isoformat(), marina, boat, channel, package,
                        f"{revenue:.2f}", rentals, "" if fuel is None else f"{fuel:.2f}",
                        f"{claims:.2f}", f"{hours:.1f}"])
    return out


def write(path: Path) -> Path:
    rng = random.Random(SEED)
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        day = FIRST
        while day <= LAST:
            writer.writerows(rows_for(rng=rng, day=day))
            day += timedelta(days=1)
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
