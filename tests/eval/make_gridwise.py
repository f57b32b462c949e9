#!/usr/bin/env python3
"""Gridwise Energy, a made-up UK energy retailer (money in GBP): daily facts.

usage: python3 make_gridwise.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, tariff,
region, customer type, meter type and acquisition channel that had any
activity, 2024-01-01 to 2026-10-31 (only some segments are active each day).

- dimensions: tariff, region, customer_type, meter_type, acquisition_channel
- measures: "Energy Sales" (GBP billed), kwh, new_accounts, churned_accounts,
  complaints, bad_debt (GBP written off)
- events: winter demand peaks (January about 1.6x July); the Green tariff
  launches 2024-07-01; Door to Door selling stops after 2025-06-30; the price
  cap is cut from 2025-10-01 (Variable, Economy 7 and Prepay unit rates -18%,
  Green -6%) and Fixed customers churn about 3x in Oct-Nov 2025 while
  Comparison Site sign-ups double; Midlands complaints are 5x normal in
  February 2026 (billing-system migration); smart-meter data in Wales is lost
  2026-08-10 to 2026-08-23 (no Smart rows); North bad debt is 4x normal in
  October 2026 (a collections agency change); Business grows ~12% a year and
  Smart meters take a growing share.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261031
START, END = date(2024, 1, 1), date(2026, 10, 31)
TARIFFS = {  # weight, unit rate GBP/kWh
    "Fixed": (1.0, 0.262), "Variable": (0.9, 0.248), "Green": (0.45, 0.281),
    "Economy 7": (0.35, 0.214), "Prepay": (0.4, 0.271),
}
REGIONS = {"Scotland": 0.7, "Wales": 0.45, "London": 1.2, "Midlands": 1.0, "North": 0.95, "South West": 0.6}
CUSTOMER_TYPES = {"Residential": 1.0, "Business": 0.45}
METER_TYPES = {"Smart": 0.8, "Standard": 1.0}
CHANNELS = {"Comparison Site": 1.0, "Direct": 0.8, "Partner": 0.4, "Door to Door": 0.3}
GREEN_START = date(2024, 7, 1)
DOOR_TO_DOOR_END = date(2025, 6, 30)
PRICE_CAP = date(2025, 10, 1)
CAP_CUT = {"Variable": 0.82, "Economy 7": 0.82, "Prepay": 0.82, "Green": 0.94, "Fixed": 1.0}
WALES_OUTAGE = (date(2026, 8, 10), date(2026, 8, 23))
HEADER = ["date", "tariff", "region", "customer_type", "meter_type", "acquisition_channel",
          "Energy Sales", "kwh", "new_accounts", "churned_accounts", "complaints", "bad_debt"]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def season(day: date) -> float:
    """Heating demand: peaks mid-January, lowest mid-July."""
    return 1.0 + 0.3 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25)


def active(day: date, tariff: str, region: str, meter: str, channel: str) -> bool:
    if tariff == "Green" and day < GREEN_START:
        return False
    if channel == "Door to Door" and day > DOOR_TO_DOOR_END:
        return False
    return not (region == "Wales" and meter == "Smart" and WALES_OUTAGE[0] <= day <= WALES_OUTAGE[1])


def row(rng: random.Random, day: date, tariff: str, region: str, ctype: str, meter: str, channel: str) -> list:
    years = (day - START).days / 365.25
    growth = (1.12 if ctype == "Business" else 1.03) ** years
    smart_shift = (1 + 0.15 * years) if meter == "Smart" else (1 - 0.08 * years)
    kwh = round(12000 * (3.0 if ctype == "Business" else 1.0) * season(day) * growth * smart_shift
                * rng.lognormvariate(0, 0.25))
    rate = TARIFFS[tariff][1] * (0.9 if ctype == "Business" else 1.0)
    if day >= PRICE_CAP:
        rate *= CAP_CUT[tariff]
    sales = round(kwh * rate + 40 * rng.uniform(0.8, 1.2), 2)
    new_lam = 1.6 * CHANNELS[channel]
    if channel == "Comparison Site" and PRICE_CAP <= day <= date(2025, 11, 30):
        new_lam *= 2.0
    churn_lam = 0.9 * (1.0 if tariff != "Prepay" else 1.3)
    if tariff == "Fixed" and PRICE_CAP <= day <= date(2025, 11, 30):
        churn_lam *= 3.0
    complaint_lam = 0.35 * (1.3 if meter == "Smart" else 1.0)
    if region == "Midlands" and day.year == 2026 and day.month == 2:
        complaint_lam *= 5.0
    debt_rate = {"Door to Door": 0.045}.get(channel, 0.018) * (0.2 if tariff == "Prepay" else 1.0)
    debt_rate *= 0.8 + 0.4 * (season(day) - 0.7) / 0.6  # winter bills go unpaid more often
    if region == "North" and day.year == 2026 and day.month == 10:
        debt_rate *= 4.0
    bad_debt = round(sales * debt_rate * rng.uniform(0.5, 1.5), 2)
    return [day.isoformat(), tariff, region, ctype, meter, channel, f"{sales:.2f}", kwh,
            poisson(rng, new_lam), poisson(rng, churn_lam), poisson(rng, complaint_lam), f"{bad_debt:.2f}"]


def main(out: str) -> None:
    rng = random.Random(SEED)
    rows = []
    day = START
    while day <= END:
        for tariff, (tw, _) in TARIFFS.items():
            for region, rw in REGIONS.items():
                for ctype, cw in CUSTOMER_TYPES.items():
                    for meter, mw in METER_TYPES.items():
                        for channel, chw in CHANNELS.items():
                            # a segment trades on a given day with a chance set by its size
                            chance = 0.25 * tw * rw * cw * mw * chw
                            if rng.random() < chance and active(day, tariff, region, meter, channel):
                                rows.append(row(rng, day, tariff, region, ctype, meter, channel))
        day += timedelta(days=1)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows, {START} to {END}")


def write(path: Path) -> Path:
    main(str(path))
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
