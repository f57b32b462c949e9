"""The measure catalogue of shared/spec/ask-contract.md: names, formulas, words, direction.

Summable measures are stored; derived ones are computed from summed parts of
the same cell, never by averaging ratios.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SUMMABLE: tuple[str, ...] = ("revenue", "cost", "units", "orders", "new_customers")


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    formula: str
    synonyms: tuple[str, ...]
    up_is_good: bool
    parts: tuple[str, ...]
    is_ratio: bool = False
    is_money: bool = False
    is_percent: bool = False


CATALOGUE: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("revenue", "Revenue", "sum(revenue)", ("revenue", "sales", "turnover", "top line"), True,
                ("revenue",), is_money=True),
        Measure("cost", "Cost", "sum(cost)", ("cost", "costs", "cogs", "cost of goods sold"), False,
                ("cost",), is_money=True),
        Measure("gross_margin", "Gross margin", "sum(revenue) - sum(cost)",
                ("gross margin", "margin", "profit", "gross profit"), True, ("revenue", "cost"), is_money=True),
        Measure("margin_pct", "Margin %", "(sum(revenue) - sum(cost)) / sum(revenue) * 100",
                ("margin %", "margin percentage", "margin rate"), True, ("revenue", "cost"),
                is_ratio=True, is_percent=True),
        Measure("units", "Units", "sum(units)", ("units", "units sold", "volume", "quantity"), True, ("units",)),
        Measure("orders", "Orders", "sum(orders)", ("orders", "number of orders", "transactions"), True,
                ("orders",)),
        Measure("new_customers", "New customers", "sum(new_customers)",
                ("new customers", "customers", "customers acquired"), True, ("new_customers",)),
        Measure("avg_order_value", "Average order value", "sum(revenue) / sum(orders)",
                ("average order value", "aov", "basket size"), True, ("revenue", "orders"),
                is_ratio=True, is_money=True),
    )
}
DEFAULT_MEASURE = "revenue"


def available_measures(columns: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Canonical measures computable from the summable columns a dataset has."""
    return tuple(name for name, m in CATALOGUE.items() if set(m.parts) <= set(columns))


def measure_value(sums: Mapping[str, float], name: str) -> float | None:
    """The measure from summed parts; ``None`` for a ratio with nothing to divide by."""
    if name in SUMMABLE:
        return float(sums.get(name, 0.0))
    revenue, cost, orders = (float(sums.get(k, 0.0)) for k in ("revenue", "cost", "orders"))
    if name == "gross_margin":
        return revenue - cost
    if name == "margin_pct":
        return (revenue - cost) / revenue * 100 if revenue else None
    if name == "avg_order_value":
        return revenue / orders if orders else None
    raise KeyError(f"unknown measure {name!r}")
