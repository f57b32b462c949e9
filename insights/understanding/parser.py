"""The built-in parser: a question, in a tenant's words, becomes the contract's understanding.

Deterministic and fast. It reads what the text states (time, measures,
members, dimensions, intent words), then either answers on its own or, in a
conversation, inherits from the previous understanding whatever the text does
not say (shared/spec/ask-contract.md, "Follow-ups"). Whenever it cannot be sure,
it asks back (``clarify``) rather than guess a number: unknown or ambiguous
names, a measure the data lacks, a follow-up with nothing to follow, periods
with no data.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from core.number_forms import plural, singular_forms
from insights.understanding.abbreviations import chat_written_out
from insights.understanding.asides import aside_spans
from insights.understanding.averaged_figures import figures_averaged
from insights.understanding.change_nouns import change_noun
from insights.understanding.column_words import GENERIC_MODIFIERS
from insights.understanding.company_name import as_the_company
from insights.understanding.context_clauses import context_clause_spans
from insights.understanding.count_follow_ups import counts_them, narrows_them
from insights.understanding.counted_unheld import counted_unheld
from insights.understanding.counted_words import counted_by_last_word
from insights.understanding.counts import (
    count_measures,
    count_threshold,
    counted_noun,
    is_amount,
    obvious_count,
    predicate_spans,
)
from insights.understanding.cues import (
    Cues,
    asked_groupings,
    change_verb,
    comparison_idioms,
    cue_spans,
    excluded_before,
    off_topic,
    order_word,
    read_cues,
    superlative_spans,
)
from insights.understanding.day_parts import greeting_members, is_part_of_day
from insights.understanding.deixis import pointing_spans, points_at_another_one
from insights.understanding.dimension_qualifiers import qualifier_spans
from insights.understanding.figure_position import in_figure_position
from insights.understanding.fillers import filler_spans
from insights.understanding.framing import framing_spans, not_a_data_question
from insights.understanding.grain_members import (
    calendar_words,
    dated_year,
    listed_beside,
    members_not_grains,
    qualified_units,
)
from insights.understanding.guesses import read_guesses
from insights.understanding.lead_frames import lead_frame_spans
from insights.understanding.letters import composed, fold
from insights.understanding.measure_noun_verbs import counted_by_verb
from insights.understanding.modifiers import (
    GRAIN_ADJECTIVES,
    SHARE_NOUNS,
    Modifiers,
    asks_share,
    count_word,
    modifier_spans,
    part_of_whole,
    read_modifiers,
    target_in,
)
from insights.understanding.operators import (
    OPERATORS,
    QUALIFIERS,
    Arithmetic,
    part_of_measure,
    read_arithmetic,
    unplaced_operator,
)
from insights.understanding.people import asks_for_other_people, unheld_which
from insights.understanding.period_words import (
    counted_periods,
    ranked_within_one_period,
    rate_after_figure,
    same_day_back,
    same_day_unplaced,
)
from insights.understanding.removals import Removal, read_removal, take_away
from insights.understanding.request_words import (
    asking_spans,
    places_lacking,
    purpose_spans,
    totalled,
    without_members,
)
from insights.understanding.roles import unheld_role
from insights.understanding.share_follow_ups import share_of_previous, spread_asked
from insights.understanding.single_events import one_event
from insights.understanding.spending import SPEND, buyer_before, customers_spend
from insights.understanding.standing_qualifiers import unheld_standing
from insights.understanding.time_expressions import (
    UNITS,
    FoundPeriod,
    Shift,
    TimeReading,
    compare_period,
    counted_back,
    default_period,
    found_from_period,
    last_over,
    open_start_readings,
    previous_period,
    read_time,
    shifted,
    spell_out,
    trend_grain,
    unread_period,
    year_earlier,
)
from insights.understanding.time_members import time_named
from insights.understanding.types import GRAINS, UNUSUAL_LIMIT, Period, Understanding
from insights.understanding.typos import chat_spelled, correct_keywords, keyword_near
from insights.understanding.unnamed_members import points_at_unnamed_member, qualified_unnamed, which_one
from insights.understanding.vocabulary import (
    DIMENSION_NOUNS,
    GEO_DIMENSIONS,
    Hit,
    Vocabulary,
    tokenize,
    vocabulary_for,
)
from insights.understanding.word_members import (
    dimension_nouns,
    figure_verbs,
    month_or_member,
    pace_word,
    used_as_word,
)
from insights.understanding.words import COMMON, FUNCTION, MEASURE_LIKE, SELLING, ordinary, place_word
from insights.understanding.year_members import period_after_preposition, years_naming_members
from metrics.measures import CATALOGUE, DEFAULT_MEASURE, Measure
from metrics.periods import period_bounds, periods
from metrics.semantic import SemanticModel

LOW_CONFIDENCE = 0.4
# "the drivers of the drop": a dimension named like a cue ("driver") is that cue only where it says what caused
_CAUSE_OF = re.compile(r"\s+(?:of|behind)\b")
GROUPED_INTENTS = ("breakdown", "rank", "drivers")
COMPARED_INTENTS = ("compare", "drivers", "summary")
_ALSO_INTENTS = ("value", "compare", "breakdown", "rank", "trend")
_ROWS_INTENTS = ("breakdown", "rank", "drivers", "share", "count", "unusual")
_PREPOSITIONS = frozenset({"in", "for", "at", "from", "of", "about", "to", "on", "within", "across", "excluding",
                           "except", "without", "minus", "ex", "besides", "than", "vs", "versus"})
_ARTICLES = frozenset({"the", "a", "an", "our", "my", "their", "its"})
_PERIOD_GROUP = re.compile(
    r"\b(?:best|worst|top|highest|lowest|biggest|strongest|weakest|busiest|slowest|quietest|peak|record|which|what|"
    r"any|"
    r"single|one|rank|ranked|ranking|in\s+a|in\s+an|for\s+a)\s+(?:of\s+)?(?:\w+\s+)?"
    # chat spellings too: "slowest wk", "best mo" ("mo" is spelled out nowhere else: alone it could be a name)
    r"(?P<g>day|week|wk|month|mo|mth|quarter|qtr|year|yr)s?\b"
)
_LOW_WORDS = frozenset({"min", "minimum", "lowest", "smallest", "worst"})
_PEAK_BY_GRAIN = re.compile(r"\b(?P<w>max(?:imum)?|min(?:imum)?|highest|lowest|biggest|smallest|best|worst|top|peak|"
                            rf"record)\s+(?P<a>{'|'.join(GRAIN_ADJECTIVES)})\b")
# "the most covers in a single week": the word says one period, as "a week" does; it names nothing.
_SINGLE_PERIOD = re.compile(r"\bsingle(?=\s+(?:day|week|month|quarter|year)\b)")
_PLAIN = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "“": '"', "”": '"'})
# "AOV across all stores", "all stores combined": the whole business, not one row per store.
_ALL_OF_THEM_BEFORE = re.compile(r"\b(?:across|over|in)\s+all\s+(?:of\s+)?(?:the\s+|our\s+)?$")
_TOTAL_BEFORE = re.compile(r"\b(?:total|sum\s+of)\s+(?:the\s+|our\s+)?$")
_IN_TOTAL_AFTER = re.compile(r"\s+in\s+total\b")
_SUMMED_AFTER = re.compile(r"\b(?:combined|together|altogether|between\s+them|in\s+total)\b")
_ALL_OF_THEM_AFTER = re.compile(r"\s+(?:combined|together|in\s+total|overall|put\s+together)\b")
_HOW_MUCH = re.compile(r"\bhow\s+much\b")
_AVERAGE = re.compile(r"\b(?:average|avg|mean|typical|median)\b"
                      r"(?!\s+(?:order\s+(?:value|size|amount)|basket|ticket|transaction\s+value|sale\b|sale\s+value))")
_ALL_BEFORE = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+|our\s+)?$")
_BEFORE_THAT = re.compile(r"\b(?:previous|prior|preceding|before|earlier)\b")
_PACE_WORDS = frozenset({"target", "targets", "quota", "quotas", "budget"})
_RATIO = re.compile(r"\bratio\b")
_COST_WORDS = frozenset({"cost", "costs", "cogs", "fee", "fees", "expense", "expenses", "spend", "payroll", "wages"})
# "per dollar of spend", "for every £ of cost", "per dollar spent": the money unit of the measure divided by,
# not a thing counted
_PER_MONEY = (r"(?:(?:one|single|1)\s+)?(?:dollar|pound|euro|buck|quid|cent|penny)s?\s+(?:(?:of|in)\s+|"
              r"(?=(?:spent|invested)\b))|[$£€]\s?1?\s+(?:of|in)\s+")
# "per active seller": a member counted by "per" is one with facts in the cell, so "active" divides by no other
_PER_WORD = re.compile(rf"\bper\s+(?:the\s+|a\s+|an\s+|each\s+|single\s+)?(?:active\s+)?(?:{_PER_MONEY})?"
                       rf"|\bfor\s+(?:every|each)\s+(?:{_PER_MONEY})")
# Verbs of selling or spending: with a measure named they say what was done, not which figure ("revenue").
# Verbs only, so not WEAK_MEASURE_WORDS, whose nouns ("sales", "earnings") name the figure itself.
_DOING_VERBS = frozenset({*SELLING, "spend", "spent", "earn", "earned"})
# "what did chris baker sell": who did the selling, between the auxiliary and the verb, is someone's name even in
# plain words; asked back when it names no member, never left out (the answer would be everyone's total).
# Any verb of doing counts ("how many jobs did mike from the denver shop close"): the doer is a person either way.
_DOING = (*SELLING, "close", "closed", "book", "booked", "win", "won", "sign", "signed", "land", "landed", "complete",
          "completed", "finish", "finished", "handle", "handled", "ship", "shipped", "deliver", "delivered", "bring",
          "make", "log", "logged", "serve", "served", "take", "do",
          # "how much did stellenbosch wine co buy": the buyer is a customer's name, held or not
          "buy", "bought", "purchase", "purchased", "order", "ordered", "spend", "spent")
_SELLER = re.compile(rf"\b(?:did|does|has|have|had)\s+(?P<who>(?:[a-z][\w'-]*\s+){{1,5}}?)(?:{'|'.join(_DOING)})\b")
# "how did sarah do?", "how's priya doing": whom the question is about, in the subject of "how did … do"; a word
# there that names no member is a person or thing the data does not hold, asked back (never "how are we doing").
_HOW_DID_WHO = re.compile(r"\bhow(?:\s+(?:did|does|do|is|was|has|have|are|were)|'s|'d)\s+"
                          r"(?P<who>(?:[a-z][\w'-]*\s+){1,3}?)(?:do|doing|done|perform\w*|go|going|gone|fare[sd]?|"
                          r"faring|get\s+on|getting\s+on|got\s+on)\b")
_POSSESSIVE = re.compile(r"['’]s$")
# "and tasmania?", "what about the yukon": the word a follow-up opens on is what it asks about, a member or a
# name the data lacks (asked back like a standalone "in tasmania"), never a word to drop
_FOLLOW_UP_HEAD = re.compile(r"\W*(?:(?:ok(?:ay)?|so|then)\W+)?(?:and|but|also|what\s+about|how\s+about)\s+"
                             r"(?:the\s+|our\s+)?")
_NOT_A_SELLER = frozenset({"we", "you", "they", "i", "us", "it", "team", "everyone", "everybody", "anyone", "people",
                           "company", "business", "all", "each", "every", "ever", "really", "actually", "just", "not"})
# A dimension named "<thing>_type" counts kinds of things, not the things: "per customer" is not per customer_type.
_CLASS_WORDS = frozenset({"type", "kind", "class", "group", "level", "tier", "category", "segment"})
_SHARE_WORD = re.compile(rf"\b(?:{SHARE_NOUNS})\b|%")
# Seasons that are also first names ("Summer Lee"): said alone, either is meant
_SEASONS = frozenset({"summer", "winter", "spring", "autumn"})
_AS_A = re.compile(r"\bas\s+(?:an?\s+)?$")
_PART_SOURCE = re.compile(r"\b(?:from|through|thru|via)\s+(?:the\s+|our\s+)?$")
_PART_SAID_OF = re.compile(rf"(?:\b(?:{SHARE_NOUNS})\b|%)\s+of\s+(?:the\s+|our\s+|all\s+)?$")
_PART_AFTER_VERB = re.compile(r"\b(?:was|were|is|are|came|come|comes|went|go|goes|got)\s+"
                              r"(?:(?:from|through|thru|via|to|into|in|on|at|by|for|out\s+of)\s+)?(?:the\s+|our\s+)?$")
# "how many did max euweplein have?": one member's own figure, the member blanked out between "did" and the verb
_HOW_MANY_DID_MEMBER = re.compile(r"\bhow\s+many\s+did\s+(?:the\s+)?\s+(?:have|get|do|see|record|log|take)\b")
_SPLIT_WORD_BEFORE = re.compile(r"\b(?:by|per|across|each|every|between|among)\s+(?:the\s+|our\s+|all\s+)?$")
_AVERAGE_ALONE = re.compile(r"\b(?:average|avg|mean)\b")
_MONTH_WORDS = frozenset(name.lower() for name in calendar.month_name if name)
_ADJECTIVE_OF = {grain: adjective for adjective, grain in reversed(GRAIN_ADJECTIVES.items())}  # "month": "monthly"
_NEXT_UNIT = re.compile(r"\b(?:next|coming|upcoming|following)\s+(week|month|quarter|year)\b")
_OVER_RANGE = re.compile(r"\b(?:over|across|throughout|through)\s+(?:the\s+)?(?:last|past|previous|trailing|rolling)\b")


@dataclass(frozen=True)
class Parse:
    understanding: Understanding
    clarification: str | None = None
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass
class _Facts:
    """What one text states, before any defaults or inheritance."""

    text: str
    low: str
    blank: str  # ``low`` with the time expressions blanked out
    time: TimeReading
    cues: Cues
    measure: str | None = None
    measure_said: bool = False
    measures_named: int = 0
    missing: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    excluded: dict[str, list[str]] = field(default_factory=dict)
    ambiguous: list[Hit] = field(default_factory=list)
    groups: list[Hit] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    foreign_words: bool = False  # an unknown name was flagged only as no English word
    unknown_words: int = 0
    unknown_dimension: str | None = None
    fuzzy: bool = False
    unheld_role: tuple[int, str] | None = None  # "which lorry driver …" where no dimension holds drivers
    mods: Modifiers = field(default_factory=Modifiers)
    ignored: tuple[str, ...] = ()
    not_a_question: bool = False
    also: list[str] = field(default_factory=list)
    per: str | None = None
    per_unknown: str | None = None  # "per customer" with no customers to count
    per_both: tuple[str, str] | None = None  # "per store per month": two divisions, which the contract never makes
    per_spans: list[tuple[int, int]] = field(default_factory=list)
    member_order: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, dimension, member)
    share: bool = False
    blank_of_hits: str = ""  # ``blank`` without the tenant's words: what no span has placed
    arithmetic: Arithmetic | None = None  # "revenue minus cost", "margin as a % of revenue"
    unplaced: str | None = None  # a qualifier or operator no span places ("net bookings")
    month_or_member: list[Hit] = field(default_factory=list)  # "bookings for june": the month, or June?
    unnamed: list[Hit] = field(default_factory=list)  # "how did the campaign do": one campaign, not said which
    count_choices: tuple[str, ...] | None = None  # "how many" with no measure: the counts it could mean
    our_spend: str | None = None  # "total spend": what the company paid, no selling word's figure
    buyer_spans: list[tuple[int, int]] = field(default_factory=list)  # "customers" of "did customers spend"
    unheld_kind: tuple[int, str] | None = None  # "which guest …" where no dimension holds guests
    unnamed_filter: str | None = None  # "just for our big accounts": members no word of the data names
    lone_ratio: bool = False  # "the claims ratio": one measure, no second to divide by
    summed: bool = False  # "total kwh": the measure's plain total, no division a follow-up inherits

    @property
    def period_said(self) -> bool:
        return bool(self.time.periods)

    @property
    def business_words(self) -> bool:
        return bool(self.measure_said or self.missing or self.unsupported or self.members or self.excluded
                    or self.groups or self.ambiguous or self.unknown_dimension or self.unnamed or self.our_spend
                    or self.unheld_kind or self.unnamed_filter)


@dataclass
class _Ask:
    """The request a text states: an intent (None when it only implies "value"), rows, order."""

    intent: str | None
    group_by: str | None = None
    order: str | None = None
    limit: int | None = None
    grain: str | None = None
    problem: str | None = None
    unfiltered: bool = False  # the member named only picks the dimension whose rows are wanted
    order_by: str | None = None
    part: tuple[str, str] | None = None  # share: the member that is the part of the whole


def parse(text: str, *, model: SemanticModel, as_of: date, context: Understanding | None = None,
          company: str = "") -> Parse:
    """``company``: the tenant's own name, which a question may say for the whole business."""
    try:
        return _parse(composed(text), model=model, as_of=as_of, context=context, company=company)
    except (OverflowError, ValueError):
        # Date arithmetic past year 1 or 9999 (an as-of date at the calendar's edge, "last 5000 years").
        return _clarify("I can't place that period on the calendar. Could you name it with dates inside your "
                        f"data, from {_day(model.first_date)} to {_day(model.last_date)}?", _examples(model),
                        confidence=0.8)


