"""Farmacias del Valle de Mexico (made up): daily facts of a 5-branch Mexico City pharmacy chain, MXN.

Standard library only, seeded: the same file every run.
usage: python3 make_farmacia.py OUT.csv
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251112
FIRST, LAST = date(2023, 1, 1), date(2025, 11, 12)

# branch: daily sales (MXN) at the start of 2023, opening date
BRANCHES = {
    "Centro": (92000, FIRST),
    "Norte": (68000, FIRST),
    "Polanco": (118000, FIRST),
    "Santa Fe": (76000, date(2023, 9, 1)),   # opened September 2023
    "Del Valle": (72000, FIRST),
}
# department: share of a branch's sales, average ticket (MXN), items per ticket, discount rate
DEPARTMENTS = {
    "Rx": (0.40, 420.0, 1.6, 0.025),
    "OTC": (0.25, 180.0, 1.9, 0.03),
    "Beauty": (0.15, 260.0, 2.1, 0.08),
    "Baby": (0.10, 310.0, 2.4, 0.05),
    "Snacks": (0.10, 65.0, 2.8, 0.02),
}
NIGHT_BRANCHES = {"Centro", "Polanco"}  # open 24 hours
RENOVATION = (date(2025, 8, 4), date(2025, 8, 17))   # Del Valle: only the Rx counter open, at 40%
FLU = (date(2025, 1, 6), date(2025, 2, 2))           # flu outbreak: OTC +65%, Rx +30%
INSURANCE_LAPSE = (date(2025, 9, 1), date(2025, 9, 30))  # insurer contract lapsed: Rx -18%, little Insurance
BUEN_FIN = [(date(2023, 11, 17), date(2023, 11, 20)), (date(2024, 11, 15), date(2024, 11, 18))]

# month seasonality by department (Jan..Dec)
SEASON = {
    "Rx": [1.10, 1.06, 1.00, 0.95, 0.93, 0.96, 0.97, 0.98, 1.00, 1.02, 1.05, 1.10],
    "OTC": [1.30, 1.22, 1.05, 0.88, 0.82, 0.88, 0.92, 0.92, 0.96, 1.05, 1.15, 1.30],
    "Beauty": [0.85, 0.95, 0.95, 0.98, 1.25, 0.95, 0.95, 0.95, 0.95, 1.00, 1.15, 1.45],
    "Baby": [0.95, 0.95, 1.00, 1.00, 1.05, 1.00, 1.00, 1.00, 1.00, 1.00, 1.05, 1.10],
    "Snacks": [0.90, 0.92, 1.00, 1.08, 1.12, 1.05, 1.05, 1.05, 1.00, 0.98, 0.98, 1.05],
}
WEEKDAY = [1.00, 0.98, 0.99, 1.00, 1.04, 1.08, 0.86]  # Mon..Sun


def inside(day: date, span) -> bool:
    return span[0] <= day <= span[1]


def daily_factor(day: date, branch: str, dept: str) -> float:
    years = (day - FIRST).days / 365.25
    f = (1.09 ** years) * SEASON[dept][day.month - 1] * WEEKDAY[day.weekday()]
    if branch == "Santa Fe":  # ramp-up over its first six months
        months_open = (day - BRANCHES["Santa Fe"][1]).days / 30.4
        f *= min(1.0, 0.55 + 0.075 * months_open)
    if dept == "Beauty" and day.month == 5 and 3 <= day.day <= 10:
        f *= 1.6  # Mother's Day (10 May)
    if any(inside(day, s) for s in BUEN_FIN):
        f *= {"Beauty": 1.8, "Baby": 1.7, "Snacks": 1.2}.get(dept, 1.1)
    if inside(day, FLU):
        f *= {"OTC": 1.65, "Rx": 1.30}.get(dept, 1.0)
    if inside(day, INSURANCE_LAPSE) and dept == "Rx":
        f *= 0.82
    if branch == "Del Valle" and inside(day, RENOVATION):
        f *= 0.40 if dept == "Rx" else 0.0
    return f


def payment_weights(day: date, dept: str):
    if dept == "Rx":
        ins = 0.06 if inside(day, INSURANCE_LAPSE) else 0.42
        return [("Cash", 0.22), ("Card", 0.78 - ins), ("Insurance", ins)]
    return [("Cash", 0.42), ("Card", 0.58)]


def shift_weights(branch: str):
    if branch in NIGHT_BRANCHES:
        return [("Morning", 0.46), ("Evening", 0.44), ("Night", 0.10)]
    return [("Morning", 0.52), ("Evening", 0.48)]


def pick(rng: random.Random, weights):
    x, acc = rng.random() * sum(w for _, w in weights), 0.0
    for name, w in weights:
        acc += w
        if x <= acc:
            return name
    return weights[-1][0]


def rows():
    rng = random.Random(SEED)
    day = FIRST
    while day <= LAST:
        for branch, (base, opened) in BRANCHES.items():
            if day < opened:
                continue
            for dept, (share, ticket, per_ticket, disc) in DEPARTMENTS.items():
                f = daily_factor(day, branch, dept)
                if f <= 0:
                    continue
                cell = base * share * f * rng.uniform(0.85, 1.15)
                n = 1 + (rng.random() < 0.35)
                parts = [rng.uniform(0.4, 1.0) for _ in range(n)]
                for p in parts:
                    sales = cell * p / sum(parts)
                    tickets = max(1, round(sales / (ticket * rng.uniform(0.92, 1.08))))
                    items = max(tickets, round(tickets * per_ticket * rng.uniform(0.9, 1.1)))
                    rx = round(tickets * rng.uniform(0.82, 0.95)) if dept == "Rx" else 0
                    rate = disc * (2.6 if any(inside(day, s) for s in BUEN_FIN) else 1.0)
                    discounts = sales * rate * rng.uniform(0.8, 1.2)
                    yield {
                        "date": day.isoformat(), "branch": branch, "department": dept,
                        "payment": pick(rng, payment_weights(day, dept)), "shift": pick(rng, shift_weights(branch)),
                        "sales": f"{sales:.2f}", "tickets": tickets, "items": items,
                        "prescriptions": rx, "discounts": f"{discounts:.2f}",
                    }
        day += timedelta(days=1)


FIELDS = ["date", "branch", "department", "payment", "shift", "sales", "tickets", "items", "prescriptions", "discounts"]


def write(path) -> Path:
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for r in rows():
            w.writerow(r)
    return path


if __name__ == "__main__":
    out = write(sys.argv[1] if len(sys.argv) > 1 else "farmacia.csv")
    print(out)
