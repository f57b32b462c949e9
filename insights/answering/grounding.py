"""Is every figure in a text one the answer computed?

A model may rephrase a narrative, but it may not bring its own numbers. A
figure is grounded when it equals a number of the answer object as a person
would write it: at the precision shown (rounded, or cut short), with k/M/B
suffixes, a percent for a percent-valued number (a change in percent, or a
margin % and its change in points), and a sign word ("down 3%") for the sign.
Calendar references (2025, 2025-07, Q3, week 27, July 1, 3rd) are not figures;
a duration ("the last 6 months") is a count, checked against the answer's
periods and rows.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from metrics.measures import CATALOGUE, DEFAULT_MEASURE

MONEY, PERCENT, PLAIN, COUNT = "money", "percent", "plain", "count"
# Up to this many rows, any count of them may be named; beyond, only their number (a long trend
# would otherwise vouch for almost any small number).
MAX_ROWS_COUNTED_THROUGH = 50


@dataclass(frozen=True)
class Number:
    text: str  # as written
    value: float  # signed and scaled: "$1.23M" → 1230000.0, "down 3%" → -3.0, "120 bps" → 1.2
    unit: str  # money | percent | plain | count (a duration such as "6 months")
    tolerance: float  # half a unit of the last digit shown, scaled
    signed: bool  # the sign was written (a minus, a plus, or a word such as "down")


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CALENDAR = re.compile(
    "|".join(
        (
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # 2025-07-01
            r"\b\d{4}\s?[-/–]\s?(?:W\d{1,2}|Q[1-4]|H[12]|\d{1,4})\b",  # 2025-W27, 2025-Q3, 2025-07, 2024/25
            r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",  # 7/1/2025
            r"\b(?:Q[1-4]|H[12])\b",  # Q3, H1
            r"\b(?:FY|CY)\s?'?\d{2,4}\b",  # FY2025, FY'25
            r"\b(?:weeks?|wk|w)\s?\d{1,2}\b",  # week 27, W27
            r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\d)",  # July 1, Jul 1st
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?![a-z])",  # 1 July, 1st of July
            r"\b\d+(?:st|nd|rd|th)\b|#\d+\b",  # ordinals and ranks: 3rd, #1
            r"'\d{2}\b",  # '24
            # A bare year, unless it is written as an amount (a currency before it, a unit after it).
            (
                r"(?<![\d$€£¥₹.,+\-−])\b(?:19|20)\d{2}\b"
                r"(?![.,]\d|\s?(?:%|percent|k\b|m\b|bn\b|mn\b|thousand|million|billion|units?\b|orders?\b"
                r"|customers?\b|dollars?|euros?|pounds?))"
            ),
        )
    ),
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    word: index + 2
    for index, word in enumerate(
        [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
    )
}
_CODES = r"USD|EUR|GBP|JPY|CHF|CAD|AUD|INR"
_NUMBER = re.compile(
    rf"""
    (?:(?P<sign>[-+−])\s?)?
    (?P<currency>US\$|CA\$|A\$|C\$|[$€£¥₹]|(?:{_CODES})\s?)?
    (?P<sign_after_currency>[-+−])?
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
      | \b(?P<word>{"|".join(_WORD_NUMBERS)})\b
    )
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mm|tn|k|m|b)(?![a-z]))?
    (?:\s?(?P<code>{_CODES}|dollars?|euros?|pounds?)(?![a-z]))?
    (?:\s?(?P<percent>%|percent(?:age\s+points?)?|per\s?cent|pct|pp|p\.p\.|points?|pts|bps|basis\s+points?)
       (?![a-z]))?
    (?(percent)|(?(currency)|(?(code)|  # a percent or an amount is never a duration ("5% year-over-year")
        (?:[\s-]?(?P<duration>days?|weeks?|months?|quarters?|years?|yrs?)(?![a-z]))?
    )))
    (?P<multiple>\s?[x×](?![a-z]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "mm": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}
_FALLING = [
    "down", "fell", "fallen", "dropped", "declined", "decreased", "lost", "slipped", "dipped", "shrank",
    "shrunk", "plunged", "sank", "slid", "contracted", "falling", "dropping", "declining", "decreasing",
    "drop", "drops", "decline", "declines", "decrease", "decreases", "fall", "falls", "dip", "dips",
    "loss", "reduction", "contraction",
]
_RISING = [
    "up", "rose", "risen", "grew", "grown", "increased", "gained", "climbed", "jumped", "soared",
    "surged", "expanded", "rising", "growing", "increasing", "increase", "increases", "rise", "rises",
    "gain", "gains", "growth", "jump", "jumps", "uplift",
]
# Only after a number do these give its sign ("12% higher"); before one they set a bound ("below 30%").
_LOWER, _HIGHER = ["lower", "less", "fewer", "below"], ["higher", "more", "above"]
_NEGATIVE_WORDS = frozenset(_FALLING + _LOWER)
_HEDGES = r"(?:\s+(?:about|around|roughly|approximately|nearly|almost|over|under|some|just|only|a|an))*"
# "down 3%", "rose by about 12%", "a decline of $5k"
_SIGN_VERBS_AND_NOUNS = "|".join(_FALLING + _RISING)
_SIGN_BEFORE = re.compile(rf"\b(?P<word>{_SIGN_VERBS_AND_NOUNS})(?:\s+by|\s+of)?{_HEDGES}\s*$", re.IGNORECASE)
# "a 3% drop", "12% higher", "a 5% year-over-year decline"
_SIGN_AFTER = re.compile(
    rf"^\s*(?:(?:year|month|quarter|week)[-\s]over[-\s](?:year|month|quarter|week)\s+|yoy\s+|mom\s+|qoq\s+)?"
    rf"(?P<word>{_SIGN_VERBS_AND_NOUNS}|{'|'.join(_LOWER + _HIGHER)})\b",
    re.IGNORECASE,
)


def numbers_in(text: str) -> list[Number]:
    """Every figure written in ``text``, in order; calendar references are left out."""
    return _figures(text, names=())


def is_grounded(text: str, *, answer: Mapping[str, Any]) -> bool:
    """True only if every figure in ``text`` is, as written, a number of the computed ``answer``."""
    targets = _answer_numbers(answer)
    figures = _figures(text, names=_answer_names(answer))
    return all(any(_matches(figure, value, unit) for value, unit in targets) for figure in figures)


def _figures(text: str, *, names: Iterable[str]) -> list[Number]:
    masked = _mask(text, [_name_pattern(name) for name in names])
    masked = _mask(masked, [_CALENDAR])
    return [_figure(match, masked) for match in _NUMBER.finditer(masked)]


def _name_pattern(name: str) -> re.Pattern[str]:
    if any(c.isalpha() for c in name):
        return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    # A name of digits alone (store 422) only where it cannot be an amount: no currency, decimal or unit around.
    return re.compile(rf"(?<![\w$€£¥₹])(?<!\d[.,]){re.escape(name)}(?![\w%]|[.,]\d)")


def _mask(text: str, patterns: Iterable[re.Pattern[str]]) -> str:
    """Blank out what the patterns match, keeping every other character where it was."""
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _figure(match: re.Match[str], text: str) -> Number:
    # Digits inside codes ("mp3", "3D") count too: failing to match only costs a template narrative,
    # while skipping them would let a model slip a number through. Names from the answer are masked.
    start, end = match.span()
    before = text[start - 1] if start else " "
    explicit_sign = match.group("sign_after_currency") or match.group("sign")
    if match.group("sign") and before.isalnum():
        explicit_sign = match.group("sign_after_currency")  # a dash after a word or number: "COVID-19", "1-2%"
    if match.group("word"):
        magnitude, decimals = float(_WORD_NUMBERS[match.group("word").lower()]), 0
    else:
        digits = match.group("digits").replace(",", "")
        magnitude = float(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = _SCALES[match.group("scale").lower()] if match.group("scale") else 1.0
    percent = (match.group("percent") or "").lower()
    if percent.startswith(("bps", "basis")):
        scale /= 100  # basis points are hundredths of a percentage point
    if match.group("duration"):
        unit = COUNT
    elif percent:
        unit = PERCENT
    elif match.group("currency") or match.group("code"):
        unit = MONEY
    else:
        unit = PLAIN

    sign = _sign(explicit_sign, before_text=text[max(0, start - 60):start], after_text=text[end:end + 60])
    return Number(
        text=match.group().strip(),
        value=(sign or 1) * magnitude * scale,
        unit=unit,
        tolerance=0.5 * 10 ** -decimals * scale,
        signed=sign is not None,
    )


def _sign(explicit: str | None, *, before_text: str, after_text: str) -> int | None:
    if explicit:
        return 1 if explicit == "+" else -1
    word_match = _SIGN_BEFORE.search(before_text) or _SIGN_AFTER.match(after_text)
    if word_match is None:
        return None
    return -1 if word_match.group("word").lower() in _NEGATIVE_WORDS else 1


def _matches(figure: Number, value: float, unit: str) -> bool:
    if not _units_agree(figure.unit, unit):
        return False
    if figure.signed and value != 0 and figure.value != 0 and (figure.value < 0) != (value < 0):
        return False
    shown, actual = abs(figure.value), abs(value)
    slack = 1e-9 * max(1.0, actual)
    rounded = abs(actual - shown) <= figure.tolerance + slack
    cut_short = shown - slack <= actual < shown + 2 * figure.tolerance  # "over $1.2M" for 1.26M
    return rounded or cut_short


def _units_agree(written: str, computed: str) -> bool:
    if written == PLAIN:
        return True  # a bare number may stand for any kind of figure
    if written == COUNT:
        return computed == COUNT
    return written == computed


def _measure_unit(measure: str | None, answer: Mapping[str, Any]) -> str:
    """The unit of a measure's figures: the format the answer's ``display`` block gives it, else the catalogue's."""
    shown = ((answer.get("display") or {}).get("measures") or {}).get(measure or "") or {}
    kind = shown.get("format")
    if kind is None:
        info = CATALOGUE.get(measure or DEFAULT_MEASURE)
        kind = None if info is None else str(info.format)
    return {"percent": PERCENT, "currency": MONEY}.get(kind or "", PLAIN)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _measure_numbers(values: Mapping[str, Any], unit: str) -> list[tuple[float, str]]:
    """A measure's value, previous value and change (given, or their difference) and its change in %."""
    value, previous = _number(values.get("value")), _number(values.get("previous_value"))
    change = _number(values.get("change"))
    if change is None and value is not None and previous is not None:
        change = value - previous
    out = [(number, unit) for number in (value, previous, change) if number is not None]
    change_pct = _number(values.get("change_pct"))
    if change_pct is not None:
        out.append((change_pct, PERCENT))
    return out


def _row_numbers(
    row: Mapping[str, Any], *, unit: str, value_unit: str, answer: Mapping[str, Any]
) -> list[tuple[float, str]]:
    numbers = [(value, value_unit) for value in [_number(row.get("value"))] if value is not None]
    numbers += [(value, unit) for name in ("current", "previous", "expected")
                if (value := _number(row.get(name))) is not None]
    numbers += [(value, PERCENT) for value in [_number(row.get("share_pct"))] if value is not None]
    numbers += [(value, PLAIN) for value in [_number(row.get("z"))] if value is not None]
    values = row.get("values") if isinstance(row.get("values"), Mapping) else {}
    numbers += [(value, _measure_unit(name, answer)) for name, raw in values.items()
                if (value := _number(raw)) is not None]
    return numbers


def _answer_numbers(answer: Mapping[str, Any]) -> list[tuple[float, str]]:
    understanding = answer.get("understanding") or {}
    result = answer.get("result") or {}
    unit = _measure_unit(understanding.get("measure"), answer)
    numbers = _measure_numbers(result, PLAIN if understanding.get("intent") == "count" else unit)
    numbers += [(value, unit) for name in ("total", "projected", "target", "gap")
                if (value := _number(result.get(name))) is not None]
    numbers += [(value, PERCENT) for name in ("share_pct", "pct_of_target")
                if (value := _number(result.get(name))) is not None]
    rows = result.get("rows") or []
    value_unit = PERCENT if understanding.get("order_by") == "change_pct" else unit
    for row in rows:
        numbers += _row_numbers(row, unit=unit, value_unit=value_unit, answer=answer)
    measures = result.get("measures") or {}
    for name, values in measures.items():
        numbers += _measure_numbers(values or {}, _measure_unit(name, answer))
    counts = {len(rows), len(measures)} | _period_counts(understanding)
    if len(rows) <= MAX_ROWS_COUNTED_THROUGH:
        counts |= set(range(1, len(rows)))  # "3 of the 8 regions", "and 5 more"
    if isinstance(understanding.get("limit"), int):
        counts.add(understanding["limit"])
    return numbers + [(float(count), COUNT) for count in counts if count > 0]


def _period_counts(understanding: Mapping[str, Any]) -> set[int]:
    """How long the answer's periods are, and how far apart, in each calendar unit."""
    try:
        periods = [
            (date.fromisoformat(p["start"]), date.fromisoformat(p["end"]))
            for p in (understanding.get("time"), understanding.get("compare_to"))
            if p
        ]
    except (KeyError, TypeError, ValueError):
        return set()
    counts: set[int] = set()
    for start, end in periods:
        counts |= _spans(start, end, inclusive=True)
    if len(periods) == 2:
        (start, _), (earlier, _) = periods
        counts |= _spans(min(start, earlier), max(start, earlier), inclusive=False)
    return counts


def _spans(start: date, end: date, *, inclusive: bool) -> set[int]:
    extra = 1 if inclusive else 0
    days = (end - start).days + extra
    months = (end.year - start.year) * 12 + end.month - start.month + extra
    quarters = (end.year * 4 + (end.month - 1) // 3) - (start.year * 4 + (start.month - 1) // 3) + extra
    years = end.year - start.year + extra
    return {days, math.ceil(days / 7), months, quarters, years}


def _answer_names(answer: Mapping[str, Any]) -> list[str]:
    """Names with digits in them ("Trail Runner 2", "2025-Q3", store "422"), so that their digits are not read as
    figures."""
    understanding = answer.get("understanding") or {}
    result = answer.get("result") or {}
    names = [str(row.get("key", "")) for row in result.get("rows") or []]
    names += [str(suggestion) for suggestion in answer.get("suggestions") or []]
    subject = understanding.get("subject") or {}
    names.append(str(subject.get("value", "")))
    for members in (understanding.get("filters") or {}).values():
        names += [str(member) for member in (members if isinstance(members, list | tuple) else [members])]
    # Longest first, so "Runner 22" is blanked before "Runner 2" could leave a stray "2".
    named = {name for name in names if any(c.isdigit() for c in name)}
    return sorted(named, key=len, reverse=True)
