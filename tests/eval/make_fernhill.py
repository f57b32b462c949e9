"""A held-out company for the evaluator: Fernhill Interiors, home furnishings sold and installed from six stores.

Its shape is unlike Acme's or Globex's: measures of its own (``Net Revenue``, ``bookings``, ``discount``,
``returns``, ``Billable Hours``; no cost, units or orders, so no margin, units or order value), a numeric
``store_id`` that is a dimension only when the import says so (``--dimensions store_id``), and five
dimensions: store_id, state, department, fulfillment, segment.

Deterministic (fixed seed, standard library only), 2023-01-01 to 2025-09-09, one row per day and
combination of members with any activity. Events the questions lean on:

- store 318 (Texas) opens on 2024-03-01: five stores in 2023, six from March 2024;
- store 205 (Ohio) is closed for a remodel from 2025-06-09 to 2025-06-29: June 2025 drops there;
- Kitchens bookings run at 2.5x in October 2024 (a kitchen show);
- Flooring returns are four times normal in January 2025 (a bad batch of planks);
- Window Treatments is discontinued at the end of 2024;
- the whole business grows about 10% a year, with a spring and an autumn peak.

usage: python make_fernhill.py OUT.csv
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20250910
FIRST, LAST = date(2023, 1, 1), date(2025, 9, 9)
STORES = {  # store_id: (state, weight)
    "101": ("Ohio", 1.2), "102": ("Ohio", 0.8), "205": ("Ohio", 1.0),
    "318": ("Texas", 1.1), "422": ("Texas", 0.9), "530": ("Oregon", 0.7),
}
STORE_318_OPENS = date(2024, 3, 1)
REMODEL = (date(2025, 6, 9), date(2025, 6, 29))
DEPARTMENTS = {  # department: (weight, average ticket, hours of work a job)
    "Flooring": (1.0, 2400.0, 9.0), "Kitchens": (0.45, 9800.0, 30.0), "Lighting": (1.3, 420.0, 1.5),
    "Window Treatments": (0.7, 950.0, 3.0), "Outdoor": (0.6, 1800.0, 5.0),
}
WINDOWS_END = date(2024, 12, 31)
FULFILLMENT = {"Installation": 0.45, "Delivery": 0.3, "Carry Out": 0.2, "Design Consult": 0.05}
SEGMENTS = {"Homeowner": 0.6, "Contractor": 0.28, "Property Manager": 0.12}
HEADER = ["date", "store_id", "state", "department", "fulfillment", "segment",
          "Net Revenue", "bookings", "discount", "returns", "Billable Hours"]



def season(day: date) -> float:
    doy = day.timetuple().tm_yday
    return 1.0 + 0.22 * math.sin(doy / 365.25 * 4 * math.pi - 1.2) + (0.25 if day.weekday() == 5 else 0.0) \
        - (0.45 if day.weekday() == 6 else 0.0)


def rows():
    rng = random.Random(SEED)
    day = FIRST
    while day <= LAST:
        growth = 1.10 ** ((day - FIRST).days / 365.25)
        jobs = max(8, int(rng.gauss(34 * season(day), 4)))
        cells: dict = {}
        for _ in range(jobs):
            store = rng.choices(list(STORES), weights=[w for _, w in STORES.values()])[0]
            if store == "318" and day < STORE_318_OPENS:
                continue
            if store == "205" and REMODEL[0] <= day <= REMODEL[1]:
                continue
            dept = rng.choices(list(DEPARTMENTS), weights=[w for w, _, _ in DEPARTMENTS.values()])[0]
            if dept == "Window Treatments" and day > WINDOWS_END:
                continue
            fulfil = rng.choices(list(FULFILLMENT), weights=list(FULFILLMENT.values()))[0]
            segment = rng.choices(list(SEGMENTS), weights=list(SEGMENTS.values()))[0]
            _, ticket, hours = DEPARTMENTS[dept]
            net = ticket * growth * rng.uniform(0.6, 1.5) * (1.3 if segment == "Contractor" else 1.0)
            disc = net * rng.choice((0.0, 0.0, 0.05, 0.1, 0.15))
            book = net * rng.uniform(0.9, 1.3)
            if dept == "Kitchens" and day.year == 2024 and day.month == 10:
                book *= 2.5
            ret_rate = 0.03 * (4 if dept == "Flooring" and day.year == 2025 and day.month == 1 else 1)
            ret = net * rng.uniform(0.5, 1.0) if rng.random() < ret_rate else 0.0
            hrs = hours * rng.uniform(0.7, 1.4) if fulfil in ("Installation", "Design Consult") else 0.0
            key = (store, dept, fulfil, segment)
            acc = cells.setdefault(key, [0.0, 0.0, 0.0, 0.0, 0.0])
            for i, v in enumerate((net - disc, book, disc, ret, hrs)):
                acc[i] += v
        for (store, dept, fulfil, segment), acc in sorted(cells.items()):
            yield [day.isoformat(), store, STORES[store][0], dept, fulfil, segment,
                   f"{acc[0]:.2f}", f"{acc[1]:.2f}", f"{acc[2]:.2f}", f"{acc[3]:.2f}", f"{acc[4]:.1f}"]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    path = Path(path)
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
