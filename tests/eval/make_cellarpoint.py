#!/usr/bin/env python3
"""Cellarpoint, a made-up South African winery exporter (currency ZAR): daily facts.

usage: python3 make_cellarpoint.py [OUT.csv]      (default: cellarpoint.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, market,
varietal, vintage and channel that had any activity, 2023-01-01 to 2025-08-20.

- dimensions: market (UK, Germany, China, USA, Local, Netherlands), varietal
  (Chenin Blanc, Pinotage, Shiraz, Sauvignon Blanc, Cap Classique), vintage
  (TEXT, '2019'..'2023': numbers that look like years, so import it with
  --dimensions vintage), channel (Cellar Door, Export, Restaurant, Online).
  Local sells through Cellar Door, Restaurant and Online; foreign markets
  through Export, and UK/Germany/Netherlands/USA also Online.
- measures: sales_value (ZAR), cases_sold, bottles, export_duty (ZAR, Export
  channel only), samples_sent (bottles given away as samples).
- vintages: whites are released in March of the year after harvest, reds
  (Pinotage, Shiraz) in January two years on, Cap Classique in January three
  years on; a vintage sells most in its first year out and fades after.
- shape: Local peaks in the SA summer (Dec-Jan) and at weekends, Export peaks
  Sep-Nov (northern Christmas), China around Chinese New Year; USA grows about
  25% a year, China shrinks about 12% a year, the rest grow 3-10%.
- events: a port strike cuts Export to a quarter from 2025-05-05 to
  2025-06-08; a Cap Classique promotion triples Local Cap Classique and doubles
  it abroad in July 2025; a USA Pinotage listing ships six times the usual in the week of
  2025-08-11 to 2025-08-17; a German Christmas tender doubles Germany Export
  in November 2024; samples to Germany jump every March (ProWein).
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20250820
START, END = date(2023, 1, 1), date(2025, 8, 20)
MARKETS = {  # weight, yearly growth, export duty rate
    "UK": (1.0, 0.05, 0.06),
    "Germany": (0.8, 0.03, 0.03),
    "China": (0.6, -0.12, 0.14),
    "USA": (0.55, 0.25, 0.05),
    "Local": (1.0, 0.07, 0.0),
    "Netherlands": (0.45, 0.10, 0.03),
}
VARIETALS = {  # weight, price per bottle at the cellar door (ZAR), release lag (years), release month
    "Chenin Blanc": (1.0, 95.0, 1, 3),
    "Pinotage": (0.85, 145.0, 2, 1),
    "Shiraz": (0.7, 155.0, 2, 1),
    "Sauvignon Blanc": (0.8, 105.0, 1, 3),
    "Cap Classique": (0.35, 215.0, 3, 1),
}
MARKET_VARIETAL = {  # taste of a market, multiplies the varietal weight
    "China": {"Pinotage": 1.8, "Shiraz": 2.0, "Cap Classique": 1.2, "Chenin Blanc": 0.3, "Sauvignon Blanc": 0.3},
    "UK": {"Chenin Blanc": 1.5, "Sauvignon Blanc": 1.2},
    "Germany": {"Pinotage": 1.3, "Chenin Blanc": 1.2},
    "USA": {"Pinotage": 1.4, "Cap Classique": 0.6},
    "Netherlands": {"Sauvignon Blanc": 1.4},
    "Local": {"Cap Classique": 1.6},
}
VINTAGES = [2019, 2020, 2021, 2022, 2023]
CHANNELS = {  # base cases a day per combination, presence factor, price factor, sold by the bottle
    "Cellar Door": (3.0, 0.32, 1.30, True),
    "Restaurant": (2.8, 0.22, 1.00, False),
    "Online": (1.2, 0.16, 1.20, True),
    "Export": (12.0, 0.07, 0.72, False),
}
FOREIGN_ONLINE = {"UK", "Germany", "Netherlands", "USA"}


def channels_of(market: str) -> list[str]:
    if market == "Local":
        return ["Cellar Door", "Restaurant", "Online"]
    return ["Export"] + (["Online"] if market in FOREIGN_ONLINE else [])


def vintage_weights(varietal: str, day: date) -> dict[int, float]:
    _, _, lag, month = VARIETALS[varietal]
    out = {}
    for v in VINTAGES:
        release = date(v + lag, month, 1)
        if release > day:
            continue
        age = (day - release).days / 365.25
        out[v] = 1.0 if age < 1 else 0.45 if age < 2 else 0.15 if age < 3 else 0.04
    total = sum(out.values())
    return {v: w / total for v, w in out.items()}


def season(day: date, market: str, channel: str) -> float:
    doy = day.timetuple().tm_yday
    if market == "Local" and channel != "Online":
        s = 1 + 0.45 * math.cos(2 * math.pi * (doy - 10) / 365.25)
        door = channel == "Cellar Door"
        week = (0.6, 0.8, 0.85, 0.9, 1.15, 1.8, 1.5) if door else (0.7, 0.8, 0.9, 1.0, 1.3, 1.4, 1.0)
        wd = week[day.weekday()]
        return s * wd
    if channel == "Online":
        s = 1 + 0.35 * math.cos(2 * math.pi * (doy - 335) / 365.25)
        return s
    s = 1 + 0.30 * math.cos(2 * math.pi * (doy - 290) / 365.25)
    if market == "China":
        s *= 1 + 0.8 * math.exp(-(((doy + 20) % 365 - 30) ** 2) / (2 * 18 ** 2))  # Chinese New Year, late Jan
    wd = (1.1, 1.2, 1.2, 1.2, 1.1, 0.3, 0.05)[day.weekday()]
    return s * wd


def events(day: date, market: str, varietal: str, channel: str) -> float:
    f = 1.0
    if channel == "Export" and date(2025, 5, 5) <= day <= date(2025, 6, 8):
        f *= 0.25
    if varietal == "Cap Classique" and day.year == 2025 and day.month == 7:
        f *= 3.0 if market == "Local" else 2.0
    if (market == "USA" and varietal == "Pinotage" and channel == "Export"
            and date(2025, 8, 11) <= day <= date(2025, 8, 17)):
        f *= 6.0
    if market == "Germany" and channel == "Export" and day.year == 2024 and day.month == 11:
        f *= 2.0
    return f


def build_rows():
    rng = random.Random(SEED)
    rows = []
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        for market, (mw, growth, duty_rate) in MARKETS.items():
            trend = (1 + growth) ** years
            for varietal, (vw, price, _, _) in VARIETALS.items():
                vw *= MARKET_VARIETAL.get(market, {}).get(varietal, 1.0)
                weights = vintage_weights(varietal, day)
                for vintage, share in weights.items():
                    age_premium = 1 + 0.05 * (day.year - vintage - 2) if varietal in ("Pinotage", "Shiraz") else 1.0
                    for channel in channels_of(market):
                        base, presence, price_f, by_bottle = CHANNELS[channel]
                        if channel == "Online" and market != "Local":
                            base *= 0.5
                        expected = (base * mw * vw * share * trend * season(day, market, channel)
                                    * events(day, market, varietal, channel))
                        if expected <= 0:
                            continue
                        p = min(0.92, presence * math.sqrt(expected * 4))
                        if rng.random() >= p:
                            continue
                        qty = expected / p * rng.lognormvariate(0, 0.45) / math.exp(0.45 ** 2 / 2)
                        if by_bottle:
                            bottles = max(1, round(qty * 6))
                            cases = bottles // 6
                        else:
                            cases = max(1, round(qty))
                            bottles = cases * 6
                        unit = price * price_f * max(age_premium, 0.9)
                        value = round(bottles * unit * rng.uniform(0.96, 1.04), 2)
                        duty = round(value * duty_rate, 2) if channel == "Export" else 0.0
                        samples = 0
                        if channel == "Export":
                            mean = 2.0 + (10.0 if market == "Germany" and day.month == 3 else 0.0)
                            samples = sum(1 for _ in range(int(mean * 3)) if rng.random() < 1 / 3)
                        elif channel == "Restaurant" and rng.random() < 0.15:
                            samples = rng.randint(1, 3)
                        rows.append((day.isoformat(), market, varietal, str(vintage), channel,
                                     f"{value:.2f}", cases, bottles, f"{duty:.2f}", samples))
        day += timedelta(days=1)
    return rows


def write(path) -> Path:
    path = Path(path)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "market", "varietal", "vintage", "channel", "sales_value", "cases_sold", "bottles",
                    "export_duty", "samples_sent"])
        w.writerows(build_rows())
    return path


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("cellarpoint.csv"))
    print(write(out))
