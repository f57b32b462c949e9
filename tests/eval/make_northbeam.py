"""Northbeam Solar: a made-up Canadian residential solar installer (CAD), deterministic, standard library only.

Daily facts, 2024-11-01 to 2026-10-31, one row per day x crew x product x lead source with any activity.
Events (so "why" questions have true answers):
- every winter (Dec-Feb) installs slow down, hardest in Alberta and Nova Scotia;
- Costco lead source nearly stops in August 2026 (the in-store kiosk contract lapsed);
- crew Hunter (Alberta) is off the roofs for all of June 2026 (truck and crew lead out);
- a BC battery rebate makes BC Battery jobs triple in September 2026;
- Ontario has a spring rush in March-April 2025 ahead of a rebate change, then a dip in May 2025.
"""
import csv
import sys
from datetime import date, timedelta
from pathlib import Path
from random import Random

SEED = 20261103
START, END = date(2024, 11, 1), date(2026, 10, 31)
CREWS = {  # crew -> province; crews are named after their lead
    "May": "Ontario", "Grant": "Ontario", "Summer": "Alberta", "Hunter": "Alberta",
    "Victoria": "BC", "Dawn": "BC", "Will": "Nova Scotia", "Rob": "Nova Scotia",
}
PRODUCTS = {  # product -> (base daily chance, price per install CAD, kW per install)
    "Panels": (0.34, 26000.0, 8.2), "Battery": (0.22, 14500.0, 0.0),
    "EV Charger": (0.26, 2300.0, 0.0), "Inverter Swap": (0.14, 4800.0, 6.5),
}
SOURCES = {"Door Knock": 0.9, "Referral": 1.0, "Website": 0.8, "Costco": 0.7}
# monthly season per province: winter slowdown, harder on the prairies and the east coast
SEASON = {1: 0.35, 2: 0.45, 3: 0.75, 4: 0.95, 5: 1.1, 6: 1.2, 7: 1.2, 8: 1.15, 9: 1.1, 10: 0.95, 11: 0.7, 12: 0.4}
HARSH = {"Ontario": 1.0, "Alberta": 0.75, "BC": 1.2, "Nova Scotia": 0.8}


def chance(*, day: date, crew: str, product: str, source: str) -> float:
    province = CREWS[crew]
    season = SEASON[day.month]
    if day.month in (12, 1, 2):
        season *= HARSH[province]
    growth = 1.0 + 0.18 * ((day - START).days / 365.0)  # the business grows ~18% a year
    weekday = 0.45 if day.weekday() == 6 else (0.8 if day.weekday() == 5 else 1.0)
    p = PRODUCTS[product][0] * SOURCES[source] * season * growth * weekday
    if source == "Costco" and day.year == 2026 and day.month == 8:
        p *= 0.08
    if crew == "Hunter" and day.year == 2026 and day.month == 6:
        p = 0.0
    if province == "BC" and product == "Battery" and day.year == 2026 and day.month == 9:
        p *= 3.0
    if province == "Ontario" and day.year == 2025 and day.month in (3, 4):
        p *= 1.6
    if province == "Ontario" and day.year == 2025 and day.month == 5:
        p *= 0.55
    return min(p, 0.95)


def write(path: Path) -> Path:
    rng = Random(SEED)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "province", "crew", "product", "lead_source",
                      "contract_value", "installs", "kw_installed", "cancellations", "site_visits"])
        day = START
        while day <= END:
            for crew, province in CREWS.items():
                for product, (_, price, kw) in PRODUCTS.items():
                    for source in SOURCES:
                        if rng.random() >= chance(day=day, crew=crew, product=product, source=source):
                            continue
                        installs = 1 + (rng.random() < 0.25) + (rng.random() < 0.05)
                        if rng.random() < 0.12:  # a visit day with no install signed
                            installs = 0
                        value = sum(price * rng.uniform(0.75, 1.35) for _ in range(installs))
                        kw_total = sum(kw * rng.uniform(0.7, 1.4) for _ in range(installs)) if kw else 0.0
                        cancels = 1 if rng.random() < (0.05 if source != "Door Knock" else 0.11) else 0
                        visits = installs + 1 + int(rng.random() < 0.4) + int(rng.random() < 0.15)
                        out.writerow([day.isoformat(), province, crew, product, source,
                                      f"{value:.2f}", installs, f"{kw_total:.2f}", cancels, visits])
            day += timedelta(days=1)
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
