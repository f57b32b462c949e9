#!/usr/bin/env python3
"""Gigstack, a made-up UK live-events ticketing company (currency GBP): daily ticket sales.

usage: python3 make_gigstack.py [OUT.csv]      (default: gigstack.csv beside this file)

Deterministic (fixed seed, standard library only). One row per day, venue,
genre, sales channel and promoter that had any activity, 2024-02-12 to
2026-11-30 (the platform went live on 2024-02-12):

- dimensions: venue (12), genre (Rock, Pop, Comedy, Classical, Family,
  Club Night), sales_channel (Box Office, Web, App, Resale Partner), promoter
  (20 companies and people; each promotes one genre)
- measures, in this column order: tickets_sold, ticket_revenue (GBP),
  booking_fees (GBP), refunds_issued (GBP), comps (complimentary tickets),
  attendees. There is no `revenue`, `cost`, `units` or `orders` column, so the
  default measure is tickets_sold (the first) and there is no gross margin,
  margin % or average order value.
- events:
  * Resale Partner channel goes live 2024-09-01 (no rows before);
  * Brixton Hall opens 2025-04-10 (no rows before);
  * the Web/App booking fee goes from 10% to 12.5% of face value on 2025-07-01
    (Resale Partner fees are 15%, the box office charges none);
  * Arena North is shut for a refurbishment 2026-02-23 to 2026-04-05 (no rows)
    and sells 40% more in the four weeks after it reopens;
  * App outage 2026-06-08 to 2026-06-14 (ISO week 2026-W24): App sales at 20%,
    Web picks up 25% more;
  * a headline Rock show at The Forum is cancelled: refunds issued at The Forum
    are twelve times normal 2026-09-14 to 2026-09-20;
  * a comedy festival at the Corn Exchange: Comedy sales there are three times
    normal in October 2026;
  * a stadium-sized Pop tour on-sale by Meridian Live at Arena North: four
    times normal 2026-11-09 to 2026-11-15.
- seasonality: Family peaks at Christmas (pantomime) and in school holidays,
  Comedy is quiet in August (Edinburgh) and strong in spring and autumn,
  Classical has an autumn season and a summer lull, Club Night peaks in
  December (NYE on-sales); Friday is on-sale day, Sunday is quiet. App share
  grows and box-office share shrinks over time.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
START, END = date(2024, 2, 12), date(2026, 11, 30)
HEADER = ["date", "venue", "genre", "sales_channel", "promoter",
          "tickets_sold", "ticket_revenue", "booking_fees", "refunds_issued", "comps", "attendees"]

# venue: (scale, price factor, {genre: weight})
VENUES = {
    "Arena North": (3.0, 1.30, {"Pop": 0.5, "Rock": 0.35, "Family": 0.15}),
    "The Roundhouse": (1.8, 1.10, {"Rock": 0.4, "Pop": 0.25, "Club Night": 0.2, "Comedy": 0.15}),
    "The Forum": (1.5, 1.05, {"Rock": 0.5, "Pop": 0.25, "Club Night": 0.25}),
    "Brixton Hall": (1.4, 1.05, {"Rock": 0.45, "Club Night": 0.35, "Pop": 0.2}),
    "Harbour Pavilion": (1.2, 0.95, {"Family": 0.45, "Pop": 0.3, "Comedy": 0.25}),
    "St George's Hall": (1.1, 1.00, {"Classical": 0.5, "Family": 0.25, "Comedy": 0.25}),
    "Corn Exchange": (1.0, 0.95, {"Comedy": 0.4, "Classical": 0.2, "Family": 0.2, "Rock": 0.2}),
    "Castle Lane Theatre": (0.9, 1.00, {"Family": 0.5, "Comedy": 0.3, "Classical": 0.2}),
    "The Mill Yard": (0.9, 0.90, {"Club Night": 0.65, "Rock": 0.35}),
    "Victoria Rooms": (0.8, 1.00, {"Classical": 0.6, "Comedy": 0.4}),
    "The Old Market": (0.7, 0.90, {"Comedy": 0.45, "Rock": 0.3, "Club Night": 0.25}),
    "Riverside Studio": (0.6, 0.85, {"Comedy": 0.4, "Club Night": 0.35, "Pop": 0.25}),
}
PRICE = {"Rock": 38.0, "Pop": 55.0, "Comedy": 24.0, "Classical": 32.0, "Family": 19.0, "Club Night": 17.0}
PROMOTERS = {
    "Rock": {"Northern Lights Promotions": 0.35, "Redbrick Promotions": 0.3, "Tom Hargreaves": 0.15,
             "Sound Republic": 0.2},
    "Pop": {"Meridian Live": 0.4, "Halcyon Music": 0.25, "Kite Entertainment": 0.2, "Marchmont Live": 0.15},
    "Comedy": {"Laughing Stock Comedy": 0.45, "Fringe Benefit Comedy": 0.35, "Sarah O'Neill": 0.2},
    "Classical": {"Albion Classics": 0.65, "Gareth Lloyd": 0.35},
    "Family": {"Big Top Family Shows": 0.45, "Little Acorn Theatre Co": 0.3, "Crown & Anchor Presents": 0.25},
    "Club Night": {"Nightshift Collective": 0.35, "Bassline Events": 0.3, "Jan Kowalski": 0.2,
                   "Priya Shah": 0.15},
}
GENRE_SEASON = {  # month -> factor
    "Rock": {6: 0.8, 7: 0.75, 8: 0.8, 10: 1.2, 11: 1.25},
    "Pop": {6: 0.85, 7: 0.8, 8: 0.85, 10: 1.15, 11: 1.2, 12: 1.1},
    "Comedy": {1: 1.15, 2: 1.2, 3: 1.2, 7: 0.8, 8: 0.55, 10: 1.3, 11: 1.3},
    "Classical": {7: 0.5, 8: 0.5, 9: 1.25, 10: 1.35, 11: 1.3, 12: 1.2},
    "Family": {2: 1.3, 4: 1.3, 7: 1.3, 8: 1.5, 10: 1.2, 11: 1.8, 12: 2.6},
    "Club Night": {6: 0.8, 7: 0.8, 8: 0.85, 11: 1.3, 12: 1.6},
}
WEEKDAY = [0.9, 0.9, 1.0, 1.05, 1.45, 1.15, 0.7]  # Monday .. Sunday
BASE = 75.0  # tickets per show-day at a scale-1 venue
GROWTH = 0.11  # a year
RESALE_START = date(2024, 9, 1)
BRIXTON_OPENS = date(2025, 4, 10)
FEE_RISE = date(2025, 7, 1)
ARENA_SHUT = (date(2026, 2, 23), date(2026, 4, 5))
APP_OUTAGE = (date(2026, 6, 8), date(2026, 6, 14))
FORUM_CANCEL = (date(2026, 9, 14), date(2026, 9, 20))
POP_ONSALE = (date(2026, 11, 9), date(2026, 11, 15))


def channel_shares(day: date) -> dict:
    t = (day - START).days / (END - START).days  # 0 .. 1
    shares = {"Box Office": 0.24 - 0.08 * t, "Web": 0.52 - 0.06 * t, "App": 0.16 + 0.14 * t}
    if day >= RESALE_START:
        shares["Resale Partner"] = 0.08
    return shares


def count(rng: random.Random, lam: float) -> int:
    """Poisson for small means, a rounded normal for large ones."""
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, math.sqrt(lam) * 1.4)))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def pick(rng: random.Random, weights: dict) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def rows():
    rng = random.Random(SEED)
    day = START
    while day <= END:
        years = (day - START).days / 365.25
        growth = (1 + GROWTH) ** years
        shares = channel_shares(day)
        fee_rate = 0.125 if day >= FEE_RISE else 0.10
        for venue, (scale, price_f, genres) in VENUES.items():
            if venue == "Brixton Hall" and day < BRIXTON_OPENS:
                continue
            if venue == "Arena North" and ARENA_SHUT[0] <= day <= ARENA_SHUT[1]:
                continue
            shows = 1 + (rng.random() < 0.1)
            if rng.random() < 0.3:  # a dark day: nothing on sale
                continue
            seen = set()
            for _ in range(shows):
                season_w = {g: w * GENRE_SEASON[g].get(day.month, 1.0) for g, w in genres.items()}
                genre = pick(rng, season_w)
                promoter = pick(rng, PROMOTERS[genre])
                if (genre, promoter) in seen:
                    continue
                seen.add((genre, promoter))
                lam = BASE * scale * growth * WEEKDAY[day.weekday()] * GENRE_SEASON[genre].get(day.month, 1.0)
                lam *= rng.lognormvariate(0, 0.35) / shows ** 0.5
                refund_f = 1.0
                if venue == "Arena North" and ARENA_SHUT[1] < day <= ARENA_SHUT[1] + timedelta(days=28):
                    lam *= 1.4
                if venue == "Corn Exchange" and genre == "Comedy" and day.year == 2026 and day.month == 10:
                    lam *= 3.0
                if venue == "Arena North" and promoter == "Meridian Live" and POP_ONSALE[0] <= day <= POP_ONSALE[1]:
                    lam *= 4.0
                if venue == "The Forum" and FORUM_CANCEL[0] <= day <= FORUM_CANCEL[1]:
                    refund_f = 12.0
                price = PRICE[genre] * price_f * (1 + 0.04 * years)
                for channel, share in shares.items():
                    c_lam = lam * share
                    if channel == "App" and APP_OUTAGE[0] <= day <= APP_OUTAGE[1]:
                        c_lam *= 0.2
                    if channel == "Web" and APP_OUTAGE[0] <= day <= APP_OUTAGE[1]:
                        c_lam *= 1.25
                    if channel == "Box Office" and day.weekday() >= 4:
                        c_lam *= 1.3
                    tickets = count(rng, c_lam)
                    comps = count(rng, tickets * {"Box Office": 0.07, "Web": 0.01}.get(channel, 0.0))
                    refunds_n = count(rng, c_lam * 0.015 * refund_f)
                    if not (tickets or comps or refunds_n):
                        continue
                    face = price * (0.92 if channel == "Resale Partner" else 1.0)
                    revenue = round(tickets * face * rng.uniform(0.9, 1.1), 2)
                    if channel == "Box Office":
                        fees = 0.0
                    elif channel == "Resale Partner":
                        fees = round(revenue * 0.15, 2)
                    else:
                        fees = round(revenue * fee_rate, 2)
                    refunds = round(refunds_n * face * rng.uniform(0.95, 1.05), 2)
                    attendees = round(tickets * rng.uniform(0.86, 0.95) + comps * 0.7)
                    yield [day.isoformat(), venue, genre, channel, promoter, tickets, f"{revenue:.2f}",
                           f"{fees:.2f}", f"{refunds:.2f}", comps, attendees]
        day += timedelta(days=1)


def write(path) -> Path:
    out = Path(path)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            writer.writerow(row)
    return out


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("gigstack.csv")
    write(out)
    with out.open() as fh:
        n = sum(1 for _ in fh) - 1
    print(f"{out}: {n} rows, {START}..{END}, columns {', '.join(HEADER)}")


if __name__ == "__main__":
    main()
