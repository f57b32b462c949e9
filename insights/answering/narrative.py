"""The answer as a colleague would say it: template narratives and their tone.

Every figure written here is formatted (``core.formatting``) from the computed
``Result``; nothing is estimated. Labels, formats and directions come from the
tenant's semantic model. A premise the numbers contradict ("why did revenue
drop?" when it rose) is corrected in the first sentence.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core import formatting
from core.number_forms import is_plural, plural, singular
from insights.answering.results import MeasureFigures, Result, Row
from insights.understanding.types import GRAINS, Period, Understanding
from metrics.measures import Direction, Measure
from metrics.semantic import SemanticModel

NEUTRAL_BELOW_PCT = 1.0
# Up to this many rows every one is named; beyond, the first LISTED and how many more.
NAMED_ALL_UP_TO = 6
LISTED = 5
ADJECTIVES = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly"}
# Words that claim a direction in a question ("why did revenue drop?"), checked against the numbers.
# A change said as it goes on claims it too ("online is shrinking", "visits are falling"); the "up" of "what's up"
# claims nothing.
_FALLING = re.compile(
    r"\b(?:drop(?:s|ped|ping)?|fall(?:s|en|ing)?|fell|declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|dip(?:s|ped|ping)?|"
    r"down|shr[iau]nk(?:s|ing|en)?|slump(?:s|ed|ing)?|tank(?:s|ed|ing)?|plung(?:e|ed|ing)|slid(?:e|es|ing)?|"
    r"slow(?:s|ed|ing)|worse)\b",
    re.IGNORECASE,
)
_RISING = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|gr[eo]w(?:s|n|th|ing)?|increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
    r"spik(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|(?<!what['’]s\s)(?<!whats\s)(?<!what\sis\s)up|improv(?:e|es|ed|ing)|"
    r"better)\b",
    re.IGNORECASE,
)


def sentiment_of(*, measure: Measure, change: float | None, change_pct: float | None) -> str:
    """The contract's tone: good news when a measure moves the way its direction wants; neutral under 1%."""
    if change is None or change == 0 or measure.direction is Direction.NEUTRAL:
        return "neutral"
    if change_pct is not None and abs(change_pct) < NEUTRAL_BELOW_PCT:
        return "neutral"
    if measure.is_percent and abs(change) < NEUTRAL_BELOW_PCT:
        return "neutral"
    return "positive" if (change > 0) == measure.up_is_good else "negative"


def claimed_direction(question: str | None) -> int:
    """+1 / -1 when the question takes a rise / a fall for granted, else 0."""
    if not question:
        return 0
    falling, rising = bool(_FALLING.search(question)), bool(_RISING.search(question))
    return -1 if falling and not rising else 1 if rising and not falling else 0


def trend_change(result: Result) -> tuple[float | None, float | None]:
    """First to last period with a value: what the trend's tone is judged on."""
    rows = [row for row in result.rows if row.value is not None]
    if len(rows) < 2:
        return None, None
    change = rows[-1].value - rows[0].value
    return change, (change / abs(rows[0].value) * 100 if rows[0].value else None)


def describe_period(period: Period) -> str:
    return formatting.period(period.start, period.end)


def describe_scope(constraints: dict[str, Sequence[str]] | None) -> str:
    parts = [" or ".join(members) for members in (constraints or {}).values()]
    return f" for {' and '.join(parts)}" if parts else ""


def _for_count(noun: str, *, count: float) -> str:
    """"1 branch", "7 branches"."""
    return noun if count == 1 else plural(noun)


