"""Saltmarsh: a made-up UK seafood restaurant group (GBP), daily facts 2024-01-01 to 2026-10-31.

One row per day x site x meal x booking channel with any covers; the head server on shift is a
dimension too. Standard library only, deterministic (random.Random(seed)).

Events built in, so "why did X drop / spike" has a true answer:
- Padstow closed for a refit 2025-01-06 .. 2025-02-09 (its covers fall to zero).
- OpenTable outage at Deal, August 2025: OpenTable covers there collapse, Phone partly makes up.
- Rye road closure, February 2026: Rye covers down ~45%.
- Leith kitchen problems, March 2026: comps at Leith roughly quadruple.
- Every December: Events (Christmas parties) spike; summer peaks at the coastal sites.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

START, END = date(2024, 1, 1), date(2026, 10, 31)
SITES = {"Whitby": 1.0, "Rye": 0.8, "Deal": 0.7, "Padstow": 1.2, "Leith": 0.9}
# How strongly each site swings with the summer (Leith is a city site, least seasonal).
SUMMER = {"Whitby": 0.45, "Rye": 0.35, "Deal": 0.4, "Padstow": 0.7, "Leith": 0.15}
SERVERS = {"Whitby": ["Grace", "Ellis"], "Rye": ["Bo", "Frankie"], "Deal": ["Frankie", "Grace"],
           "Padstow": ["Ellis", "Bo"], "Leith": ["Grace", "Bo", "Ellis"]}
CHANNELS = {"Walk-in": 0.35, "OpenTable": 0.4, "Phone": 0.2, "Events": 0.05}
# (base covers, food spend per cover, drink spend per cover)
MEALS = {"Lunch": (22, 24.0, 9.0), "Dinner": (34, 38.0, 17.0), "Brunch": (18, 19.0, 8.0),
         "Sunday Roast": (30, 27.0, 10.0)}


def meals_on(day: date) -> list[str]:
    wd = day.weekday()
    out = ["Lunch", "Dinner"]
    if wd >= 5:
        out.append("Brunch")
    if wd == 6:
        out.append("Sunday Roast")
    return out


def rows(seed: int = 20261031):
    rng = random.Random(seed)
    day = START
    growth_per_year = 0.06
    while day <= END:
        doy = day.timetuple().tm_yday
        summer = math.cos(2 * math.pi * (doy - 200) / 365.25)  # peaks mid-July
        years = (day - START).days / 365.25
        weekday_lift = {4: 1.2, 5: 1.35, 6: 1.1}.get(day.weekday(), 0.9)
        for site, size in SITES.items():
            if site == "Padstow" and date(2025, 1, 6) <= day <= date(2025, 2, 9):
                continue  # refit: closed
            site_lift = size * (1 + SUMMER[site] * summer) * (1 + growth_per_year) ** years * weekday_lift
            if site == "Rye" and day.year == 2026 and day.month == 2:
                site_lift *= 0.55  # A259 road closure
            for meal in meals_on(day):
                base, food_pc, drink_pc = MEALS[meal]
                for channel, mix in CHANNELS.items():
                    lift = site_lift
                    if channel == "Events":
                        if day.month == 12:
                            lift *= 6.0  # Christmas parties
                        elif rng.random() < 0.75:
                            continue  # events are occasional
                    if site == "Deal" and day.year == 2025 and day.month == 8:
                        if channel == "OpenTable":
                            lift *= 0.15
                        elif channel == "Phone":
                            lift *= 1.8
                    covers = round(base * mix * lift * rng.uniform(0.75, 1.25))
                    if covers <= 0 or rng.random() < 0.06:
                        continue
                    food = covers * food_pc * rng.uniform(0.9, 1.1) * (1.04 ** years)
                    drink = covers * drink_pc * rng.uniform(0.85, 1.15) * (1.5 if channel == "Events" else 1.0)
                    tips = (food + drink) * rng.uniform(0.07, 0.12)
                    comp_rate = rng.uniform(0.005, 0.025)
                    if site == "Leith" and day.year == 2026 and day.month == 3:
                        comp_rate *= 4  # kitchen problems: dishes sent back
                    comps = food * comp_rate
                    yield {"date": day.isoformat(), "site": site, "meal": meal, "channel": channel,
                           "head_server": rng.choice(SERVERS[site]), "covers": covers,
                           "food_sales": f"{food:.2f}", "drink_sales": f"{drink:.2f}",
                           "tips": f"{tips:.2f}", "comps": f"{comps:.2f}"}
        day += timedelta(days=1)


def write(path: Path) -> Path:
    path = Path(path)
    fields = ["date", "site", "meal", "channel", "head_server", "covers", "food_sales", "drink_sales",
              "tips", "comps"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=fields)
        out.writeheader()
        out.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
