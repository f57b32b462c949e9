#!/usr/bin/env python3
"""Odyssea Travel, a made-up Australian travel agency (AUD): daily booking facts.

usage: python3 make_odyssea.py [OUT.csv]      (default: odyssea.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, destination,
product, booking_channel, agent_team and traveller_type that had any activity,
2023-07-01 to 2026-01-31.

- dimensions: destination (50 cities / countries, incl. Nice, Split, Bath,
  Mobile, Florence, Victoria), product (Flights, Hotels, Packages, Cruises,
  Insurance), booking_channel (Website, App, Phone, Store, Partner; Partner
  starts 2024-03-01), agent_team (Leisure, Corporate, Groups), traveller_type
  (Solo, Couple, Family, Business)
- measures: revenue and cost (AUD), bookings, passengers, cancellations
- events: Split bookings 2.5x from March to June 2025 (a TV series);
  Phone channel outage 2025-09-08..2025-09-14 (phone bookings at 10%);
  Bali volcanic ash 2025-11-10..2025-11-30 (new bookings 30%, cancellations
  8x); a one-off Groups conference package to Nice on 2024-10-15; Insurance
  prices +20% from 2025-07-01; Mobile (Alabama) sold only from 2024-09-01
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20260131
START, END = date(2023, 7, 1), date(2026, 1, 31)

# destination -> (region, weight)
DESTINATIONS = {
    "Sydney": ("AU", 9), "Melbourne": ("AU", 8), "Brisbane": ("AU", 6), "Gold Coast": ("AU", 6),
    "Cairns": ("AU", 4), "Perth": ("AU", 4), "Hobart": ("AU", 3), "Adelaide": ("AU", 3),
    "Darwin": ("AU", 2), "Byron Bay": ("AU", 2),
    "Auckland": ("PAC", 5), "Queenstown": ("PAC", 4), "Fiji": ("PAC", 5), "Bali": ("PAC", 8),
    "Noumea": ("PAC", 1.5),
    "Tokyo": ("ASIA", 7), "Singapore": ("ASIA", 6), "Bangkok": ("ASIA", 4), "Phuket": ("ASIA", 4),
    "Hong Kong": ("ASIA", 3), "Seoul": ("ASIA", 3), "Hanoi": ("ASIA", 2.5), "Kyoto": ("ASIA", 2.5),
    "London": ("EU", 7), "Paris": ("EU", 6), "Rome": ("EU", 5), "Florence": ("EU", 3), "Nice": ("EU", 2.5),
    "Split": ("EU", 2), "Dubrovnik": ("EU", 2), "Barcelona": ("EU", 3.5), "Santorini": ("EU", 2.5),
    "Amsterdam": ("EU", 2.5), "Bath": ("EU", 1.2), "Edinburgh": ("EU", 2), "Lisbon": ("EU", 2),
    "Venice": ("EU", 2.5), "Prague": ("EU", 1.5),
    "New York": ("AM", 5), "Los Angeles": ("AM", 4), "Honolulu": ("AM", 4), "Vancouver": ("AM", 3),
    "Victoria": ("AM", 1.2), "Mobile": ("AM", 0.6), "Las Vegas": ("AM", 2.5), "Cancun": ("AM", 1.5),
    "Lima": ("AM", 1),
    "Dubai": ("ME", 3), "Cape Town": ("ME", 1.5), "Maldives": ("ME", 2),
}
# month multipliers of booking activity, by region (an Australian agency: southern summer + northern summer)
SEASON = {
    "AU": [1.3, 1.0, 1.0, 1.2, 0.9, 1.0, 1.2, 0.9, 1.0, 1.1, 1.1, 1.4],
    "PAC": [1.2, 0.9, 0.9, 1.1, 1.0, 1.2, 1.3, 1.0, 1.0, 1.0, 1.0, 1.3],
    "ASIA": [1.0, 0.9, 1.2, 1.3, 1.0, 1.0, 1.1, 0.9, 1.0, 1.2, 1.0, 1.1],
    "EU": [0.8, 1.0, 1.3, 1.4, 1.3, 1.1, 0.9, 0.8, 0.9, 0.9, 0.7, 0.6],
    "AM": [0.9, 0.9, 1.0, 1.0, 1.0, 1.1, 1.2, 1.0, 1.0, 1.1, 1.2, 1.2],
    "ME": [1.0, 1.0, 1.0, 1.0, 0.9, 1.0, 1.1, 1.0, 1.1, 1.2, 1.1, 1.0],
}
DISTANCE_PRICE = {"AU": 0.45, "PAC": 0.8, "ASIA": 1.0, "EU": 1.6, "AM": 1.5, "ME": 1.3}
# product -> (weight, base price per booking AUD, cost ratio)
PRODUCTS = {"Flights": (10, 1400, 0.91), "Hotels": (7, 950, 0.80), "Packages": (4, 4200, 0.77),
            "Cruises": (1.6, 5200, 0.81), "Insurance": (5, 210, 0.42)}
CHANNELS = {"Website": 9, "App": 5, "Phone": 4, "Store": 4, "Partner": 2.5}
TEAMS = {"Leisure": 10, "Corporate": 3, "Groups": 1.2}
TRAVELLERS = {"Solo": 3, "Couple": 4, "Family": 3, "Business": 2}
PARTY = {"Solo": (1, 1), "Couple": (2, 2), "Family": (3, 5), "Business": (1, 2)}


def generate():
    rng = random.Random(SEED)
    dest_names = list(DESTINATIONS)
    dest_w = [DESTINATIONS[d][1] for d in dest_names]
    prod_names = list(PRODUCTS)
    prod_w = [PRODUCTS[p][0] for p in prod_names]
    facts: dict = {}
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        growth = 1.0 + 0.11 * years
        weekday = [1.15, 1.1, 1.05, 1.05, 1.0, 0.75, 0.7][day.weekday()]
        draws = max(5, int(rng.gauss(30 * growth * weekday, 3)))
        channels = dict(CHANNELS)
        if day < date(2024, 3, 1):
            channels.pop("Partner")
        else:
            channels["App"] = CHANNELS["App"] * (1 + 0.35 * years)  # app adoption keeps rising
        for _ in range(draws):
            dest = rng.choices(dest_names, dest_w)[0]
            region = DESTINATIONS[dest][0]
            if dest == "Mobile" and day < date(2024, 9, 1):
                continue
            season = SEASON[region][day.month - 1]
            if rng.random() > season / 1.45:
                continue
            boost = 1
            if dest == "Split" and date(2025, 3, 1) <= day <= date(2025, 6, 30):
                boost = 2.5
            product = rng.choices(prod_names, prod_w)[0]
            if product == "Cruises" and region == "AU":
                product = "Packages"
            channel = rng.choices(list(channels), list(channels.values()))[0]
            team = rng.choices(list(TEAMS), list(TEAMS.values()))[0]
            traveller = rng.choices(list(TRAVELLERS), list(TRAVELLERS.values()))[0]
            if team == "Corporate":
                traveller = "Business" if rng.random() < 0.8 else "Solo"
            elif traveller == "Business":
                traveller = "Couple"
            bookings = 1 + int(rng.expovariate(1.2))
            if team == "Groups":
                bookings += rng.randint(2, 8)
            bookings = max(1, round(bookings * boost)) if boost > 1 else bookings
            if channel == "Phone" and date(2025, 9, 8) <= day <= date(2025, 9, 14) and rng.random() > 0.1:
                continue
            bali_ash = dest == "Bali" and date(2025, 11, 10) <= day <= date(2025, 11, 30)
            if bali_ash and rng.random() > 0.3:
                bookings = 0
            lo, hi = PARTY[traveller]
            passengers = sum(rng.randint(lo, hi) for _ in range(bookings))
            if product == "Insurance":
                price = PRODUCTS[product][1] * (1 + 0.4 * DISTANCE_PRICE[region])
                if day >= date(2025, 7, 1):
                    price *= 1.2
            else:
                price = PRODUCTS[product][1] * DISTANCE_PRICE[region]
            price *= (1 + 0.035 * years) * (0.6 + 0.4 * passengers / max(bookings, 1)) * rng.lognormvariate(0, 0.25)
            revenue = bookings * price
            ratio = PRODUCTS[product][2] + rng.gauss(0, 0.03)
            if team == "Corporate":
                ratio += 0.03
            cost = revenue * min(ratio, 0.99)
            cancel_rate = 0.045 if product != "Insurance" else 0.02
            if bali_ash:
                cancel_rate = 0.36
            base = max(bookings, 1 if bali_ash else 0)
            cancellations = sum(1 for _ in range(base * (3 if bali_ash else 1)) if rng.random() < cancel_rate)
            if bookings == 0 and cancellations == 0:
                continue
            key = (day, dest, product, channel, team, traveller)
            acc = facts.setdefault(key, [0.0, 0.0, 0, 0, 0])
            acc[0] += revenue
            acc[1] += cost
            acc[2] += bookings
            acc[3] += passengers
            acc[4] += cancellations
        if day == date(2024, 10, 15):  # a one-off conference package for a corporate client's incentive trip
            key = (day, "Nice", "Packages", "Phone", "Groups", "Business")
            acc = facts.setdefault(key, [0.0, 0.0, 0, 0, 0])
            acc[0] += 612000.0
            acc[1] += 489600.0
            acc[2] += 120
            acc[3] += 180
        day += timedelta(days=1)
    return facts


def write(path) -> Path:
    path = Path(path)
    facts = generate()
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "destination", "product", "booking_channel", "agent_team", "traveller_type",
                    "revenue", "cost", "bookings", "passengers", "cancellations"])
        for key in sorted(facts):
            r, c, b, p, x = facts[key]
            w.writerow([key[0].isoformat(), *key[1:], f"{r:.2f}", f"{c:.2f}", b, p, x])
    return path


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("odyssea.csv")
    print(write(out))