@dataclass(frozen=True)
class Voice:
    """What a narrative needs to say one answer: the understanding, the tenant's model and its currency."""

    u: Understanding
    model: SemanticModel
    currency: str

    @property
    def measure(self) -> Measure:
        return self.model.measure(self.u.measure or self.model.default_measure)

    def kind(self, name: str | None = None) -> str:
        return str(self.model.measure(name or self.measure.name).format)

    def fmt(self, value: float | None, name: str | None = None) -> str:
        return formatting.figure(value, kind=self.kind(name), currency=self.currency)

    def signed(self, value: float | None, name: str | None = None) -> str:
        return formatting.signed(value, kind=self.kind(name), currency=self.currency)

    def change(self, change: float | None, change_pct: float | None, name: str | None = None) -> str:
        """"up 12.2%", "down $3.4K", "up 1.2 points" (a percentage measure changes by points)."""
        if change is None:
            return "with nothing to compare against"
        if change == 0:
            return "flat"
        direction = "up" if change > 0 else "down"
        if self.kind(name) == formatting.PERCENT:
            return f"{direction} {formatting.points(change)}"
        if change_pct is not None:
            return f"{direction} {formatting.percent(abs(change_pct))}"
        return f"{direction} {self.fmt(abs(change), name)}"

    def label(self, name: str | None = None, *, capital: bool = True) -> str:
        """The measure as asked: "Gross margin per order", "Average daily revenue", "Average revenue per region"."""
        measure = self.model.measure(name) if name else self.measure
        text = measure.label
        per = self.u.per
        if per in GRAINS:
            text = f"average {ADJECTIVES[per]} {text.lower()}"
        elif per in self.model.dimensions:
            text = f"average {text.lower()} per {per.replace('_', ' ')}"
        elif per is not None:
            text = f"{text} per {singular(self.model.measure(per).label.lower())}"
        if capital:
            return text[0].upper() + text[1:]
        # Mid-sentence a label reads in lower case, acronyms ("AOV") kept.
        return " ".join(word if len(word) > 1 and word.isupper() else word.lower() for word in text.split(" "))

    def verb(self, *, past: bool = True) -> str:
        """"was" / "were": a measure named in the plural ("orders", "new customers") takes the plural."""
        last = self.label().rsplit(" ", 1)[-1]
        many = is_plural(last)
        return ("were" if many else "was") if past else ("are" if many else "is")

    def key(self, row: Row) -> str:
        """A row's key for people: period labels as "Jul 2025", "total" and "region=EMEA" as words."""
        grain = self.u.group_by if self.u.group_by in GRAINS else None
        if self.u.intent == "trend":
            grain = self.u.time.grain or "month"
        if grain is not None:
            return formatting.period_label(row.key, grain=grain)
        if self.u.intent == "unusual":
            if row.key == "total":
                return "the total"
            dimension, _, member = row.key.partition("=")
            return f"{member} ({dimension.replace('_', ' ')})"
        return row.key

    def listed(self, rows: Sequence[Row], text: Callable[[Row], str], *, keep: Sequence[str] = ()) -> str:
        """Every row when there are few; else the first ones, any the question named, and how many more."""
        if len(rows) <= NAMED_ALL_UP_TO:
            shown = list(rows)
        else:
            shown = [row for i, row in enumerate(rows) if i < LISTED or row.key in keep]
        listing = ", ".join(text(row) for row in shown)
        more = len(rows) - len(shown)
        return listing + (f", and {more} more" if more else "")


# --- narratives ---------------------------------------------------------------------------------------------

def no_data(*, voice: Voice) -> str:
    """Why there is no figure: the period lies outside the data, or nothing matches in it."""
    u, model = voice.u, voice.model
    when = describe_period(u.time)
    if u.time.end < model.first_date or u.time.start > model.last_date:
        return (f"There is no data for {when}: your data covers "
                f"{formatting.period(model.first_date, model.last_date)}. Try a period inside that range.")
    return f"There is no data{describe_scope(u.constraints)} in {when}."


def compose(
    *, understanding: Understanding, result: Result, model: SemanticModel, currency: str, question: str | None = None
) -> str:
    """The narrative of ``result``; ``question`` is read only for a premise to check against the numbers."""
    voice = Voice(u=understanding, model=model, currency=currency)
    u = understanding
    # a share's whole is its figure too: a share with no part and no rows says that whole, never "no data"
    whole = u.intent == "share" and result.total is not None
    if result.value is None and not result.rows and not whole and u.intent not in ("pace", "count", "unusual"):
        return _nothing_to_divide_by(voice) if u.per is not None and _inside_data(voice) else no_data(voice=voice)
    text = _SENTENCES[u.intent](voice, result)
    correction = _premise_correction(voice, result, question)
    return f"{correction} {text}" if correction else text


def _inside_data(voice: Voice) -> bool:
    return voice.u.time is not None and not (voice.u.time.end < voice.model.first_date
                                             or voice.u.time.start > voice.model.last_date)


def _nothing_to_divide_by(voice: Voice) -> str:
    """A per-* figure whose divisor is zero is no figure at all (not 0, not infinite)."""
    per = voice.u.per or ""
    divisor = (plural(per.replace("_", " ")) if per in GRAINS or per in voice.model.dimensions
               else voice.model.measure(per).label.lower() if per in voice.model.definitions else per)
    return (f"There is no {voice.label(capital=False)}{describe_scope(voice.u.constraints)} in "
            f"{describe_period(voice.u.time)}: there are no {divisor} to divide by.")


