"""Lumenbay: daily facts of a made-up European online fashion retailer (EUR), deterministic, standard library.

One row per day, country, category, device and campaign with at least one order, 2024-01-01 to 2026-11-30.
Built in: growth, fashion seasonality by category, a weekly rhythm, the App's rising share, Poland's launch
(June 2024), Spring Drop and Black Week campaigns, and a few real events so that "why did X move" has a
true answer: a German Dresses influencer spike (July 2025), an App outage (October 2025), a Denim
sizing problem that doubled returns (May-June 2025) and a French carrier strike (June 2026).
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
FIRST, LAST = date(2024, 1, 1), date(2026, 11, 30)
POLAND_LAUNCH = date(2024, 6, 3)

COUNTRIES = {"Germany": 1.0, "France": 0.62, "Spain": 0.34, "Italy": 0.4, "Netherlands": 0.28, "Poland": 0.2}
# category: (weight, mean item price in EUR, return rate, monthly seasonality Jan..Dec)
CATEGORIES = {
    "Dresses": (1.0, 64.0, 0.31, (0.5, 0.55, 0.8, 1.0, 1.3, 1.5, 1.5, 1.2, 0.9, 0.7, 0.7, 0.9)),
    "Denim": (0.75, 79.0, 0.22, (0.9, 0.9, 1.0, 1.0, 0.95, 0.9, 0.85, 0.95, 1.1, 1.1, 1.1, 1.0)),
    "Shoes": (0.65, 92.0, 0.17, (0.8, 0.8, 1.0, 1.1, 1.1, 1.0, 0.9, 0.9, 1.1, 1.1, 1.1, 1.0)),
    "Outerwear": (0.45, 149.0, 0.12, (1.3, 0.9, 0.7, 0.5, 0.3, 0.2, 0.2, 0.4, 0.9, 1.5, 1.8, 1.7)),
    "Accessories": (0.8, 27.0, 0.06, (0.8, 0.8, 0.9, 0.9, 1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.3, 1.7)),
}
# device: (share in 2024, share by the end of 2026, conversion rate of a session)
DEVICES = {"App": (0.30, 0.46, 0.034), "Mobile Web": (0.35, 0.34, 0.015), "Desktop": (0.35, 0.20, 0.026)}
MONTH = (0.85, 0.8, 1.0, 1.0, 1.0, 0.95, 0.95, 0.85, 1.0, 1.05, 1.15, 1.1)
WEEKDAY = (1.05, 1.0, 0.98, 0.97, 0.92, 0.9, 1.18)  # Monday..Sunday: online fashion peaks on Sunday evening
SPRING_DROP = [(date(2024, 3, 14), date(2024, 4, 7)), (date(2025, 3, 13), date(2025, 4, 6)),
               (date(2026, 3, 12), date(2026, 4, 5))]
BLACK_WEEK = [(date(2024, 11, 25), date(2024, 12, 2)), (date(2025, 11, 24), date(2025, 12, 1)),
              (date(2026, 11, 23), date(2026, 11, 30))]
INFLUENCER_SPIKE = (date(2025, 7, 14), date(2025, 7, 27))  # German Dresses collab that went viral
APP_OUTAGE = (date(2025, 10, 1), date(2025, 10, 26))  # broken app release: App orders fell to a tenth
DENIM_RETURNS = (date(2025, 5, 5), date(2025, 6, 15))  # new fit ran small: Denim returns more than doubled
FRANCE_STRIKE = (date(2026, 6, 8), date(2026, 6, 28))  # carrier strike: French orders fell to 40%
BASE = 0.42  # orders a day of the largest cell before the factors; sets the row count (~29k)


def _inside(day: date, window: tuple[date, date]) -> bool:
    return window[0] <= day <= window[1]


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:  # normal approximation: Knuth's loop underflows for large means
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _campaign_shares(*, day: date, country: str, category: str) -> dict[str, float]:
    """Share of a cell's orders attributed to each campaign on that day."""
    influencer = 0.07 + 0.05 * (day - FIRST).days / (LAST - FIRST).days
    if country == "Germany" and category == "Dresses" and _inside(day, INFLUENCER_SPIKE):
        influencer = 0.55
    shares = {"Influencer": influencer}
    if any(_inside(day, w) for w in BLACK_WEEK):
        shares["Black Week"] = 0.62
    elif any(_inside(day, w) for w in SPRING_DROP):
        shares["Spring Drop"] = 0.4 if category in ("Dresses", "Denim", "Shoes") else 0.2
    shares["None"] = 1.0 - sum(shares.values())
    return shares


