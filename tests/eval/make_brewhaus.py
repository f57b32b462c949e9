#!/usr/bin/env python3
"""Brewhaus, a made-up New Zealand coffee roaster and cafe chain (currency NZD): a daily till export.

usage: python3 make_brewhaus.py [OUT.csv]      (default: brewhaus.csv beside this file)

Deterministic (fixed seed, standard library only). Rows are till batches, 2023-04-03 to 2025-11-30:
one or more rows a day for each cafe, product group, order type and barista lead that traded
(a busy till is sometimes exported in two batches, so a day can repeat a member combination).

- dimensions: cafe (14), product_group (Espresso, Filter, Cold Brew, Beans Retail, Food, Merch),
  order_type (Dine In, Takeaway, Online, Subscription), barista_lead (15 people; two are "Sam")
- measures: gross_sales (NZD, before discounts), discounts (NZD), cups, transactions,
  loyalty_signups, bean_kg (beans pulled through the grinder, or sold as retail beans)
- events: Takapuna opens 2024-03-04, Mission Bay 2024-10-14, Britomart 2025-06-02;
  Courtenay Place is shut for a refit 2025-02-03..2025-03-02; Ponsonby's espresso machine is down
  2025-08-11..2025-08-17 (espresso at 20%); a heatwave 2025-01-20..2025-01-26 (cold brew x2.6);
  CubaDupa weekends at Cuba Street (2024-03-23/24, 2025-03-29/30: x2.4); price rises 2024-07-01
  (+8%) and 2025-07-01 (+3%); the app (Online order type in the cafes) launches 2024-09-02 with a
  loyalty drive (cafe signups x4, new subscribers x2.5 in September 2024); subscriptions start
  2023-09-04; Black Friday online bean promo 2024-11-29..2024-12-02 (x1.8, 15% off) and
  2025-11-24..2025-11-30 (x3.2, 25% off)
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20251130
START, END = date(2023, 4, 3), date(2025, 11, 30)
HEADER = ["date", "cafe", "product_group", "order_type", "barista_lead",
          "gross_sales", "discounts", "cups", "transactions", "loyalty_signups", "bean_kg"]

# cafe: (size, kind, opened, closed spans); kind "cbd" = office crowd, closed Sundays
CAFES = {
    "Cuba Street": (1.25, "street", START, []),
    "Ponsonby": (1.20, "street", START, []),
    "The Terrace": (0.90, "cbd", START, []),
    "Riverside": (1.00, "street", START, []),
    "Queen St": (1.10, "cbd", START, []),
    "Mount Vic": (0.75, "street", START, []),
    "Lambton Quay": (0.95, "cbd5", START, []),
    "Petone": (0.85, "street", START, []),
    "Karangahape Rd": (0.90, "street", START, []),
    "Newmarket": (1.00, "street", START, []),
    "Courtenay Place": (0.80, "street", START, [(date(2025, 2, 3), date(2025, 3, 2))]),
    "Takapuna": (0.90, "street", date(2024, 3, 4), []),
    "Mission Bay": (0.85, "street", date(2024, 10, 14), []),
    "Britomart": (1.00, "cbd", date(2025, 6, 2), []),
}
# cafe: [(lead, from, to, days)] days: None = every day, "wd" weekdays, "we" weekends
LEADS = {
    "Cuba Street": [("Max Tui", START, date(2024, 8, 31), None), ("Ella Fraser", date(2024, 9, 1), END, None)],
    "Ponsonby": [("Joy Park", START, END, None)],
    "The Terrace": [("Sam Whitmore", START, END, None)],
    "Riverside": [("Hana Kimura", START, END, None)],
    "Queen St": [("Liam Chen", START, END, None)],
    "Mount Vic": [("Aroha Walker", START, date(2024, 8, 31), None),
                  ("Aroha Walker", date(2024, 9, 1), date(2025, 5, 31), "wd"),
                  ("Max Tui", date(2024, 9, 1), date(2025, 5, 31), "we"),
                  ("Max Tui", date(2025, 6, 1), END, None)],
    "Lambton Quay": [("Priya Nair", START, END, None)],
    "Petone": [("Sam Ngata", START, END, None)],
    "Karangahape Rd": [("Tom Fletcher", START, END, None)],
    "Newmarket": [("Olivia Brooks", START, END, None)],
    "Courtenay Place": [("Ben O'Connor", START, END, None)],
    "Takapuna": [("Mere Tipene", date(2024, 3, 4), END, None)],
    "Mission Bay": [("Nikau Rangi", date(2024, 10, 14), END, None)],
    "Britomart": [("Aroha Walker", date(2025, 6, 2), END, None)],
}
ROASTERY_LEAD = "Daniel Reyes"  # online and subscription orders are packed at the Riverside roastery
APP_LAUNCH = date(2024, 9, 2)
SUBS_START = date(2023, 9, 4)


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 60:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def price_factor(day: date) -> float:
    f = 1.0
    if day >= date(2024, 7, 1):
        f *= 1.08
    if day >= date(2025, 7, 1):
        f *= 1.03
    return f


def lead_of(cafe: str, day: date) -> str | None:
    weekend = day.weekday() >= 5
    for name, lo, hi, days in LEADS[cafe]:
        if lo <= day <= hi and (days is None or (days == "we") == weekend):
            return name
    return None


def is_open(cafe: str, day: date) -> bool:
    _size, kind, opened, closed = CAFES[cafe]
    if day < opened or any(lo <= day <= hi for lo, hi in closed):
        return False
    if day.month == 12 and day.day == 25:
        return False
    if kind in ("cbd", "cbd5"):
        if day.weekday() == 6 or (kind == "cbd5" and day.weekday() == 5):
            return False
        if (day.month, day.day) in ((12, 26), (1, 1), (1, 2)):
            return False
    return True


def traffic(cafe: str, day: date) -> float:
    """Expected foot traffic relative to an ordinary weekday at a size-1 cafe."""
    size, kind, opened, _ = CAFES[cafe]
    wd = day.weekday()
    if kind.startswith("cbd"):
        f = (1.0, 1.05, 1.05, 1.0, 0.95, 0.35, 0.0)[wd]
        if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 15):
            f *= 0.5
    else:
        f = (0.85, 0.88, 0.9, 0.92, 1.0, 1.35, 1.25)[wd]
        if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day <= 6):
            f *= 0.85
    if day.month in (6, 7, 8):
        f *= 1.07
    years = (day - START).days / 365.25
    f *= 1.06 ** years
    ramp = (day - opened).days
    if ramp < 90 and opened > START:
        f *= 0.6 + 0.4 * ramp / 90
    if cafe == "Cuba Street" and day in (date(2024, 3, 23), date(2024, 3, 24), date(2025, 3, 29), date(2025, 3, 30)):
        f *= 2.4
    return size * f


def cold_brew_share(day: date) -> float:
    share = {12: 0.24, 1: 0.28, 2: 0.25, 3: 0.16, 4: 0.09, 5: 0.05, 6: 0.03, 7: 0.03, 8: 0.04, 9: 0.07,
             10: 0.11, 11: 0.17}[day.month]
    if date(2025, 1, 20) <= day <= date(2025, 1, 26):
        share *= 2.6
    return share


def money(x: float) -> str:
    return f"{x:.2f}"


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        pf = price_factor(day)
        app = day >= APP_LAUNCH
        signup_f = 4.0 if (day.year == 2024 and day.month == 9) else (1.6 if app else 1.0)
        out = []
        for cafe in CAFES:
            if not is_open(cafe, day):
                continue
            lead = lead_of(cafe, day)
            kind = CAFES[cafe][1]
            t = traffic(cafe, day) * rng.uniform(0.9, 1.1)
            cups_all = 380 * t
            outage = cafe == "Ponsonby" and date(2025, 8, 11) <= day <= date(2025, 8, 17)
            # espresso: one till batch a day, a second one on some days; each batch tagged with its main order type
            esp = cups_all * (0.2 if outage else 1.0)
            takeaway = 0.68 if kind.startswith("cbd") else 0.5
            online = 0.1 if app else 0.0
            kinds = [("Takeaway", takeaway - online / 2), ("Dine In", 1 - takeaway - online / 2), ("Online", online)]
            batches = [1.0] if rng.random() < 0.62 else [0.58, 0.42]
            for part in batches:
                r, otype = rng.random(), None
                for name, share in kinds:
                    r -= share
                    if r < 0:
                        otype = name
                        break
                otype = otype or "Takeaway"
                c = poisson(rng, esp * part)
                if c == 0:
                    continue
                gross = c * 5.6 * pf * rng.uniform(0.97, 1.03)
                disc = gross * rng.uniform(0.055, 0.08)
                tx = max(1, round(c / rng.uniform(1.22, 1.42)))
                signups = poisson(rng, c * 0.008 * signup_f * (1.5 if otype == "Online" else 1.0))
                kg = c * 0.019 * rng.uniform(0.97, 1.03)
                out.append([cafe, "Espresso", otype, lead, money(gross), money(disc), c, tx, signups, f"{kg:.2f}"])
            # filter: a slow-bar batch some days, more in winter
            p_filter = 0.28
            if rng.random() < p_filter:
                winter = 1.15 if day.month in (5, 6, 7, 8) else 1.0
                c = poisson(rng, cups_all * 0.11 * winter / p_filter * (0.3 if outage else 1.0) + (30 if outage else 0))
                if c:
                    otype = "Dine In" if rng.random() < 0.6 else "Takeaway"
                    gross = c * 5.0 * pf * rng.uniform(0.97, 1.03)
                    out.append([cafe, "Filter", otype, lead, money(gross), money(gross * rng.uniform(0.03, 0.05)), c,
                                max(1, round(c / rng.uniform(1.1, 1.25))), poisson(rng, c * 0.004),
                                f"{c * 0.015 * rng.uniform(0.96, 1.04):.2f}"])
            # cold brew: summer batches
            share = cold_brew_share(day)
            p_cold = min(0.9, 0.1 + share * 2.2)
            if rng.random() < p_cold:
                c = poisson(rng, cups_all * share / p_cold)
                if c:
                    otype = "Takeaway" if rng.random() < 0.72 else "Dine In"
                    gross = c * 6.5 * pf * rng.uniform(0.97, 1.03)
                    out.append([cafe, "Cold Brew", otype, lead, money(gross), money(gross * rng.uniform(0.04, 0.06)), c,
                                max(1, round(c / rng.uniform(1.15, 1.35))), poisson(rng, c * 0.006),
                                f"{c * 0.028 * rng.uniform(0.96, 1.04):.2f}"])
            # food: cabinet and kitchen
            p_food = 0.5
            if rng.random() < p_food:
                gross = cups_all * 5.6 * 0.36 * pf / p_food * rng.uniform(0.85, 1.15) * (0.7 if outage else 1.0)
                r = rng.random()
                takeaway_share = 0.55 if kind.startswith("cbd") else 0.38
                otype = "Online" if (app and r < 0.06) else ("Takeaway" if r < takeaway_share else "Dine In")
                out.append([cafe, "Food", otype, lead, money(gross), money(gross * rng.uniform(0.015, 0.03)), 0,
                            max(1, round(gross / rng.uniform(10.5, 13.5))), 0, "0.00"])
            # retail beans over the counter: Christmas gifting
            p_beans = 0.2
            if rng.random() < p_beans:
                xmas = 2.2 if day.month == 12 else 1.0
                kg = max(0.25, round(t * 1.4 * xmas / p_beans * rng.uniform(0.7, 1.3) * 4) / 4)
                gross = kg * 84.0 * pf * rng.uniform(0.97, 1.03)
                out.append([cafe, "Beans Retail", "Takeaway", lead, money(gross),
                            money(gross * rng.uniform(0.02, 0.05)),
                            0, max(1, round(kg / rng.uniform(0.4, 0.6))), poisson(rng, kg * 0.05), f"{kg:.2f}"])
            # merch: keep cups, tees; mostly December
            p_merch = 0.12 if day.month == 12 else 0.03
            if rng.random() < p_merch:
                gross = t * (140 if day.month == 12 else 55) / p_merch * rng.uniform(0.6, 1.4) * 0.1
                out.append([cafe, "Merch", "Takeaway", lead, money(gross), money(gross * rng.uniform(0.0, 0.04)), 0,
                            max(1, round(gross / rng.uniform(30, 45))), 0, "0.00"])
        # the roastery's online shop (beans, some merch) and bean subscriptions, packed at Riverside
        years = (day - START).days / 365.25
        promo_vol, promo_disc = 1.0, rng.uniform(0.01, 0.03)
        if date(2024, 11, 29) <= day <= date(2024, 12, 2):
            promo_vol, promo_disc = 1.8, 0.15
        if date(2025, 11, 24) <= day <= date(2025, 11, 30):
            promo_vol, promo_disc = 3.2, 0.25
        xmas = 1.8 if (day.month == 12 and day.day <= 20) else 1.0
        weekend = 0.8 if day.weekday() >= 5 else 1.0
        kg = round(12.0 * 1.25 ** years * xmas * promo_vol * rng.uniform(0.75, 1.25) * weekend * 4) / 4
        if kg > 0:
            gross = kg * 78.0 * pf * rng.uniform(0.97, 1.03)
            out.append(["Riverside", "Beans Retail", "Online", ROASTERY_LEAD, money(gross),
                        money(gross * promo_disc), 0,
                        max(1, round(kg / rng.uniform(0.6, 0.9))), poisson(rng, kg * 0.12), f"{kg:.2f}"])
        if rng.random() < (0.25 if day.month == 12 else 0.1):
            gross = rng.uniform(120, 420) * (2 if day.month == 12 else 1)
            out.append(["Riverside", "Merch", "Online", ROASTERY_LEAD, money(gross), money(gross * promo_disc), 0,
                        max(1, round(gross / rng.uniform(35, 55))), 0, "0.00"])
        if day >= SUBS_START and day.weekday() < 5:
            months = (day - SUBS_START).days / 30.44
            subscribers = 60 + 820 * (1 - math.exp(-months / 20.0)) + 12 * months
            shipments = poisson(rng, subscribers / 10)
            if shipments:
                kg = shipments * rng.uniform(0.48, 0.56)
                gross = shipments * 42.0 * pf * rng.uniform(0.98, 1.02)
                new_subs = poisson(rng, subscribers * 0.012 * (2.5 if day.year == 2024 and day.month == 9 else 1.0))
                out.append(["Riverside", "Beans Retail", "Subscription", ROASTERY_LEAD, money(gross),
                            money(gross * 0.10), 0,
                            shipments, new_subs, f"{kg:.2f}"])
        for r in out:
            yield [day.isoformat(), *r]
        day += timedelta(days=1)


def write(path) -> Path:
    path = Path(path)
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return path


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("brewhaus.csv")
    write(out)
    with out.open() as fh:
        count = sum(1 for _ in fh) - 1
    print(f"{out}: {count} rows, {START}..{END}, columns {', '.join(HEADER)}")


if __name__ == "__main__":
    main()
