"""Ramenya: a made-up Japanese ramen chain, daily facts in JPY (standard library only, deterministic).

Rows: one per day and (store, menu_item, order_type, daypart) cell that shows up in the export; the export
keeps a sample of the small cells and scales them, so every row is a daily total of its cell.
Columns: date, store, area, menu_item, order_type, daypart,
         sales (JPY), bowls, toppings_revenue (JPY), tickets, delivery_orders, food_waste (kg).
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
START, END = date(2024, 1, 1), date(2026, 11, 30)

# store -> (area, base bowls per day, opening date, serves late night)
STORES = {
    "Shibuya": ("Kanto", 780, START, True),
    "Shinjuku": ("Kanto", 720, START, True),
    "Ueno": ("Kanto", 520, START, False),
    "Namba": ("Kansai", 640, START, True),
    "Umeda": ("Kansai", 540, START, False),
    "Sapporo Station": ("Hokkaido", 500, START, True),
    "Hakata": ("Kyushu", 560, date(2025, 4, 15), False),
}
# menu item -> (share of bowls at start, share at end, price JPY, toppings JPY per bowl, waste kg per bowl)
MENU = {
    "Classic": (0.31, 0.25, 980, 210, 0.030),
    "Spicy Miso": (0.08, 0.22, 1150, 160, 0.034),
    "Special": (0.16, 0.15, 1480, 60, 0.038),
    "Double": (0.11, 0.10, 1350, 120, 0.045),
    "Daily Shoyu": (0.21, 0.16, 890, 190, 0.028),
    "Tsukemen": (0.13, 0.12, 1100, 140, 0.040),
}
# order type -> (share at start, share at end, price markup, bowls per ticket)
ORDER_TYPES = {
    "Dine In": (0.72, 0.58, 1.00, 1.45),
    "Take Out": (0.17, 0.18, 0.97, 1.70),
    "Delivery": (0.11, 0.24, 1.18, 1.90),
}
DAYPARTS = {"Lunch": 0.44, "Dinner": 0.43, "Late Night": 0.13}
SEASON = {1: 1.14, 2: 1.08, 3: 1.00, 4: 0.97, 5: 0.99, 6: 0.90, 7: 0.72, 8: 0.68, 9: 0.87, 10: 1.00,
          11: 1.07, 12: 1.19}
WEEKDAY = [0.86, 0.90, 0.93, 0.97, 1.18, 1.30, 1.10]  # Mon..Sun
K = 520.0  # sampling scale: cells smaller than K bowls appear with probability (lam/K) ** 0.6


def _lerp(a, b, t):
    return a + (b - a) * t


def _store_factor(store: str, day: date) -> float:
    area, base, opened, _ = STORES[store]
    if day < opened:
        return 0.0
    f = float(base)
    if store == "Hakata":  # fast ramp-up after opening: 35% of base to 135% within a year
        months = (day - opened).days / 30.4
        f *= 0.35 + min(1.0, months / 13.0)
    if store == "Sapporo Station":  # stronger winter, weaker summer than the rest
        f *= {12: 1.25, 1: 1.32, 2: 1.30, 7: 0.86, 8: 0.84}.get(day.month, 1.0)
    if store == "Ueno":
        if date(2026, 2, 2) <= day <= date(2026, 2, 27):  # closed for renovation
            return 0.0
        if date(2026, 2, 28) <= day <= date(2026, 3, 15):  # reopening buzz
            f *= 1.35
    if area == "Kansai" and day == date(2026, 9, 4):  # typhoon: Kansai stores shut most of the day
        f *= 0.06
    return f


def _day_factor(day: date) -> float:
    t = (day - START).days / 365.25
    f = SEASON[day.month] * WEEKDAY[day.weekday()] * (1.0 + 0.055 * t)
    if date(day.year, 4, 29) <= day <= date(day.year, 5, 5):  # Golden Week
        f *= 1.22
    if day.month == 1 and day.day <= 3:  # New Year holidays: quieter lunches, still busy
        f *= 0.85
    return f


def write(path) -> Path:
    rng = random.Random(SEED)
    path = Path(path)
    if path.suffix != ".csv":
        path = path / "ramenya.csv" if path.is_dir() else path
    path.parent.mkdir(parents=True, exist_ok=True)
    span = (END - START).days
    header = ["date", "store", "area", "menu_item", "order_type", "daypart",
              "sales", "bowls", "toppings_revenue", "tickets", "delivery_orders", "food_waste"]
    rows = []
    day = START
    while day <= END:
        t = (day - START).days / span
        dfac = _day_factor(day)
        price_up = 1.06 if day >= date(2025, 10, 1) else 1.0
        for store, (area, _, _, late) in STORES.items():
            sfac = _store_factor(store, day)
            if sfac <= 0:
                continue
            waste_extra = 0.0
            if store == "Sapporo Station" and day == date(2026, 6, 18):  # freezer failure
                waste_extra = 240.0
            dayparts = {k: v for k, v in DAYPARTS.items() if late or k != "Late Night"}
            dp_total = sum(dayparts.values())
            for item, (s0, s1, price, top, wkg) in MENU.items():
                ishare = _lerp(s0, s1, t)
                if item == "Tsukemen":
                    ishare *= {6: 1.6, 7: 2.3, 8: 2.4, 9: 1.5, 12: 0.6, 1: 0.55, 2: 0.6}.get(day.month, 1.0)
                if item == "Special" and store == "Shibuya" and date(2026, 10, 12) <= day <= date(2026, 10, 18):
                    ishare *= 4.0  # TV feature on the Shibuya Special
                for otype, (o0, o1, markup, per_ticket) in ORDER_TYPES.items():
                    oshare = _lerp(o0, o1, t)
                    if otype == "Delivery" and date(2026, 8, 10) <= day <= date(2026, 8, 16):
                        oshare *= 0.12  # delivery platform outage
                    for dp, dshare in dayparts.items():
                        dsh = dshare / dp_total
                        if dp == "Late Night" and day == date(2025, 12, 31):
                            dsh *= 3.5  # New Year's Eve
                        if dp == "Late Night" and otype == "Delivery":
                            dsh *= 1.3
                        lam = sfac * dfac * ishare * oshare * dsh
                        p = min(1.0, (lam / K) ** 0.6)
                        is_extra = waste_extra and item == "Classic" and otype == "Dine In" and dp == "Dinner"
                        if rng.random() >= p and not is_extra:
                            continue
                        scaled = lam / p if p > 0 else lam
                        bowls = max(1, round(scaled * rng.uniform(0.85, 1.15)))
                        unit = price * markup * price_up
                        sales = round(bowls * unit * rng.uniform(0.97, 1.03))
                        toppings = round(bowls * top * rng.uniform(0.8, 1.2) * (1.1 if otype == "Dine In" else 0.8))
                        tickets = max(1, round(bowls / per_ticket * rng.uniform(0.93, 1.07)))
                        delivery = tickets if otype == "Delivery" else 0
                        waste = bowls * wkg * rng.uniform(0.7, 1.3) * (1.25 if dp == "Late Night" else 1.0)
                        if is_extra:
                            waste += waste_extra
                        rows.append([day.isoformat(), store, area, item, otype, dp, sales, bowls, toppings,
                                     tickets, delivery, f"{waste:.1f}"])
        day += timedelta(days=1)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


if __name__ == "__main__":
    write(sys.argv[1])