def _demand(*, day: date, country: str, category: str, device: str) -> float:
    """Expected orders of one day, country, category and device."""
    if country == "Poland":
        if day < POLAND_LAUNCH:
            return 0.0
        ramp = min(1.0, 0.3 + (day - POLAND_LAUNCH).days / 120)
    else:
        ramp = 1.0
    weight, _, _, season = CATEGORIES[category]
    years = (day - FIRST).days / 365.25
    start_share, end_share, _ = DEVICES[device]
    share = start_share + (end_share - start_share) * min(1.0, (day - FIRST).days / (LAST - FIRST).days)
    lam = BASE * 8 * COUNTRIES[country] ** 1.3 * weight * season[day.month - 1] * share
    lam *= MONTH[day.month - 1] * WEEKDAY[day.weekday()] * (1 + 0.17 * years) * ramp
    if any(_inside(day, w) for w in BLACK_WEEK):
        lam *= 2.7
    elif any(_inside(day - timedelta(days=7), w) for w in BLACK_WEEK):
        lam *= 0.85  # the week after Black Week: people already bought
    elif any(_inside(day + timedelta(days=7), w) for w in BLACK_WEEK):
        lam *= 0.8  # the week before: people wait for the discounts
    if any(_inside(day, w) for w in SPRING_DROP):
        lam *= 1.25 if category in ("Dresses", "Denim", "Shoes") else 1.08
    if country == "Germany" and category == "Dresses" and _inside(day, INFLUENCER_SPIKE):
        lam *= 2.4
    if device == "App" and _inside(day, APP_OUTAGE):
        lam *= 0.1
    if country == "France" and _inside(day, FRANCE_STRIKE):
        lam *= 0.4
    if country == "Italy" and day.month == 8 and 8 <= day.day <= 22:
        lam *= 0.6  # Ferragosto
    return lam


def _row(rng: random.Random, *, day: date, country: str, category: str, device: str, campaign: str,
         orders: int) -> list:
    _, price, return_rate, _ = CATEGORIES[category]
    items = orders + _poisson(rng, orders * (0.25 if category in ("Outerwear", "Shoes") else 0.55))
    discount = {"Black Week": 0.72, "Spring Drop": 0.88}.get(campaign, 1.0)
    net_sales = sum(price * rng.uniform(0.75, 1.25) for _ in range(items)) * discount
    if category == "Denim" and _inside(day, DENIM_RETURNS):
        return_rate *= 2.3
    if campaign == "Black Week":
        return_rate *= 1.2  # bargain buys come back more often
    returned = sum(1 for _ in range(items) if rng.random() < return_rate)
    returns_value = net_sales / items * returned
    new_rate = 0.45 if campaign in ("Influencer", "Black Week") else 0.27
    if country == "Poland" and day < POLAND_LAUNCH + timedelta(days=180):
        new_rate = 0.7
    new_buyers = sum(1 for _ in range(orders) if rng.random() < new_rate)
    conversion = DEVICES[device][2] * rng.uniform(0.8, 1.2)
    if campaign == "Black Week":
        conversion *= 1.5
    sessions = max(orders, round(orders / conversion))
    return [day.isoformat(), country, category, device, campaign, f"{net_sales:.2f}", orders, items,
            f"{returns_value:.2f}", new_buyers, sessions]


def write(path: Path) -> Path:
    rng = random.Random(SEED)
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "country", "category", "device", "campaign", "net_sales", "orders", "items",
                      "returns_value", "new_buyers", "sessions"])
        day = FIRST
        while day <= LAST:
            for country in COUNTRIES:
                for category in CATEGORIES:
                    for device in DEVICES:
                        orders = _poisson(rng, _demand(day=day, country=country, category=category, device=device))
                        if not orders:
                            continue
                        split: dict[str, int] = {}
                        shares = _campaign_shares(day=day, country=country, category=category)
                        names, weights = list(shares), list(shares.values())
                        for _ in range(orders):
                            pick = rng.choices(names, weights)[0]
                            split[pick] = split.get(pick, 0) + 1
                        for campaign in sorted(split):
                            out.writerow(_row(rng, day=day, country=country, category=category, device=device,
                                              campaign=campaign, orders=split[campaign]))
            day += timedelta(days=1)
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