def _parse(text: str, *, model: SemanticModel, as_of: date, context: Understanding | None, company: str) -> Parse:
    vocab = vocabulary_for(model)
    low = _lower(text)
    earlier = _usable(context, model)
    removal = read_removal(text, low=low, find=lambda said: vocab.find(said, text),
                           held=earlier.constraints if earlier is not None else None)
    if removal is not None:
        return _without(removal, previous=earlier, model=model, as_of=as_of, company=company)
    previous = _usable(context, model)
    facts = _read(text, vocab=vocab, model=model, as_of=as_of, company=company, previous=previous)
    if facts.time.shift is not None:
        # "and the quarter before?": the previous answer's period moved; with no answer before, nothing to move
        if previous is not None and previous.time is not None:
            moved = shifted(found_from_period(previous.time, as_of=as_of), shift=facts.time.shift)
            facts.time = replace(facts.time, periods=(moved,), problem="future" if moved.start > as_of else None)
        elif not facts.time.periods:
            return _nothing_to_follow(model)
    refused = _refusal(facts, model=model, vocab=vocab, has_context=previous is not None)
    if refused is not None:
        return _with_understood(refused, facts, model) if refused.understanding.intent == "clarify" else refused
    # "and june?" after an answer about another account manager is June; after one about April, either.
    doubtful = [h for h in facts.month_or_member if previous is None or h.name not in previous.dimensions_about]
    if doubtful:
        return _month_or_member(doubtful[0], facts, model=model, as_of=as_of)
    # "how did the campaign do?" names none; in a conversation about one campaign it is that one.
    for name in dict.fromkeys(h.name for h in facts.unnamed):
        earlier = previous.constraints.get(name, ()) if previous is not None else ()
        if len(earlier) != 1:
            question, options = which_one(model.dimensions[name], label=_dimension_label(name))
            return _with_understood(_clarify(question, options, confidence=0.9), facts, model)
        facts.members[name] = list(earlier)
    if counts_them(facts.low, previous=previous):
        # "how many of them had vans?": the members counted before, no count measure and no part of a whole
        facts.count_choices, facts.share = None, False
    if facts.count_choices is not None and (previous is None or previous.measure not in count_measures(model)):
        return _with_understood(_how_many_what(facts, model), facts, model)
    ask = _stated_ask(facts)
    if previous is not None and not _stands_alone(facts, ask, previous):
        if facts.cues.there and not previous.constraints and not facts.members:
            return _with_understood(_where_is_there(previous, model), facts, model)
        if points_at_another_one(facts.low) and not facts.members:
            return _with_understood(_which_other_one(previous, model), facts, model)
        return _follow_up(facts, ask, previous, model=model, as_of=as_of)
    if _needs_context(facts, ask):
        return _nothing_to_follow(model)
    return _standalone(facts, ask, model=model, as_of=as_of)


def _nothing_to_follow(model: SemanticModel) -> Parse:
    """A follow-up with no previous answer to lean on (contract: a clarify)."""
    return _clarify("That sounds like a follow-up, but there is no earlier answer to build on. What would you like "
                    "to know? For example:", _examples(model), confidence=0.9)


def _without(removal: Removal, *, previous: Understanding | None, model: SemanticModel, as_of: date,
             company: str) -> Parse:
    """"Remove web", "drop the split": the last question without what is named (removals.py); a member it was
    not filtered to is read as "excluding" it, and what else the text asks is a follow-up of what is left."""
    if previous is None:
        return _clarify("There is no earlier answer to take anything away from. What would you like to know? For "
                        "example:", _examples(model), confidence=0.9)
    if not removal.names_anything:
        unnamed = removal.unnamed
        asked = f"I can take away the last answer's filters or its split, not “{unnamed}”." if unnamed else \
            "What should I take away from the last answer?"
        return _clarify(f"{asked} {_holding(previous)}", _removable(previous), confidence=0.9)
    taken = take_away(removal, previous=previous)
    if taken.which_filter:
        return _clarify(f"Which filter should I take away? {_holding(previous)}", _removable(previous),
                        confidence=0.9)
    if taken.absent:
        return _clarify(f"The last answer has no {_list(list(taken.absent), 'or')} to take away. "
                        f"{_holding(previous)}", _removable(previous), confidence=0.9)
    excluded = " and ".join(member for _, member in taken.excluded)
    rest = " ".join(filter(None, (f"excluding {excluded}" if excluded else "", removal.rest)))
    if not rest:
        return Parse(taken.understanding)
    return _parse(rest, model=model, as_of=as_of, context=taken.understanding, company=company)


def _holding(previous: Understanding) -> str:
    """What of the last answer could be taken away, said back."""
    filters = [f"{m} ({_dimension_label(d)})" for d, ms in previous.constraints.items() for m in ms]
    said = [f"filtered to {_list(filters)}"] if filters else []
    if previous.group_by is not None:
        said.append(f"split by {_dimension_label(previous.group_by)}")
    return f"It is {' and '.join(said)}." if said else "It has no filters and no split."


def _removable(previous: Understanding) -> tuple[str, ...]:
    split = ("remove the split",) if previous.group_by is not None else ()
    return (*(f"remove {m}" for ms in previous.constraints.values() for m in ms), *split)


def _usable(context: Understanding | None, model: SemanticModel) -> Understanding | None:
    """The previous understanding, limited to what the current model still has (data can be re-imported)."""
    if context is None or not context.can_be_followed:
        return None
    if not context.answered:
        # What a clarify understood is the question a correction ("i meant X") completes: a figure, or its rows.
        context = context.with_changes(intent="breakdown" if context.group_by else "value")
    constraints = {dim: tuple(m for m in members if m in model.dimensions.get(dim, ()))
                   for dim, members in context.constraints.items()}
    group_by = context.group_by if context.group_by in model.dimensions or context.group_by in GRAINS else None
    if group_by is None and context.intent in ("breakdown", "rank"):
        return None
    measure = context.measure if context.measure in model.measures else _default_measure(model)
    return context.with_changes(constraints=constraints, group_by=group_by, measure=measure)


# ---------------------------------------------------------------- reading the text

def _lower(text: str) -> str:
    """Lower-cased, same length as ``text`` (so spans index both), with typographic quotes and dashes plain and
    accented letters folded ("sälen" → "salen", letters.py)."""
    plain = text.translate(_PLAIN)
    low = plain.lower()
    if len(low) == len(plain):
        return fold(low)
    return fold("".join(c.lower() if len(c.lower()) == 1 else c for c in plain))


def _share_word_of_name(hit: Hit, low: str) -> bool:
    """"spring mix bouquets by month", "sprng mix", "car-share trips": a share word said as a word of a member's name
    of several words is that name, no part of a whole ("sales mix" read as a slip of Sales Max still asks a mix)."""
    said = re.findall(r"[^\W_]+(?:'[^\W_]+)?", low[hit.start:hit.end])  # "express's" is one word
    name = set(re.findall(r"[^\W_]+", (hit.value or "").lower()))
    return len(said) > 1 and not asks_share(" ".join(w for w in said if w not in name))


