#!/usr/bin/env python3
"""Bright Ads Co, a made-up performance-marketing agency: daily facts of its clients' campaigns.

usage: python3 make_brightads.py [OUT.csv]      (default: brightads.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, client,
campaign, platform, country and device that had any spend, 2024-01-01 to
2026-10-31. Dimensions: campaign, platform, country, device, objective,
client. Measures: spend, impressions, clicks, conversions, revenue
(attributed), leads. See README.md for the events.
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
HEADER = ["date", "client", "campaign", "objective", "platform", "country", "device",
          "spend", "impressions", "clicks", "conversions", "revenue", "leads"]

# campaign -> (first (month, day), last (month, day)) of its yearly flight; Always On runs every day
SEASONS = {
    "New Year": ((1, 1), (1, 31)),
    "Spring Sale": ((3, 15), (4, 30)),
    "Summer Launch": ((6, 1), (7, 15)),
    "Back to School": ((8, 1), (9, 15)),
    "Black Friday": ((11, 1), (11, 30)),
}
# platform -> (CPM in $, click-through rate, conversion-rate factor, first day)
PLATFORMS = {
    "Google": (9.0, 0.032, 1.25, START),
    "Meta": (7.5, 0.014, 1.0, START),
    "TikTok": (5.0, 0.011, 0.7, date(2024, 9, 1)),       # the agency adds TikTok in September 2024
    "LinkedIn": (32.0, 0.006, 1.6, START),
    "Amazon": (11.0, 0.022, 1.9, date(2025, 3, 1)),      # Amazon Ads from March 2025
}
DEVICES = {"Mobile": (0.58, 1.1, 0.8), "Desktop": (0.32, 0.9, 1.35), "Tablet": (0.10, 1.0, 1.0)}  # share, CTR, CVR
COUNTRIES = {"US": 1.0, "UK": 0.55, "Canada": 0.35, "Germany": 0.45, "France": 0.4}
OBJECTIVES = {  # conversion rate of clicks, revenue a conversion, leads a click
    "Sales": (0.035, 78.0, 0.0),
    "Leads": (0.004, 0.0, 0.06),
    "Awareness": (0.004, 35.0, 0.0),
}
# client -> daily Always On budget ($), platforms, countries, devices, {campaign: (objective, budget multiplier)},
#           first day, last day
CLIENTS = {
    "Northwind": (2600.0, ["Google", "Meta", "Amazon"], ["US", "Canada"], ["Mobile", "Desktop", "Tablet"],
                  {"Always On": ("Sales", 1.0), "Spring Sale": ("Sales", 1.6), "Black Friday": ("Sales", 3.2),
                   "Summer Launch": ("Awareness", 1.2)}, START, END),
    "Lumora": (1900.0, ["Meta", "TikTok", "Google"], ["US", "UK"], ["Mobile", "Desktop"],
               {"Always On": ("Sales", 1.0), "New Year": ("Awareness", 1.4), "Black Friday": ("Sales", 2.4),
                "Summer Launch": ("Sales", 1.3)}, START, END),
    "Harborline": (1500.0, ["Google", "LinkedIn"], ["US", "UK", "Germany"], ["Desktop"],
                   {"Always On": ("Leads", 1.0), "New Year": ("Leads", 1.5)}, START, END),
    "Vela": (1400.0, ["Google", "Meta", "TikTok"], ["UK", "Germany", "France"], ["Mobile", "Desktop"],
             {"Always On": ("Sales", 1.0), "Spring Sale": ("Sales", 1.8), "Black Friday": ("Sales", 2.6)},
             START, END),
    # an ed-tech client won in May 2025: its first Back to School is August 2025
    "Kestrel": (900.0, ["Google", "Meta", "TikTok"], ["US", "Canada"], ["Mobile", "Desktop"],
                {"Always On": ("Awareness", 1.0), "Back to School": ("Leads", 3.0)}, date(2025, 5, 1), END),
    # a grocery client that leaves the agency at the end of 2025
    "Pinecrest": (1200.0, ["Google", "Meta", "Amazon"], ["US"], ["Mobile", "Desktop", "Tablet"],
                  {"Always On": ("Sales", 1.0), "Back to School": ("Sales", 1.7), "Black Friday": ("Sales", 2.2)},
                  START, date(2025, 12, 31)),
}
PLATFORM_SHARE = {"Google": 1.0, "Meta": 0.8, "TikTok": 0.45, "LinkedIn": 0.9, "Amazon": 0.5}


def in_season(campaign: str, day: date) -> bool:
    if campaign == "Always On":
        return True
    (m1, d1), (m2, d2) = SEASONS[campaign]
    return date(day.year, m1, d1) <= day <= date(day.year, m2, d2)


def seasonal(day: date) -> float:
    """Ad budgets: soft in February and August, strong in Q4 (holiday shopping), lighter at weekends."""
    f = 1.0 + 0.12 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 335) / 366)
    f *= 0.86 if day.weekday() >= 5 else 1.0
    if day.month == 12 and day.day >= 24:
        f *= 0.6
    return f


def growth(day: date) -> float:
    return 1.0 + 0.18 * (day - START).days / 365.0


def count(rng: random.Random, x: float) -> int:
    """A whole number near x (random rounding keeps the sums unbiased)."""
    if x <= 0:
        return 0
    base = math.floor(x)
    return base + (1 if rng.random() < x - base else 0)


def rows(rng: random.Random):
    day = START
    while day <= END:
        for client, (budget, platforms, countries, devices, campaigns, first, last) in CLIENTS.items():
            if not first <= day <= last:
                continue
            for campaign, (objective, mult) in campaigns.items():
                if not in_season(campaign, day):
                    continue
                cvr, aov, lead_rate = OBJECTIVES[objective]
                if campaign == "Black Friday" and day.day in range(24, 30):
                    mult *= 1.9  # the Black Friday / Cyber Monday week itself
                for platform in platforms:
                    if objective != "Leads" and platform == "LinkedIn":
                        continue
                    cpm, ctr, cvr_f, p_first = PLATFORMS[platform]
                    if day < p_first:
                        continue
                    for country in countries:
                        for device in devices:
                            dshare, dctr, dcvr = DEVICES[device]
                            if device == "Tablet" and rng.random() < 0.7:
                                continue  # small tablet line items do not spend every day
                            weight = PLATFORM_SHARE[platform] * COUNTRIES[country] * dshare / len(countries)
                            spend = budget * mult * weight * seasonal(day) * growth(day) * rng.uniform(0.75, 1.25)
                            conv_f, spend_f = 1.0, 1.0
                            # June 2026: a Meta pixel/tracking break, spend as usual but conversions under-counted
                            if platform == "Meta" and date(2026, 6, 3) <= day <= date(2026, 6, 24):
                                conv_f = 0.45
                            # Vela's TikTok video goes viral, 8-21 September 2026
                            viral = date(2026, 9, 8) <= day <= date(2026, 9, 21)
                            if client == "Vela" and platform == "TikTok" and viral:
                                spend_f, conv_f = 1.6, 3.2
                            # Harborline freezes its budget in August 2026
                            if client == "Harborline" and day.year == 2026 and day.month == 8:
                                spend_f = 0.25
                            spend *= spend_f
                            impressions = count(rng, spend / cpm * 1000 * rng.uniform(0.9, 1.1))
                            boost = 1.3 if spend_f > 1.5 else 1.0
                            clicks = count(rng, impressions * ctr * dctr * rng.uniform(0.85, 1.15) * boost)
                            conversions = count(rng, clicks * cvr * cvr_f * dcvr * conv_f * rng.uniform(0.7, 1.3))
                            leads = count(rng, clicks * lead_rate * cvr_f * dcvr * conv_f * rng.uniform(0.7, 1.3))
                            revenue = conversions * aov * rng.uniform(0.8, 1.2)
                            yield [day.isoformat(), client, campaign, objective, platform, country, device,
                                   f"{spend:.2f}", impressions, clicks, conversions, f"{revenue:.2f}", leads]
        day += timedelta(days=1)


def write(out: Path) -> Path:
    rng = random.Random(SEED)
    with open(out, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        n = 0
        for row in rows(rng):
            writer.writerow(row)
            n += 1
    print(f"{out}: {n} rows", file=sys.stderr)
    return out


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("brightads.csv"))
