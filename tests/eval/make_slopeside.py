#!/usr/bin/env python3
"""Slopeside Fjällresor AB: a made-up Swedish ski-resort group (currency SEK).

One row per day x resort x pass_type x channel x customer_type that had any
activity, 2024-05-01 to 2026-11-30.  Standard library only, deterministic.

    python3 make_slopeside.py slopeside.csv
"""
from __future__ import annotations

import csv
import math
import pathlib
import random
import sys
from datetime import date, timedelta

SEED = 20261130
START, END = date(2024, 5, 1), date(2026, 11, 30)

COLUMNS = ["date", "resort", "pass_type", "channel", "customer_type",
           "ticket_revenue", "lift_tickets", "skier_visits", "rental_revenue", "ski_school_lessons"]

# size: peak-day skier visits; night: has floodlit night skiing; price: resort price level
RESORTS = {
    "Åre": dict(size=9000, night=True, price=1.08),
    "Sälen": dict(size=10000, night=True, price=1.00),
    "Vemdalen": dict(size=4200, night=True, price=0.92),
    "Idre Fjäll": dict(size=4600, night=False, price=0.95),
    "Riksgränsen": dict(size=1500, night=False, price=0.90),
}
HOTEL_PARTNER_RESORTS = ("Åre", "Sälen", "Idre Fjäll")
PASS_TYPES = ["Day", "Week", "Season", "Night Skiing"]
CUSTOMER_TYPES = ["Adult", "Child", "Senior"]

# Adult list prices per season (season starting in autumn of the key year), SEK
PRICE = {
    2023: {"Day": 575, "Week": 2790, "Season": 6190, "Night Skiing": 285},
    2024: {"Day": 595, "Week": 2890, "Season": 6490, "Night Skiing": 295},
    2025: {"Day": 625, "Week": 3050, "Season": 6790, "Night Skiing": 310},
    2026: {"Day": 655, "Week": 3190, "Season": 7090, "Night Skiing": 325},
}
CT_PRICE = {"Adult": 1.0, "Child": 0.74, "Senior": 0.86}
CH_PRICE = {"Online": 0.95, "Ticket Office": 1.0, "Hotel Partner": 0.90}


def season_of(d: date) -> int:
    """The ski season a date belongs to, by the year it starts in (2025 = winter 2025/26)."""
    return d.year if d.month >= 7 else d.year - 1


def opening(resort: str, s: int) -> tuple[date, date]:
    """Open and close dates of a resort's winter season s."""
    if resort == "Riksgränsen":
        return date(s + 1, 2, 20), date(s + 1, 6, 21)
    opens = {"Idre Fjäll": (11, 7), "Vemdalen": (11, 14), "Sälen": (11, 21), "Åre": (11, 28)}[resort]
    closes = {"Idre Fjäll": (4, 21), "Vemdalen": (4, 19), "Sälen": (4, 22), "Åre": (5, 4)}[resort]
    o = date(s, *opens)
    if s == 2024:  # late snow in autumn 2024: everyone opened a week late
        o += timedelta(days=7)
    return o, date(s + 1, *closes)


EASTER = {2024: date(2024, 3, 31), 2025: date(2025, 4, 20), 2026: date(2026, 4, 5)}


def season_factor(resort: str, d: date) -> float:
    s = season_of(d)
    o, c = opening(resort, s)
    if not (o <= d <= c):
        return 0.0
    since_open, to_close = (d - o).days, (c - d).days
    wk = d.isocalendar()[1]
    if resort == "Riksgränsen":
        f = {2: 0.45, 3: 0.7, 4: 1.0, 5: 0.95, 6: 0.5}[d.month]
    else:
        f = {11: 0.35, 12: 0.7, 1: 0.8, 2: 1.1, 3: 1.0, 4: 0.7, 5: 0.35}[d.month]
        if 7 <= wk <= 10:  # sportlov, the Swedish winter school break
            f = 1.55
        if (d.month == 12 and d.day >= 26) or (d.month == 1 and d.day <= 6):
            f = 1.5
    e = EASTER.get(d.year)
    if e and -4 <= (d - e).days <= 2:
        f *= 1.35
    ramp = min(1.0, 0.45 + since_open / 20.0) * min(1.0, 0.5 + to_close / 16.0)
    return f * ramp


def weekday_factor(d: date) -> float:
    return (0.82, 0.80, 0.82, 0.88, 1.08, 1.42, 1.18)[d.weekday()]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam < 40:
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= rng.random()
            if p <= limit:
                return k
            k += 1
    return max(0, round(rng.gauss(lam, math.sqrt(lam))))


def growth(d: date) -> float:
    return 1.0 + 0.045 * ((d - date(2025, 1, 1)).days / 365.0)


def online_share(d: date) -> float:
    return min(0.72, 0.46 + 0.09 * ((d - date(2024, 5, 1)).days / 365.0))


def pass_mix(resort: str) -> dict:
    mix = {"Day": 0.46, "Week": 0.26, "Season": 0.20, "Night Skiing": 0.08}
    if not RESORTS[resort]["night"]:
        mix.pop("Night Skiing")
    tot = sum(mix.values())
    return {k: v / tot for k, v in mix.items()}


def ct_mix(pass_type: str) -> dict:
    if pass_type == "Night Skiing":  # floodlit evenings: no senior price
        return {"Adult": 0.78, "Child": 0.22}
    return {
        "Day": {"Adult": 0.62, "Child": 0.28, "Senior": 0.10},
        "Week": {"Adult": 0.55, "Child": 0.38, "Senior": 0.07},
        "Season": {"Adult": 0.58, "Child": 0.30, "Senior": 0.12},
    }[pass_type]


