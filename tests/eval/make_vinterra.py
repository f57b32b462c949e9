#!/usr/bin/env python3
"""Vinterra, a made-up Stellenbosch wine estate (amounts in ZAR): daily sales facts.

usage: python3 make_vinterra.py OUT.csv

Deterministic (fixed seed, standard library only). One row per day, cultivar,
vintage, market and customer with any activity, 2023-03-01 to 2026-11-30.

- dimensions: cultivar (Pinotage, Chenin Blanc, Shiraz, Cap Classique),
  vintage (text: '2019' ... '2025', and 'NV' for non-vintage Cap Classique),
  market (Local, Export, Cellar Door, Online), customer (Woolworths, Checkers,
  Makro, Spar, Majestic, Systembolaget, Wine Club, Direct)
- measures: cases (6-bottle cases sold), revenue (ZAR), tastings (tasting
  flights poured at the cellar door), excise (ZAR excise duty on domestic
  sales, none on exports), bottles_returned, club_signups
- patterns: a Cape winter dip (June-August) at the cellar door and in local
  retail, a festive December; Online grows about 40% a year and Cap Classique
  fastest of the cultivars (plus a 2021 vintage brut from September 2025);
  Checkers also sells online from June 2024 and Systembolaget buys from
  February 2025; March 2026 drops (a Transnet port strike: exports nearly stop,
  local deliveries fall 40%); one 4,000-case Woolworths Chenin Blanc order on
  2026-04-14; a cork-taint recall of the 2022 Shiraz (bottles returned,
  2025-08-11 to 08-24); a harvest festival at the cellar door on 2026-10-17;
  Makro's Black Friday week and Black Friday to Cyber Monday online every
  November
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
START, END = date(2023, 3, 1), date(2026, 11, 30)
HEADER = ["date", "cultivar", "vintage", "market", "customer",
          "cases", "revenue", "tastings", "excise", "bottles_returned", "club_signups"]

# cultivar: (cellar-door price a bottle in 2023, years from harvest to release, growth a year, sparkling)
CULTIVARS = {
    "Chenin Blanc": (120.0, 1, 1.04, False),
    "Pinotage": (165.0, 2, 1.00, False),
    "Shiraz": (185.0, 2, 0.95, False),
    "Cap Classique": (240.0, None, 1.18, True),
}
# (market, customer): (price factor, chance of an order on an open day, mean cases an order, weekdays only,
#                      first day, growth a year)
CHANNELS = {
    ("Local", "Woolworths"): (0.58, 0.30, 60, True, START, 1.02),
    ("Local", "Checkers"): (0.55, 0.26, 48, True, START, 1.03),
    ("Local", "Makro"): (0.50, 0.16, 80, True, START, 0.97),
    ("Local", "Spar"): (0.56, 0.20, 22, True, START, 1.00),
    ("Export", "Majestic"): (0.45, 0.12, 170, True, START, 1.02),
    ("Export", "Systembolaget"): (0.44, 0.07, 120, True, date(2025, 2, 1), 1.05),
    ("Cellar Door", "Direct"): (1.00, 0.92, 9, False, START, 1.01),
    ("Cellar Door", "Wine Club"): (0.85, 0.35, 6, False, START, 1.03),
    ("Online", "Direct"): (0.97, 0.40, 5, False, START, 1.40),
    ("Online", "Wine Club"): (0.85, 0.22, 8, False, START, 1.15),
    ("Online", "Checkers"): (0.60, 0.18, 8, False, date(2024, 6, 1), 1.60),
}
BLACK_FRIDAYS = {date(2023, 11, 24), date(2024, 11, 29), date(2025, 11, 28), date(2026, 11, 27)}


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def vintages(cultivar: str, day: date) -> dict[str, float]:
    """Vintages on sale on `day` and their share of the cultivar's sales."""
    if cultivar == "Cap Classique":
        if day < date(2025, 9, 1):
            return {"NV": 1.0}
        # the 2021 vintage brut, 48 months on the lees, a limited release from September 2025
        months = (day.year - 2025) * 12 + day.month - 9
        x = min(0.3, 0.08 + 0.02 * months)
        return {"NV": 1.0 - x, "2021": x}
    lag = CULTIVARS[cultivar][1]
    out = {}
    for v in range(2017, 2027):
        release = date(v + lag, 1, 1)
        age = (day - release).days / 365.25
        if 0 <= age < 1:
            out[str(v)] = 0.2 + 0.8 * age if age < 0.25 else 1.0  # ramps up over the first quarter
        elif 1 <= age < 2:
            out[str(v)] = 0.45
        elif 2 <= age < 2.6:
            out[str(v)] = 0.12
    total = sum(out.values())
    return {k: w / total for k, w in out.items()}