def _blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _masked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each span written over by a word no time phrase reads: a member kept from time still stands
    between the words around it ("than old mill last month" is no "than last month", "the eu last month" no "the
    last month")."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = "x" * (b - a)
    return "".join(chars)


def _read(text: str, *, vocab: Vocabulary, model: SemanticModel, as_of: date, company: str,
          previous: Understanding | None = None) -> _Facts:
    """``previous``: the answer before, a new member of whose dimensions said exactly is never time."""
    text = as_the_company(text, name=company, knows=vocab.knows)  # "hows lumenbay doing": the whole business
    text = chat_spelled(text, tenant_word=lambda w: bool(vocab.entries_of_word(w)))  # "how r we doing"
    text = chat_written_out(text, tenant_word=lambda w: bool(vocab.entries_of_word(w)))  # "gap btwn x and y"
    text = correct_keywords(spell_out(text), tenant_word=vocab.knows)
    low = _lower(text)
    framing = framing_spans(low, figure_word=lambda w: _names_a_figure(w, vocab),
                            tenant_word=lambda w: _names_data(w, vocab))
    fillers = filler_spans(low, tenant_word=lambda w: _names_data(w, vocab))  # "actualy", "basically"
    asides = aside_spans(low, tenant_word=lambda w: _names_data(w, vocab),  # "lol", "(ie how long they keep it)"
                         names_data=lambda a, b: bool(vocab.find(low[a:b], text[a:b])))
    framing = sorted({*framing, *asides, *fillers,
                      *lead_frame_spans(low, tenant_word=lambda w: _names_data(w, vocab)),  # "for the standup:"
                      *context_clause_spans(low, tenant_word=lambda w: _names_data(w, vocab))})  # "w the economy …,"
    framing = sorted({*framing, *predicate_spans(  # "how many drivers were on the road": they had facts
        _blank(low, tuple(fillers)), counted=lambda w: vocab.dimension_of_word(w) is not None, figure=vocab.knows,
        named=lambda w: vocab.dimension_of_word(w) is not None or bool(vocab.members_with_word(w)))})
    framing = greeting_members(low, framing, member_name=lambda w: w in vocab.member_names)  # "evening orders"
    # "why …? price cap?": the asker's guess at a cause is framing too, and no request to write or chat
    guesses = read_guesses(_blank(low, tuple(framing)), text, vocab=vocab, as_of=as_of)
    not_question = not_a_data_question(_blank(low, guesses.spans))
    framing = sorted([*framing, *guesses.ignored])
    # "can u pull …", "any joy on …", "… for the ops review": how a figure is asked for and what it is for, less
    # a member named in the purpose ("for the emea review"), which may narrow the figure
    asking = asking_spans(low, framing=framing, tenant_word=lambda w: _names_data(w, vocab))
    framing = without_members([*framing, *asking], purposes=purpose_spans(low), members=lambda a, b: [
        *((a + h.start, a + h.end) for h in vocab.find(low[a:b], text[a:b]) if h.kind == "member" and not h.fuzzy),
        *places_lacking(low, a, b, tenant_word=lambda w: _names_data(w, vocab))])
    ignored = tuple(w for a, b in framing for w in re.findall(r"[\w'’]+", text[a:b]))
    said = low  # with its framing: "please split …" asks for the verb, even once "please" is blanked
    # "at that site", "for them": the last answer's members, kept ("there" is read as a cue)
    pointing = tuple(pointing_spans(low, filtered_by=lambda w: vocab.dimension_of_word(w) in previous.constraints)
                     ) if previous is not None and previous.constraints else ()
    text, low = _blank(text, (*framing, *guesses.spans, *pointing)), _blank(low, (*framing, *guesses.spans, *pointing))
    if sum(c.isupper() for c in text) > 0.6 * max(1, sum(c.isalpha() for c in text)):
        text = low  # SHOUTED: capitals say nothing about names
    mods = read_modifiers(low)
    # Member and measure names are never read as time ("Billable Hours", "June" the rep, "the Today channel").
    named = vocab.find(low, text)
    # "how did Last Week do last week": a member named like a time phrase, said as the film, then as the week
    as_member, as_time = time_named(named, text, low, months=_MONTH_WORDS, read=lambda said: read_time(
        said, as_of=as_of, earliest=model.first_date, latest=model.last_date))
    named = [h for h in named if h not in as_time]
    spoken = tuple((h.start, h.end) for h in as_member)
    names = _names(named, low)
    # "and 3d?" after the share of IMAX is the format 3D, never the last three days ("and in 2023?" after the
    # model year 2023 says no member anew: the year)
    about = previous.dimensions_about if previous is not None else frozenset()
    kept = set() if previous is None else {*((d, m) for d, ms in previous.constraints.items() for m in ms),
                                            *filter(None, [previous.part])}
    held = tuple((h.start, h.end) for h in named if h.kind == "member" and h.name in about and not h.fuzzy
                 and low[h.start:h.end] == (h.value or "").lower() and (h.name, h.value) not in kept
                 and not period_after_preposition(h, named, low, first=model.first_date, last=model.last_date))

    def read_without(members: tuple[tuple[int, int], ...]) -> TimeReading:
        return read_time(_masked(_blank(low, mods.spans), (*held, *spoken, *members)), as_of=as_of,
                         earliest=model.first_date, latest=model.last_date, names=names,
                         members=members_not_grains(named, low),
                         measures=tuple((h.start, h.end) for h in named if h.kind == "measure"))

    # "how much 2022 pinotage did we sell in 2025": a year before another member, with the period said apart
    time = read_without(years_naming_members(named, low, read=read_without))
    blank = _blank(low, (*time.spans, *mods.spans))
    facts = _Facts(text=text, low=low, blank=blank, time=time, cues=Cues(), mods=mods, ignored=ignored,
                   not_a_question=not_question)
    hits = counted_by_last_word(vocab.find(blank, text), low=blank, dimensions=model.dimensions)  # "how many leads"
    hits = counted_by_verb(hits, low=said, measures=model.measures)  # "how many bouquets did we sell"
    # "revenue rose", "reading the numbers": the words, placed as such, not the members Rose and Reading
    # "drove the growth in seats": the change, not the plan Growth
    as_words = [h for h in hits if used_as_word(h, hits, text, blank, said=said) or change_noun(h, hits, text, blank)]
    as_words += calendar_words(hits, text, blank)  # "best week ever": weeks ranked, not the pass called Week
    # "and half day tickets?" where the pass is Day: a name no member has, asked back, never Day's figures
    unheld_units = qualified_units(hits, blank)
    as_words += [w for h, (a, b) in unheld_units for w in (h, Hit("unheld_unit", blank[a:b], None, a, b))]
    hits = [h for h in hits if h not in as_words]
    # "max cups in a single day": an order word before a figure or a period is the superlative, never a member it
    # is only part of the name of (Max Tui); a member of that very name ("Max revenue") stays the member
    superlatives = superlative_spans(blank, figures=frozenset(
        h.start for h in hits if h.kind in ("measure", "weak_measure", "missing_measure")))
    as_words += [*(h for h in hits if h.kind == "member" and (h.value or "").lower() != blank[h.start:h.end]
                   and any(a <= h.start < b for a, b in superlatives)),
                 *(Hit("superlative", blank[a:b], None, a, b) for a, b in superlatives)]
    as_words += dimension_nouns(hits, text)  # "revenue for plus customers": the tier's noun, no second figure
    as_words += figure_verbs(hits, text)  # "sold the most bottles": bottles, however the verb names cases_sold
    hits = [h for h in hits if h not in as_words]
    # "booking channel", "lead source": the kind of the dimension said, naming nothing else of the data
    qualifiers = qualifier_spans(blank, ((h.start, h.end) for h in hits if h.kind == "dimension"),
                                 knows=lambda w: _names_data(w, vocab))
    blank = facts.blank = _blank(blank, qualifiers)
    if not time.periods and not time.compare_to:
        facts.month_or_member = [h for h in hits if month_or_member(h, hits, text, months=_MONTH_WORDS)]
    # "completions in 2024-05" where a cohort is named 2024-05: read as a date, it could be either; a bare year the
    # data has dates in is the year ("the 2020 vintage in 2024 vs 2023": the vintage is said beside its name)
    facts.month_or_member += [h for h in named if h.kind == "member" and re.search(r"\d", h.value or "")
                              and low[h.start:h.end] == h.value.lower()
                              and any(a < h.end and h.start < b for a, b in time.spans)
                              and not dated_year(h, low, first=model.first_date, last=model.last_date)]
    # Members say nothing about intent: "Best Buy", "Top Shelf", "Max" or "Total" are names, not a ranking.
    facts.cues = read_cues(_blank(blank, tuple((h.start, h.end) for h in hits if h.kind == "member")),
                           names=[(h.start, h.end) for h in hits if h.kind not in ("member", "dimension")
                                  or (h.kind == "dimension" and not _CAUSE_OF.match(low, h.end))])
    if pointing:
        facts.cues = replace(facts.cues, there=True)
    hits = _read_per(facts, hits, vocab, model)
    if mods.pace:  # "how far are we from our target": the pace's own word, placed, no figure asked for
        as_words += [h for h in hits if h.kind == "unsupported_measure" and h.name in _PACE_WORDS]
        as_words += [h for h in hits if pace_word(h, hits, text, words=_PACE_WORDS, pace=True)]  # "our target"
        hits = [h for h in hits if h not in as_words]
    else:  # "revenue vs target": a target the data does not hold, asked back as where no store is called Target
        hits = [Hit("unsupported_measure", low[h.start:h.end], None, h.start, h.end)
                if pace_word(h, hits, text, words=_PACE_WORDS, pace=False) else h for h in hits]
    facts.share = asks_share(_blank(blank, tuple((h.start, h.end) for h in hits
                                                 if h.kind != "member" or _share_word_of_name(h, low))))
    part_at = part_of_whole(blank)
    if part_at is not None and any(h.kind == "member" and h.start >= part_at for h in hits) \
            and not narrows_them(low, previous=previous):
        facts.share = True
    facts.blank_of_hits = _blank(blank, tuple((h.start, h.end) for h in hits))
    facts.fuzzy = any(h.fuzzy for h in hits)
    if facts.cues.off_topic:
        # A coffee chain's "Coffee" or a shop's "Games" is data, not small talk; so is a word of whoever did the
        # buying or selling ("how much did stellenbosch wine co buy"), a name the data may not hold
        named = (*((h.start, h.end) for h in hits if h.kind in ("member", "dimension")),
                 *(m.span("who") for m in _SELLER.finditer(blank)))
        facts.cues = replace(facts.cues, off_topic=off_topic(_blank(blank, named)))
    _read_measures(facts, hits, model=model)
    _read_arithmetic(facts, hits, model)
    _named_ratio(facts, model)
    _read_members(facts, hits, blank, vocab)
    facts.unheld_kind = unheld_which(facts.low, held=lambda a: any(
        h.start == a and h.kind in ("dimension", "member", "weak_member", "ambiguous") for h in hits)
        or facts.low[a:].split(maxsplit=1)[0] in UNITS, figure=lambda a: any(h.start == a for h in hits))
    _read_counted_qualifier(facts, hits)
    facts.unnamed_filter = qualified_unnamed(facts.blank, placed=lambda a: any(h.start <= a < h.end for h in hits),
                                             ranks=lambda a: order_word(facts.blank[a:].split(maxsplit=1)[0]))
    facts.groups += [Hit("dimension", name, None, a, a) for a, _, name in guesses.suspects]  # "…? maybe tiktok?"
    _read_counted_noun(facts, hits)
    _read_how_many(facts, model)
    covered = [*time.spans, *mods.spans, *((h.start, h.end) for h in hits), *facts.per_spans, *facts.buyer_spans,
               *comparison_idioms(blank), *((h.start, h.end) for h in as_words),
               *(m.span() for m in _SINGLE_PERIOD.finditer(blank)),
               *((mods.unusual_span,) if mods.unusual_span else ()),
               *((mods.pace_words_span,) if mods.pace_words_span else ()), *mods.ranking_spans]
    # "used car revenue": a noun after a member says what the member is of, whose figure is the member's
    figures = frozenset(f.start for f in hits if f.kind in ("measure", "weak_measure", "missing_measure") and not any(
        h.kind == "member" and h.end < f.start and len(blank[h.end:f.start].split()) == 1 for h in hits))
    _read_unknown(facts, blank, covered, vocab, figures=figures)
    facts.unknown_names += [text[a:b] for _, (a, b) in unheld_units]
    _read_unknown_beside_dimensions(facts, hits, vocab)
    _read_unknown_numbered(facts, vocab)
    facts.unheld_role = unheld_role(facts.low, held=lambda a: any(h.start <= a < h.end for h in hits))
    facts.unplaced = unplaced_operator(facts.blank_of_hits, hits,
                                       facts.arithmetic.span if facts.arithmetic else None) or unheld_standing(
        facts.low, hits, is_money=lambda name: model.measure(name).is_money)
    return facts


def _names_data(word: str, vocab: Vocabulary) -> bool:
    """Whether ``word`` names something the tenant's data holds (not a figure it lacks, as "leads" may be)."""
    held = any(e.kind not in ("unsupported_measure", "missing_measure") for e in vocab.entries_of_word(word))
    return held or bool(vocab.members_with_word(word))


def _names_a_figure(word: str, vocab: Vocabulary) -> bool:
    """Whether ``word`` names a figure, held or not ("sales", "revenue", "pipeline"), and no member."""
    figures = ("measure", "weak_measure", "missing_measure", "unsupported_measure")
    return any(e.kind in figures for e in vocab.entries_of_word(word)) and not vocab.members_with_word(word)


def _read_counted_qualifier(facts: _Facts, hits: list[Hit]) -> None:
    """"# of delivery platforms": a dimension's noun after members of another ("delivery" of service) says
    which of its members, and is what the count counts."""
    found = count_word(facts.blank)
    if found is None:
        return
    facts.groups += [Hit("dimension", h.name, None, h.start, h.end) for h in hits if h.kind == "qualifier"
                     and _counted_after_members(facts, at=found[0], start=h.start)][:1]


def _counted_after_members(facts: _Facts, *, at: int, start: int) -> bool:
    """Whether what starts at ``start`` is the noun counted at ``at`` past the members said first ("# of
    delivery platforms", "how many dinner sites"), which only narrow what is counted."""
    members = {offset for offset, _, _ in facts.member_order}
    return at in members and start > at and not facts.blank_of_hits[at:start].strip()


def _read_counted_noun(facts: _Facts, hits: list[Hit]) -> None:
    """"How many patients …" where nothing of the tenant's is named: a figure the data does not hold, asked
    back rather than answered with the default measure."""
    found = count_word(facts.blank)
    if found is None or facts.missing or facts.unsupported:
        return
    start, word = found
    # "how many shops sold cases": the shops are counted, not the cases, where a measure is named elsewhere
    counted = facts.measure is None or (word.endswith("s") and _plural_noun(word))
    # "how many stores sold units" where the data has no stores: a plain word, but one that names what is counted
    unknown = word not in COMMON or (facts.measure is not None
                                     and any(w in DIMENSION_NOUNS for w in (word, *singular_forms(word))))
    if counted and unknown and word.isalpha() and not any(h.start <= start < h.end for h in hits):
        facts.unsupported.append(word)


def _plural_noun(word: str) -> bool:
    """Whether ``word`` reads as the plural of a noun ("shops", "hotels"), not a verb or an adjective."""
    return any(ordinary(s) for s in singular_forms(word) if s != word)


def _read_how_many(facts: _Facts, model: SemanticModel) -> None:
    """"How many did we do at Bath" names no measure and nothing countable: the data's one obvious count, or
    the counts there are to choose from (never the default money measure)."""
    if (not (facts.cues.how_many or _most_of_a_member(facts)) or facts.measure is not None or facts.missing
            or facts.unsupported or facts.share or _counted(facts)):
        return
    facts.measure = obvious_count(model, text=facts.blank)
    facts.measure_said = facts.measure is not None
    if facts.measure is None:
        facts.count_choices = count_measures(model)


_MOST_OF = re.compile(r"\b(?:most|fewest|least|more|fewer)\s+(?P<word>[a-z]+)\b")


def _most_of_a_member(facts: _Facts) -> bool:
    """"which vet had the most surgeries": a member's plural said as the thing counted, a count like "how many"
    (never the default money measure)."""
    held = {v.lower() for values in facts.members.values() for v in values}
    return any(held.intersection(singular_forms(m["word"])) for m in _MOST_OF.finditer(facts.low))


def _read_arithmetic(facts: _Facts, hits: list[Hit], model: SemanticModel) -> None:
    """"Revenue minus cost" is the catalogue's gross margin: one measure, not two side by side."""
    facts.arithmetic = read_arithmetic(hits, facts.low, model.definitions) or (
        part_of_measure(hits, facts.low, model.definitions) if facts.share else None)
    if facts.arithmetic is None or facts.arithmetic.measure is None:
        return
    operands = (facts.arithmetic.a, facts.arithmetic.b)
    facts.measure, facts.measure_said, facts.share = facts.arithmetic.measure, True, False
    facts.also = [n for n in facts.also if n not in operands and n != facts.measure]
    facts.measures_named = 1 + len(facts.also)


def _names(hits: list[Hit], low: str) -> tuple[tuple[int, int], ...]:
    """Spans of member and measure names; a member beside its dimension's name spans both, and so does a list of
    members ending or starting with one ("the 2021 and 2022 vintages": no year 2021; "in 2024 vs 2023" stays years)."""
    names: list[tuple[Hit, tuple[int, int]]] = []
    for k, hit in enumerate(hits):
        if hit.kind not in ("member", "weak_member", "measure"):
            continue
        start, end = hit.start, hit.end
        for other in (hits[k - 1] if k else None, hits[k + 1] if k + 1 < len(hits) else None):
            if other is not None and other.kind == "dimension" and other.name == hit.name and _next_to(hit, other, low):
                start, end = min(start, other.start), max(end, other.end)
        word = hits[k + 2] if k + 2 < len(hits) else None
        if word is not None and word.kind == "dimension" and word.name == hit.name and hits[k + 1].kind == "member" \
                and _qualified_through(word, [hit], [hits[k + 1]], low):
            end = word.end  # "the 2022 welding cohort": no year 2022 either
        names.append((hit, (start, end)))
    for order in (range(len(names) - 2, -1, -1), range(1, len(names))):
        for k in order:
            (hit, span), (other, beside) = names[k], names[k + 1 if order.step < 0 else k - 1]
            if hit.kind == other.kind == "member" and hit.name == other.name and beside != (other.start, other.end) \
                    and listed_beside(span, beside, low):
                names[k] = (hit, (min(span[0], beside[0]), max(span[1], beside[1])))
    return tuple(span for _, span in names)


def _read_per(facts: _Facts, hits: list[Hit], vocab: Vocabulary, model: SemanticModel) -> list[Hit]:
    """What "per …" divides by: a grain ("per day", "average daily"), a measure ("per order") or a
    dimension ("per territory"); a word it cannot count ("per customer" without customers) is kept to ask about."""
    facts.per = facts.mods.per_grain
    rate = None if facts.per else rate_after_figure(facts.blank, (
        h.end for h in hits if h.kind in ("measure", "weak_measure")))
    if rate:  # "revenue a day", "how many visits a week": per that grain, never the month's total
        facts.per = rate[0]
        facts.per_spans.append(rate[1])
    pers = list(_PER_WORD.finditer(facts.blank))
    hits = figures_averaged(hits, blank=facts.blank, text=facts.text, find=vocab.find, per_starts=(
        *(m.start() for m in pers), *(facts.mods.per_span[:1] if facts.mods.per_span else ())))
    kept = list(hits)
    for m in pers:
        if any(h.start <= m.start() < h.end for h in hits):
            continue  # inside a measure's own words ("revenue per order")
        # "per active seat" of active_seats: a name that starts with a word the pattern skips is that name
        hit = next((h for h in hits if h.start == m.end() or (m.start() < h.start < m.end() < h.end)), None)
        word = re.match(r"[a-z][\w-]*", facts.blank[m.end():])
        written = facts.low[hit.start:hit.end] if hit else (word.group(0) if word else "")
        kind, name = (hit.kind, hit.name) if hit else (None, None)
        if hit is None and word is not None:
            entries = [e for e in vocab.entries_of_word(written) if e.kind in ("measure", "dimension")]
            kind, name = (entries[0].kind, entries[0].name) if entries else (None, None)
            counted = None if entries else counted_noun(model, word=written)
            kind, name = ("measure", counted) if counted else (kind, name)
        if kind == "measure" and name == "new_customers" and "new" not in written:
            kind = None  # new customers acquired are not the customers there are
        if kind == "dimension" and (_a_class_of(name, written) or (hit is not None and hit.fuzzy)):
            kind = None  # "per customer" of customer_type: the types are not the customers
            if hit is not None:
                kept.remove(hit)
        end = hit.end if hit else m.end() + len(written)
        facts.per_spans.append((m.start(), end))
        if kind in ("measure", "dimension") and facts.per not in (None, name):
            facts.per_unknown = f"per {facts.per} and per {written}"  # one division at a time
            facts.per_both = (facts.per, name)
        elif kind in ("measure", "dimension"):
            facts.per = name
            if hit is not None:
                kept.remove(hit)
        elif written and written.rstrip("s") not in GRAINS:
            facts.per_unknown = facts.low[m.start():end].strip()  # "per dollar spent", as said
    return kept


def _a_class_of(dimension: str, written: str) -> bool:
    """Whether ``dimension`` holds classes of what ``written`` names ("customer" of customer_type)."""
    last = dimension.lower().replace("-", "_").split("_")[-1]
    return last in _CLASS_WORDS and last not in written


def _named_ratio(facts: _Facts, model: SemanticModel) -> None:
    """"Revenue per order" is the catalogue's average order value: the ratio keeps its own name."""
    if facts.per is None or facts.per not in model.definitions:
        return
    measure = facts.measure or _default_measure(model)
    for name, definition in model.definitions.items():
        computation = definition.computation
        if computation.kind == "ratio" and (computation.a, computation.b) == (measure, facts.per):
            facts.measure, facts.per, facts.measure_said = name, None, True
            return


def _without_our_spend(facts: _Facts, hits: list[Hit]) -> list[Hit]:
    """"Total spend", "how much did we spend": what the company paid, which no selling word stands for (kept to ask
    back); "how much did customers spend": what was sold, the customers saying who spent (no head count asked)."""
    spends = [h for h in hits if h.kind in ("weak_measure", "missing_measure") and SPEND.fullmatch(
        facts.low[h.start:h.end])]
    ends = [h.end for h in hits if h.kind == "member"]
    # "how much did oakridge coffee co spend": someone named spent, a buyer whether the data holds them or not
    named = [m.end() for m in _SELLER.finditer(facts.blank) if not set(m["who"].split()) & _NOT_A_SELLER]
    theirs = [h for h in spends if customers_spend(facts.low, h.start, h.end, member_ends=ends) or h.end in named]
    facts.buyer_spans = [span for span in (buyer_before(facts.low, h.start) for h in theirs) if span]
    ours = [h for h in spends if h not in theirs]
    if ours:
        facts.our_spend = facts.text[ours[0].start:ours[0].end]
    return [h for h in hits if h not in ours and not (h.name == "new_customers" and (h.start, h.end) in
                                                      facts.buyer_spans)]


def _asked_as(hit: Hit, facts: _Facts, *, model: SemanticModel) -> Hit:
    """"How much did we bill" of billed_fees and billed_hours: a word several measures' names share names the one
    amount among them where the question asks how much, the one count where it asks how many; else it is asked."""
    if hit.kind != "ambiguous" or not hit.measures:
        return hit
    if _HOW_MUCH.search(facts.low):
        fits = [n for n in hit.measures if is_amount(n, model.measure(n))]
    elif facts.cues.how_many:
        fits = [n for n in hit.measures if n in count_measures(model)]
    else:
        fits = []
    return replace(hit, kind="measure", name=fits[0], alternatives=(), measures=()) if len(fits) == 1 else hit


def _what_the_counted_did(hit: Hit, facts: _Facts, hits: list[Hit]) -> bool:
    """"How many partners billed time", "how many depots were shipping": a word several measures' names share,
    said after the members a count counts, is what they did (the predicate), no figure to ask which of: the count
    counts the members with any facts. A count of a measure's own units ("how many hours did we bill") counts no
    dimension's members. A last word several names share ("lines": new_lines, churned_lines) is the predicate only
    beside a member it is of ("how many states had family max lines")."""
    found = count_word(facts.blank)
    if hit.kind != "ambiguous" or found is None or not (hit.measures or (hit.shared and any(
            h.kind == "member" and h.end < hit.start and not facts.blank_of_hits[h.end:hit.start].strip()
            for h in hits))):
        return False
    # "how many austin partners …": members said first only narrow what is counted
    return any(h.kind == "dimension" and found[0] <= h.start < hit.start
               and not facts.blank_of_hits[found[0]:h.start].strip() for h in hits)


_LISTED = re.compile(r"\s*(?:,|&|\+|,?\s*(?:and|plus|vs\.?|versus|as\s+well\s+as))\s*")


def _between(one: Hit, other: Hit, low: str) -> str:
    """The words of ``low`` between two hits, in either order."""
    return low[one.end:other.start] if one.end <= other.start else low[other.end:one.start]


def _read_measures(facts: _Facts, hits: list[Hit], *, model: SemanticModel) -> None:
    hits = [_asked_as(h, facts, model=model) for h in _without_our_spend(facts, hits)
            if not _what_the_counted_did(h, facts, hits)]
    strong = [h for h in hits if h.kind == "measure"]
    named = list(dict.fromkeys(h.name for h in strong))
    # "sales" names revenue unless the same question names another measure ("sales volume", "sales orders").
    if len(named) > 1:
        words = {h.name: facts.low[h.start:h.end] for h in strong}
        named = [n for n in named if not (n == "revenue" and words.get(n) in ("sales", "sale"))] or named
    # "sales and pounds roasted", "bags, sales": the noun "sales" listed with a measure is revenue, a figure of its own
    listed = [h for h in hits if h.kind == "weak_measure" and facts.low[h.start:h.end] in ("sales", "sale")
              and any(_LISTED.fullmatch(_between(h, s, facts.low)) for s in strong)]
    if listed:
        said = sorted((h.start, h.name) for h in (*listed, *strong) if h in listed or h.name in named)
        named = list(dict.fromkeys(name for _, name in said))
    facts.measures_named = len(named)
    facts.summed = any(_TOTAL_BEFORE.search(facts.blank, 0, h.start) or _IN_TOTAL_AFTER.match(facts.blank, h.end)
                       for h in strong)
    facts.also = [n for n in named[1:] if n != facts.per]
    if facts.per is None and len(facts.also) == 1 and _RATIO.search(facts.blank):
        facts.per = facts.also.pop()  # "trials to bookings ratio", "the ratio of margin to cost"
    # "the claims ratio": a ratio to a second measure never said (the contract's ratio is of two measures)
    facts.lone_ratio = facts.per is None and not facts.also and bool(_RATIO.search(facts.blank_of_hits))
    # "how many cases did Art sell", "how many did we sell": a verb of selling, not a request for money
    facts.missing = list(dict.fromkeys(
        h.name for h in hits if h.kind == "missing_measure"
        and not ((named or facts.cues.how_many) and facts.low[h.start:h.end] in _DOING_VERBS)))
    facts.ambiguous.extend(h for h in hits if h.kind == "ambiguous")  # "con": conversions or contracts?
    facts.unsupported = list(dict.fromkeys(h.name for h in hits if h.kind == "unsupported_measure"))
    weak = any(h.kind == "weak_measure" for h in hits)
    if weak and named == ["new_customers"] and _HOW_MUCH.search(facts.low):
        named = ["revenue"]  # "How much did business customers spend?" asks for money, not a head count
    if named:
        facts.measure = named[0]
    elif weak and not facts.cues.how_many:  # "how many did we sell" counts; it asks for no money
        facts.measure = next(h.name for h in hits if h.kind == "weak_measure")  # revenue, or the money it stands for
    facts.measure_said = facts.measure is not None


def _read_members(facts: _Facts, hits: list[Hit], blank: str, vocab: Vocabulary) -> None:
    members = [h for h in hits if h.kind == "member"]
    excluding = False
    last_end = -1
    for hit in members:
        if hit.alternatives:
            facts.ambiguous.append(hit)
            continue
        written = facts.low[hit.start:hit.end]
        if hit.person and written in _SEASONS:
            # "how was summer?": the season (no dates to place) or Summer Lee's first name; "summer's" is hers
            facts.ambiguous.append(replace(hit, alternatives=(("", f"{written}, the season"), (hit.name, hit.value))))
            continue
        joined = last_end >= 0 and re.fullmatch(r"[\s,]*(?:and|or|nor|&|"
                                                r",)?[\s,]*(?:the\s+)?", blank[last_end:hit.start])
        # "EMEA minus APAC": the gap between two members, not EMEA without APAC
        gap = last_end >= 0 and re.fullmatch(r"\s*minus\s*", blank[last_end:hit.start]) and facts.members.get(hit.name)
        excluding = not gap and (excluded_before(blank, hit.start) or bool(excluding and joined))
        target = facts.excluded if excluding else facts.members
        values = target.setdefault(hit.name, [])
        if hit.value not in values:
            values.append(hit.value or "")
            if not excluding:
                facts.member_order.append((hit.start, hit.name, hit.value or ""))
        last_end = hit.end
    for hit in hits:
        if hit.kind != "dimension":
            continue
        # "store 12", "clinic 104" (of clinic_code): the dimension's word names the member after it
        own = [m for m in members if m.name in (hit.name, vocab.code_dimension(hit.name))]
        qualifies = any(_next_to(m, hit, facts.low) for m in own) or _qualified_through(hit, own, members, facts.low)
        overall = _ALL_OF_THEM_BEFORE.search(facts.low, 0, hit.start) or _ALL_OF_THEM_AFTER.match(facts.low, hit.end)
        if qualifies or overall or _described_by_member(hit, members, facts):
            continue
        if points_at_unnamed_member(hit, facts.low) and hit.name not in facts.members:
            facts.unnamed.append(hit)
        else:
            facts.groups.append(hit)
    if not facts.groups and facts.cues.where and (facts.cues.order or facts.cues.drivers or facts.cues.breakdown):
        geo = next((d for d in vocab.dimensions if d.lower() in GEO_DIMENSIONS), None)
        if geo:
            facts.groups.append(Hit("dimension", geo, None, 0, 0))
    # "who sold the most?": the people, where the data has one dimension of them (else asked which split)
    asks_rows = facts.cues.order or facts.cues.drivers or facts.cues.breakdown or facts.cues.rank_word \
        or facts.mods.growth
    if not facts.groups and facts.cues.who and asks_rows and len(vocab.people) == 1 \
            and not asks_for_other_people(facts.low, people=vocab.people):
        facts.groups.append(Hit("dimension", vocab.people[0], None, 0, 0))


def _described_by_member(hit: Hit, members: list[Hit], facts: _Facts) -> bool:
    """"Just the rema 1000 sites", "the coop stations": the plural of a dimension after a member of another one
    says which rows are meant, a filter on that member, not a split by the dimension; "which …", "top 3 …",
    "how many …" or "by …" still ask for its rows."""
    cues = facts.cues
    if not _plural(hit, facts.low) or cues.which or cues.order or cues.limit or cues.rank_word or cues.breakdown \
            or cues.how_many or count_word(facts.blank) or _split_by(hit, facts.low) or facts.mods.growth:
        return False
    return any(m.name != hit.name and m.end <= hit.start and _next_to(m, hit, facts.low) for m in members)


def _qualified_through(hit: Hit, own: list[Hit], members: list[Hit], low: str) -> bool:
    """"The 2022 welding cohort": the dimension's word after a member of another dimension, said just after one
    of its own members, names that member (no split by it)."""
    return any(m.end <= o.start and o.end <= hit.start and o.kind == "member" and o.name != hit.name
               and _next_to(m, o, low) and _next_to(o, hit, low) for m in own for o in members)


def _next_to(a: Hit, b: Hit, low: str) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(re.fullmatch(r"[\s:\-#]*(?:the\s+)?", low[first.end:second.start]))


_SUPERLATIVE = re.compile(r"[a-z]{2,}est")  # "the fewest orders", "the steepest passes fall": how, not whose
# A word that may be a name: letters, or letters with digits ("o2", "b2b"), never a digit first ("3rd", "10k").
_NAME_WORD = re.compile(r"[a-z](?:[a-z]+|[a-z\d]*\d[a-z\d]*)")
# "were live", "went live", "is open": a verb of being puts an adjective after it, said of what the question is about
_NUMBERED_PLACE = re.compile(r"\b(?:at|in|for|from|of|excluding|except|without)\s+(?:the\s+|our\s+)?"
                             r"(?P<w>[a-z]+)\s+#?(?P<n>\d+)\b")
_BEING_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|go|goes|went|gone|going|stay\w*|remain\w*|"
                           r"get|gets|got|still)\s+$")


