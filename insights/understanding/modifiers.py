"""The words of contract v2 that change what is computed, beyond intent and measure.

Running totals, growth rankings, "per day / per week" averages, a target to pace
against, the shares of a whole, unusual changes, a gap between two members, and
requests that cannot be answered from daily totals (medians, single orders). Each
detector reads the lower-cased question; ``per_grain`` and ``target`` also give
the span they cover, so the time reader does not take "per week" for the grain of a trend,
or "$1.5M" for anything else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from insights.understanding.currencies import AFTER as CURRENCY_AFTER
from insights.understanding.currencies import BEFORE as CURRENCY_BEFORE
from insights.understanding.types import GRAINS

GRAIN_ADJECTIVES = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year",
                    "annual": "year", "annually": "year"}
_CUMULATIVE = re.compile(
    r"\b(?:cumulative(?:ly)?|cumulated|accumulated|running\s+(?:total|sum|tally|count)s?|"
    r"(?:total|sum)\s+so\s+far\s+(?:by|each|every|month|week)|build[\s-]?up)\b")
_GROWTH_PCT = re.compile(
    r"\b(?:fastest|slowest)[\s-]+(?:growing|grower|growers|growth|rising|declining|shrinking)\b"
    r"|\b(?:grew|grow|grown|growing|rose|rising|increased|increasing|declined|declining|shrank|shrinking)\s+"
    r"(?:[a-z%]+\s+){0,3}?(?:the\s+)?(?:fastest|slowest|quickest)\b"
    r"|\b(?:biggest|largest|highest|greatest|strongest|top|best|most|lowest|smallest|worst)\s+"
    r"(?:%|percent(?:age)?|pct|relative|growth\s+rate|rate\s+of\s+growth)\s*(?:growth|increase|gain|rise|jump|"
    r"drop|decline|fall|decrease|change)?"
    r"|(?:%|\bpercent(?:age)?|\bpct)\s+(?:growth|increase|gain|rise|change|drop|decline|decrease)\b"
    r"|\bgrowth\s+rates?\b"
    # "by relative growth", "by % change": the change as a percentage is what is ranked
    r"|\b(?:by\s+(?:the\s+)?)?(?:relative|proportional|%|percent(?:age)?|pct)\s+(?:growth|increase|gain|change|"
    r"decline|drop|fall|decrease|loss)\b")
# "the biggest gmv drop", "largest yoy sales decline": the measure or comparison said inside the growth words
_FIGURE_WORDS = r"(?:(?!(?:of|in|to|the|share|part)\b)[a-z%-]+\s+){0,2}?"
_GROWTH = re.compile(
    r"\b(?:grew|grown|grow|growing|increased|increase|rose|gained|gain|improved|improve|jumped)\s+"
    r"(?:[a-z%]+\s+){0,3}?(?:the\s+)?(?:most|least)\b"
    rf"|\b(?:biggest|largest|greatest|most|highest|top|strongest|smallest|least|lowest)\s+{_FIGURE_WORDS}(?:growth|"
    r"increase|gain|rise|jump|improvement|uplift|grower|growers)s?\b"
    rf"|\b(?:biggest|largest|greatest|worst|sharpest|steepest|deepest|most|smallest)\s+{_FIGURE_WORDS}(?:drop|"
    r"decline|fall|decrease|loss|dip|slump|slide|declines|drops|falls|decliner|decliners)s?\b"
    r"|\b(?:dropped|declined|fell|decreased|lost|shrank|shrunk|slipped|slumped|fallen|dropping|declining)\s+"
    r"(?:[a-z%]+\s+){0,3}?(?:the\s+)?(?:most|least)\b"
    r"|\b(?:top|biggest)\s+(?:growers|gainers|movers|decliners|losers)\b"
    # "top 3 regions by decline", "rank stores by drop", "by absolute growth": the change is what is ranked
    rf"|\bby\s+(?:the\s+)?(?:(?:absolute|raw|net|actual)\s+)?{_FIGURE_WORDS}(?:growth|increase|gain|decline|drop|"
    r"fall|decrease|loss|change)\b"
    r"|\babsolute\s+(?:growth|increase|gain|decline|drop|fall|decrease|loss|change)\b")
# A ranking's own words beside growth words: "fastest growing", "biggest % drop", "top movers" rank members;
# "the growth rate of mrr", "revenue growth %" without them ask for one figure's change
_RANKING_WORD = re.compile(r"\b(?:fastest|slowest|quickest|most|least|biggest|largest|highest|greatest|strongest|"
                           r"top|best|lowest|smallest|worst|sharpest|steepest|deepest|by|rank\w*|movers|growers|"
                           r"gainers|decliners|losers)\b")
# The change said as an amount, or as a percentage, beside a growth ranking ("and in absolute terms?", "in raw
# numbers", "by amount"): which of the two it ranks by
_IN_AMOUNT = re.compile(r"\b(?:in\s+)?(?:absolute|raw|real|actual|plain)\s+(?:terms|numbers|figures|units)\b"
                        r"|\bby\s+(?:the\s+)?(?:absolute\s+)?amount\b|\babsolute(?=\s+(?:growth|change|increase|gain|"
                        r"decline|drop|fall|decrease|loss)\b)")
_DOWNWARD = re.compile(r"\b(?:drop|drops|dropped|dropping|declin\w*|fall|falls|fell|fallen|decreas\w*|los[st]|loss|"
                       r"shr[ai]nk\w*|shrunk|dip|slump\w*|slid\w*|slipp?\w*|decliners?|losers|least|slowest|smallest)\b")
_PER_GRAIN = re.compile(
    r"\b(?:(?:average|avg|mean|typical)\s+(?P<adj>daily|weekly|monthly|quarterly|yearly|annual)|"
    r"(?P<adj2>daily|weekly|monthly|quarterly|yearly|annual)\s+(?:average|avg|mean))\b"
    r"|\b(?:per|a|each|every)\s+(?P<unit>day|week|month|quarter|year)\b(?:\s*,?\s*on\s+average)?"
    r"|\bon\s+an?\s+(?:average\s+)?(?P<on>day|week|month)\b")
_AVERAGE_WORD = re.compile(r"\b(?:average|avg|mean|typical|on\s+average|per)\b")
# "$3.5m", "£3.5m", "GBP 3.5m", "chf210m", "3.5m quid", "2 mil euros", "210m chf": the currency is read with the
# number (whether it is the tenant's, the engine asks: insights/engine.py)
_TARGET_NUMBER = re.compile(
    rf"(?:(?P<cur>{CURRENCY_BEFORE})\s?)?\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<s>k|m|mm|mn|mil|mill|b|bn|thousand|million|billion|grand|lakhs?|lacs?|crores?|cr|%|percent)?"
    rf"(?:\s?(?P<w>{CURRENCY_AFTER}))?(?![\w.-])")
_TARGET_PREPOSITION = re.compile(r"\b(?:from|to|for|of|towards?|past)\s*$")
_SCALE = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mil": 1e6, "mill": 1e6,
          "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
          # Indian numbering: "80 lakh", "1.2 cr"
          "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7}
# "are we", "r we", "r u", "we're": chat spellings of the asker, as people type them
_ARE_WE = r"(?:(?:are|r)\s+(?:we|u|you|ya)\s+(?:still\s+|currently\s+|now\s+)?|we'?re\s+)"
_PACE = re.compile(
    r"\b(?:on\s+(?:track|pace|course|target)|pacing|tracking\s+(?:to|toward|towards|for)|track\s+to|"
    rf"how\s+far\s+(?:off\s+|away\s+)?{_ARE_WE}?(?:from|off|away\s+from|short\s+of|behind|ahead)|"
    rf"how\s+(?:close|near)\s+{_ARE_WE}?to|(?:behind|ahead)\s+(?:on|of)|"
    r"(?:will|going\s+to|gonna)\s+(?:we\s+)?(?:hit|reach|make(?:\s+it(?:\s+to)?)?|beat)|(?:hit|reach|make|achieve)\s+(?:our\s+)?"
    r"(?:target|goal)|(?:target|goal)\s+of|short\s+of|away\s+from)\b")
# "Are we gonna clear $4.5M", "can we crack 2m": a pace only where a target is said ("can we break it down" is not).
_PACE_WITH_TARGET = re.compile(
    r"\b(?:will|going\s+to|gonna|can|could)\s+(?:we\s+)?(?:be\s+able\s+to\s+)?(?:hit|reach|make(?:\s+it(?:\s+to)?)?|beat|"
    r"clear|crack|top|pass|get\s+(?:to|past)|break|exceed|surpass)\b"
    # "how far is Midwest from 2m": only the words before the member, so the member is still read
    r"|\bhow\s+(?:far|close|near)\s+(?:off\s+|away\s+)?(?:is|are|r|was|were)\b"
    r"(?=(?:\s+[\w'&.-]+){1,4}?\s+(?:from|to|off|short\s+of|behind)\b)"
    # what is still to do: "how much more do we need to hit 2m", "what's left to reach 10m", "gap to 50k"
    r"|\b(?:need(?:s|ed)?|left|remaining|to\s+go)\s+(?:to|until|till|til|before)"
    r"(?:\s+(?:hit|reach|make|get\s+to|clear|crack|achieve|beat))?\b|\b(?:gap|distance)\s+to\b"
    r"|\btrending\s+(?:to|toward|towards|for)\b|\b(?:target|goal|quota)s?\b"  # "our 10m target", "the 50k goal"
    r"|\b(?:doable|realistic|achievable|feasible|attainable|within\s+reach)\b")  # "is 10m doable this yr?"
# A verb of reaching said just before the target: "any chance we hit 10m", "hitting 2m - likely?", "we need 10m"
_REACHING = re.compile(
    r"\b(?:hit(?:ting)?|reach(?:ing)?|mak(?:e|ing)|get(?:ting)?|clear(?:ing)?|crack(?:ing)?|pass(?:ing)?|"
    r"exceed(?:ing)?|surpass(?:ing)?|break(?:ing)?|beat(?:ing)?|need(?:s|ed)?|behind|"
    r"tracking\s+(?:vs\.?|versus|against))\s*$")
_PACE_PERIOD_END = re.compile(
    r"\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?P<u1>year|quarter|month|week)|(?P<u2>year|quarter|month)[\s-]*end|"
    r"eo(?P<u3>[yqmw]))\b")
_END_UNITS = {"y": "year", "q": "quarter", "m": "month", "w": "week"}  # "by eoy", "by eoq"
# "for the year", "over the whole quarter": the period a target is for, the current one (read only for a pace)
_PACE_PERIOD_THE = re.compile(r"\b(?:for|in|over|across|during)\s+the\s+(?:whole\s+|full\s+|entire\s+|current\s+)?"
                              r"(?P<u>year|quarter|month|week)\b")
# The nouns a share is said with: "share of", "what proportion", the part before them ("specials share of").
SHARE_NOUNS = r"share|shares|proportion|fraction|portion|percent(?:age)?|pct|contribution"
_SHARE = re.compile(
    rf"\b(?:{SHARE_NOUNS}|%)\s+of\b"
    r"|(?:^|\s)%\s+of\b|\bwhat\s+(?:%|percent(?:age)?|proportion|fraction|portion|share|part)(?!\w)"
    r"|\bmix\b|\bas\s+an?\s+(?:%|percent(?:age)?|share|proportion)(?!\w)|'s\s+share\b|\bshare\b"
    r"|\bhow\s+much\s+of\b.*\b(?:came|come|comes|coming|was|is|were)\s+(?:from|in|through|via)\b"
    r"|(?:'s|(?<=s)')\s+(?:cut|slice|piece|part|portion)\b")
# "How much of Leeds' pallets went on artics", "how many of our shipments were overnight": a share when a
# member follows the verb (the part); the offset where the part may start is returned.
# Verbs a part went by ("came from", "sold through"): a list of its own with "sold" in it, not words.SELLING.
_PART_OF = re.compile(
    r"\bhow\s+(?:much|many)\s+of\b.*?\b(?:came|come|comes|coming|went|go|goes|going|was|is|were|are|got|get|gets|"
    r"moved|shipped|sold|travell?ed)\b(?:\s+(?:from|in|through|thru|via|on|to|into|by|with|for|at|out\s+of))?")
# The whole said first ("of Prime's sales last quarter how much was Meat", "out of paid enrolments how many were
# beginners"), or a figure asked "in %" ("how much was Meat, in %"): the part follows the verb.
_PART_VERB = (r"(?:\s+[a-z]+)?\s+(?:was|were|is|are|came|come|comes|went|go|goes)\b"
              r"(?:\s+(?:from|in|through|thru|via|on|to|into|by|with|for|at)\b)?")
_WHOLE_FIRST = re.compile(r"^\W*(?:out\s+)?of\b.*?\b(?:how\s+(?:much|many)|what\s+(?:%|percent(?:age)?|share|"
                          r"proportion|fraction|portion|part))(?!\w)" + _PART_VERB)
_HOW_MUCH_WAS = re.compile(r"\bhow\s+(?:much|many)\b" + _PART_VERB)
_AS_PERCENT_END = re.compile(r"\b(?:in|as\s+an?)\s+(?:%|percent(?:age)?|pct)(?:\s+terms)?\W*$")
_PART_BEFORE = re.compile(r"(?:'s|(?<=s)')\s+(?:share|part|portion|slice|cut|piece|contribution|percent(?:age)?|%)\b")
_IN_PERCENT = re.compile(r"\b(?:by|in)\s+(?:%|percent(?:age)?|pct|relative)(?:\s+terms)?(?!\w)|\bin\s+%")
_UNUSUAL = re.compile(
    r"\b(?:unusual\w*|anomal\w*|outliers?|stood\s+out|stand(?:s|ing)?\s+out|out\s+of\s+the\s+ordinary|abnormal\w*|"
    r"odd|weird|strange|surpris\w+|irregular\w*|unexpected\w*|red\s+flags?|out\s+of\s+line|off\s+pattern|spikes|"
    r"any\s+spikes?|(?:anything|something)\s+(?:(?:that\s+)?(?:looks?|seems?)\s+)?off|"
    # "any regions look off?", "does anything seem wrong": the judgement asked for; "the number looked off -
    # what were bookings?" says why a figure is wanted
    r"(?:any|anything|something|which|what|do|does|did|are|is)\b[^-–.;:?!]*?\b"
    r"(?:looks?|looking|looked|seems?|seeming|seemed)\s+(?:a\s+(?:bit|little)\s+|kind\s+of\s+)?"
    r"(?:off|wrong|funny|fishy|out\s+of\s+place))\b")
_GAP = re.compile(
    r"\b(?:gap|difference|delta|spread|distance)\s+(?:in\s+\w+(?:\s+\w+)?\s+)?between\b"
    r"|\bhow\s+much\s+(?:more|less|higher|lower|bigger|smaller|better|worse)\b.*\bthan\b"
    r"|\bhow\s+(?:many|much)\s+(?:more|fewer|less)\b.*\bthan\b"
    r"|\b(?:more|less|fewer|higher|lower)\b.*\bthan\b"
    r"|\b(?:gap|difference|minus)\b")
_COUNT = re.compile(r"(?:\b(?:how\s+many|number\s+of|count\s+of|count\s+the|count)|#\s*of)\s+"  # "# of reps"
                    # "how many diff beers": chat's "different"
                    r"(?:diff\.?\s+|different\s+|distinct\s+|unique\s+|separate\s+|individual\s+|active\s+|"
                    r"of\s+(?:the\s+|our\s+)?)?(?P<w>[a-z][\w-]*)")
# What daily totals cannot answer: medians and the like, single orders or deals (forecasts: parser, the future).
_NOT_IN_TOTALS = re.compile(
    # "the mode of order values" is the statistic; "payment mode" a way of paying
    r"\b(?:median|medians|percentile|percentiles|p\d\d|(?<=the\s)mode(?!\s+of\s+(?:payment|transport|delivery))|"
    r"standard\s+deviation|std\s*dev|variance|quartiles?|"
    r"(?:biggest|largest|smallest|single|individual|one|each|typical)\s+(?:single\s+)?(?:order|deal|transaction|"
    r"invoice|purchase|sale|ticket|receipt)|single\s+(?:biggest|largest)\s+(?:order|deal|transaction|sale)|"
    r"(?:per|by|each|every)\s+(?:order|transaction|invoice|receipt)\s+(?:line|size)|"
    # "longest single surgery", "the single biggest booking": one event, where the data holds daily totals
    r"(?:longest|shortest|quickest|slowest|biggest|largest|smallest|highest|lowest|priciest)\s+single\s+"
    r"(?!(?:day|week|month|quarter|year)s?\b)[a-z]+|single\s+(?:longest|shortest|biggest|largest|smallest|priciest)\s+"
    r"(?!(?:day|week|month|quarter|year)s?\b)[a-z]+|"
    # "max passengers in a single sailing", "most loaves on one order": the top of one event, not of a period
    r"(?:max(?:imum)?|most|highest|biggest|largest|record|peak)\s+(?:[a-z]+\s+){0,3}?(?:in|on|for)\s+"
    r"(?:a\s+single|one(?:\s+single)?)\s+(?!(?:single|day|week|wk|month|mo|quarter|qtr|year|yr|period|go|row|place)s?\b)[a-z]+)\b")


@dataclass(frozen=True)
class Modifiers:
    cumulative: bool = False
    growth: str | None = None  # "change" or "change_pct": rank by growth
    growth_order: str | None = None  # "asc" for the biggest drops
    growth_ranked: bool = False  # a ranking word beside the growth words ("fastest growing", not "growth rate")
    per_grain: str | None = None
    per_span: tuple[int, int] | None = None
    average: bool = False  # "average", "mean", "per" said
    target: float | None = None
    target_span: tuple[int, int] | None = None
    pace: bool = False
    pace_unit: str | None = None  # "by the end of the quarter"
    pace_span: tuple[int, int] | None = None
    pace_cue_span: tuple[int, int] | None = None
    pace_words_span: tuple[int, int] | None = None  # "is Enterprise going to reach": placed, with or without a target
    part_before: int | None = None  # the offset of "'s share": the part is the member just before
    unusual: bool = False
    unusual_span: tuple[int, int] | None = None  # "out of the ordinary": placed, so "ordinary" is no unknown name
    gap: bool = False
    in_percent: bool = False  # "by %", "in percentage terms"
    in_amount: bool = False  # "in absolute terms", "in raw numbers", "by amount"
    ranking_spans: tuple[tuple[int, int], ...] = ()  # the words of a growth ranking ("by absolute growth"): placed
    not_in_totals: str | None = None  # the words asking for what daily totals cannot answer
    # "chf" of "what about 200m chf?": a currency written beside an amount is its unit, placed with or without a pace
    currency_spans: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return (*(s for s in (self.per_span, self.target_span, self.pace_span, self.pace_cue_span) if s),
                *self.currency_spans)


def read_modifiers(low: str) -> Modifiers:
    """``low``: the lower-cased question (same length as the written one)."""
    growth = order = None
    pct = _GROWTH_PCT.search(low)
    plain = _GROWTH.search(low)
    if pct or plain:
        growth = "change_pct" if pct else "change"
        # "by passenger growth in percentage terms", "fastest growing in absolute terms": the terms said decide
        if _IN_PERCENT.search(low) or _IN_AMOUNT.search(low):
            growth = "change" if _IN_AMOUNT.search(low) else "change_pct"
        words = (pct or plain).group(0)
        order = "asc" if _DOWNWARD.search(words) else "desc"
    per_grain = per_span = None
    m = _PER_GRAIN.search(low)
    if m and (m["adj"] or m["adj2"] or m["on"] or re.match(r"per\b", m.group(0)) or _AVERAGE_WORD.search(low)):
        adjective = m["adj"] or m["adj2"]
        per_grain = GRAIN_ADJECTIVES[adjective] if adjective else (m["unit"] or m["on"])
        per_span = m.span()
    pace = _PACE.search(low)
    pace_end = _PACE_PERIOD_END.search(low)
    target, target_span, _ = _target(low) if (pace or pace_end) else (None, None, None)
    if pace is None and target is None:
        pace, target, target_span = _pace_with_target(low)
    part = _PART_BEFORE.search(low)
    bad = _NOT_IN_TOTALS.search(low)
    unusual = _UNUSUAL.search(low)
    return Modifiers(
        cumulative=bool(_CUMULATIVE.search(low)),
        growth=growth,
        growth_order=order,
        growth_ranked=bool(growth) and bool(_RANKING_WORD.search(low)),
        per_grain=per_grain if per_grain in GRAINS else None,
        per_span=per_span,
        average=bool(_AVERAGE_WORD.search(low)),
        target=target,
        target_span=target_span,
        pace=bool(pace) or (bool(pace_end) and target is not None),
        pace_unit=_pace_unit(pace_end, _PACE_PERIOD_THE.search(low)),
        pace_span=pace_end.span() if pace_end else None,
        pace_cue_span=pace.span() if pace and target is not None else None,
        pace_words_span=pace.span() if pace else None,
        part_before=part.start() if part else None,
        unusual=bool(unusual),
        unusual_span=unusual.span() if unusual else None,
        gap=bool(_GAP.search(low)),
        in_percent=bool(_IN_PERCENT.search(low)),
        in_amount=bool(_IN_AMOUNT.search(low)),
        ranking_spans=tuple(m.span() for m in (pct or plain, *_IN_AMOUNT.finditer(low)) if m is not None),
        not_in_totals=bad.group(0) if bad else None,
        currency_spans=tuple(m.span(g) for m in _TARGET_NUMBER.finditer(low) for g in ("cur", "w") if m[g]),
    )


def _pace_with_target(low: str) -> tuple[re.Match[str] | None, float | None, tuple[int, int] | None]:
    """Words that ask for a pace only beside a target: "can we crack 2m", "any chance we hit 10m", "is 10m doable"."""
    target, span, _ = _target(low)
    if target is None or span is None:
        return None, None, None
    cue = _PACE_WITH_TARGET.search(low) or _REACHING.search(low, 0, span[0])
    return (cue, target, span) if cue else (None, None, None)


def _pace_unit(end: re.Match[str] | None, said: re.Match[str] | None) -> str | None:
    """The unit of the period a target is for: "by the end of the quarter", "by eoy", "for the year"."""
    if end is not None:
        return end["u1"] or end["u2"] or _END_UNITS[end["u3"]]
    return said["u"] if said is not None else None


def asks_share(text: str) -> bool:
    """``text``: the question with its measure words blanked (so "margin %" is no "% of")."""
    return bool(_SHARE.search(text))


_PLACING = (_CUMULATIVE, _GROWTH_PCT, _GROWTH, _PER_GRAIN, _PACE, _PACE_WITH_TARGET, _SHARE, _PART_OF, _WHOLE_FIRST,
            _IN_PERCENT, _UNUSUAL, _GAP, _COUNT, _NOT_IN_TOTALS)


def modifier_spans(low: str) -> list[tuple[int, int]]:
    """The spans of every modifier's words in ``low``: placed by what they change."""
    return [m.span() for pattern in _PLACING for m in pattern.finditer(low)]