def channel_mix(resort: str, pass_type: str, d: date) -> dict:
    on = online_share(d)
    if pass_type == "Day":
        mix = {"Online": on * 0.9, "Ticket Office": 1 - on * 0.9 - 0.10, "Hotel Partner": 0.10}
    elif pass_type == "Week":
        mix = {"Online": 0.62, "Hotel Partner": 0.38}
        if resort == "Idre Fjäll" and d >= date(2026, 3, 1):  # the partner hotel chain left Idre
            mix = {"Online": 0.62, "Hotel Partner": 0.06}
    elif pass_type == "Season":
        mix = {"Online": 0.7, "Ticket Office": 0.3}
    else:
        mix = {"Online": on * 0.7, "Ticket Office": 1 - on * 0.7}
    if resort == "Idre Fjäll" and d >= date(2026, 3, 1) and "Hotel Partner" in mix and pass_type == "Day":
        mix["Hotel Partner"] = 0.015
    if resort not in HOTEL_PARTNER_RESORTS and "Hotel Partner" in mix:
        mix["Online"] += mix.pop("Hotel Partner")
    if resort == "Riksgränsen" and pass_type == "Season":
        mix = {"Online": 1.0}
    return mix


def event_factor(resort: str, d: date) -> float:
    # storm that broke the main lift at Sälen, ISO week 11 of 2026: closed Monday-Friday, half open at the weekend
    if resort == "Sälen" and date(2026, 3, 9) <= d <= date(2026, 3, 13):
        return 0.03
    if resort == "Sälen" and d in (date(2026, 3, 14), date(2026, 3, 15)):
        return 0.4
    return 1.0


def write(path) -> pathlib.Path:
    rng = random.Random(SEED)
    path = pathlib.Path(path)
    out = []
    d = START
    while d <= END:
        s = season_of(d)
        for resort, info in RESORTS.items():
            sf = season_factor(resort, d)
            day_noise = math.exp(rng.gauss(0, 0.12))
            price_level = info["price"] * PRICE[s if s in PRICE else 2026]["Day"] / 595
            visits_total = info["size"] * sf * weekday_factor(d) * growth(d) * day_noise * event_factor(resort, d)
            for pt, pshare in pass_mix(resort).items():
                for ct, cshare in ct_mix(pt).items():
                    for ch, hshare in channel_mix(resort, pt, d).items():
                        base = visits_total * pshare * cshare * hshare
                        visits = tickets = 0
                        if base > 0:
                            visits = poisson(rng, base)
                            if pt == "Week":
                                tickets = poisson(rng, base / 5.5 * (1.6 if d.weekday() in (5, 6) else 0.75))
                            elif pt == "Season":
                                tickets = poisson(rng, base / 45.0)
                            else:
                                tickets = visits
                        # season-pass presale, online from September, early bird until 31 October
                        if pt == "Season" and ch == "Online" and date(s, 9, 1) <= d <= date(s, 12, 31):
                            presale = info["size"] * 0.0042 * cshare * growth(d)
                            if d.month == 9:
                                presale *= 1.6
                            if d.month == 10 and d.day >= 24:
                                presale *= 2.2  # early-bird deadline
                            if d.month == 12:
                                presale *= 0.5
                            if d == date(2025, 11, 28):
                                presale *= 9.0  # Black Friday campaign 2025
                            elif date(2025, 11, 24) <= d <= date(2025, 11, 30):
                                presale *= 2.4
                            tickets += poisson(rng, presale)
                        # Åre bike park in summer: day lift passes only
                        if resort == "Åre" and pt == "Day" and ct != "Senior" and ch != "Hotel Partner" \
                                and date(d.year, 6, 14) <= d <= date(d.year, 9, 20):
                            bike = 260 * weekday_factor(d) * cshare * hshare * (0.7 if ct == "Child" else 1.0)
                            bike *= 1.2 if d.month in (7, 8) else 0.7
                            v = poisson(rng, bike)
                            visits += v
                            tickets += v
                        if visits == 0 and tickets == 0:
                            continue
                        unit = PRICE[s if s in PRICE else 2026][pt] * CT_PRICE[ct] * CH_PRICE[ch] * info["price"]
                        if pt == "Season" and d.month in (9, 10):
                            unit *= 0.85  # early-bird price
                        ticket_revenue = round(tickets * unit * rng.uniform(0.97, 1.03))
                        rent_rate = {"Day": 0.17, "Week": 0.21, "Season": 0.03, "Night Skiing": 0.08}[pt]
                        rent_rate *= 1.3 if ct == "Child" else (0.8 if ct == "Senior" else 1.0)
                        rentals = poisson(rng, visits * rent_rate)
                        rental_revenue = round(rentals * 415 * price_level * rng.uniform(0.9, 1.1))
                        summer = d.month in (6, 7, 8, 9) and resort == "Åre"
                        lesson_rate = {"Adult": 0.012, "Child": 0.055, "Senior": 0.008}[ct]
                        lesson_rate *= {"Day": 0.8, "Week": 1.6, "Season": 0.5, "Night Skiing": 0.2}[pt]
                        lessons = 0 if summer else poisson(rng, visits * lesson_rate)
                        out.append([d.isoformat(), resort, pt, ch, ct,
                                    ticket_revenue, tickets, visits, rental_revenue, lessons])
        d += timedelta(days=1)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        w.writerows(out)
    return path


if __name__ == "__main__":
    write(sys.argv[1])
