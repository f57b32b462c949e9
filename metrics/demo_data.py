"""The demo company's daily sales, generated: deterministic (seeded per day), realistic, with stories to ask about.

"Brightside Coffee" sells coffee, brewing equipment and accessories in four
regions through three channels. Beyond noise, growth and seasonality (cold brew
in summer, equipment before the holidays, weekends online), the data holds:

- Europe Online doubles from March 2024, when a subscription launched;
- Asia Pacific Wholesale loses its main distributor on 2025-08-01 (revenue drops by two thirds);
- a list-price rise of 8% on 2026-01-01 lifts the margin, with units dipping slightly;
- the Burr Grinder is out of stock from 2026-05-04 to 2026-05-24.

Each day's numbers depend only on the seed and that day, so a longer range
extends a shorter one without changing it. ``shape_for_rows`` sizes the same
company (more products) for benchmarks.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

import numpy as np

DEMO_SEED = 20240301
DEMO_START = date(2022, 1, 1)
COLUMNS = ("date", "region", "channel", "product", "category", "revenue", "cost", "units", "orders", "new_customers")


@dataclass(frozen=True)
class Product:
    name: str
    category: str
    price: float
    cost_ratio: float
    season: str | None  # "summer", "winter", "holiday" or None
    popularity: float


PRODUCTS: tuple[Product, ...] = (
    Product("House Espresso", "Coffee", 18.0, 0.42, "winter", 9.0),
    Product("Single Origin Ethiopia", "Coffee", 24.0, 0.46, None, 4.0),
    Product("Decaf Colombia", "Coffee", 17.0, 0.44, None, 2.0),
    Product("Cold Brew Concentrate", "Coffee", 14.0, 0.38, "summer", 5.0),
    Product("Burr Grinder", "Equipment", 149.0, 0.56, "holiday", 0.6),
    Product("Pour-Over Kit", "Equipment", 39.0, 0.41, "holiday", 1.2),
    Product("Gooseneck Kettle", "Equipment", 69.0, 0.50, "holiday", 0.8),
    Product("Travel Mug", "Accessories", 22.0, 0.31, "holiday", 2.5),
    Product("Paper Filters", "Accessories", 6.0, 0.26, None, 6.0),
)
REGIONS: tuple[tuple[str, float], ...] = (
    ("North America", 1.0), ("Europe", 0.75), ("Asia Pacific", 0.5), ("Latin America", 0.3),
)
CHANNELS: tuple[tuple[str, float, float, float], ...] = (
    # name, volume weight, price paid as a share of list price, share of orders from new customers
    ("Online", 1.0, 1.0, 0.16),
    ("Retail", 0.8, 1.0, 0.07),
    ("Wholesale", 0.6, 0.62, 0.01),
)
SEASON_CATEGORIES = ("Coffee", "Equipment", "Accessories")

SUBSCRIPTION_LAUNCH = date(2024, 3, 1)
DISTRIBUTOR_LOST = date(2025, 8, 1)
PRICE_RISE = date(2026, 1, 1)
STOCK_OUT = (date(2026, 5, 4), date(2026, 5, 24))


def products_for(count: int | None) -> tuple[Product, ...]:
    """The demo's products, extended with made-up ones when more are wanted (benchmarks)."""
    if count is None or count <= len(PRODUCTS):
        return PRODUCTS if count is None else PRODUCTS[:count]
    rng = np.random.default_rng(DEMO_SEED)
    extra = tuple(
        Product(
            name=f"Product {n:04d}",
            category=SEASON_CATEGORIES[n % len(SEASON_CATEGORIES)],
            price=round(float(rng.uniform(5, 120)), 2),
            cost_ratio=round(float(rng.uniform(0.25, 0.6)), 2),
            season=(None, "summer", "winter", "holiday")[n % 4],
            popularity=float(rng.uniform(0.3, 3.0)),
        )
        for n in range(len(PRODUCTS) + 1, count + 1)
    )
    return PRODUCTS + extra


def shape_for_rows(rows: int, *, max_days: int = 1096) -> tuple[int, int]:
    """(days, products) giving about ``rows`` rows with every region and channel."""
    per_product_day = len(REGIONS) * len(CHANNELS)
    products = max(1, round(rows / (per_product_day * max_days)))
    days = max(1, round(rows / (per_product_day * products)))
    return days, products