def _owns_figure(word: str, end: int, blank: str, figures: frozenset[int], vocab: Vocabulary) -> bool:
    """Whether ``word`` (ending at ``end``) sits just before a figure said, where a member does: no word of the
    tenant's data (the words of a dimension's name place a member: "monthly contracts desk fees"), no modifier."""
    following = len(blank) - len(blank[end:].lstrip(" "))
    return following in figures and following > end and word not in QUALIFIERS and word not in GENERIC_MODIFIERS \
        and word not in OPERATORS and not change_verb(word) and not _SUPERLATIVE.fullmatch(word) \
        and not vocab.knows(word) and not vocab.in_dimension_name(word)


def _said_of_them(word: str, start: int, blank: str, vocab: Vocabulary) -> bool:
    """Whether ``word`` at ``start``, an ordinary word that is only a part of members' names ("live" of Marchmont
    Live), is said as the word: after a verb of being ("how many channels were live"), never naming a member."""
    return ordinary(word) and word not in vocab.member_names and bool(_BEING_BEFORE.search(blank[:start]))


def _read_unknown(facts: _Facts, blank: str, covered: list[tuple[int, int]], vocab: Vocabulary, *,
                  figures: frozenset[int]) -> None:
    """``figures``: where the measures said start; a word said just before one sits where a member does."""
    tokens = tokenize(blank)
    # the grain a period ranking names ("quietest mo") placed that word, however short it is written
    cued = [*cue_spans(blank), *modifier_spans(facts.low), *(m.span("g") for m in _PERIOD_GROUP.finditer(blank))]
    names: list[list[str]] = []
    previous_word = ""
    open_name = False
    previous_end = 0
    sellers = [m.span("who") for pattern in (_SELLER, _HOW_DID_WHO) for m in pattern.finditer(blank)]
    for k, token in enumerate(tokens):
        word = token.text
        inside = any(a <= token.start < b for a, b in covered)
        if any(previous_end <= a < token.start for a, _ in covered):
            # "in 2025 came through": the preposition's object was the period, not the word after it.
            previous_word, open_name = "", False
        previous_end = token.end
        # "o2", "b2b": letters and digits make a name as much as letters do; "academy 2": a number goes on a name
        place = place_word(word, before=blank[:token.start])  # "the us" is the country, "give us" the pronoun
        unknown = not inside and ((_NAME_WORD.fullmatch(word) and (word not in COMMON or place))
                                  or (open_name and word.isdigit()))
        if unknown:
            written = facts.text[token.start:token.end]
            proper = written[:1].isupper() and k > 0 and not re.search(r"[.?!]\s*$", facts.text[:token.start])
            # "bob's revenue": whose figures they are is someone's name even in plain words, asked back when it
            # names no member (never the whole business's figure); "the ceo's question" owns no figure
            following = tokens[k + 1].start if k + 1 < len(tokens) else None
            owner = bool(_POSSESSIVE.search(written)) and following is not None and blank[following] != " " \
                and facts.blank_of_hits[following] == " " and not re.search(r"\bthe\s+$", blank[:token.start])
            proper = proper or (word not in _NOT_A_SELLER and word not in FUNCTION
                                and (owner or any(a <= token.start < b for a, b in sellers)))
            written = _POSSESSIVE.sub("", written)
            if any(b == token.start for _, b in sellers):
                open_name = False  # "did mike close": the verb after the doer is no part of the name
            if word in MEASURE_LIKE and not _counted(facts):  # "how many depots had weekend loads" counts depots
                facts.unsupported.append(word)
            elif not open_name and _asked_as_figure(facts, word, token.start, token.end, blank, cued, vocab):
                facts.unsupported.append(word)  # "whats occupancy at the grand": a figure the data lacks
            elif open_name:
                names[-1].append(written)
            # "why did revenue tank": a verb of change is no part of a name ("Tank Sensor") said in part
            # "london net sales last month": a word just before a figure says whose figure it is, plain English
            # or not, so one that names no member is asked back, never left out of a total
            # "our peak month": a word of a member's name ("Off Peak") that a ranking's cue places is that cue
            elif proper or place or (vocab.members_with_word(word) and not change_verb(word)
                                     and not _said_of_them(word, token.start, blank, vocab)
                                     and not any(a <= token.start < b for a, b in cued)) or (
                    _owns_figure(word, token.end, blank, figures, vocab)
                    and not any(a <= token.start < b for a, b in cued)) or (
                    # "brought in the fewest": a cue word after a preposition is the cue, not a name; what
                    # "excl" leaves out is a member, never a word to drop ("excl manchester")
                    (previous_word in _PREPOSITIONS or excluded_before(blank, token.start)
                     or _FOLLOW_UP_HEAD.fullmatch(blank, 0, token.start))
                    and not any(a <= token.start < b for a, b in cued)):
                names.append([written])
                open_name = True
            elif not (ordinary(word) or word in QUALIFIERS or any(a <= token.start < b for a, b in cued)):
                # A word that is no English (a name, a code, a typo of nothing) may name what is counted: asked
                # back, unsure enough that a configured LLM may read it first. A rarer word of a modifier's own
                # phrase ("the steepest fall") is placed by that modifier.
                names.append([written])
                open_name = True
                facts.foreign_words = True
            else:
                # Plain English no span places ("hauled", "overall-ish"): said aside, shown as left out.
                facts.unknown_words += 1
                placed = word in QUALIFIERS or word in OPERATORS or any(a <= token.start < b for a, b in cued)
                if not placed:  # qualifiers are asked about, cue words shaped the answer: neither is left out
                    facts.ignored = (*facts.ignored, written)
        else:
            open_name = False
        if word not in _ARTICLES:
            previous_word = word if not inside else ""
    facts.unknown_names = [" ".join(n) for n in names]
    for start, word in asked_groupings(blank):
        noun = _unheld_split_of_figure(word, blank, start + len(word), vocab)
        if noun is not None:
            facts.unknown_dimension = f"{word} {noun}"
            break
        if any(a <= start < b for a, b in covered):
            continue
        singular = word if word in DIMENSION_NOUNS else next(
            (s for s in singular_forms(word) if s in DIMENSION_NOUNS), None)
        # After "by"/"per" any word that is not plain English asks for a split ("by colour"), known or not.
        split = word not in COMMON and re.search(r"\b(?:by|per)\s+(?:the\s+|our\s+|all\s+)?$", blank[:start])
        if (singular is not None or split) and vocab.dimension_of_word(word) is None:
            facts.unknown_dimension = word
            break


def _asked_as_figure(facts: _Facts, word: str, start: int, end: int, blank: str, cued: list[tuple[int, int]],
                     vocab: Vocabulary) -> bool:
    """Whether ``word``, placed by no span, is the figure a question naming none asks for ("whats occupancy")."""
    if facts.measure is not None or facts.missing or facts.unsupported or _counted(facts) or facts.cues.how_many:
        return False
    if word in QUALIFIERS or word in OPERATORS or vocab.knows(word) or any(a <= start < b for a, b in cued):
        return False
    return in_figure_position(blank, start, end, plain=ordinary(word))


def _read_unknown_numbered(facts: _Facts, vocab: Vocabulary) -> None:
    """"at unit 9" where the data has Unit 7: a word of members' names and a number, said where a member goes, is
    a name of theirs the data does not hold (its word alone may be a measure's: "unit"), never left out; two whole
    names of members side by side ("the hatchback 2022 model year") are those two members."""
    for m in _NUMBERED_PLACE.finditer(facts.blank):
        word, number = m.group("w"), m.group("n")
        two_members = word in vocab.member_names and number in vocab.member_names
        if vocab.members_with_word(word) and f"{word} {number}" not in vocab.member_names and not two_members:
            facts.unknown_names.append(facts.text[m.start("w"):m.end("n")])


