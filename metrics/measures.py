"""Measures: the catalogue of shared/spec/ask-contract.md and measures named after a tenant's own columns.

A ``Measure`` is everything a surface needs to know about one: its name, label,
words, direction, format and computation. A computation is the sum of a fact
column, or a ``ratio`` / ``ratio_pct`` / ``difference`` of two other measures
(the kinds a tenant will define too). Derived values are always computed from
the summed parts of one cell, never by averaging ratios.

The catalogue is the one table of built-in measures; adding one here is the
whole change (the parser reads words, the narrative and UIs read label,
direction and format, from the semantic model's measures).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from core.number_forms import in_both_numbers


class Direction(StrEnum):
    GOOD = "good"  # a rise is good news
    BAD = "bad"
    NEUTRAL = "neutral"


class Format(StrEnum):
    CURRENCY = "currency"
    NUMBER = "number"
    PERCENT = "percent"


class Computation(BaseModel):
    """``sum`` of ``column``; or ``ratio`` (a ÷ b), ``ratio_pct`` (a ÷ b × 100), ``difference`` (a − b) of measures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["sum", "ratio", "ratio_pct", "difference"]
    column: str | None = None
    a: str | None = None
    b: str | None = None

    @model_validator(mode="after")
    def _operands(self) -> Computation:
        if self.kind == "sum" and (not self.column or self.a or self.b):
            raise ValueError("a sum names its column, and only that")
        if self.kind != "sum" and (self.column or not self.a or not self.b):
            raise ValueError(f"a {self.kind} names two measures, a and b")
        return self

    @property
    def is_ratio(self) -> bool:
        return self.kind in ("ratio", "ratio_pct")

    @property
    def operands(self) -> tuple[str, ...]:
        return () if self.kind == "sum" else (self.a or "", self.b or "")


def column_sum(column: str) -> Computation:
    return Computation(kind="sum", column=column)


class Measure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    label: str
    words: tuple[str, ...]
    direction: Direction = Direction.GOOD
    format: Format = Format.NUMBER
    computation: Computation

    @property
    def is_ratio(self) -> bool:
        return self.computation.is_ratio

    @property
    def is_money(self) -> bool:
        return self.format is Format.CURRENCY

    @property
    def is_percent(self) -> bool:
        return self.format is Format.PERCENT

    @property
    def up_is_good(self) -> bool:
        return self.direction is not Direction.BAD

    @property
    def synonyms(self) -> tuple[str, ...]:
        """The measure's words (the name the parser and the LLM prompt used before the model carried them)."""
        return self.words

    @property
    def derived(self) -> bool:
        return self.computation.kind != "sum"


def _sum(name: str, label: str, words: tuple[str, ...], **kw: object) -> Measure:
    return Measure(name=name, label=label, words=words, computation=column_sum(name), **kw)


def _of(kind: str, a: str, b: str) -> Computation:
    return Computation(kind=kind, a=a, b=b)


CATALOGUE: dict[str, Measure] = {
    m.name: m
    for m in (
        _sum("revenue", "Revenue", ("revenue", "sales", "turnover", "top line"), format=Format.CURRENCY),
        _sum("cost", "Cost", ("cost", "costs", "cogs", "cost of goods sold"), direction=Direction.BAD,
             format=Format.CURRENCY),
        Measure(name="gross_margin", label="Gross margin", words=("gross margin", "margin", "profit", "gross profit"),
                format=Format.CURRENCY, computation=_of("difference", "revenue", "cost")),
        Measure(name="margin_pct", label="Margin %", words=("margin %", "margin percentage", "margin rate"),
                format=Format.PERCENT, computation=_of("ratio_pct", "gross_margin", "revenue")),
        _sum("units", "Units", ("units", "units sold", "volume", "quantity")),
        _sum("orders", "Orders", ("orders", "number of orders", "transactions")),
        _sum("new_customers", "New customers", ("new customers", "customers", "customers acquired")),
        Measure(name="avg_order_value", label="Average order value",
                words=("average order value", "aov", "basket size"), format=Format.CURRENCY,
                computation=_of("ratio", "revenue", "orders")),
    )
}
SUMMABLE: tuple[str, ...] = tuple(name for name, m in CATALOGUE.items() if not m.derived)
DEFAULT_MEASURE = "revenue"
# Particles of phrasal verbs and nouns ("write offs", "sign ups", "check ins", "drop offs"): the last word of such
# a name says nothing of the figure alone, in either number. The parser's function words include these.
PARTICLES: frozenset[str] = frozenset({"in", "on", "off", "out", "over", "up", "down", "back"})