def _premise_correction(voice: Voice, result: Result, question: str | None) -> str:
    """The numbers first, where the question took the other direction for granted."""
    claimed = claimed_direction(question)
    u = voice.u
    if not claimed or u.intent not in ("compare", "drivers", "summary", "trend"):
        return ""
    change = trend_change(result)[0] if u.intent == "trend" else result.change
    if change is None or (change > 0) == (claimed > 0):
        return ""
    moved = "rose" if change > 0 else "fell" if change < 0 else "stayed flat"
    said = "drop" if claimed < 0 else "rise"
    return f"{_scoped(voice)} did not {said} in {describe_period(u.time)}: it {moved}."


def _scoped(voice: Voice) -> str:
    return f"{voice.label()}{describe_scope(voice.u.constraints)}"


def _value(voice: Voice, result: Result) -> str:
    when = describe_period(voice.u.time)
    if result.measures:
        return f"{when}{describe_scope(voice.u.constraints)}: {_measures_list(voice, result.measures)}."
    return f"{_scoped(voice)} {voice.verb()} {voice.fmt(result.value)} in {when}."


def _measures_list(voice: Voice, measures: dict[str, MeasureFigures], *, skip: str | None = None) -> str:
    parts = []
    for name, figures in measures.items():
        if name == skip or figures.value is None:
            continue
        text = f"{voice.label(name, capital=False)} {voice.fmt(figures.value, name)}"
        if figures.previous_value is not None:
            change = figures.value - figures.previous_value
            text += f" ({voice.change(change, figures.change_pct, name)})"
        parts.append(text)
    return "; ".join(parts)


def _compare(voice: Voice, result: Result) -> str:
    u = voice.u
    when = describe_period(u.time)
    before = describe_period(u.compare_to) if u.compare_to else "the period before"
    if result.value is None:
        return f"There is no data{describe_scope(u.constraints)} in {when} to compare with {before}."
    head = (
        f"{_scoped(voice)} {voice.verb()} {voice.fmt(result.value)} in {when}, "
        f"{voice.change(result.change, result.change_pct)} on {before}"
        + (f" ({voice.fmt(result.previous_value)})." if result.previous_value is not None else ".")
    )
    if u.also and result.measures:
        return f"{head} Also: {_measures_list(voice, result.measures, skip=voice.measure.name)}."
    return head


def _drivers(voice: Voice, result: Result) -> str:
    head = _compare(voice, result)
    movers = [row for row in result.rows if row.value]
    if not movers:
        return f"{head} No single member stands out as the driver."
    dimension = (voice.u.group_by or "member").replace("_", " ")

    def moved(row: Row) -> str:
        return f"{row.key} ({voice.signed(row.value)})"

    first, rest = movers[0], ", ".join(moved(row) for row in movers[1:3])
    return f"{head} The biggest driver by {dimension} was {moved(first)}" + (f", then {rest}." if rest else ".")


def _summary(voice: Voice, result: Result) -> str:
    head = _compare(voice, result)
    others = _measures_list(voice, dict(result.measures or {}), skip=voice.measure.name)
    return f"{head} Also: {others}." if others else head


def _trend(voice: Voice, result: Result) -> str:
    u = voice.u
    grain = u.time.grain or "month"
    rows = [row for row in result.rows if row.value is not None]
    label = voice.label(capital=False)
    if not rows:
        return f"There is no {label}{describe_scope(u.constraints)} to show in {describe_period(u.time)}."
    first, last = rows[0], rows[-1]
    scope = describe_scope(u.constraints)
    if u.cumulative:
        text = (f"Cumulative {label}{scope}, {describe_period(u.time)}, by {grain}: {voice.fmt(first.value)} "
                f"by the end of {voice.key(first)}, {voice.fmt(last.value)} by the end of {voice.key(last)}")
    else:
        text = (f"{ADJECTIVES[grain].capitalize()} {label}{scope}, {describe_period(u.time)}: from "
                f"{voice.fmt(first.value)} in {voice.key(first)} to {voice.fmt(last.value)} in {voice.key(last)}")
        peak = max(rows, key=lambda row: row.value)
        if len(rows) > 2 and peak not in (first, last):
            text += f", peaking at {voice.fmt(peak.value)} in {voice.key(peak)}"
    if u.also and last.values:
        text += f"; in {voice.key(last)}: {_row_values(voice, last)}"
    return text + "."


def _row_values(voice: Voice, row: Row) -> str:
    return ", ".join(f"{voice.label(name, capital=False)} {voice.fmt(value, name)}"
                     for name, value in (row.values or {}).items())


