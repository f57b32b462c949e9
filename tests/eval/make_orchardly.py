"""Write Orchardly's daily facts: a UK-and-Ireland garden-centre chain and its web shop (GBP).

Usage: python make_orchardly.py OUT.csv   (deterministic: fixed seed, standard library only)
"""

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261120
FIRST, LAST = date(2024, 1, 1), date(2026, 10, 31)
ONLINE_LAUNCH = date(2024, 4, 1)

CENTRES = {  # size factor, staff on the tills
    "Hope": (1.20, ("Holly", "Ivy")),
    "Street": (1.00, ("Ivy", "Rowan")),
    "Bude": (0.85, ("Rowan", "Basil")),
    "Ware": (1.05, ("Basil", "Holly")),
    "Diss": (0.70, ("Sage", "Holly")),
    "Online": (1.00, ("Jack", "Sage")),
}
DEPARTMENTS = {  # daily takings at a size-1 centre, average basket (GBP), items per basket, refund rate
    "Plants": (2600.0, 18.0, 3.2, 0.020),
    "Furniture": (1500.0, 210.0, 1.3, 0.045),
    "Cafe": (900.0, 9.5, 2.4, 0.004),
    "Pets": (650.0, 24.0, 2.1, 0.015),
    "Gifts": (700.0, 16.0, 1.8, 0.025),
    "Christmas Shop": (2100.0, 32.0, 2.6, 0.030),
}
KINDS = (("Member", 0.45), ("Non-member", 0.45), ("Trade", 0.10))
PAYMENTS = (("Card", 0.78), ("Cash", 0.14), ("Gift Card", 0.08))

# Garden trade peaks in spring; the cafe and pets barely move with the seasons.
GARDEN_SEASON = {1: 0.45, 2: 0.55, 3: 0.95, 4: 1.45, 5: 1.60, 6: 1.35,
                 7: 1.10, 8: 0.95, 9: 0.90, 10: 0.75, 11: 0.60, 12: 0.70}
CHRISTMAS_SEASON = {10: 0.45, 11: 1.00, 12: 1.70}
WEEKDAY = (0.80, 0.75, 0.80, 0.85, 0.95, 1.45, 1.40)


def season(dept: str, day: date) -> float:
    if dept == "Christmas Shop":
        return CHRISTMAS_SEASON[day.month]
    if dept in ("Plants", "Furniture"):
        return GARDEN_SEASON[day.month]
    if dept == "Gifts":
        return {11: 1.4, 12: 1.9}.get(day.month, 1.0)
    return 1.0 + 0.15 * math.sin((day.month - 3) / 12 * 2 * math.pi)


def events(centre: str, dept: str, day: date) -> float:
    factor = 1.0
    if dept == "Plants" and (day.year, day.month) == (2025, 7):
        factor *= 1.75  # heatwave: everyone buys plants ...
    if dept == "Plants" and (day.year, day.month) == (2025, 8):
        factor *= 0.45  # ... which then die in the drought
    if dept == "Cafe" and (day.year, day.month) == (2025, 7):
        factor *= 1.25
    if centre == "Online":
        months = (day.year - 2024) * 12 + day.month - 4
        factor *= min(1.6, 0.15 + 0.06 * months)  # the web shop ramps up from launch
    return factor


def trades(centre: str, dept: str, day: date) -> bool:
    if centre == "Online" and (day < ONLINE_LAUNCH or dept == "Cafe"):
        return False
    if dept == "Christmas Shop" and day.month < 10:
        return False
    # the Bude cafe closed for its refit
    return not (centre == "Bude" and dept == "Cafe" and (day.year, day.month) == (2026, 2))


def pick(rng: random.Random, options) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def rows():
    rng = random.Random(SEED)
    day = FIRST
    while day <= LAST:
        growth = 1.0 + 0.05 * (day - FIRST).days / 365
        for centre, (size, staff) in CENTRES.items():
            for dept, (base, basket, per_basket, refund_rate) in DEPARTMENTS.items():
                if not trades(centre, dept, day):
                    continue
                weekday = 1.0 if centre == "Online" else WEEKDAY[day.weekday()]
                total = base * size * growth * weekday * season(dept, day) * events(centre, dept, day)
                payments = PAYMENTS[::2] if centre == "Online" else PAYMENTS
                for share, member in ((0.55, staff[0]), (0.45, staff[1])):
                    kind = pick(rng, KINDS if dept in ("Plants", "Furniture") else KINDS[:2])
                    takings = total * share * rng.uniform(0.8, 1.2)
                    transactions = max(1, round(takings / (basket * rng.uniform(0.85, 1.15))))
                    refund = refund_rate * (4.0 if dept == "Plants" and (day.year, day.month) == (2025, 8) else 1.0)
                    yield {
                        "date": day.isoformat(),
                        "centre": centre,
                        "department": dept,
                        "staff_member": member,
                        "customer_kind": kind,
                        "payment": pick(rng, payments),
                        "takings": round(takings, 2),
                        "transactions": transactions,
                        "items": round(transactions * per_basket * rng.uniform(0.9, 1.1)),
                        "refunds_value": round(takings * refund * rng.uniform(0.3, 1.7), 2),
                        "footfall": 0 if centre == "Online" else round(transactions * rng.uniform(1.5, 2.2)),
                        "loyalty_signups": rng.randint(0, 3) if kind == "Member" else 0,
                    }
        day += timedelta(days=1)


def write(path: Path) -> Path:
    fields = ["date", "centre", "department", "staff_member", "customer_kind", "payment",
              "takings", "transactions", "items", "refunds_value", "footfall", "loyalty_signups"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python make_orchardly.py OUT.csv")
    write(Path(sys.argv[1]))
