"""A held-out company for the evaluator: Quillby Learning, an online education company.

Dimensions course × course_id (numeric, imported as a dimension: `--dimensions course_id`) × level × country ×
acquisition_channel × cohort_month (text such as "2024-05", the month a learner enrolled). Members that are
words: levels Beginner, Intermediate, Advanced, Pro; countries Turkey, Chad, Georgia, Jordan; channels Organic,
Paid Search, Social, Referral, Affiliates. Measures: enrolments, completions, refunds (money), revenue (money),
watch_hours; no cost, units or orders. Daily facts 2023-04-01 to 2025-11-16.

Events: the Pro level opens on 2024-01-15; a Black Friday sale triples enrolments from 2024-11-25 to 2024-12-01;
a broken UX Design cohort brings four times the refunds in March 2025; the Paid Search account is suspended in
September 2025 (enrolments from it fall to 30%); Turkey grows through Affiliates from 2025-01-01.

Deterministic, so its questions' gold numbers never change; run as a script to write the CSV.
"""
from __future__ import annotations

import csv
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, LAST = date(2023, 4, 1), date(2025, 11, 16)
COURSES = {  # course id, list price
    "Python for Data": (101, 149.0), "Excel Essentials": (102, 59.0), "UX Design": (103, 199.0),
    "Digital Marketing": (104, 129.0), "Public Speaking": (105, 79.0), "Bookkeeping": (106, 99.0),
}
LEVELS = {"Beginner": (0.45, 0.8), "Intermediate": (0.3, 1.0), "Advanced": (0.17, 1.3), "Pro": (0.08, 1.9)}
PRO_OPENS = date(2024, 1, 15)
COUNTRIES = {"United Kingdom": 0.24, "United States": 0.3, "India": 0.18, "Nigeria": 0.08, "Turkey": 0.07,
             "Chad": 0.02, "Georgia": 0.04, "Jordan": 0.07}
CHANNELS = {"Organic": 0.35, "Paid Search": 0.25, "Social": 0.18, "Referral": 0.12, "Affiliates": 0.1}
NEW_ROWS, OLD_ROWS = 14, 14
FIELDS = ["date", "course", "course_id", "level", "country", "acquisition_channel", "cohort_month",
          "enrolments", "completions", "refunds", "revenue", "watch_hours"]


def _month(day: date, back: int) -> str:
    years, month0 = divmod(day.month - 1 - back, 12)
    return f"{day.year + years}-{month0 + 1:02d}"


def _pick(rng, weights: dict, day: date):
    levels = {k: v[0] for k, v in LEVELS.items() if k != "Pro" or day >= PRO_OPENS}
    countries = dict(COUNTRIES)
    if day >= date(2025, 1, 1):
        countries["Turkey"] *= 2.2
    course = rng.choice(list(COURSES))
    level = rng.choices(list(levels), weights=list(levels.values()))[0]
    country = rng.choices(list(countries), weights=list(countries.values()))[0]
    channel = rng.choices(list(weights), weights=list(weights.values()))[0]
    return course, level, country, channel


def facts():
    rng = random.Random(20251116)
    day = FIRST
    while day <= LAST:
        cells: dict = {}
        season = 1 + 0.2 * math.cos((day.timetuple().tm_yday / 365.25) * 2 * math.pi)  # January resolutions
        boost = 3.0 if date(2024, 11, 25) <= day <= date(2024, 12, 1) else 1.0
        for _ in range(NEW_ROWS):
            course, level, country, channel = _pick(rng, CHANNELS, day)
            scale = 2.5 * season * boost
            if channel == "Paid Search" and day.year == 2025 and day.month == 9:
                scale *= 0.3
            if country == "Turkey" and channel == "Affiliates" and day >= date(2025, 1, 1):
                scale *= 2
            enrolments = max(1, int(rng.gauss(scale, 1.2)))
            price = COURSES[course][1] * LEVELS[level][1] * (0.7 if boost > 1 else rng.uniform(0.9, 1.0))
            cell = cells.setdefault((course, level, country, channel, _month(day, 0)), [0, 0, 0.0, 0.0, 0.0])
            cell[0] += enrolments
            cell[3] += enrolments * price
            cell[4] += enrolments * rng.uniform(0.5, 2.5)
        for _ in range(OLD_ROWS):
            course, level, country, channel = _pick(rng, CHANNELS, day)
            back = rng.randint(1, 6)
            cohort = _month(day, back)
            if cohort < _month(FIRST, 0) or (level == "Pro" and cohort < _month(PRO_OPENS, 0)):
                continue
            completions = max(0, int(rng.gauss(0.4 * back, 1.0)))
            refund_rate = 0.04 * (4 if course == "UX Design" and day.year == 2025 and day.month == 3 else 1)
            refunds = COURSES[course][1] * LEVELS[level][1] if back == 1 and rng.random() < refund_rate * 6 else 0.0
            cell = cells.setdefault((course, level, country, channel, cohort), [0, 0, 0.0, 0.0, 0.0])
            cell[1] += completions
            cell[2] += refunds
            cell[4] += rng.uniform(1.0, 9.0) * (1 + 0.1 * back)
        for key in sorted(cells):
            course, level, country, channel, cohort = key
            enrolments, completions, refunds, revenue, watch_hours = cells[key]
            yield [day.isoformat(), course, COURSES[course][0], level, country, channel, cohort,
                   enrolments, completions, round(refunds, 2), round(revenue, 2), round(watch_hours, 1)]
        day += timedelta(days=1)


def write(path: Path) -> Path:
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(facts())
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]))