def _unheld_split_of_figure(word: str, blank: str, end: int, vocab: Vocabulary) -> str | None:
    """"revenue by sales team" where the data has no teams: the noun after the figure word ``word`` (ending at
    ``end``) is the split asked for, which is no dimension here (never the whole business's total)."""
    after = re.match(r"\s+([a-z][a-z-]+)\b", blank[end:])
    noun = after.group(1) if after else ""
    held = vocab.dimension_of_word(noun) is not None
    named = any(w in DIMENSION_NOUNS for w in (noun, *singular_forms(noun)))
    return noun if noun and named and not held and _names_a_figure(word, vocab) else None


def _read_unknown_beside_dimensions(facts: _Facts, hits: list[Hit], vocab: Vocabulary) -> None:
    """"the plumbing dept", "store 999": a word naming no member, said as one of a dimension's members."""
    for hit in hits:
        if hit.kind != "dimension":
            continue
        before = re.search(r"(?:^|\s)([a-z][a-z-]+)\s+$", facts.blank[:hit.start])
        members = vocab.dimensions.get(vocab.code_dimension(hit.name) or hit.name, ())
        # "store 999", "the 2018 vintage": a number beside the word of a dimension of numbers is a member, even
        # one read as a year, so a number that is none of them is asked back (never dropped, nor read as a period)
        after = re.match(r"\s*#?\s*(\d+)\b", facts.low[hit.end:])
        number = after or _number_before(hit, facts.low, vocab)
        if number and members and all(str(m).isdigit() for m in members) and number.group(1) not in members:
            said = (hit.start, hit.end + after.end()) if after else (number.start(1), hit.end)
            facts.unknown_names.append(facts.text[said[0]:said[1]])
        elif before and not _asks_about_dimension(before.group(1)) and not vocab.knows(before.group(1)):
            facts.unknown_names.append(facts.text[before.start(1):before.end(1)])
        else:
            continue
        # the dimension's word said one member, no split: what a clarify understood asks for no rows
        facts.groups = [g for g in facts.groups if g is not hit]


_NUMBER_BEFORE = re.compile(r"(?:^|[^\w#])#?(\d+)\s+$")


def _number_before(hit: Hit, low: str, vocab: Vocabulary) -> re.Match[str] | None:
    """"the 2018 vintage": a number just before the word of a dimension of numbers, written as long as they are,
    with no order word before it ("top 3 vintages" is a limit)."""
    said = _NUMBER_BEFORE.search(low[:hit.start])
    members = vocab.dimensions.get(hit.name, ())
    if said is None or not members or len(said.group(1)) not in {len(str(m)) for m in members}:
        return None
    before = low[:said.start(1)].split()
    return None if before and (order_word(before[-1]) or before[-1] == "which") else said


def _asks_about_dimension(word: str) -> bool:
    """"each region", "which store", "top products", "primary channel": words that ask about a dimension rather
    than name a member."""
    return order_word(word) or all(part in COMMON or part in _ARTICLES or part in _PREPOSITIONS
                                   for part in word.split("-"))


# ---------------------------------------------------------------- what the text asks for

def _stated_ask(facts: _Facts) -> _Ask:
    cues = facts.cues
    group = facts.groups[0].name if facts.groups else None
    several = [dim for dim, values in facts.members.items() if len(values) > 1]
    grain = facts.time.grain
    mods = facts.mods
    if mods.unusual:
        return _Ask("unusual", group_by=group, limit=cues.limit or UNUSUAL_LIMIT)
    if mods.pace:
        return _Ask("pace")  # without a target said, the answer asks for one sized from the data
    counted = _counted(facts)
    if counted:
        return _Ask("count", group_by=counted)
    # "how is revenue split across countries in %": each member's share, not the money
    split_in_percent = bool(group) and mods.in_percent and not (
        mods.growth or cues.change or cues.compare or cues.trend or cues.drivers or facts.time.compare_to
        or facts.time.comparison)
    if (facts.share or split_in_percent) and not cues.drivers:
        if group:
            return _Ask("share", group_by=group)
        part = _share_part(facts)
        return _Ask("share", part=part) if part else _Ask("share", problem="no_dimension")
    if mods.growth and not cues.drivers:
        by = group or (several[0] if several else None)
        if not (by or mods.growth_ranked or cues.which or cues.who or cues.limit or cues.order):
            return _Ask("compare")  # "the growth rate of mrr last quarter": one figure's change, change_pct
        limit = cues.limit
        # "which store grew the most", and "who grew the most?" after a split: the one member; "growth rate by
        # region" ranks every region
        if limit is None and (not (_plural(facts.groups[0], facts.low) or _split_by(facts.groups[0], facts.low))
                              if group and not cues.which else cues.which):
            limit = 1
        # "bottom 3 regions by growth", "lowest growth rate": the order word turns a rise's ranking over
        order = "asc" if cues.order == "asc" else mods.growth_order
        by_period = None if by else _PERIOD_GROUP.search(facts.blank)
        if by_period:  # "which month had the biggest drop": periods are ranked by their figure, never by a change
            return _Ask("rank", group_by=UNITS[by_period["g"]], order=order, problem="growth_by_period")
        return _Ask("rank", group_by=by, order=order, limit=limit, order_by=mods.growth,
                    problem=None if by else "no_dimension")
    if cues.drivers or (cues.change and (group or cues.which or cues.order)):
        return _Ask("drivers", group_by=group)
    # "max daily new lines last month", "lowest weekly takings": the period's best (worst) day or week, one row
    peak = None if group or several else _PEAK_BY_GRAIN.search(facts.low)
    if peak and not any(said[0] == peak.start() for said in facts.member_order):  # "max" of a plan Max is its own
        return _Ask("rank", group_by=GRAIN_ADJECTIVES[peak["a"]], order="asc" if peak["w"] in _LOW_WORDS else "desc",
                    limit=1)
    if cues.order or cues.rank_word:
        limit = cues.limit
        if group:
            if limit is None and cues.order and not _plural(facts.groups[0], facts.low):
                limit = 1
            return _Ask("rank", group_by=group, order=cues.order or "desc", limit=limit)
        if several and (cues.which or cues.limit):
            return _Ask("rank", group_by=several[0], order=cues.order or "desc", limit=limit or 1)
        by_period = _PERIOD_GROUP.search(facts.blank)
        if by_period and (cues.order or cues.rank_word):  # "worst week", "rank our quarters by units"
            singular = not by_period.group(0).endswith("s")
            return _Ask("rank", group_by=UNITS[by_period["g"]], order=cues.order or "desc",
                        limit=limit if limit is not None else (1 if singular else None))
        if cues.summary and limit is None and not cues.rank_word:
            return _Ask("summary")  # "main takeaways from last month", "top highlights": the overview, no rows
        # "Top 3?": rows of the previous answer's dimension; on its own, the question needs one.
        limit = limit if limit is not None else (1 if cues.which else None)
        return _Ask("rank", order=cues.order or "desc", limit=limit, problem="no_dimension")
    if cues.comparative and several and cues.which:
        return _Ask("rank", group_by=several[0], order=cues.comparative, limit=1)
    # "How'd Dover do next to Hull?": the two members side by side, not one summary of both together.
    side_by_side = bool(several) and cues.compare and not cues.summary
    if (cues.summary or (cues.how_did_it_do and not facts.measure_said and not cues.change)) and not side_by_side:
        if group:
            return _Ask("breakdown", group_by=group)
        # "how did Portal do in q3 vs q2": a comparison said outright asks for the comparison, of the default measure;
        # "how are we doing?" and "how did Portal do in q3?" stay the overview (as c22 of the shared custom set).
        time = facts.time
        if not cues.summary and (cues.compare or time.compare_to or time.comparison or len(time.periods) > 1):
            return _Ask("compare")
        return _Ask("summary")
    if _split_by_grain(facts) and not group:
        # "net sales by quarter": a row per quarter of all the data; a period or a trend word makes it a series.
        return _Ask("breakdown", group_by=facts.time.grain)
    by_grain = _trend_by_grain(facts) and not facts.time.comparison  # "mom?" compares, it draws no series
    if cues.trend or mods.cumulative or by_grain or _over_a_range(facts):
        if group and not (cues.trend or mods.cumulative or by_grain):
            return _Ask("breakdown", group_by=group)  # "units over the last 3 months by rep": the span split
        if group:
            return _Ask("trend", problem="trend_by_group", group_by=group)
        return _Ask("trend", grain=grain)
    if group:
        return _Ask("breakdown", group_by=group)
    periods_compared = len(facts.time.periods) > 1 or facts.time.compare_to or facts.time.comparison
    listed = several and not (periods_compared or _as_filter(facts, several[0]))
    if several and (cues.compare or cues.breakdown or mods.gap or listed):
        # "Air Plus, Air Lite and Air Mini revenue": a row for each; "sales in the US and Mexico": one figure.
        return _Ask("breakdown", group_by=several[0])
    if cues.breakdown and len(facts.members) == 1:
        # "What share of revenue came from Online?": every member of Online's dimension, so the share shows.
        return _Ask("breakdown", group_by=next(iter(facts.members)), unfiltered=True)
    if cues.breakdown:
        return _Ask("breakdown", problem="no_dimension")
    time = facts.time
    if cues.compare or cues.change or time.compare_to or time.comparison or len(time.periods) > 1:
        return _Ask("compare")
    if cues.how_did_it_do and facts.measure_said:
        return _Ask("compare")
    if cues.value_question:
        return _Ask("value")
    return _Ask(None)


def _split_by(hit: Hit, low: str) -> bool:
    """Whether the dimension's word follows "by", "per" or "across": every member's row is asked for."""
    return bool(re.search(r"\b(?:by|per|across|each|every)\s+(?:the\s+|each\s+)?$", low[:hit.start]))


def _plural(hit: Hit, low: str) -> bool:
    written = low[hit.start:hit.end]
    return written.endswith("s") and not hit.name.lower().endswith("s")


def _as_filter(facts: _Facts, dimension: str) -> bool:
    """Whether the members of ``dimension`` are named after a preposition ("in the US and Mexico") or summed
    by a word after them ("did Art and Don sell combined")."""
    first = min(offset for offset, dim, _ in facts.member_order if dim == dimension)
    return bool(re.search(r"\b(?:in|for|from|at|across|within|of)\s+(?:the\s+|our\s+)?$", facts.low[:first])
                or _SUMMED_AFTER.search(facts.low, first))


def _counted(facts: _Facts) -> str | None:
    """The dimension of "how many stores …" / "number of product families …", if the words name one."""
    found = count_word(facts.blank)
    if found is None:
        return None
    return next((g.name for g in facts.groups if g.start == found[0]
                 or _counted_after_members(facts, at=found[0], start=g.start)), None)


def _share_part(facts: _Facts) -> tuple[str, str] | None:
    """The part of a share: the member before "'s share", else the last one named ("… came from Footwear")."""
    named = sorted(facts.member_order)
    if not named:
        return None
    before = facts.mods.part_before
    if before is not None:
        owner = [m for m in named if m[0] < before]
        if owner:
            return owner[-1][1], owner[-1][2]
    # "what share of london orders were same day": the member the verb says the part was (or came from) is the part;
    # a member qualifying the measure ("london orders", "orders in london", "revenue from leeds") narrows the whole
    verb = [m for m in named if _PART_AFTER_VERB.search(facts.blank, 0, m[0])]
    if verb:
        return verb[0][1], verb[0][2]
    # "specials share of dinner sales at leeds": the member said just before the share word is the part, and every
    # other member narrows the whole
    for said in _SHARE_WORD.finditer(facts.blank):
        owner = [m for m in named if m[0] < said.start()  # "same day as a % of leeds orders" too
                 and not _AS_A.sub("", facts.blank_of_hits[m[0]:said.start()]).strip()]
        if owner:
            return owner[-1][1], owner[-1][2]
    # "share of sales from specials at leeds": what the part came from, wherever the whole's members are said
    source = [m for m in named if _PART_SOURCE.search(facts.blank, 0, m[0])]
    if source:
        return source[0][1], source[0][2]
    # "share of pickup orders at frederiksberg": the member said with the measure is the part, and the member the
    # whole is at (in, for) only narrows the whole; a member owning the measure ("share of polanco's sales … paid w
    # insurance") is the whole's, never the part
    said_of = [m for m in named if _PART_SAID_OF.search(facts.blank, 0, m[0])
               and not facts.low.startswith(("'s", "’s"), m[0] + len(m[2]))]
    if said_of:
        return said_of[0][1], said_of[0][2]
    return named[-1][1], named[-1][2]


def _trend_by_grain(facts: _Facts) -> bool:
    grain = facts.time.grain
    if grain is None:
        return False
    found = facts.time.time
    if found is None:
        return True
    return len(_grain_periods(found, grain)) > 1


def _split_by_grain(facts: _Facts) -> bool:
    """"<measure> by <grain>" with no period or all of the data ("since we started", as no period: the contract's
    time-grain breakdown), or a split said outright ("break 2025 down by quarter"), and no word of a series (trend,
    over time, changed, cumulative)."""
    time, cues = facts.time, facts.cues
    whole = all(p.whole_data for p in time.periods)
    return (time.grain_split and (whole or cues.breakdown) and not time.compare_to and not time.comparison
            and not (cues.trend or cues.change or facts.mods.cumulative))


def _grain_periods(found: FoundPeriod, grain: str) -> list[date]:
    return [start for _, start, _ in periods(found.start, found.end, grain)]


def _over_a_range(facts: _Facts) -> bool:
    """"show me guests over the last 30 days", "units across the last quarter": the course of a figure through a
    span of several periods of its trend grain, unless the question sums it ("total …", "what was …")."""
    found = facts.time.time
    if found is None or totalled(facts.low) or len(_grain_periods(found, trend_grain(found))) < 2:
        return False
    return bool(_OVER_RANGE.search(facts.low))


def _stands_alone(facts: _Facts, ask: _Ask, previous: Understanding) -> bool:
    """A question that names its own measure, intent and period is new, even inside a conversation (a count,
    which has no measure, names what it counts instead); so is one that names measure and period without
    leaning on the last answer ("and …", "that"), and a bare "How are we doing?". One that says "there" is about
    the last answer's member, whatever else it names."""
    cues = facts.cues
    leaning = cues.follow_up_start or (cues.anaphora and not cues.summary)
    if cues.there:
        return False
    if leaning and previous.intent == "unusual" and ask.intent == "breakdown" and not cues.breakdown:
        return False  # "and rev by state in week 7?" after unusual changes: the states searched, no new split
    if facts.measure_said and facts.period_said and (ask.intent or not leaning):
        # "and daily lift tickets over the last 30 days?": a series leaning on the last answer keeps its filters
        return not (leaning and ask.intent == "trend" and ask.group_by is None)
    if ask.intent == "count" and ask.group_by and facts.period_said and not leaning:
        return True  # "how many vintages did the uk take last month": a count needs no measure, it names the rest
    if ask.intent == "summary" and not leaning:
        return facts.period_said or not (facts.members or facts.excluded or facts.measure_said)
    return False


def _needs_context(facts: _Facts, ask: _Ask) -> bool:
    if facts.cues.there:
        return True  # "sales there last month": where is not said
    if facts.measure_said and facts.period_said:
        return False
    if facts.cues.follow_up_start and not facts.cues.summary:
        return True
    if facts.cues.anaphora and not facts.measure_said and ask.intent != "summary":
        return True
    said_anything = facts.measure_said or facts.members or facts.excluded or facts.groups or facts.period_said
    if not said_anything:
        # "Why?", "Top 3?", "Compared to last year?" lean on an answer; "Are we growing?" does not.
        if facts.cues.we_or_us and ask.intent in ("drivers", "compare", "trend"):
            return False
        return ask.intent in ("drivers", "rank", "compare", "breakdown", "trend", None)
    return bool(facts.members or facts.excluded) and not (facts.measure_said or facts.period_said or ask.intent)


# ---------------------------------------------------------------- refusals and clarifications

def _measures_sharing_a_word(facts: _Facts, model: SemanticModel, *, missing: str) -> list[str]:
    """The tenant's measures with a word of their name that the question said as a word of the catalogue's
    ``missing`` measure ("sales" of revenue, said where the data has net_sales)."""
    said = {w for w in CATALOGUE[missing].words if " " not in w and re.search(rf"\b{re.escape(w)}\b", facts.low)}
    return [m for m in model.measures if said & set(m.lower().split("_"))]