def is_particle(word: str) -> bool:
    """Whether ``word`` is a particle or the plural of one ("offs", "ins", "ups")."""
    return word in PARTICLES or (word.endswith("s") and word[:-1] in PARTICLES)


def snake_case(name: str) -> str:
    """``Net Bookings`` → ``net_bookings``, ``NetBookings`` → ``net_bookings`` (the contract's measure names)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name.strip())
    return re.sub(r"[^0-9A-Za-z]+", "_", spaced).strip("_").lower()


def catalogue_words() -> frozenset[str]:
    return frozenset(word for m in CATALOGUE.values() for word in m.words)


def column_measures(columns: Mapping[str, str]) -> tuple[Measure, ...]:
    """Measures for non-catalogue columns (name → the column as written), with the contract's default words.

    Each gets its whole name in both numbers; its last word too, where no other
    measure and no catalogue word uses it and it is no particle ("offs" of write_offs).
    """
    phrases = {name: " ".join(snake_case(column).split("_")) for name, column in columns.items()}
    taken = set(catalogue_words()) | {form for phrase in phrases.values() for form in in_both_numbers(phrase)}
    last_words: dict[str, int] = {}
    for phrase in phrases.values():
        for form in in_both_numbers(phrase.rpartition(" ")[2]):
            last_words[form] = last_words.get(form, 0) + 1
    out = []
    for name, column in columns.items():
        words = list(in_both_numbers(phrases[name]))
        last = phrases[name].rpartition(" ")[2]
        if " " in phrases[name] and not is_particle(last):
            forms = in_both_numbers(last)
            if all(f not in taken and last_words[f] == 1 for f in forms):
                words.extend(forms)
        label = column.strip() if column.strip() != name else phrases[name].capitalize()
        out.append(Measure(name=name, label=label, words=tuple(dict.fromkeys(words)), computation=column_sum(name)))
    return tuple(out)


def measures_for(columns: Mapping[str, str]) -> tuple[Measure, ...]:
    """Every measure of a dataset whose measure columns are ``columns`` (measure name → column as written):
    a column the catalogue names has the catalogue's semantics, any other the contract's defaults; then
    each derived catalogue measure whose parts are all there."""
    own = {m.name: m for m in column_measures({n: c for n, c in columns.items() if n not in CATALOGUE})}
    stored = [CATALOGUE[n] if n in CATALOGUE else own[n] for n in columns]
    available = {m.name for m in stored}
    derived = []
    for measure in CATALOGUE.values():
        if measure.derived and set(measure.computation.operands) <= available:
            derived.append(measure)
            available.add(measure.name)
    return (*stored, *derived)


def available_measures(columns: Iterable[str]) -> tuple[str, ...]:
    """Names of the measures a dataset with these summable columns gives (catalogue order for catalogue ones)."""
    return tuple(m.name for m in measures_for({n: n for n in sorted(columns, key=_catalogue_order)}))


def _catalogue_order(name: str) -> tuple[int, str]:
    return (list(CATALOGUE).index(name), "") if name in CATALOGUE else (len(CATALOGUE), name)


def evaluate(measures: Mapping[str, Measure], sums: Mapping[str, float], name: str) -> float | None:
    """The value of measure ``name`` from a cell's column sums; ``None`` for a ratio with nothing to divide by."""
    measure = measures.get(name) or CATALOGUE.get(name)
    if measure is None:
        if name in sums:  # a column measure of a model built before it had definitions
            return float(sums[name])
        raise KeyError(f"unknown measure {name!r}")
    c = measure.computation
    if c.kind == "sum":
        return float(sums.get(c.column or "", 0.0))
    a, b = evaluate(measures, sums, c.a or ""), evaluate(measures, sums, c.b or "")
    if a is None or b is None:
        return None
    if c.kind == "difference":
        return a - b
    if not b:
        return None
    return a / b * 100 if c.kind == "ratio_pct" else a / b


def measure_value(sums: Mapping[str, float], name: str) -> float | None:
    """A catalogue or column measure from summed parts (``evaluate`` with the catalogue alone)."""
    return evaluate(CATALOGUE, sums, name)
