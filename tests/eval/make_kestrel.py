"""A held-out company for the evaluator: Kestrel Cloud, a B2B SaaS company selling subscriptions.

Deterministic (fixed seed, standard library only), so its questions' gold numbers never change; run as a
script to write the CSV. One row per day and plan × region × sales channel × account manager × industry
that signed anything, 2024-01-01 to 2026-10-31:

- dimensions: plan (Starter, Pro, Team, Enterprise), region (Americas, EMEA, APAC), sales_channel (Direct,
  Partner, Self Serve, Marketplace; Marketplace opens 2025-03-01), account_manager (June, August, Will,
  Grace, Frank, Summer: names that are also months, seasons and ordinary words; two per region), industry
  (Retail, Health, Finance, Media, Public Sector)
- measures of its own and no revenue, cost, units or orders: bookings (money), seats, churned_seats,
  trials, conversions, discount (money); so there is no margin or average order value
- events: Media churns four times its seats in September 2026 (a customer bought out); Public Sector
  books twice as much in September (its fiscal year end); quarter ends are strong, August and the end of
  December quiet
"""
from __future__ import annotations

import csv
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

SEED = 20261112
FIRST, LAST = date(2024, 1, 1), date(2026, 10, 31)
PLANS = {  # weight of a deal, seats per deal (lo, hi), price per seat a year
    "Starter": (0.40, (1, 5), 180.0),
    "Pro": (0.30, (3, 15), 420.0),
    "Team": (0.20, (10, 40), 660.0),
    "Enterprise": (0.10, (50, 300), 1080.0),
}
REGIONS = {"Americas": (0.5, ("June", "Frank")), "EMEA": (0.3, ("August", "Grace")), "APAC": (0.2, ("Will", "Summer"))}
CHANNELS = {"Direct": 0.35, "Partner": 0.2, "Self Serve": 0.35, "Marketplace": 0.1}
MARKETPLACE_OPENS = date(2025, 3, 1)
INDUSTRIES = {"Retail": 0.25, "Health": 0.2, "Finance": 0.2, "Media": 0.2, "Public Sector": 0.15}
HEADER = ["date", "plan", "region", "sales_channel", "account_manager", "industry",
          "bookings", "seats", "churned_seats", "trials", "conversions", "discount"]


def pick(rng: random.Random, weights: dict) -> str:
    names = list(weights)
    return rng.choices(names, weights=[w if isinstance(w, float) else w[0] for w in weights.values()])[0]


def deals_on(day: date) -> int:
    """Deals signed a day: growing ~25% a year, busier on weekdays and at quarter ends."""
    base = 14 * (1 + 0.25 * (day - FIRST).days / 365.25)
    if day.weekday() >= 5:
        base *= 0.35
    if day.month in (3, 6, 9, 12) and day.day >= 20:
        base *= 1.5
    if day.month == 8 or (day.month == 12 and day.day >= 18):
        base *= 0.6
    return max(1, round(base))


def rows():
    rng = random.Random(SEED)
    day = FIRST
    while day <= LAST:
        cells: dict = defaultdict(lambda: [0.0] * 6)
        for _ in range(deals_on(day)):
            channels = {c: w for c, w in CHANNELS.items() if c != "Marketplace" or day >= MARKETPLACE_OPENS}
            channel = pick(rng, channels)
            plans = PLANS if channel in ("Direct", "Partner") else {p: v for p, v in PLANS.items() if p != "Enterprise"}
            plan = pick(rng, plans)
            region = pick(rng, REGIONS)
            manager = rng.choice(REGIONS[region][1])
            industry = pick(rng, INDUSTRIES)
            _, (lo, hi), price = PLANS[plan]
            seats = rng.randint(lo, hi)
            bookings = seats * price * rng.uniform(0.85, 1.15)
            if industry == "Public Sector" and day.month == 9:
                bookings *= 2
            rate = {"Partner": 0.18, "Direct": 0.1, "Marketplace": 0.05, "Self Serve": 0.0}[channel]
            discount = bookings * rate * rng.uniform(0.5, 1.5)
            churn_share = 0.6 if industry == "Media" and day.year == 2026 and day.month == 9 else 0.15
            churned = round(seats * rng.uniform(0, churn_share))
            self_served = channel in ("Self Serve", "Marketplace")
            trials = rng.randint(2, 9) if self_served else rng.randint(0, 1)
            conversions = sum(rng.random() < 0.3 for _ in range(trials))
            cell = cells[(plan, region, channel, manager, industry)]
            for i, v in enumerate((bookings, seats, churned, trials, conversions, discount)):
                cell[i] += v
        for key in sorted(cells):
            bookings, seats, churned, trials, conversions, discount = cells[key]
            yield [day.isoformat(), *key, round(bookings, 2), int(seats), int(churned), int(trials),
                   int(conversions), round(discount, 2)]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