class _Combos:
    """Every region × channel × product, as parallel arrays (one entry per row of a day)."""

    def __init__(self, products: tuple[Product, ...]) -> None:
        grid = [(r, c, p) for r in range(len(REGIONS)) for c in range(len(CHANNELS)) for p in range(len(products))]
        self.region = np.array([g[0] for g in grid])
        self.channel = np.array([g[1] for g in grid])
        self.product = np.array([g[2] for g in grid])
        self.labels = [
            (REGIONS[r][0], CHANNELS[c][0], products[p].name, products[p].category) for r, c, p in grid
        ]
        self.base = (
            np.array([REGIONS[r][1] for r, _, _ in grid])
            * np.array([CHANNELS[c][1] for _, c, _ in grid])
            * np.array([products[p].popularity for _, _, p in grid])
        )
        self.price = np.array([products[p].price * CHANNELS[c][2] for _, c, p in grid])
        self.cost_ratio = np.array([products[p].cost_ratio for _, _, p in grid])
        self.new_share = np.array([CHANNELS[c][3] for _, c, _ in grid])
        self.season = [products[p].season for _, _, p in grid]
        self.europe_online = (self.region == 1) & (self.channel == 0)
        self.apac_wholesale = (self.region == 2) & (self.channel == 2)
        self.grinder = np.array([products[p].name == "Burr Grinder" for _, _, p in grid])
        self.online = self.channel == 0
        self.wholesale = self.channel == 2


def _seasonality(day: date, kinds: list[str | None]) -> np.ndarray:
    doy = day.timetuple().tm_yday
    summer = 1 + 0.6 * np.cos(2 * np.pi * (doy - 200) / 365.25)
    winter = 1 + 0.25 * np.cos(2 * np.pi * (doy - 15) / 365.25)
    holiday = 1 + (1.8 if (day.month == 11 and day.day >= 20) or (day.month == 12 and day.day <= 24) else 0.0)
    factors = {None: 1.0, "summer": summer, "winter": winter, "holiday": holiday}
    return np.array([factors[kind] for kind in kinds])


def _day_rows(day: date, combos: _Combos, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng([seed, day.toordinal()])
    years = (day - DEMO_START).days / 365.25
    expected = combos.base * 6.0 * (1.12**years) * _seasonality(day, combos.season)
    weekend = day.weekday() >= 5
    expected = expected * np.where(combos.online, 1.25 if weekend else 0.95, 1.0)
    expected = expected * np.where(combos.wholesale, 0.4 if weekend else 1.2, 1.0)
    if day >= SUBSCRIPTION_LAUNCH:
        ramp = min(1.0, (day - SUBSCRIPTION_LAUNCH).days / 90)
        expected = expected * np.where(combos.europe_online, 1 + ramp, 1.0)
    if day >= DISTRIBUTOR_LOST:
        expected = expected * np.where(combos.apac_wholesale, 0.33, 1.0)
    price = combos.price
    if day >= PRICE_RISE:
        expected = expected * 0.97
        price = price * 1.08
    if STOCK_OUT[0] <= day <= STOCK_OUT[1]:
        expected = expected * np.where(combos.grinder, 0.03, 1.0)
    units = rng.poisson(expected)
    orders = np.minimum(units, np.ceil(units / rng.uniform(1.0, 1.8, size=units.shape))).astype(np.int64)
    revenue = np.round(units * price * rng.uniform(0.93, 1.0, size=units.shape), 2)
    cost = np.round(units * combos.price * combos.cost_ratio * rng.uniform(0.97, 1.03, size=units.shape), 2)
    new_customers = rng.binomial(orders, combos.new_share)
    return revenue, cost, units, orders, new_customers


def write_csv(
    out: TextIO, *, start: date, end: date, seed: int = DEMO_SEED, products: int | None = None
) -> int:
    """Write the dataset for ``start``..``end`` to ``out`` (text, newline=""); returns the number of rows."""
    combos = _Combos(products_for(products))
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = 0
    day = start
    while day <= end:
        iso = day.isoformat()
        revenue, cost, units, orders, new_customers = _day_rows(day, combos, seed)
        writer.writerows(
            (iso, *labels, f"{r:.2f}", f"{c:.2f}", u, o, n)
            for labels, r, c, u, o, n in zip(
                combos.labels, revenue.tolist(), cost.tolist(), units.tolist(), orders.tolist(),
                new_customers.tolist(), strict=True,
            )
        )
        rows += len(combos.labels)
        day += timedelta(days=1)
    return rows