def part_of_whole(text: str) -> int | None:
    """Where the part of "how much / how many of X went on Y" may start (after the verb), if the words say so."""
    m = _PART_OF.search(text) or _WHOLE_FIRST.search(text) or (
        _AS_PERCENT_END.search(text) and _HOW_MUCH_WAS.search(text))
    return m.end() if m else None


def target_in(low: str) -> float | None:
    """A target said on its own ("what about 3m?" after a pace question)."""
    return _target(low)[0]


def target_currency(low: str) -> str | None:
    """The currency sign, code or word written with the target ("chf" of "210m chf"), if any."""
    return _target(low)[2]


def _target(low: str) -> tuple[float | None, tuple[int, int] | None, str | None]:
    """The target of a pace question: "$1.5M" → 1500000, "50k" → 50000, "45%" → 45, "12,000" → 12000; with the
    currency written beside it."""
    for m in _TARGET_NUMBER.finditer(low):
        digits = m["n"].replace(",", "")
        scale = (m["s"] or "").lower()
        money = m["cur"] or m["w"]
        if not (money or scale or "," in m["n"] or len(digits.split(".")[0]) >= 3):
            continue
        if not (money or scale) and re.fullmatch(r"(?:19|20|21)\d\d", digits):
            continue  # a year
        try:
            value = float(digits) * _SCALE.get(scale, 1.0)
        except ValueError:
            continue
        # "from 2m", "to 12k": the target's preposition is its own, never the start of a period ("from this quarter")
        before = _TARGET_PREPOSITION.search(low, 0, m.start())
        return value, (before.start() if before else m.start(), m.end()), money
    return None, None, None


def count_word(low: str) -> tuple[int, str] | None:
    """The word after "how many" / "number of" (offset, word): a dimension there asks for a count."""
    m = _COUNT.search(low)
    return (m.start("w"), m["w"]) if m else None