def _refusal(facts: _Facts, *, model: SemanticModel, vocab: Vocabulary, has_context: bool) -> Parse | None:
    cues = facts.cues
    time = facts.time
    lacked = counted_unheld(facts.low, tenant_word=lambda w: _names_data(w, vocab)) if has_context else None
    if cues.off_topic and lacked and not facts.measure_said:  # "how many hotel nights did that drive?"
        return _unheld_count(lacked, model)
    if facts.not_a_question or cues.greeting or (cues.off_topic and not facts.measure_said and not facts.missing):
        return _out_of_scope(model, confidence=0.9)
    if facts.unheld_role is not None:
        return _no_such_role(facts.unheld_role[1], model)
    if _about_the_future(facts):
        return _what_will_happen(facts, model)
    # "the most expensive single surgery", "how many claims were over $2k": one event, never a day's total
    single = facts.mods.not_in_totals or one_event(facts.low, kinds=lambda word: frozenset(
        e.kind for e in vocab.entries_of_word(word)))
    if single and not (facts.mods.pace and facts.mods.target is not None):
        return _clarify(f"I can't answer “{single}”: {_holdings(model)}. I can give totals, "
                        "averages per day, week or month, shares and rankings instead, for example:",
                        _examples(model), confidence=0.9)
    if (unplaced := _period_word_unplaced(facts)) is not None:
        return _period_word_readings(unplaced, facts, model)
    if time.problem == "sub_day" or (time.problem == "unplaceable" and is_part_of_day(time.problem_text)):
        return _clarify(  # "orders overnight": the data has no hours to split a day by, never the whole days' total
            f"I can't split the figures by time of day (“{time.problem_text}”): {_holdings(model)}. I can give whole "
            "days, weeks or months instead, for example:", _examples(model), confidence=0.9)
    if time.problem == "unplaceable":
        return _clarify(
            f"I can't pin “{time.problem_text}” to exact dates. Could you name the period — a month, a quarter, "
            "or dates such as “from 2024-12-01 to 2024-12-24”?", _examples(model), confidence=0.8)
    if time.problem == "open_start" and time.time is not None:
        alone, to_end = open_start_readings(time.time)
        measure = model.measure(facts.measure or _default_measure(model)).label.lower()
        return _clarify(f"By “{time.problem_text}” do you mean {alone} alone, or {to_end}?",
                        (f"{measure} {alone}", f"{measure} {to_end}"), confidence=0.8)
    if time.problem == "fiscal":
        last = model.last_date.year
        years = _list([str(y) for y in range(max(model.first_date.year, last - 2), last + 1)], "or")
        return _clarify(
            f"I don't know when your fiscal year starts, so I can't place “{time.problem_text}”. Your data runs on "
            f"calendar dates: you can ask for a calendar year ({years}), a quarter such as “Q3 {last}”, "
            "or dates such as “from 2024-04-01 to 2025-03-31”.",
            _examples(model), confidence=0.8)
    if time.problem == "business_days":
        said = re.search(r"\d+", time.problem_text or "")
        days = -(-int(said.group(0)) * 7 // 5) if said else 7  # the calendar days that hold that many weekdays
        return _clarify(
            f"I can't count “{time.problem_text}”: your data holds daily totals on calendar dates and doesn't "
            f"say which days are business days. Would “last {days} days” do instead?",
            (f"last {days} days", *_examples(model)), confidence=0.8)
    if time.problem == "invalid":
        return _clarify(f"“{time.problem_text}” is not a date I can place on the calendar. Could you rephrase it?",
                        _examples(model), confidence=0.8)
    signal = (facts.business_words or time.periods or time.compare_to or time.comparison or time.grain
              or cues.summary or cues.drivers or cues.order or cues.rank_word or cues.trend or cues.breakdown
              or facts.unknown_names or ((cues.change or cues.compare) and cues.we_or_us)
              or facts.share or facts.per or facts.per_unknown or facts.mods.growth or facts.mods.cumulative
              or facts.mods.unusual or facts.mods.pace or facts.mods.in_percent)
    if not signal:
        if has_context and (cues.follow_up_start or cues.anaphora or cues.change or cues.compare or cues.overall):
            return None
        if cues.follow_up_start:  # "and what about that one?" opening a conversation
            return _nothing_to_follow(model)
        return _out_of_scope(model, confidence=0.6)
    if facts.unheld_kind is not None:
        return _no_such_kind(facts.unheld_kind[1], model)
    if facts.lone_ratio:
        return _ratio_of_what(facts, model)
    if facts.unnamed_filter is not None:
        dims = _list([_dimension_plural(d) for d in model.dimensions], "or")
        return _clarify(f"I can't tell which are “{facts.unnamed_filter}”: {_holdings(model)}, and no member of "
                        f"them is called so. I can show the figure for named {dims}, or split it by one of them:",
                        tuple(f"by {_dimension_label(d)}" for d in model.dimensions), confidence=0.9)
    # "marketing spend", a figure of other companies' data, is asked back the same way
    spent = facts.our_spend or next((u for u in facts.unsupported if SPEND.search(u)), None)
    if spent and facts.measure is None:
        return _what_was_spent(spent, facts, model)
    if facts.unsupported:
        # "refunds as a % of revenue": say what was understood, and which words were not
        understood = f"I understood {_understood(facts, model)}, but " if facts.measure_said else ""
        counted = count_word(facts.blank)
        # "how many hotels": things, which the data may count under another name; "how many shipments": a
        # figure of other companies' data
        if (counted is not None and counted[1] == facts.unsupported[0] and counted[1] not in MEASURE_LIKE
                and model.dimensions):
            return _count_offer(facts, model, understood)
        return _clarify(
            f"{understood}I don't have {facts.unsupported[0]} in this data. I can tell you about "
            f"{_list([model.measure(m).label.lower() for m in model.measures])}.",
            tuple(model.measure(m).label for m in model.measures), confidence=0.9)
    if facts.missing and not _counted(facts):
        label = CATALOGUE[facts.missing[0]].label.lower()
        near = _measures_sharing_a_word(facts, model, missing=facts.missing[0])
        if near:
            # "what is the sales last month" where the data has net_sales: the catalogue's word names revenue,
            # which is not here (contract), so it is asked back, offering the tenant's own measure first
            rest = [model.measure(m).label.lower() for m in model.measures if m not in near]
            also = f" I can also tell you about {_list(rest)}." if rest else ""
            return _clarify(
                f"This data has no figures for {label}. Did you mean "
                f"{_list([model.measure(m).label.lower() for m in near], 'or')}?{also}",
                tuple(model.measure(m).label for m in (*near, *(m for m in model.measures if m not in near))),
                confidence=0.9)
        return _clarify(
            f"This data has no figures for {label}. I can tell you about "
            f"{_list([model.measure(m).label.lower() for m in model.measures])}.",
            tuple(model.measure(m).label for m in model.measures), confidence=0.9)
    if facts.ambiguous:
        hit = facts.ambiguous[0]
        written = facts.text[hit.start:hit.end]
        options = tuple(f"{member} ({_dimension_label(dim)})" if dim else member for dim, member in hit.alternatives)
        return _clarify(f"“{written}” could mean more than one thing: {_list(list(options), 'or')}. Which one?",
                        options, confidence=0.9)
    if facts.unknown_names:
        name = facts.unknown_names[0]
        partial = [m for word in name.lower().split() for m in vocab.members_with_word(word)]
        keyword = keyword_near(name.lower())
        if keyword in DIMENSION_NOUNS and vocab.dimension_of_word(keyword) is None:
            keyword = None  # "rev" is no "Rep" where the data has no reps: suggest only what is there
        # "the 2018 vintage", "store 999": said with a dimension's word, it is one of that dimension's members
        said_of = next(filter(None, (vocab.dimension_of_word(w) for w in name.lower().split())), None)
        of_dimension = tuple(map(str, model.dimensions.get(said_of or "", ())))[:5]
        close = ((keyword.capitalize(),) if keyword else ()) + (
            tuple(dict.fromkeys(partial))[:5] or of_dimension or tuple(vocab.closest_members(name))
            or _some_members(model))
        return _clarify(f"I couldn't find “{name}” in your data. Did you mean {_list(list(close), 'or')}?",
                        close, confidence=LOW_CONFIDENCE if facts.foreign_words else 0.9)
    if facts.arithmetic and facts.arithmetic.measure is None:
        a, b = (model.measure(n).label.lower() for n in (facts.arithmetic.a, facts.arithmetic.b))
        return _clarify(f"I understood {a} and {b}, but I can't compute “{facts.arithmetic.written}”: no measure of "
                        "your data is defined that way. I can show both side by side:",
                        (f"{a.capitalize()} and {b}", a.capitalize(), b.capitalize()), confidence=0.9)
    if facts.unplaced:
        label = model.measure(facts.measure).label if facts.measure in model.definitions else None
        return _clarify(f"I understood {_understood(facts, model)}, but not “{facts.unplaced}”: it would change "
                        f"what is computed, and {_holdings(model)}. Which of these did you mean?",
                        _unplaced_readings(facts, model) if label else tuple(model.measure(m).label
                                                                             for m in model.measures),
                        confidence=0.9)
    measure = facts.measure or _default_measure(model)
    unread = unread_period(facts.blank_of_hits)
    if unread and not (facts.mods.pace and facts.mods.pace_unit):  # "hit 1m over the whole month": the target's period
        label = model.measure(measure).label if measure in model.definitions else measure
        return _clarify(f"I understood {_understood(facts, model)}, but not the period “{unread.strip()}”. Which "
                        "period did you mean?", (f"{label} last month", f"{label} in the last 30 days",
                                                 f"{label} in the last 12 months", f"{label} this year so far"),
                        confidence=0.9)
    both = facts.per_both or ()
    grain = next((n for n in both if n in GRAINS), None)
    dimension = next((n for n in both if n in model.dimensions), None)
    if grain is not None and dimension is not None:
        # "average revenue per store per month": one figure divided twice is no figure of the contract, but a
        # row per month divided by its stores is, and so is the period's figure per store
        label, each = model.measure(measure).label, _dimension_label(dimension)
        found = facts.time.time
        said = f" from {found.start.isoformat()} to {found.end.isoformat()}" if found is not None else ""
        return _clarify(f"I understood {_understood(facts, model)}, but I divide by one thing at a time, so not "
                        f"“{facts.per_unknown}” together. I can show {label.lower()} per {each} for each {grain}, "
                        f"or {label.lower()} per {each} over the whole period:",
                        (f"{_ADJECTIVE_OF[grain].capitalize()} {label.lower()} per {each}{said}",
                         f"Average {label.lower()} per {each}{said}"), confidence=0.9)
    if facts.per_unknown:
        return _clarify(f"I understood {_understood(facts, model)}, but not “{facts.per_unknown}”: {_holdings(model)}. "
                        "I can divide by a measure, by days, weeks or months, or by "
                        f"{_list([_dimension_label(d) for d in model.dimensions], 'or')}.",
                        _per_options(model, measure), confidence=0.9)
    counted, threshold = _counted(facts), count_threshold(facts.low)
    if counted is not None and threshold is not None:
        # "how many drivers made over 100 deliveries": the contract counts members with any facts, none past a line
        label, each = model.measure(measure).label, _dimension_label(counted)
        return _clarify(f"I understood {_understood(facts, model)}, but I count every {each} with any figures, not "
                        f"only those {threshold}. I can show {label.lower()} by {each}, so you can see who is past it, "
                        f"or count every {each} with figures:",
                        (f"{label} by {each}", f"Number of {_dimension_plural(counted)}"), confidence=0.9)
    if facts.per and measure in model.definitions and model.measure(measure).is_ratio:
        return _ratio_not_divided(measure=measure, per=facts.per, model=model)
    # "avg ticket revenue by genre": an average over what the contract leaves unsaid, asked (a ratio is one already)
    ratio = measure in model.definitions and model.measure(measure).is_ratio
    if facts.per is None and not ratio and _AVERAGE_ALONE.search(facts.blank_of_hits):
        return _clarify(f"I understood {_understood(facts, model)}, but not what the average is over. "
                        "An average per day, per week, per month, per member of a dimension, or per unit of "
                        "another measure?", _average_options(model, measure, facts), confidence=0.8)
    if len({g.name for g in facts.groups}) > 1 and not facts.cues.drivers:
        names = [_dimension_label(g.name) for g in facts.groups]
        return _clarify(f"I can split the figures by one thing at a time: {_list(names, 'or')}?",
                        tuple(f"by {n}" for n in names), confidence=0.8)
    if facts.unknown_dimension:
        dims = tuple(_dimension_label(d) for d in model.dimensions)
        return _clarify(f"I can't split the data by “{facts.unknown_dimension}”. It can be broken down by "
                        f"{_list(list(dims), 'or')}.", dims, confidence=0.9)
    return None


def _period_word_unplaced(facts: _Facts) -> tuple[str, str] | None:
    """A period word inside a count, comparison or ranking that the contract has no row for, and its kind."""
    if said := counted_periods(facts.low):
        return "counted", said
    if said := same_day_unplaced(facts.low, members=(m for ms in facts.members.values() for m in ms)):
        return "same_day", said
    if said := ranked_within_one_period(facts.low, ranks_rows=bool(facts.groups)):
        return "within", said
    return None


def _period_word_readings(unplaced: tuple[str, str], facts: _Facts, model: SemanticModel) -> Parse:
    kind, said = unplaced
    measure = model.measure(facts.measure or _default_measure(model)).label.lower()
    if kind == "counted":
        return _clarify(f"I can't count days, weeks or months by a condition (“{said}”): {_holdings(model)}. "
                        f"I can give {measure} per day, rank the days, or total them, for example:",
                        (f"{measure} per day last month", f"quietest days for {measure} last month",
                         f"{measure} last month"), confidence=0.9)
    if kind == "same_day":
        return _clarify(f"Which day should “{said}” be the same as? I can compare one day with another, "
                        "for example:", (f"{measure} yesterday vs the same day last week",
                                         f"{measure} today vs yesterday"), confidence=0.8)
    group = facts.groups[0].name
    unit = said.split()[-1]
    return _clarify(f"I can't rank {_dimension_plural(group)} by their best single {unit} (“{said}”). I can rank "
                    f"{_dimension_plural(group)} over a period, or rank the {unit}s themselves, for example:",
                    (f"which {_dimension_label(group)} had the most {measure} last month",
                     f"busiest {unit} for {measure} this year"), confidence=0.8)


def _ratio_of_what(facts: _Facts, model: SemanticModel) -> Parse:
    """"The claims ratio": a ratio is one measure divided by another, and the other was not said."""
    measure = facts.measure or _default_measure(model)
    label = model.measure(measure).label.lower() if measure in model.definitions else measure
    others = [model.measure(m).label.lower() for m in model.measures if m != measure]
    return _clarify(f"I understood {_understood(facts, model)}, but a ratio divides it by a second measure, which "
                    f"you didn't name: {_list(others, 'or')}?",
                    tuple(f"{label} to {other} ratio" for other in others), confidence=0.9)


def _no_such_kind(noun: str, model: SemanticModel) -> Parse:
    """"Which guest …" where no dimension holds guests: the dimensions there are to rank, and the measure the
    word names if it names one ("guests"), never the ranking of another dimension."""
    measures = [m for m in model.measures if noun.removesuffix("s") in re.split(r"[_\s]+", m.removesuffix("s"))]
    also = f" ({_list([model.measure(m).label.lower() for m in measures])} is a figure, not a list of them)" \
        if measures else ""
    plural = [_dimension_plural(d) for d in model.dimensions]
    return _clarify(f"I can't tell which {noun}{also}: {_holdings(model)}. I can rank {_list(plural, 'or')} "
                    "instead. Which would you like?",
                    tuple(f"by {_dimension_label(d)}" for d in model.dimensions), confidence=0.9)


def _what_was_spent(spent: str, facts: _Facts, model: SemanticModel) -> Parse:
    """"Total spend" where no measure is called so: the measures there are, the cost-like ones first (what a
    company pays), never revenue (what its customers spent)."""
    costs = [m for m in model.measures if _cost_like(model.measure(m))]
    order = [*costs, *(m for m in model.measures if m not in costs)]
    labels = [model.measure(m).label.lower() for m in order]
    offer = (f"Did you mean {_list(labels[:len(costs)], 'or')}? I can also tell you about "
             f"{_list(labels[len(costs):])}." if costs else f"I can tell you about {_list(labels)}.")
    return _clarify(f"This data has no figure called “{spent}”. {offer}",
                    tuple(_reading(facts, model, measure=m) for m in order), confidence=0.9)


def _cost_like(measure: Measure) -> bool:
    """What a company pays: a measure whose rise is bad, or whose name says cost, fee or expense."""
    words = set(re.findall(r"[a-z]+", f"{measure.name} {measure.label}".lower().replace("_", " ")))
    return not measure.up_is_good or bool(words & _COST_WORDS)


def _how_many_what(facts: _Facts, model: SemanticModel) -> Parse:
    counts = facts.count_choices or ()
    if not counts:
        return _clarify(f"How many of what? Your data counts nothing: {_holdings(model)}. Which would you like?",
                        tuple(_reading(facts, model, measure=m) for m in model.measures), confidence=0.9)
    labels = [model.measure(m).label.lower() for m in counts]
    return _clarify(f"How many of what? I can count {_list(labels, 'or')}. Which did you mean?",
                    tuple(_reading(facts, model, measure=m) for m in counts), confidence=0.9)


def _unheld_count(lacked: str, model: SemanticModel) -> Parse:
    """A count of what the data lacks, asked of the last answer: what it holds, and the counts it can give."""
    counts = [model.measure(m).label.lower() for m in count_measures(model)]
    offer = f"I can count {_list(counts, 'or')} instead." if counts else \
        f"I can tell you about {_list([model.measure(m).label.lower() for m in model.measures])} instead."
    return _clarify(f"I don't have {lacked} in this data, so I can't count them: {_holdings(model)}. {offer}",
                    _examples(model), confidence=0.9)


def _about_the_future(facts: _Facts) -> bool:
    """A period in the future, a forecast, or what will happen ("will EMEA beat APAC") that is no pace to a
    target: "will we hit 3m?" is a pace, and so is "will we hit our target?" (which asks for the number)."""
    if facts.time.problem == "future":
        return True
    if facts.mods.target is not None:
        return False
    if facts.mods.pace_span and not facts.mods.pace:
        return True  # "revenue by year end": where it will end up, with no target to pace against
    if not facts.cues.future:
        return False
    cues, time = facts.cues, facts.time
    compared = (cues.compare or cues.comparative or cues.change or facts.mods.gap or time.compare_to
                or time.comparison or len(time.periods) > 1 or sum(map(len, facts.members.values())) > 1)
    return not facts.mods.pace or bool(compared)


def _what_will_happen(facts: _Facts, model: SemanticModel) -> Parse:
    """What can be said instead of a forecast: where things stand so far (the gap between the members
    compared, if two were named), and the pace to a target."""
    measure = facts.measure or _default_measure(model)
    label = model.measure(measure).label.lower() if measure in model.definitions else measure
    said = _NEXT_UNIT.search(facts.low)
    unit = facts.mods.pace_unit or (said.group(1) if said else None) or (
        facts.time.time.unit if facts.time.time is not None else None)
    period = f"this {unit if unit in ('week', 'month', 'quarter') else 'year'}"
    compared = next((values for values in facts.members.values() if len(values) > 1), None)
    members = [m for values in facts.members.values() for m in values]
    if compared:
        now = f"the gap between {_list(list(compared[:2]))} so far {period}"
        first = f"{compared[0]} vs {compared[1]} {label} {period}"
    else:
        now = f"{label} so far {period}"
        first = f"{label.capitalize()}{' for ' + _list(members) if members else ''} {period}"
    pace = (f"Is {members[0]} on track for its {label} target {period}?" if len(members) == 1
            else f"Are we on track for our {label} target {period}?")
    return _clarify(f"I can't tell what will happen: I report what your data shows, from {_day(model.first_date)} "
                    f"to {_day(model.last_date)}. I can show {now}, or the pace to a target you name:",
                    (first, pace), confidence=0.9)


def _count_offer(facts: _Facts, model: SemanticModel, understood: str) -> Parse:
    """"How many hotels …" where no dimension is called so: the counts the data can give (the members of each
    dimension with figures in the period), never a guess at which dimension the word meant."""
    found = facts.time.time
    period = f" from {found.start.isoformat()} to {found.end.isoformat()}" if found is not None else " last month"
    plural = [_dimension_plural(d) for d in model.dimensions]
    measures = _list([model.measure(m).label.lower() for m in model.measures])
    return _clarify(
        f"{understood}I don't have {facts.unsupported[0]} in this data. I can count {_list(plural, 'or')} (those "
        f"with figures in the period), or tell you about {measures}.",
        tuple(f"How many {p}{period}" for p in plural), confidence=0.9)


def _where_is_there(previous: Understanding, model: SemanticModel) -> Parse:
    """"Sales there" after an answer about no one member: which member is meant (of the rows just shown, else of
    a place's dimension), never the whole business."""
    dims = list(model.dimensions)
    dimension = previous.group_by if previous.group_by in model.dimensions else next(
        (d for d in dims if d.lower() in GEO_DIMENSIONS), dims[0] if dims else None)
    if dimension is None:
        return _clarify("Where do you mean? Your data has no places or other members to point at.", _examples(model),
                        confidence=0.9)
    question, options = which_one(model.dimensions[dimension], label=_dimension_label(dimension))
    return _clarify(question, options, confidence=0.9)


def _which_other_one(previous: Understanding, model: SemanticModel) -> Parse:
    """"And the other one?" after an answer about some members: which member of their dimension is meant."""
    dimension = previous.group_by if previous.group_by in model.dimensions else next(iter(previous.constraints), None)
    if dimension is None:
        return _where_is_there(previous, model)
    question, options = which_one(model.dimensions[dimension], label=_dimension_label(dimension))
    return _clarify(question, options, confidence=0.9)


def _month_or_member(hit: Hit, facts: _Facts, *, model: SemanticModel, as_of: date) -> Parse:
    written = facts.text[hit.start:hit.end]
    found = read_time(written.lower(), as_of=as_of).time
    period = "year" if found is not None and found.unit == "year" else "month"  # "2019": the year, or the vintage
    month = (found.start.strftime("%Y" if period == "year" else "%B %Y") if found is not None
             else written.capitalize())
    options = (f"{month} (the {period})", f"{hit.value} ({_dimension_label(hit.name)})")
    return _clarify(f"“{written}” could mean {options[0]} or {options[1]}. Which one?", options, confidence=0.9)


def _no_such_role(role: str, model: SemanticModel) -> Parse:
    """"Which pharmacist …" where no dimension holds pharmacists: what the data holds and the dimensions there are
    to rank, never a ranking of another dimension nor the causes of a change."""
    plural = [_dimension_plural(d) for d in model.dimensions]
    return _clarify(f"I can't tell which “{role}”: there are none in the data, as {_holdings(model)}. I can "
                    f"rank {_list(plural, 'or')} instead. Which would you like?",
                    tuple(f"by {_dimension_label(d)}" for d in model.dimensions), confidence=0.9)


def _holdings(model: SemanticModel) -> str:
    """What the data holds, for a clarification about what it cannot answer."""
    measures = _list([model.measure(m).label.lower() for m in model.measures if not model.measure(m).derived])
    dims = _list([_dimension_plural(d) for d in model.dimensions])
    return f"your data holds daily totals of {measures}" + (f" by {dims}" if dims else "")


def _with_understood(parsed: Parse, facts: _Facts, model: SemanticModel) -> Parse:
    """A clarify keeps the parts of the question that were understood, for the surfaces to show."""
    measures = model.definitions
    groups = [g.name for g in facts.groups]
    so_far = Understanding(
        intent="clarify",
        measure=facts.measure if facts.measure in measures else None,
        time=facts.time.time.period() if facts.time.time is not None else None,
        constraints=_constraints({}, facts, model),
        group_by=groups[0] if len(set(groups)) == 1 else None,
        per=facts.per if facts.per in (*GRAINS, *model.dimensions, *measures) else None,
        also=tuple(m for m in facts.also if m in measures),
        ignored=facts.ignored,
    )
    return replace(parsed, understanding=so_far)


def _unplaced_readings(facts: _Facts, model: SemanticModel) -> tuple[str, ...]:
    """The reading without the unplaced word, then any with a measure whose name has it ("late" → "Late
    deliveries")."""
    named = [m for m in model.measures if facts.unplaced in model.measure(m).label.lower().split()]
    return tuple(dict.fromkeys([_reading(facts, model), *(_reading(facts, model, measure=m) for m in named)]))


def _reading(facts: _Facts, model: SemanticModel, *, measure: str | None = None) -> str:
    """The question as understood, said so the parser reads it back the same way ("Bookings for Enterprise
    from 2025-01-01 to 2025-11-05"): the closest reading a clarification can offer."""
    measure = measure or facts.measure or _default_measure(model)
    out = model.measure(measure).label if measure in model.definitions else measure
    members = [m for values in facts.members.values() for m in values]
    if members:
        out += f" for {_list(members)}"
    if facts.groups:
        out += f" by {_dimension_label(facts.groups[0].name)}"
    if facts.time.time is not None:
        out += f" from {facts.time.time.start.isoformat()} to {facts.time.time.end.isoformat()}"
    return out


def _understood(facts: _Facts, model: SemanticModel) -> str:
    measure = facts.measure or _default_measure(model)
    out = model.measure(measure).label.lower() if measure in model.definitions else measure
    members = [m for values in facts.members.values() for m in values]
    if members:
        out += f" for {_list(members)}"
    if facts.time.time is not None:
        found = facts.time.time
        out += f" from {_day(found.start)} to {_day(found.end)}"
    return out


def _per_options(model: SemanticModel, measure: str) -> tuple[str, ...]:
    label = model.measure(measure).label if measure in model.definitions else measure
    return (f"Average daily {label.lower()} last month", *(f"Average {label.lower()} per {_dimension_label(d)}"
                                                            for d in list(model.dimensions)[:2]))


def _average_options(model: SemanticModel, measure: str, facts: _Facts) -> tuple[str, ...]:
    """An average said with nothing to average over: per day of the split asked, or per unit of a count measure."""
    label = (model.measure(measure).label if measure in model.definitions else measure).lower()
    split = next((f" by {_dimension_label(g.name)}" for g in facts.groups), "")
    # "per ticket" divides by tickets_sold: the count's first word, said once
    counts = [re.split(r"[_\s]+", m)[0].removesuffix("s") for m in count_measures(model) if m != measure]
    return (f"Average daily {label}{split}", *(f"{label.capitalize()} per {c}{split}" for c in counts[:2]))


def _ratio_not_divided(*, measure: str, per: str, model: SemanticModel) -> Parse:
    label = model.measure(measure).label.lower()
    return _clarify(f"{label.capitalize()} is already a ratio, so I can't divide it again per "
                    f"{_dimension_label(per)}. Would you like {label} itself, or a total per "
                    f"{_dimension_label(per)}?", (label.capitalize(),), confidence=0.9)


def _clarify(question: str, suggestions: tuple[str, ...] = (), *, confidence: float = 1.0) -> Parse:
    return Parse(Understanding(intent="clarify"), clarification=question, suggestions=tuple(suggestions),
                 confidence=confidence)


def _out_of_scope(model: SemanticModel, *, confidence: float) -> Parse:
    measures = _list([model.measure(m).label.lower() for m in model.measures])
    dims = _list([_dimension_plural(d) for d in model.dimensions])
    reply = (f"I can only help with questions about your business data: {measures}"
             + (f", by {dims}" if dims else "")
             + f", for any period from {_day(model.first_date)} to {_day(model.last_date)}. Try, for example:")
    return Parse(Understanding(intent="out_of_scope"), clarification=reply, suggestions=_examples(model),
                 confidence=confidence)


def _examples(model: SemanticModel) -> tuple[str, ...]:
    label = model.measure(_default_measure(model)).label.lower() if model.measures else "revenue"
    dims = list(model.dimensions)
    out = [f"What was {label} last month?"]
    if dims:
        out.append(f"{label.capitalize()} by {_dimension_label(dims[0])} last quarter")
    if len(dims) > 1:
        out.append(f"Top 3 {_dimension_plural(dims[-1])} by {label} this year")
    members = model.dimensions[dims[0]] if dims else ()
    if members:
        out.append(f"How did {members[0]} do last quarter?")
    out.append(f"Why did {label} change last month?")
    return tuple(out)


def _some_members(model: SemanticModel) -> tuple[str, ...]:
    out: list[str] = []
    for members in model.dimensions.values():
        out.extend(members[:2])
    return tuple(out[:6])


def _dimension_label(name: str) -> str:
    return name.replace("_", " ")


def _dimension_plural(name: str) -> str:
    return plural(_dimension_label(name))


def _list(items: list[str], conjunction: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


# ---------------------------------------------------------------- building the understanding

def _standalone(facts: _Facts, ask: _Ask, *, model: SemanticModel, as_of: date) -> Parse:
    if ask.problem:
        return _ask_problem(ask, model, facts=facts)
    intent = ask.intent or "value"
    measure = facts.measure or _default_measure(model)
    time = facts.time.time or _over_or_default(facts, intent=intent, as_of=as_of)
    if facts.time.time is None and ask.group_by in GRAINS:
        time = _all_of_the_data(model, as_of=as_of)  # "which month was our best?": every month there is
    if intent == "pace":
        time = _pace_period(facts, found=facts.time.time, as_of=as_of)
    if intent in ("compare", "drivers") and time.ends and facts.time.compare_to is None \
            and facts.time.comparison is None:
        # "How did units change between Q3 and Q4?": Q4 against Q3, not the two quarters together; with a
        # comparison said ("from jan to sep vs same period last year") the range is the period compared.
        facts.time = replace(facts.time, compare_to=time.ends[0], periods=(time.ends[1],))
        time = time.ends[1]
    constraints = _constraints({}, facts, model)
    if ask.unfiltered and ask.group_by:
        constraints.pop(ask.group_by, None)
    compared = intent in COMPARED_INTENTS or ask.order_by is not None
    compare_to = _comparison(facts, time, as_of=as_of) if compared else None
    if ask.part is not None:
        constraints = {k: tuple(m for m in v if (k, m) != ask.part) for k, v in constraints.items()}
    return _finish(facts, Understanding(
        intent=intent, measure=measure, time=_period(time, intent, ask.grain), compare_to=compare_to,
        constraints=constraints, group_by=ask.group_by, order=ask.order, limit=ask.limit,
        **_modifiers(facts, intent=intent, measure=measure, order_by=ask.order_by, part=ask.part),
    ))


def _over_or_default(facts: _Facts, *, intent: str, as_of: date) -> FoundPeriod:
    """No period said: "week over week" names the last whole week (to compare with the one before); else the
    contract's default."""
    if facts.time.over and intent != "trend":
        return last_over(facts.time.over, as_of=as_of)
    return default_period(as_of=as_of, trend=intent == "trend")


def _modifiers(facts: _Facts, *, intent: str, measure: str, order_by: str | None,
               part: tuple[str, str] | None) -> dict[str, Any]:
    """The v2 fields of an understanding, each only where the contract gives it a meaning."""
    return {
        "per": facts.per,
        "order_by": order_by if intent == "rank" else None,
        "cumulative": facts.mods.cumulative and intent == "trend",
        "also": tuple(m for m in facts.also if m != measure) if intent in _ALSO_INTENTS else (),
        "target": facts.mods.target if intent == "pace" else None,
        "ignored": facts.ignored,
        "part": part if intent == "share" else None,
    }


def _all_of_the_data(model: SemanticModel, *, as_of: date) -> FoundPeriod:
    end = min(model.last_date, as_of)
    return FoundPeriod(min(model.first_date, end), end)


def _pace_period(facts: _Facts, *, found: FoundPeriod | None, as_of: date) -> FoundPeriod:
    """The whole target period: "this quarter" is all of it, not up to today; nothing said is this year."""
    unit = facts.mods.pace_unit or (found.unit if found is not None and (found.to_date or found.end == as_of)
                                    else None)
    if found is not None and unit is None:
        return found
    start, end = period_bounds(as_of, unit or "year")
    return FoundPeriod(start, end, unit or "year")


def _named_bare(facts: _Facts) -> bool:
    """Whether the follow-up names a dimension alone, no figure and no word of a split before it ("and venues?"
    where "and by venue?" splits)."""
    return bool(facts.groups) and not facts.measure_said and not facts.cues.breakdown and not any(
        _SPLIT_WORD_BEFORE.search(facts.low, 0, g.start) for g in facts.groups)


def _member_how_many(facts: _Facts, *, previous: Understanding) -> bool:
    """"How many did max euweplein have?" after a ranking of stations: a member of the ranked dimension said as who
    had the figure asks its value, no ranking again."""
    return previous.group_by in facts.members and not facts.groups and bool(
        _HOW_MANY_DID_MEMBER.search(facts.blank_of_hits))


def _compared_again(facts: _Facts, ask: _Ask, *, previous: Understanding) -> bool:
    """"How did park west do over the same period?" after a comparison (a growth ranking, the drivers of a change):
    how a member did over the period compared, said again or left unsaid, is that comparison of the member; so is
    one member of a growth ranking's dimension named alone ("what about kingsway?": its own growth, no ranking)."""
    cues = facts.cues
    if ask.intent == "summary":
        return cues.how_did_it_do and not cues.summary and not facts.period_said \
            and previous.compare_to is not None and previous.intent != "summary"
    return ask.intent is None and previous.intent == "rank" and previous.order_by is not None \
        and len(facts.members.get(previous.group_by or "", ())) == 1 and not facts.groups


# "the slowest?" after the fastest growing: a speed is said of growth, never of a figure's size
_SPEED_WORD = re.compile(r"\b(?:fast|slow|quick)(?:er|est)\b")


def _ranks_anew(facts: _Facts, ask: _Ask) -> bool:
    """"and which brand was best in q3?" after a growth ranking: a ranking said whole, by its own order word with no
    change word, ranks by the figure itself; "top 3?", "and the worst?" only reshape the ranking before."""
    cues = facts.cues
    return ask.order_by is None and cues.order is not None and not _SPEED_WORD.search(facts.blank) \
        and (cues.which or cues.who or (bool(facts.groups) and cues.limit is None))


def _follow_up(facts: _Facts, ask: _Ask, previous: Understanding, *, model: SemanticModel, as_of: date) -> Parse:
    # "How about for all regions?" after an answer about EMEA lifts the filter; it does not ask for rows.
    released = {g.name for g in facts.groups
                if g.name in previous.constraints and _ALL_BEFORE.search(facts.low, 0, g.start)}
    if released:
        facts.groups = [g for g in facts.groups if g.name not in released]
        previous = previous.with_changes(
            constraints={k: v for k, v in previous.constraints.items() if k not in released})
        ask = _stated_ask(facts)
    if ask.problem in ("trend_by_group", "growth_by_period"):
        return _ask_problem(ask, model, facts=facts)
    intent = previous.intent
    group_by, order, limit = previous.group_by, previous.order, previous.limit
    order_by, part = previous.order_by, previous.part
    if ask.intent in ("share", "pace", "count", "unusual"):
        intent = ask.intent
        part = ask.part
        if ask.intent == "share" and ask.group_by is None and ask.part is None:
            # "as a share?" of those rows or of the one member, "whats the mix?" over the part's dimension
            of = share_of_previous(previous=previous, spread=spread_asked(facts.low))
            if of is None:
                return _ask_problem(_Ask("share", problem="no_dimension"), model)
            group_by, part = of.group_by, of.part
        else:  # "how many of them had vans?" after a count of branches: still branches
            group_by = ask.group_by or (previous.group_by if counts_them(facts.low, previous=previous) else None)
        limit = ask.limit
    elif ask.intent == "value" and previous.intent == "rank" and _member_how_many(facts, previous=previous):
        intent, group_by = "value", None  # the ranked member's own figure, not the ranking again
    elif _compared_again(facts, ask, previous=previous):
        intent, group_by = "compare", None
    elif ask.intent == "breakdown" and previous.intent == "share" and ask.group_by not in GRAINS:
        # "and the split?", "and the store breakdown?" after a share: every member's share
        of = share_of_previous(previous=previous, spread=True) if ask.group_by is None else None
        if ask.group_by is None and of is None:
            return _ask_problem(_Ask("share", problem="no_dimension"), model)
        intent, group_by, part = "share", ask.group_by or of.group_by, None
    elif ask.intent in ("drivers", "compare", "summary", "trend"):
        intent = ask.intent
        group_by = ask.group_by or (group_by if previous.intent in GROUPED_INTENTS else None)
    elif ask.intent == "rank":
        intent, order = "rank", ask.order or "desc"
        group_by = ask.group_by or group_by
        limit = ask.limit if ask.limit is not None else (limit if previous.intent == "rank" else None)
        kept = previous.intent == "rank" and not _ranks_anew(facts, ask)
        order_by = ask.order_by or (order_by if kept else None)
        if order_by is not None and ask.order_by is None and (facts.mods.in_amount or facts.mods.in_percent):
            order_by = "change" if facts.mods.in_amount else "change_pct"  # "top 3 in raw numbers?"
    elif previous.order_by is not None and facts.mods.in_percent:
        order_by = "change_pct"  # "and by %?" after a growth ranking
    elif previous.order_by is not None and facts.mods.in_amount:
        order_by = "change"  # "and in absolute terms?" after one by percentage
    elif ask.intent == "breakdown" and previous.intent == "trend" and ask.group_by in GRAINS \
            and not facts.cues.breakdown:
        # "and monthly contracts by qtr?" after a series: the same series at that grain, no rows of quarters
        ask = replace(ask, grain=ask.group_by)
    elif ask.intent == "breakdown":
        if ask.group_by is None and group_by is None:
            return _ask_problem(_Ask("breakdown", problem="no_dimension"), model)
        group_by = ask.group_by or group_by
        kept = (*GROUPED_INTENTS, "share", "unusual")  # "by territory?" after a share or unusual changes
        # "and just brakes skus there" after "how many skus": the noun counted, said again, asks for no split
        kept = (*kept, "count") if group_by == previous.group_by and ask.group_by else kept
        # "and categories?" after "how many skus": the other dimension counted, no split of the count by it
        kept = (*kept, "count") if previous.intent == "count" and _named_bare(facts) else kept
        # "sour credits by state that month" after unusual changes says its own shape, a split; "and rev by state
        # in week 7?" leans on the search with a new measure
        own_shape = previous.intent == "unusual" and facts.measure_said and not facts.cues.follow_up_start
        intent = previous.intent if previous.intent in kept and not (facts.cues.breakdown or own_shape) \
            else "breakdown"
    if group_by in GRAINS and intent not in ("breakdown", "rank"):
        group_by = None  # "why?" after "which month was best": the drivers of a change, not rows of months
    if intent in GROUPED_INTENTS[:2] and group_by is None:
        return _ask_problem(_Ask(intent, problem="no_dimension"), model)

    said_time = facts.time.time
    previous_time = found_from_period(previous.time, as_of=as_of) if previous.time else None
    if said_time and previous_time and _same(said_time, previous_time.period()) and _BEFORE_THAT.search(facts.low):
        # "And the previous quarter?" about last quarter: the one before the period being discussed.
        said_time = previous_period(previous_time)
    if said_time is None and facts.time.over and (previous_time is None or previous_time.count != 1
                                                   or previous_time.unit != facts.time.over):
        said_time = last_over(facts.time.over, as_of=as_of)  # "wow?" after last month: weeks, not that month
    time = said_time or previous_time or default_period(as_of=as_of, trend=intent == "trend")
    if intent == "pace":
        # the whole target period, also where it is inherited to date ("ytd rev?", then "on track for 10m?")
        time = _pace_period(facts, found=said_time or previous_time, as_of=as_of)
    compare_to = None
    if intent in COMPARED_INTENTS or (intent == "rank" and order_by is not None):
        if facts.time.compare_to or facts.time.comparison or len(facts.time.periods) > 1:
            compare_to = _comparison(facts, time, as_of=as_of)
        elif said_time is None and previous.compare_to is not None:
            compare_to = previous.compare_to
        elif previous_time is not None and previous.compare_to is not None and said_time is not None:
            was_yoy = _same(year_earlier(previous_time), previous.compare_to)
            compare_to = (year_earlier(time) if was_yoy else previous_period(time)).period()
        else:
            compare_to = previous_period(time).period()

    grain = ask.grain
    if intent == "trend" and grain is None and previous.intent == "trend" and previous.time is not None:
        # "and the last 6 months?" after a trend over the last 8 qtrs: the units counted now are the rows, where
        # the quarters were the count's too; a grain said before ("weekly … this year") stays
        implied = previous.time.grain == trend_grain(previous.time) or (
            said_time is not None and said_time.counted and counted_back(previous.time, as_of=as_of))
        grain = None if implied else previous.time.grain

    constraints = {k: list(v) for k, v in previous.constraints.items()}
    if facts.cues.overall and not facts.members and not facts.excluded and not facts.cues.there:
        constraints = {}  # "and in total?" lifts the filters; "total there" keeps them
    if ask.group_by and intent in ("breakdown", "rank", "count") and len(constraints.get(ask.group_by, ())) == 1:
        del constraints[ask.group_by]  # rows or a count of vintages after one vintage: all of them
    constraints = _constraints(constraints, facts, model)
    if intent == "share" and part is not None:
        # "And APAC?" after EMEA's share: the new member of the part's dimension is the part.
        named = constraints.pop(part[0], ())
        part = (part[0], named[-1]) if named else part

    measure = facts.measure or previous.measure or _default_measure(model)
    per = facts.per or (previous.per if previous.per != measure and not facts.summed else None)
    if per and measure in model.definitions and model.measure(measure).is_ratio:
        if facts.per:  # "per day" after a trend of margin %: asked, as when said in one question
            return _ratio_not_divided(measure=measure, per=facts.per, model=model)
        per = None  # "what about margin %?" after a per-order figure: the ratio itself
    return _finish(facts, Understanding(
        intent=intent, measure=measure,
        time=_period(time, intent, grain), compare_to=compare_to, constraints=constraints,
        group_by=group_by if intent in _ROWS_INTENTS else None,
        order=order if intent == "rank" else None,
        limit=limit if intent in ("rank", "unusual") else None,
        per=per,
        order_by=order_by if intent == "rank" else None,
        cumulative=(facts.mods.cumulative or previous.cumulative) and intent == "trend",
        also=tuple(m for m in (facts.also if facts.measure_said else previous.also) if m != measure)
        if intent in _ALSO_INTENTS else (),
        target=(facts.mods.target or target_in(facts.low) or previous.target) if intent == "pace" else None,
        ignored=facts.ignored,
        part=part if intent == "share" else None,
    ))


_FIGURE_SUPERLATIVE = re.compile(r"\b(?P<w>max(?:imum)?|min(?:imum)?|highest|lowest|biggest|smallest|peak|record|"
                                 r"best|worst|top)\b")


def _superlative_readings(facts: _Facts, model: SemanticModel) -> Parse | None:
    """"max takings last month" names no rows: the highest day of the period, or, where a member is called
    Max, that member's figure; asked back with both, never one picked silently."""
    said = _FIGURE_SUPERLATIVE.search(facts.low)
    if said is None or not facts.measure_said:
        return None
    word = said["w"]
    measure = facts.measure or _default_measure(model)
    label = model.measure(measure).label.lower() if measure in model.definitions else measure
    period = " ".join(facts.low[a:b].strip() for a, b in sorted(facts.time.spans)) or "last month"
    named = [m for ms in model.dimensions.values() for m in ms if word in m.lower().split()]
    highest = "lowest" if word in ("min", "minimum", "lowest", "smallest", "worst") else "highest"
    day = f"The {highest} day for {label} {period}"
    theirs = tuple(f"{m}'s {label} {period}" for m in named)
    splits = tuple(f"Which {_dimension_label(d)} had the {highest} {label} {period}" for d in model.dimensions)
    if theirs:
        return _clarify(f"By “{said.group(0)} {label}” do you mean {_list(list(theirs), 'or')}, or the "
                        f"{highest} single day of {label} {period}?", (*theirs, day), confidence=0.8)
    return _clarify(f"The {highest} {label} of what: a single day {period}, or one of your "
                    f"{_list([_dimension_plural(d) for d in model.dimensions], 'or')}?", (day, *splits),
                    confidence=0.8)


def _ask_problem(ask: _Ask, model: SemanticModel, *, facts: _Facts | None = None) -> Parse:
    """``facts``: what the question said, for suggestions that read back as whole questions."""
    dims = tuple(_dimension_label(d) for d in model.dimensions)
    if ask.problem == "growth_by_period":
        grain, fall = ask.group_by or "month", ask.order == "asc"
        plural = [_dimension_plural(d) for d in model.dimensions][:2]
        measure = (facts.measure if facts else None) or _default_measure(model)
        label = model.measure(measure).label.lower() if measure in model.definitions else measure
        found = facts.time.time if facts else None
        said = f" from {found.start.isoformat()} to {found.end.isoformat()}" if found is not None else ""
        return _clarify(f"I can rank {grain}s by their {label}, or rank {_list(plural, 'or') or 'members'} by their "
                        f"change, but not {grain}s by their change. Which would you like?",
                        (f"{'Worst' if fall else 'Best'} {grain} for {label}{said}",
                         *(f"Which {p} had the biggest {label} {'drop' if fall else 'growth'}{said}" for p in plural)),
                        confidence=0.8)
    if ask.problem == "no_dimension" and facts is not None and ask.limit is None:
        readings = _superlative_readings(facts, model)
        if readings:
            return readings
    if ask.problem == "trend_by_group":
        label = _dimension_label(ask.group_by or "")
        return _clarify(f"I can show a trend over time, or a split by {label}, but not both at once. Which would "
                        "you like?", ("the trend over time", f"by {label}"), confidence=0.8)
    return _clarify(f"By what would you like that split: {_list(list(dims), 'or')}?", dims, confidence=0.8)


def _constraints(base: dict[str, list[str]], facts: _Facts, model: SemanticModel) -> dict[str, tuple[str, ...]]:
    out = {k: list(v) for k, v in base.items()}
    for dim, values in facts.members.items():
        out[dim] = list(values)
    for dim, values in facts.excluded.items():
        current = out.get(dim) or []
        # "Excluding Brazil?" right after Brazil: everything else, not nothing.
        keep = current if set(current) - set(values) else list(model.dimensions.get(dim, ()))
        out[dim] = [m for m in keep if m not in values]
    return {k: tuple(v) for k, v in out.items() if v}


def _comparison(facts: _Facts, time: FoundPeriod, *, as_of: date) -> Period:
    reading = facts.time
    if reading.compare_to is None and len(reading.periods) > 1 and reading.comparison is None:
        second = reading.periods[1]
        return Period(start=second.start, end=second.end)
    found = compare_period(reading, time=time, as_of=as_of)
    back = same_day_back(facts.low, members=(m for ms in facts.members.values() for m in ms)) \
        if time.start == time.end and reading.compare_to is None else None
    if back:  # "yesterday vs same day last week": that weekday a week back, never the day before
        found = shifted(time, shift=Shift(unit=back, steps=-1, adjacent=False))
    return Period(start=found.start, end=found.end)


def _period(found: FoundPeriod, intent: str, grain: str | None) -> Period:
    if intent == "trend":
        return found.period(grain=grain or trend_grain(found))
    return found.period()


def _same(found: FoundPeriod, period: Period) -> bool:
    return (found.start, found.end) == (period.start, period.end)


def _default_measure(model: SemanticModel) -> str:
    if DEFAULT_MEASURE in model.measures or not model.measures:
        return DEFAULT_MEASURE
    return model.measures[0]


def _finish(facts: _Facts, understanding: Understanding) -> Parse:
    """The understanding with how sure the parser is. A period outside the data is still answered:
    the narrative says which dates the data covers."""
    confidence = 1.0
    if facts.fuzzy:
        confidence -= 0.1
    if facts.measures_named > 1:
        confidence -= 0.3
    confidence -= min(0.3, 0.1 * facts.unknown_words)
    said = facts.cues.any_intent or facts.measure_said or facts.cues.follow_up_start
    if understanding.intent == "value" and not said:
        confidence -= 0.2
    return Parse(understanding, confidence=round(max(confidence, 0.1), 2))