def _row_text(voice: Voice, row: Row) -> str:
    if row.values:
        return f"{voice.key(row)} ({'; '.join(voice.fmt(v, name) for name, v in row.values.items())})"
    return f"{voice.key(row)} ({voice.fmt(row.value)})"


def _by(voice: Voice) -> str:
    measures = [voice.label(capital=False), *(voice.label(name, capital=False) for name in voice.u.also)]
    return " and ".join(measures) if len(measures) < 3 else ", ".join(measures[:-1]) + " and " + measures[-1]


def _breakdown(voice: Voice, result: Result) -> str:
    u = voice.u
    dimension = (u.group_by or "member").replace("_", " ")
    scope = describe_scope({d: m for d, m in u.constraints.items() if d != u.group_by})
    when = describe_period(u.time)
    named = u.constraints.get(u.group_by or "", ())
    listing = voice.listed(result.rows, lambda row: _row_text(voice, row), keep=named)
    text = f"{_by(voice)[0].upper()}{_by(voice)[1:]}{scope} by {dimension} in {when}: {listing}."
    if len(named) == 2 and result.change is not None:
        first, second = named
        gap = f"{voice.fmt(abs(result.change))}"
        pct = f" ({formatting.percent(abs(result.change_pct))})" if result.change_pct is not None else ""
        word = "more" if result.change > 0 else "less"
        if result.change == 0:
            return f"{text} {first} and {second} were level."
        return f"{text} {first} had {gap}{pct} {word} than {second}."
    return text


def _rank(voice: Voice, result: Result) -> str:
    u = voice.u
    if u.order_by is not None:
        return _growth_rank(voice, result)
    dimension = (u.group_by or "member").replace("_", " ")
    scope = describe_scope(u.constraints)
    when = describe_period(u.time)
    if not result.rows:
        return f"No {dimension} has {voice.label(capital=False)}{scope} in {when}."
    if len(result.rows) == 1:
        extreme = "highest" if u.order != "asc" else "lowest"
        row = result.rows[0]
        return (f"{voice.key(row)} had the {extreme} {voice.label(capital=False)}{scope} by {dimension} in {when}: "
                f"{voice.fmt(row.value)}.")
    word = "Top" if u.order != "asc" else "Bottom"
    listing = voice.listed(result.rows, lambda row: _row_text(voice, row))
    count = len(result.rows)
    return f"{word} {count} {_for_count(dimension, count=count)} by {_by(voice)}{scope} in {when}: {listing}."


def _growth_rank(voice: Voice, result: Result) -> str:
    u = voice.u
    dimension = (u.group_by or "member").replace("_", " ")
    before = describe_period(u.compare_to) if u.compare_to else "the period before"
    if not result.rows:
        return f"No {dimension} can be compared with {before}."
    pct = u.order_by == "change_pct"

    def moved(row: Row) -> str:
        change = formatting.signed_percent(row.value) if pct else voice.signed(row.value)
        start = f" from {voice.fmt(row.previous)}" if row.previous is not None else ""
        return f"{row.key} ({change}, {voice.fmt(row.current)}{start})"

    rising, first = u.order != "asc", result.rows[0]
    top = first.value or 0.0
    when = f"{describe_period(u.time)} against {before}"
    what = f"{voice.label(capital=False)}{describe_scope(u.constraints)} by {dimension}, {when}"
    if (top <= 0) if rising else (top >= 0):
        # Asked for the growth (or the drops) and there is none: say so, and who came closest.
        amount = formatting.percent(abs(top)) if pct else voice.fmt(abs(top))
        closest = (f"{first.key} was flat" if top == 0
                   else f"{first.key} {'fell' if top < 0 else 'grew'} least, by {amount}")
        values = f" ({voice.fmt(first.current)} from {voice.fmt(first.previous)})" if first.previous is not None else ""
        head = (f"No {dimension} {'grew' if rising else 'fell'} in {voice.label(capital=False)}"
                f"{describe_scope(u.constraints)}, {when}: {closest}{values}.")
        return head + (f" Ranked: {voice.listed(result.rows, moved)}." if len(result.rows) > 1 else "")
    if pct:
        head = "Fastest-growing" if rising else "Fastest-falling"
    else:
        head = "Biggest increases in" if rising else "Biggest drops in"
    return f"{head} {what}: {voice.listed(result.rows, moved)}."