def season(day: date, market: str) -> float:
    m = day.month
    if market == "Cellar Door":  # tourists: a Cape summer high, a wet winter low
        f = {12: 1.6, 1: 1.5, 2: 1.25, 3: 1.15, 6: 0.6, 7: 0.5, 8: 0.6}.get(m, 1.0)
        return f * (1.9 if day.weekday() >= 5 else 0.8)
    if market == "Local":  # festive December, a winter dip in wine aisles
        return {11: 1.15, 12: 1.45, 6: 0.78, 7: 0.72, 8: 0.8}.get(m, 1.0)
    if market == "Online":
        return {12: 1.35, 6: 0.9, 7: 0.85}.get(m, 1.0)
    return {10: 1.2, 11: 1.3, 1: 0.8}.get(m, 1.0)  # Export: the northern-hemisphere Christmas ships in Q4


def excise_rate(day: date, sparkling: bool) -> float:
    """ZAR a litre; the budget raises it every 1 April."""
    k = sum(1 for y in range(2023, 2027) if day >= date(y, 4, 1))
    return (15.22 if sparkling else 4.71) * 1.048 ** k


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        price_years = day.year - 2023
        weekend = day.weekday() >= 5
        for cultivar, (price, _lag, growth, sparkling) in CULTIVARS.items():
            mix = vintages(cultivar, day)
            for vintage, share in mix.items():
                vintage_price = price * (1.75 if vintage == "2021" and sparkling else 1.0)
                if vintage != "NV":
                    vintage_price *= 1.0 + 0.04 * max(0, day.year - int(vintage) - 2)
                for (market, customer), (pf, p_order, size, weekdays, first, ch_growth) in CHANNELS.items():
                    if day < first or (weekdays and weekend):
                        continue
                    if market == "Export" and (cultivar == "Cap Classique" and vintage == "2021"):
                        continue
                    f_size = season(day, market) * growth ** years * ch_growth ** ((day - first).days / 365.25)
                    p = p_order * min(1.0, 0.35 + share)
                    tastings = 0
                    signups = 0
                    # events
                    if market == "Export" and day.year == 2026 and day.month == 3:
                        f_size *= 0.5  # a Transnet strike at the Port of Cape Town
                        p *= 0.25
                    if market == "Local" and day.year == 2026 and day.month == 3:
                        f_size *= 0.6  # the strike also holds up glass and trucks for local deliveries
                    if customer == "Makro" and any(0 <= (bf - day).days <= 4 for bf in BLACK_FRIDAYS):
                        f_size *= 3.0  # Makro's Black Friday week promotion, Monday to Friday
                        p = min(1.0, p * 2.5)
                    elif market == "Online" and any(0 <= (day - bf).days <= 3 for bf in BLACK_FRIDAYS):
                        f_size *= 2.0  # Black Friday to Cyber Monday online
                        p = min(1.0, p * 1.5)
                    bulk = (day == date(2026, 4, 14) and customer == "Woolworths" and cultivar == "Chenin Blanc"
                            and share >= 0.5)
                    if bulk:  # stock for Woolworths' new-store roll-out: about 4,000 cases in one order
                        p = 1.0
                    festival = day == date(2026, 10, 17) and market == "Cellar Door"
                    if festival:
                        f_size *= 4.0
                        p = 1.0
                    cases = 0
                    if rng.random() < min(1.0, p):
                        mean = size * share ** 0.5 * f_size
                        cases = max(1, round(rng.gauss(mean, mean * 0.3)))
                        if bulk:
                            cases = rng.randint(3900, 4100)
                    if market == "Cellar Door" and customer == "Direct":
                        lam = 9.0 * share * season(day, market) * 1.03 ** years
                        if festival:
                            lam *= 6.0
                        tastings = poisson(rng, lam)
                    if customer == "Wine Club" and market in ("Cellar Door", "Online"):
                        lam = (0.9 if market == "Cellar Door" else 0.5) * share * season(day, market) * 1.2 ** years
                        if festival:
                            lam *= 5.0
                        signups = poisson(rng, lam)
                    if not (cases or tastings or signups):
                        continue
                    revenue = cases * 6 * vintage_price * pf * 1.05 ** price_years * rng.uniform(0.96, 1.04)
                    excise = 0.0 if market == "Export" else cases * 4.5 * excise_rate(day, sparkling)
                    ret_rate = {"Online": 0.03, "Export": 0.004, "Local": 0.01}.get(market, 0.002)
                    if cultivar == "Shiraz" and vintage == "2022" and date(2025, 8, 11) <= day <= date(2025, 8, 24):
                        ret_rate = 0.45  # cork taint in one bottling of the 2022 Shiraz
                    returned = poisson(rng, cases * 6 * ret_rate) if cases else 0
                    yield [day.isoformat(), cultivar, vintage, market, customer, cases, f"{revenue:.2f}",
                           tastings, f"{excise:.2f}", returned, signups]
        day += timedelta(days=1)


def write(path) -> Path:
    out = Path(path)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: make_vinterra.py OUT.csv")
    print(write(sys.argv[1]))
