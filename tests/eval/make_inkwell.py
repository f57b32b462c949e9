#!/usr/bin/env python3
"""Inkwell Press: a made-up trade book publisher (USD), daily facts 2024-01-01 .. 2026-11-30.

One row per day x title x format x retailer that had any activity that day.
Dimensions: title (62), genre (7), format (4), retailer (8).
Measures: net_revenue, units_shipped, returns, royalties, marketing_spend.

Standard library only, deterministic (random.Random(20261130)).
usage: python3 make_inkwell.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 1, 1), date(2026, 11, 30)

# (title, genre, publication date, popularity)
TITLES = [
    ("Best of Times", "Literary", "2021-09-14", 1.3),
    ("Summer", "Literary", "2023-05-16", 1.1),
    ("March", "Literary", "2022-03-01", 0.8),
    ("Salt and Honey", "Literary", "2024-04-09", 0.9),
    ("The Quiet Year", "Literary", "2019-10-01", 0.5),
    ("Harbor Lights", "Literary", "2025-06-03", 0.9),
    ("Paper Boats", "Literary", "2020-02-11", 0.4),
    ("Still Water", "Literary", "2023-01-17", 0.6),
    ("The Orchard", "Literary", "2026-03-10", 1.0),
    ("Late Bloom", "Literary", "2018-06-05", 0.3),
    ("Total Recall", "Mystery", "2022-10-04", 1.2),
    ("Last Call", "Mystery", "2024-09-17", 1.0),
    ("Cold Open", "Mystery", "2021-01-12", 0.6),
    ("Dead Reckoning", "Mystery", "2023-08-22", 0.8),
    ("The Second Key", "Mystery", "2025-02-04", 1.1),
    ("Night Shift", "Mystery", "2019-11-05", 0.5),
    ("Red Herring", "Mystery", "2020-07-07", 0.6),
    ("Blind Spot", "Mystery", "2026-06-02", 1.2),
    ("Open and Shut", "Mystery", "2017-03-14", 0.3),
    ("The Long Game", "Mystery", "2024-02-20", 0.9),
    ("Ever After", "Romance", "2023-06-06", 0.9),
    ("Max", "Romance", "2024-11-12", 1.2),
    ("Sweet Spot", "Romance", "2022-05-10", 0.7),
    ("Second Chances", "Romance", "2021-04-06", 0.6),
    ("Honey Moon", "Romance", "2025-05-13", 1.0),
    ("Just One Date", "Romance", "2020-01-14", 0.4),
    ("Meet Cute", "Romance", "2023-02-07", 0.7),
    ("Indigo", "Romance", "2019-08-06", 0.5),
    ("Slow Burn", "Romance", "2026-02-03", 1.1),
    ("Rules of Engagement", "Romance", "2024-06-11", 0.8),
    ("The Iron Crown", "Fantasy", "2022-08-02", 1.3),
    ("Ashfall", "Fantasy", "2023-11-07", 1.0),
    ("Storm Queen", "Fantasy", "2024-05-07", 1.2),
    ("Moonward", "Fantasy", "2021-10-12", 0.6),
    ("Kingdom of Glass", "Fantasy", "2025-09-09", 1.3),
    ("Day One", "Fantasy", "2026-11-03", 1.6),
    ("The Ember Road", "Fantasy", "2020-03-03", 0.4),
    ("Wildwood", "Fantasy", "2018-09-18", 0.4),
    ("The Year Ahead", "Nonfiction", "2025-11-04", 1.8),
    ("Net Worth", "Nonfiction", "2023-01-03", 0.9),
    ("Daily Bread", "Nonfiction", "2022-10-18", 0.8),
    ("Compound Interest", "Nonfiction", "2024-01-09", 0.7),
    ("Plain Numbers", "Nonfiction", "2021-06-01", 0.4),
    ("The Long Run", "Nonfiction", "2024-03-26", 0.6),
    ("First Principles", "Nonfiction", "2020-09-15", 0.5),
    ("Small Wins", "Nonfiction", "2025-01-07", 1.0),
    ("Field Notes", "Nonfiction", "2019-04-02", 0.3),
    ("Quiet Power", "Nonfiction", "2023-04-18", 0.5),
    ("Today I Can", "Kids", "2022-07-12", 0.9),
    ("Busy Bugs", "Kids", "2021-02-09", 0.7),
    ("Goodnight Gecko", "Kids", "2023-09-05", 1.0),
    ("Pip the Penguin", "Kids", "2020-11-03", 0.6),
    ("Rainy Day", "Kids", "2024-08-13", 0.8),
    ("The Weekend Club", "Kids", "2025-07-15", 0.9),
    ("Up and Down", "Kids", "2019-05-07", 0.4),
    ("Little Lighthouse", "Kids", "2026-04-07", 0.8),
    ("Snack Attack", "Kids", "2024-03-05", 0.5),
    ("After Hours", "New Adult", "2023-03-21", 0.8),
    ("Campus Lights", "New Adult", "2024-10-01", 0.7),
    ("Off Season", "New Adult", "2025-03-18", 0.8),
    ("Year Two", "New Adult", "2022-08-23", 0.5),
    ("Wild Card", "New Adult", "2026-08-18", 0.9),
]

FORMATS = ("Hardcover", "Paperback", "Ebook", "Audio")
RETAILERS = ("Amazon", "Barnes & Noble", "Target", "Walmart", "Bookshop", "Indigo", "Apple Books", "Audible")

# share of a title's units by format, per genre
FORMAT_MIX = {
    "Literary": (0.34, 0.35, 0.23, 0.08),
    "Mystery": (0.30, 0.36, 0.25, 0.09),
    "Romance": (0.00, 0.52, 0.37, 0.11),
    "Fantasy": (0.36, 0.30, 0.24, 0.10),
    "Nonfiction": (0.42, 0.24, 0.20, 0.14),
    "Kids": (0.58, 0.34, 0.04, 0.04),
    "New Adult": (0.00, 0.56, 0.34, 0.10),
}
PAPERBACK_ORIGINAL = {"Romance", "New Adult"}
# share of a format's units by retailer
RETAILER_MIX = {
    "Hardcover": {"Amazon": 0.45, "Barnes & Noble": 0.20, "Target": 0.08, "Walmart": 0.07, "Bookshop": 0.10,
                  "Indigo": 0.10},
    "Paperback": {"Amazon": 0.42, "Barnes & Noble": 0.18, "Target": 0.12, "Walmart": 0.12, "Bookshop": 0.08,
                  "Indigo": 0.08},
    "Ebook": {"Amazon": 0.70, "Barnes & Noble": 0.10, "Indigo": 0.08, "Apple Books": 0.12},
    "Audio": {"Audible": 0.70, "Apple Books": 0.30},
}
# yearly growth of each format and retailer
FORMAT_GROWTH = {"Hardcover": -0.07, "Paperback": 0.03, "Ebook": -0.02, "Audio": 0.26}
RETAILER_GROWTH = {"Amazon": 0.02, "Barnes & Noble": 0.07, "Target": 0.04, "Walmart": -0.06, "Bookshop": 0.22,
                   "Indigo": 0.00, "Apple Books": 0.05, "Audible": 0.04}
LIST_PRICE = {"Hardcover": 28.0, "Paperback": 18.0, "Ebook": 12.99, "Audio": 24.99}
NET_SHARE = {"Hardcover": 0.48, "Paperback": 0.48, "Ebook": 0.70, "Audio": 0.40}
ROYALTY_OF_NET = {"Hardcover": 0.25, "Paperback": 0.16, "Ebook": 0.25, "Audio": 0.20}
RETURN_RATE = {"Hardcover": 0.16, "Paperback": 0.12, "Ebook": 0.015, "Audio": 0.01}
MONTH_SEASON = (0.78, 0.80, 0.90, 0.92, 0.96, 1.00, 1.02, 1.00, 0.95, 1.04, 1.32, 1.70)
PRIME_DAYS = {date(2024, 7, 16), date(2024, 7, 17), date(2025, 7, 8), date(2025, 7, 9), date(2025, 7, 10),
              date(2025, 7, 11), date(2026, 7, 14), date(2026, 7, 15)}
UNITS_PER_POPULARITY = 230.0  # units a day of a popularity-1 title at a normal time
SHIPMENT = {"Hardcover": 340.0, "Paperback": 320.0, "Ebook": 150.0, "Audio": 90.0}  # typical units of one row


def genre_season(genre: str, d: date) -> float:
    m = d.month
    f = MONTH_SEASON[m - 1]
    if genre in ("Romance", "Mystery", "New Adult") and m in (6, 7, 8):
        f *= 1.18
    if genre == "Kids":
        f *= {8: 1.25, 9: 1.2, 12: 1.15}.get(m, 1.0)
    if genre == "Nonfiction" and m == 1:
        f *= 1.45
    return f


def lifecycle(pub: date, d: date) -> float:
    age = (d - pub).days
    if age < 0:
        return 0.0
    backlist = 0.32 + 0.68 * math.exp(-age / 500.0)
    launch = 2.6 * math.exp(-age / 28.0)
    return backlist + launch


def events(title: str, fmt: str, retailer: str, d: date) -> float:
    f = 1.0
    # an Amazon terms dispute: print orders held back for most of September 2025
    if retailer == "Amazon" and fmt in ("Hardcover", "Paperback") and date(2025, 9, 1) <= d <= date(2025, 9, 28):
        f *= 0.22
    if retailer == "Amazon" and d in PRIME_DAYS:
        f *= 2.4
    # Ever After goes viral on BookTok in May 2026
    if title == "Ever After" and d >= date(2026, 5, 4):
        f *= 1.0 + 5.5 * math.exp(-(d - date(2026, 5, 4)).days / 50.0)
    # The Year Ahead is picked for a national morning-show book club in January 2026
    if title == "The Year Ahead" and date(2026, 1, 5) <= d <= date(2026, 1, 25):
        f *= 1.8
    return f


def write(path) -> pathlib.Path:
    rng = random.Random(SEED)
    out = pathlib.Path(path)
    titles = []
    for name, genre, pub, pop in TITLES:
        price_jitter = 1.0 + rng.uniform(-0.1, 0.1)
        titles.append((name, genre, date.fromisoformat(pub), pop, price_jitter))
    header = ["date", "title", "genre", "format", "retailer",
              "net_revenue", "units_shipped", "returns", "royalties", "marketing_spend"]
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        d = START
        while d <= END:
            years = (d - START).days / 365.25
            weekend = d.weekday() >= 5
            for name, genre, pub, pop, jitter in titles:
                life = lifecycle(pub, d)
                if life == 0.0:
                    continue
                season = genre_season(genre, d)
                age = (d - pub).days
                for fi, fmt in enumerate(FORMATS):
                    share = FORMAT_MIX[genre][fi]
                    if share == 0.0:
                        continue
                    if fmt == "Paperback" and genre not in PAPERBACK_ORIGINAL and age < 365:
                        continue  # the paperback follows the hardcover by a year
                    if fmt == "Hardcover" and genre not in PAPERBACK_ORIGINAL and age >= 365 and genre != "Kids":
                        share *= 0.55  # the hardcover fades once the paperback is out
                    growth = (1.0 + FORMAT_GROWTH[fmt]) ** years
                    print_format = fmt in ("Hardcover", "Paperback")
                    dow = (0.45 if weekend else 1.2) if print_format else (1.15 if weekend else 0.95)
                    price = LIST_PRICE[fmt] * jitter
                    if genre == "Kids" and fmt in ("Hardcover", "Paperback"):
                        price *= 0.62
                    if genre in PAPERBACK_ORIGINAL and fmt == "Ebook":
                        price *= 0.55
                    unit_net = price * NET_SHARE[fmt]
                    for retailer, rshare in RETAILER_MIX[fmt].items():
                        lam = (UNITS_PER_POPULARITY * pop * life * season * share * rshare * growth * dow
                               * (1.0 + RETAILER_GROWTH[retailer]) ** years * events(name, fmt, retailer, d))
                        size = SHIPMENT[fmt]
                        q = min(1.0, lam / size)
                        if rng.random() >= q:
                            continue
                        units = max(1, round(lam / q * rng.lognormvariate(0.0, 0.35)))
                        rate = RETURN_RATE[fmt]
                        if retailer == "Walmart" and fmt in ("Hardcover", "Paperback") and \
                                date(2026, 1, 5) <= d <= date(2026, 1, 31):
                            rate = 1.25  # post-holiday overstock sent back
                        returns = round(units * rate * rng.uniform(0.5, 1.5))
                        net = round((units - returns) * unit_net * rng.uniform(0.97, 1.03), 2)
                        royalties = round(net * ROYALTY_OF_NET[fmt], 2)
                        promo = 0.22 if 0 <= age < 75 else 0.035
                        if name == "Ever After" and date(2026, 5, 4) <= d <= date(2026, 6, 30):
                            promo = 0.12
                        spend = round(max(0.0, units * unit_net) * promo * rng.uniform(0.6, 1.4), 2)
                        w.writerow([d.isoformat(), name, genre, fmt, retailer,
                                    f"{net:.2f}", units, returns, f"{royalties:.2f}", f"{spend:.2f}"])
            d += timedelta(days=1)
    return out


if __name__ == "__main__":
    write(sys.argv[1])