def _share(voice: Voice, result: Result) -> str:
    u = voice.u
    when = describe_period(u.time)
    whole = f"{voice.label(capital=False)}{describe_scope(u.constraints)}"
    if result.total is None:
        return f"There is no {whole} in {when}."
    if not result.total:
        # Nothing to take a share of: no percentage is given (0 of 0 is no 0%).
        return (f"{whole[0].upper()}{whole[1:]} {voice.verb()} {voice.fmt(result.total)} in {when}, so there is no "
                "share to give.")
    parts = []
    if u.part is not None and not result.value:
        parts.append(f"None of {whole} in {when} came from {u.part[1]}: {voice.fmt(0.0)} of "
                     f"{voice.fmt(result.total)}.")
    elif u.part is not None:
        share = formatting.percent(result.share_pct) if result.share_pct is not None else "none"
        parts.append(f"{u.part[1]} made {share} of {whole} in {when}: {voice.fmt(result.value)} of "
                     f"{voice.fmt(result.total)}.")
    if u.group_by is not None and result.rows:
        def row_text(row: Row) -> str:
            share = formatting.percent(row.share_pct) if row.share_pct is not None else "n/a"
            return f"{row.key} {share} ({voice.fmt(row.value)})"

        dimension = u.group_by.replace("_", " ")
        parts.append(f"{whole[0].upper()}{whole[1:]} by {dimension} in {when} (total {voice.fmt(result.total)}): "
                     f"{voice.listed(result.rows, row_text, keep=(u.part[1],) if u.part else ())}.")
    return " ".join(parts) or f"{whole[0].upper()}{whole[1:]} {voice.verb()} {voice.fmt(result.total)} in {when}."


def _pace(voice: Voice, result: Result) -> str:
    u = voice.u
    when = describe_period(u.time)
    if result.value is None:
        return f"There is no {voice.label(capital=False)}{describe_scope(u.constraints)} in {when} yet."
    head = f"{_scoped(voice)} {voice.verb(past=False)} {voice.fmt(result.value)} so far in {when}"
    if result.target is None or result.projected is None or result.gap is None:
        return head + "."
    gap = result.gap
    side = "above" if gap > 0 else "below"
    if voice.measure.is_ratio or u.per is not None:
        # A rate is not projected: it is compared with the target as it stands.
        distance = formatting.points(gap) if voice.kind() == formatting.PERCENT else voice.fmt(abs(gap))
        return f"{head}, against a target of {voice.fmt(result.target)}: " + (
            f"{distance} {side} it." if gap else "right on it.")
    head += f", {formatting.percent(result.pct_of_target or 0.0)} of the {voice.fmt(result.target)} target"
    projection = f"At this pace it reaches {voice.fmt(result.projected)} by the end of {when}"
    if result.value >= result.target:
        # Reached already: the projection can only add to it.
        past = f"already past it, by {voice.fmt(result.value - result.target)}" if result.value > result.target \
            else "reached already"
        return (f"{head}: {past}. {projection}, "
                f"{voice.fmt(abs(gap))} above the target.")
    if not gap:
        return f"{head}. {projection}, right on target."
    return f"{head}. {projection}, {voice.fmt(abs(gap))} {side} the target."


def _count(voice: Voice, result: Result) -> str:
    u = voice.u
    count = int(result.value or 0)
    what = _for_count(u.group_by.replace("_", " ") if u.group_by else "member", count=count)
    return f"{count} {what} had data{describe_scope(u.constraints)} in {describe_period(u.time)}."


def _unusual(voice: Voice, result: Result) -> str:
    u = voice.u
    when = describe_period(u.time)
    scope = describe_scope(u.constraints)
    if not result.rows:
        return (f"Nothing stood out in {when}{scope}: the {voice.label(capital=False)} of every series stayed "
                "close to its own recent history.")

    def unusual(row: Row) -> str:
        side = "above" if (row.z or 0) > 0 else "below"
        return (f"{voice.key(row)} at {voice.fmt(row.value)} against {voice.fmt(row.expected)} expected "
                f"({abs(row.z or 0):.1f} standard deviations {side})")

    count = len(result.rows)
    return (f"{count} series of {voice.label(capital=False)}{scope} stood out in {when} "
            f"against {'its' if count == 1 else 'their'} recent history: {voice.listed(result.rows, unusual)}.")


_SENTENCES = {
    "value": _value, "compare": _compare, "drivers": _drivers, "summary": _summary, "trend": _trend,
    "breakdown": _breakdown, "rank": _rank, "share": _share, "pace": _pace, "count": _count, "unusual": _unusual,
}
