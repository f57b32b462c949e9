"""A tenant's words: measures, dimension names and members, matched in a question.

Built from the semantic model once per model version (``vocabulary_for`` caches
it). Matching is on lower-cased word tokens, longest phrase first; members
forgive case, a plural ("Trail Runners") and one typo (Damerau-Levenshtein ≤ 1, or a double letter
written on its neighbour: "refferal"; words of 4+ letters that are not ordinary English: "came" is never
"Cafe"). Members spelled like function words ("US", "Other") count only when written exactly so or next to
their dimension's name. A name that belongs to members of two dimensions comes
back with both, so the parser can ask which one was meant.
"""
from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from math import prod

from core.number_forms import other_numbers, plural, plural_forms, singular_forms
from insights.understanding.abbreviations import derived, everyday, initials, standard
from insights.understanding.column_words import (
    IDENTIFIER_WORDS,
    column_phrase,
    first_word,
    function_only,
    identified_thing,
    in_quantity_phrase,
    named_elsewhere,
    other_words,
    said_as_change,
    said_as_verb,
    unknown_rates,
    verb_forms,
    verb_of_for,
)
from insights.understanding.compound_names import spelled_apart
from insights.understanding.counts import is_amount
from insights.understanding.dimension_qualifiers import own_noun_after, said_in_plural
from insights.understanding.kinds_asked import kinds_asked
from insights.understanding.letters import LETTER, fold, marked, spelled_out
from insights.understanding.name_heads import name_heads
from insights.understanding.people import name_parts, people_dimensions, said_as_a_name
from insights.understanding.spellings import spellings
from insights.understanding.words import COMMON, FUNCTION, MEMBER_LIKE, SELLING, ordinary, zipf
from metrics.measures import CATALOGUE, Measure
from metrics.semantic import Dimension, SemanticModel

# A word of letters of any script ("москва"); the parser folds accented Latin letters to plain ones (letters.py).
TOKEN = re.compile(rf"(?:[0-9]|{LETTER})+(?:'[a-z]+)?|%|&|\$")
# After "did" or "than" a modal verb cannot be one: "how much did will sell" names Will.
_SUBJECT_BEFORE = re.compile(r"\b(?:did|does|has|had|than)\s+$")
_CONTRAST = re.compile(r"\b(?:than|vs\.?|versus|compared\s+(?:to|with)|against)\b")
_MODALS = frozenset({"may", "will", "can", "shall", "might", "must", "would", "could", "should"})
_OBJECT_BEFORE = re.compile(r"\b(?:for|of|from|at|by|with|w/)\s+$")
# "how did best do", "how is value doing": the slot between asks after a member, however ordinary its word
_HOW_DID_BEFORE = re.compile(r"\bhow(?:\s+(?:did|does|do|is|was|are|were|has|have)|'s|'d)\s+$")
_HOW_DID_AFTER = re.compile(r"\s+(?:do|doing|done|perform|performing|performed|fare|faring|fared|go|going|gone|"
                            r"look|looking|shape\s+up|shaping\s+up|track|tracking)\b")
_OPPOSED_BEFORE = re.compile(r"\b(?:than|vs\.?|versus|against)\s+(?:the\s+)?$")
# "and will?", "what about may?": a follow-up that names nothing but the member.
_ALONE_BEFORE = re.compile(r"(?i)\W*(?:and|or|but|now|also|(?:and\s+)?(?:what|how)\s+about)\s+"
                           r"(?:for\s+|with\s+)?(?:the\s+)?")
_PRONOUNS = frozenset({"us", "we", "it", "them", "me", "you", "all", "each", "every", "any", "some", "both",
                       "other", "others", "one", "more", "most", "less", "that", "this", "those", "these", "there"})
_MEMBER_KIND = re.compile(r"\s+(?P<w>[a-z][a-z-]*)\b")
_SNAKE = re.compile(r"(?<![\w])[a-z0-9]+(?:_[a-z0-9]+)+(?![\w])")
# Words of one phrase may be separated by spaces, hyphens, slashes or dots, not by other punctuation.
_JOINER = re.compile(r"[\s\-/.'&]*")
MIN_FUZZY_LETTERS = 4
# A three-letter word is forgiven only a letter left out ("bil" for Bill): with any other slip it would be
# one typo from too many names, and its abbreviations ("yoy", "qtr") from some.
MIN_SHORT_TYPO_LETTERS = 3
# Inside a member's name of several words, a slip is forgiven in a word rarer than this (Zipf): "mor" (3.2) of
# Kestrel Moor, never "came" (5.5) or "more".
COMPLETION_ZIPF = 4.0
# A word after a member's first word this like the rest of its name ("more" of Kestrel Moor) is a slip of it.
SLIP_RATIO = 0.75

# Words people use for each catalogue measure, beyond metrics.measures' synonyms.
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "revenue": ("revenues", "topline", "top-line", "sales revenue", "gross sales", "total sales", "takings", "income",
                "net sales", "net revenue", "sales value", "sales amount", "dollar sales", "money"),
    "cost": ("cost of sales", "costs of goods", "cost of goods", "product cost", "product costs", "cogs"),
    "gross_margin": ("margins", "profits", "gross profits", "gross margins", "profitable", "margin dollars",
                     "gross margin dollars"),
    "margin_pct": ("margin percent", "margin pct", "margin percentages", "margin rates", "gross margin %",
                   "gross margin percentage", "gross margin percent", "gross margin rate", "gross margin pct",
                   "profit margin", "profit margins", "margin ratio", "% margin", "percent margin",
                   "percentage margin", "margin in percent", "margin as a percentage", "margin as a percent",
                   "margins %", "profitability", "gross margin ratio", "gross profit margin"),
    "units": ("unit sales", "units sold", "sales volume", "sales volumes", "volumes", "quantities",
              "quantity sold", "items sold", "number of units", "number of items", "pieces", "unit volume",
              "sales units"),
    "orders": ("order count", "number of orders", "transactions count", "purchases",
               "order volume", "number of transactions", "sales orders", "checkouts", "number of sales",
               "count of orders"),
    "new_customers": ("new customer", "customers won", "new clients", "new client", "clients", "new accounts",
                      "new logos", "signups", "sign ups", "sign-ups", "new signups", "new users",
                      "customer acquisition", "customer acquisitions", "acquired customers", "new buyers",
                      "customer count", "number of customers", "customers gained", "customer wins"),
    "avg_order_value": ("avg order value", "average order size", "average order amount",
                        "average ticket", "average transaction value", "average sale", "average sale value",
                        "revenue per order", "sales per order", "order value", "average basket",
                        "average basket size", "mean order value", "average spend per order", "avg basket",
                        "basket value", "average basket value", "atv"),
}
# "sold", "sell", "sales": revenue unless another measure is named ("units sold", "sales volume").
WEAK_MEASURE_WORDS: tuple[str, ...] = ("sales", "sale", *SELLING, "spend", "spent", "spending", "earn", "earned",
                                       "earning", "earnings")
_COUNTING_WORDS = frozenset({"sold", "number", "of", "count", "total"})
# Business figures SalesTalk does not hold: asked for, they get a clarification, never a stand-in.
UNSUPPORTED_MEASURES: tuple[str, ...] = (
    "mrr", "arr", "recurring revenue", "churn", "churn rate", "retention", "retention rate", "nps", "cac", "ltv",
    "clv", "lifetime value", "headcount", "employees", "inventory", "stock level", "stock levels", "returns",
    "refunds", "return rate", "discount", "discounts", "traffic", "visits", "visitors", "sessions", "conversion",
    "conversions", "conversion rate", "net profit", "net income", "net margin", "operating profit",
    "operating margin", "operating income", "ebitda", "ebit", "opex", "operating expenses", "expenses",
    "payroll", "salaries", "budget", "target", "targets", "quota", "quotas", "pipeline", "leads", "shipping costs",
    "tax", "taxes", "price", "prices", "pricing", "average price", "unit price", "cash flow", "market share",
    "share price", "stock price", "page views", "pageviews", "clicks", "impressions", "downloads",
    "active users", "dau", "mau", "subscribers", "renewals", "csat", "satisfaction", "reviews", "ratings",
    "tickets", "marketing spend", "ad spend", "roi", "roas", "backlog", "run rate",
    # "revenue per unit", "margin per order": the parser's ``per``; a growth rate over years is not held
    "cagr",
)
DIMENSION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "region": ("geography", "geographies", "geo", "geos", "territory", "territories"),
    "country": ("nation", "nations", "market", "markets"),
    "store": ("shop", "shops", "location", "locations", "outlet", "outlets", "branch", "branches"),
    "product": ("item", "items", "sku", "skus"),
    "product_line": ("line", "lines"),
    "department": ("dept", "depts", "dep"),
    "territory": ("terr", "terrs"),
    "category": ("product category", "product categories"),
    "channel": ("sales channel", "sales channels"),
    "segment": ("customer segment", "customer segments"),
    "plan": ("tier", "tiers", "pricing plan", "pricing plans", "subscription plan", "subscription plans"),
    "rep": ("sales rep", "sales reps", "salesperson", "salespeople", "sales person"),
    "city": ("town", "towns"),
    "state": ("province", "provinces"),
}
# Other names of well-known members: a dataset that stores "United Kingdom" still understands "UK".
MEMBER_ALIASES: tuple[tuple[str, ...], ...] = (
    ("us", "usa", "u.s.", "u.s.a.", "united states", "united states of america", "america"),
    ("uk", "u.k.", "united kingdom", "great britain", "britain"),
    ("uae", "united arab emirates"),
    ("netherlands", "the netherlands", "holland"),
    ("north america", "na", "noram", "namer"),
    ("latam", "latin america"),
    ("apac", "asia pacific", "asia-pacific", "asia pac"),
    ("emea", "europe middle east and africa", "europe, middle east and africa"),
    ("ecommerce", "e-commerce", "online store"),
)
# Nouns that name a dimension in many datasets. A dimension named "sales_channel" or "customer_segment"
# also answers to its last word ("by channel"), and "store_type" to its first ("by store").
DIMENSION_NOUNS = frozenset("""
region country store city state product category channel segment plan brand team rep customer department division
market location sku item line vendor supplier warehouse source campaign industry sector tier territory salesperson
manager shop outlet branch site province subcategory family collection continent area
""".split())  # noqa: SIM905 - a word list reads best as text
# A dimension of the people who sell answers to the words for them in any company ("rep", "salesperson").
SELLER_DIMENSIONS = frozenset({"account_manager", "account_executive", "sales_rep", "salesperson", "sales_person",
                               "seller", "account_owner", "rep", "sales_manager"})
SELLER_WORDS: tuple[str, ...] = ("rep", "reps", "sales rep", "sales reps", "salesperson", "salespeople",
                                 "sales person", "seller", "sellers")
MAX_SHORT_FORMS = 2_000  # per phrase: past that, one word at a time
MAX_NUMBER_FORMS = 16  # per member, the same
# A member's word in the other number this common (Zipf) is mostly said as the word: "part" (5.8), "service" (5.5);
# "battery" (4.5), "box" (5.0) name the member.
EVERYDAY_FORM_ZIPF = 5.4
CODE_WORDS = frozenset({"code", "type", "kind", "class", "level", "number"})
PERIOD_QUALIFIERS = frozenset({"month", "week", "quarter", "year"})
QUALIFIER_WORDS = frozenset({"type", "code", "name", "id", "group", "kind", "class", "level"})
GEO_DIMENSIONS: tuple[str, ...] = (
    "region", "country", "city", "state", "territory", "market", "geography", "geo", "area", "province",
    "continent", "location", "store", "site",
)


@dataclass(frozen=True)
class Entry:
    kind: str  # measure | missing_measure | unsupported_measure | weak_measure | dimension | member | ambiguous
    name: str  # canonical measure, dimension name, or the unsupported (or ambiguous) words
    value: str | None = None  # member as stored
    weak: bool = False  # a member spelled like a function word
    capitals: bool = False  # initials that are also a word ("AM"): they count only written in capitals
    options: tuple[tuple[str, str], ...] = ()  # ambiguous: (dimension, member), or ("", label) of a measure
    shared: bool = False  # ambiguous: the last word of several measures' names ("accounts")
    person: bool = False  # a member: a person's first or last name alone ("hannah" of Hannah Lee)
    measures: tuple[str, ...] = ()  # ambiguous: the measures a word of their names names ("bill": billed_…)


@dataclass(frozen=True)
class Hit:
    kind: str
    name: str
    value: str | None
    start: int  # character offsets in the text
    end: int
    fuzzy: bool = False
    alternatives: tuple[tuple[str, str], ...] = ()  # (dimension, member) when the words name members of several
    capitals: bool = False
    measure: tuple[str, str] | None = None  # a member's words that name a measure too: (kind, measure)
    shared: bool = False
    person: bool = False  # a person's first or last name alone: a member only where a name is said
    measures: tuple[str, ...] = ()  # ambiguous: the measures a word of their names names, to say which


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass
class Vocabulary:
    model_measures: frozenset[str]
    dimensions: dict[str, tuple[str, ...]]
    phrases: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    longest: int = 1
    fuzzy_index: dict[str, set[str]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every leading part of every phrase
    near_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    member_names: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lower-cased member → (dim, member)
    member_words: dict[str, list[str]] = field(default_factory=dict)  # a word of a multi-word member → members
    people: tuple[str, ...] = ()  # the dimensions of people
    kinds_of: dict[str, str] = field(default_factory=dict)  # "loaf" of loaf_type: named only where kinds are asked
    heads: dict[str, str] = field(default_factory=dict)  # "harborview" → Harborview Hospital: a first word alone

    # ------------------------------------------------------------ building

    def add(self, words: Iterable[str], entry: Entry, *, forgiving: bool = True) -> None:
        """``forgiving``: typos of the words match too (not of short forms: "apps" is no typo of "appts")."""
        key = tuple(words)
        if not key:
            return
        entries = self.phrases.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.longest = max(self.longest, len(key))
        self.prefixes.update(key[:k] for k in range(1, len(key) + 1))
        for word in key if forgiving else ():
            if len(word) >= MIN_FUZZY_LETTERS and word.isalpha():
                # the word itself too: a typo with one letter more ("caffe") deletes to it
                for variant in {word, *deletions(word)}:
                    self.fuzzy_index.setdefault(variant, set()).add(word)

    # ------------------------------------------------------------ matching

    def find(self, text: str, original: str, *, skip: Iterable[tuple[int, int]] = ()) -> list[Hit]:
        """Every measure, dimension and member phrase of ``text`` (lower-cased ``original``), outside ``skip``."""
        tokens = [t for t in tokenize(text) if not any(a <= t.start < b for a, b in skip)]
        # joined[k]: tokens k and k+1 may belong to one phrase (only spaces, hyphens, slashes… between them)
        joined = [bool(_JOINER.fullmatch(original, a.end, b.start)) for a, b in itertools.pairwise(tokens)]
        options = [self._options(t.text, named=text.endswith("'s", t.start, t.end)) for t in tokens]
        hits: list[Hit] = []
        # "gross_profit": a measure's name written with its underscores is that measure, whatever its words say
        snake = {fold(name): name for name in self.model_measures}  # the text is folded ("omsättning_kr")
        spelled = {m.start(): m for m in _SNAKE.finditer(text) if m.group() in snake}
        i = 0
        while i < len(tokens):
            if tokens[i].start in spelled:
                at = spelled[tokens[i].start]
                hits.append(Hit("measure", snake[at.group()], None, at.start(), at.end()))
                while i < len(tokens) and tokens[i].start < at.end():
                    i += 1
                continue
            found = self._match_at(tokens, i, joined, options)
            cut = self._own_measure_inside(tokens, i, found, joined, options) if found else None
            if cut is not None:
                # "average ticket revenue": the tenant's "ticket revenue" beats the catalogue's "average ticket"
                found = self._match_at(tokens, i, joined, options, most=cut)
            if found is None:
                said = tokens[i]
                kind = self.kinds_of.get(said.text)
                # "season pass" of pass_type: the word beside one of its own members says what the member is of
                beside = bool(hits) and hits[-1].name == kind and hits[-1].kind in ("member", "weak_member") \
                    and not text[hits[-1].end:said.start].strip()
                if kind is not None and (beside or kinds_asked(text, start=said.start, end=said.end)):
                    hits.append(Hit("dimension", kind, None, said.start, said.end))
                i += 1
                continue
            length, entries, fuzzy = found
            start, end = tokens[i].start, tokens[i + length - 1].end
            hits.append(self._hit(entries, start, end, fuzzy, tokens, i, length))
            i += length
        hits = [h for h in (self._member_of_slip(h, hits, tokens, options) for h in hits) if h is not None
                and not self._head_of_a_slip(h, tokens)]
        settled = self._settle([_with_symbols(h, original) for h in hits], original)
        # "occupancy rate", "cancellation rate": a rate the data does not hold (a ratio the tenant defined is
        # one of its measures, with its own words)
        measures = [(h.start, h.end) for h in settled if h.kind == "measure"]
        placed = [(h.start, h.end) for h in settled if h.kind != "measure"]
        rates = [Hit("unsupported_measure", phrase, None, a, b)
                 for phrase, a, b in unknown_rates(text, placed, measures)
                 if not any(x <= a < y for x, y in skip) and not self._ends_in_measure(words_of(phrase))]
        settled = [h for h in settled if not any(r.start <= h.start < r.end for r in rates)]
        return sorted([*settled, *rates], key=lambda h: h.start)

    def _member_of_slip(
        self, hit: Hit, hits: list[Hit], tokens: list[Token], options: list[tuple[str, ...]],
    ) -> Hit | None:
        """A one-word slip as near a member's word as a measure's, where another measure is named: the member if
        the question named that measure already ("units sold at salme" is the shop Salem, "sale" of units_sold
        said), else nothing, the word left a name to ask about ("seats at revnue": Revue, or revenue beside
        seats?), never a second figure of the whole business."""
        named = {h.name for h in hits if h.kind == "measure" and h.start != hit.start}
        if not hit.fuzzy or hit.kind != "measure" or not named:
            return hit
        at = next((k for k, t in enumerate(tokens) if t.start == hit.start and t.end == hit.end), None)
        members = [e for c in options[at] for e in self.phrases.get((c,), []) if e.kind == "member"] if (
            at is not None) else []
        if not members:
            return hit
        return self._hit(members, hit.start, hit.end, True, tokens, at, 1) if hit.name in named else None

    def _head_of_a_slip(self, hit: Hit, tokens: list[Token]) -> bool:
        """Whether ``hit`` is a member's first word alone before a word written like the rest of its name ("kestrel
        more" of Kestrel Moor): the name was written whole, with a slip too common to forgive, so it is asked back."""
        at = next((k for k, t in enumerate(tokens) if t.start == hit.start), None)
        if at is None or at + 1 >= len(tokens) or hit.end != tokens[at].end \
                or self.heads.get(tokens[at].text) != hit.value:
            return False
        said, rest = tokens[at + 1].text, next(iter(words_of(hit.value or "")[1:]), "")
        return said != rest and said[:1] == rest[:1] and (
            damerau_levenshtein(said, rest) <= 1 or difflib.SequenceMatcher(None, said, rest).ratio() >= SLIP_RATIO)

    def _ends_in_measure(self, words: tuple[str, ...]) -> bool:
        """Whether a rate's last words are a measure's own: "60% margin rate" is "% margin" (matched first) and
        "margin rate", both margin %, never a rate the data lacks."""
        return any(e.kind == "measure" for k in range(1, len(words) - 1) for e in self.phrases.get(words[k:], ()))

    def _own_measure_inside(
        self, tokens: list[Token], i: int, found: tuple[int, list[Entry], bool], joined: list[bool],
        options: list[tuple[str, ...]],
    ) -> int | None:
        """Where a measure of the tenant's own starts inside the catalogue's phrase ``found`` at ``i`` and runs past
        its end: how many of the phrase's words to keep. A figure the data lacks gives way to any measure; one it
        holds ("average ticket" of orders) only to a column of the tenant's own ("ticket revenue")."""
        length, entries, _ = found
        missing = all(e.kind == "missing_measure" for e in entries)
        if not missing and not all(e.kind == "measure" and e.name in CATALOGUE for e in entries):
            return None
        for k in range(1, length):
            inner = self._match_at(tokens, i + k, joined, options)
            if inner is not None and k + inner[0] > length and any(
                    e.kind == "measure" and (missing or e.name not in CATALOGUE) for e in inner[1]):
                return k
        return None

    def _match_at(
        self, tokens: list[Token], i: int, joined: list[bool], options: list[tuple[str, ...]], *,
        most: int | None = None,
    ) -> tuple[int, list[Entry], bool] | None:
        """``most``: the longest phrase to try, in words."""
        reach = 1
        while i + reach < len(tokens) and reach < min(self.longest, most or self.longest) and joined[i + reach - 1]:
            reach += 1
        for length in range(reach, 0, -1):
            words = tuple(t.text for t in tokens[i:i + length])
            completed = self._completed(words) if length > 1 else None
            if completed is not None and not any(f in self.phrases for f in _forms(words)):
                return length, completed, True  # "kestrel mor": a slip in a word the rest of a member's name frames
            if length > 1 and not any(w[:-1] in self.prefixes for w in (*_with_options(words, options[i:i + length]),
                                                                          *_respelled(words))):
                continue
            for candidate in _forms(words):
                if candidate in self.phrases:
                    return length, self.phrases[candidate], False
            for candidate in _corrections(words, options[i:i + length]):
                if candidate in self.phrases:
                    entries = [e for e in self.phrases[candidate] if e.kind != "unsupported_measure" or length > 1]
                    if entries:
                        return length, entries, True
        return None

    def _completed(self, words: tuple[str, ...]) -> list[Entry] | None:
        """The member of several words that ``words`` name with one word one typo off, every other word written
        exactly: an ordinary word may be that slip ("mor" of Kestrel Moor) unless it is a very common one ("came"
        beside "row" stays no "Cafe"); the exact words must say more than function words do."""
        for k, word in enumerate(words):
            rest = words[:k] + words[k + 1:]
            if k and words[:k] not in self.prefixes:
                continue  # no phrase of the tenant's starts so
            if len(word) < MIN_SHORT_TYPO_LETTERS or not word.isalpha() or word in COMMON or zipf(
                    word) >= COMPLETION_ZIPF or all(w in FUNCTION for w in rest):
                continue
            near = set().union(*(self.fuzzy_index.get(v, set()) for v in {word, *deletions(word)}))
            for candidate in sorted(near):
                if candidate == word or not (damerau_levenshtein(candidate, word) <= 1
                                             or double_moved(candidate, word)):
                    continue
                phrase = (*words[:k], candidate, *words[k + 1:])
                members = [e for e in self.phrases.get(phrase, []) if e.kind == "member"]
                if members:
                    return members
        return None

    def _options(self, word: str, *, named: bool = False) -> tuple[str, ...]:
        """Vocabulary words one typo away from ``word`` (none for everyday words or short ones; a three-letter
        word only one letter short of a member's); ``named``: the
        word is written as a possessive ("hanna's revenue"), which only a name takes, so a word as common as a
        first name ("hanna", "hana") may still be a typo of one (never a word of questions: "today's")."""
        if len(word) < MIN_SHORT_TYPO_LETTERS or not word.isalpha() or word in COMMON or (
                ordinary(word) and not named):
            return ()
        if word not in self.near_cache:
            if len(self.near_cache) > 50_000:  # bounded: user text is unbounded
                self.near_cache.clear()
            candidates: set[str] = set()
            for variant in {word, *deletions(word)}:
                candidates |= self.fuzzy_index.get(variant, set())
            near = (c for c in candidates if c != word and (
                damerau_levenshtein(c, word) <= 1 or double_moved(c, word)) and (
                len(word) >= MIN_FUZZY_LETTERS or (len(c) == len(word) + 1 and self._member_word(c))))
            self.near_cache[word] = self._members_over_borrowed(tuple(sorted(near)))
        return self.near_cache[word]

    def _members_over_borrowed(self, near: tuple[str, ...]) -> tuple[str, ...]:
        """``near`` less the words of the catalogue ("sale" of a revenue the data may lack) where a member's word
        is as near: "salne" is Sälen, never the whole business's sales. A word of the tenant's own measures or
        dimensions stays beside the member's."""
        if not any(self._member_word(c) for c in near):
            return near
        return tuple(c for c in near if self._member_word(c) or not self._borrowed_word(c))

    def _borrowed_word(self, word: str) -> bool:
        """Whether ``word`` names only figures of the catalogue, none of the tenant's own measures or dimensions."""
        entries = self.phrases.get((word,), [])
        return bool(entries) and all(
            e.kind in ("missing_measure", "unsupported_measure") or (e.kind == "measure" and e.name in CATALOGUE
                                                                       and e.name not in self.model_measures)
            for e in entries)

    def _member_word(self, word: str) -> bool:
        """Whether ``word`` is a member's name or a word of one (never a measure's or a verb's: "sel")."""
        return word in self.member_names or word in self.member_words

    def _hit(
        self, entries: list[Entry], start: int, end: int, fuzzy: bool, tokens: list[Token], i: int, length: int
    ) -> Hit:
        members = [e for e in entries if e.kind == "member"]
        dims = [e for e in entries if e.kind == "dimension"]
        measures = [e for e in entries if e.kind not in ("member", "dimension")]
        previous = tokens[i - 1].text if i > 0 else ""
        wants_dimension = previous in ("by", "per", "each", "every", "which", "what", "across", "all")
        # "how many clients" where the data has a client column: the tenant's own word beats a catalogue measure
        # it lacks (the catalogue's "clients" are new customers)
        said = tuple(t.text for t in tokens[i:i + length])
        lacked = bool(measures) and all(e.kind == "missing_measure" for e in measures)
        wants_dimension = wants_dimension or bool(dims and lacked and _names_column(said, dims[0].name))
        if dims and (wants_dimension or not (members or measures)):
            return Hit("dimension", dims[0].name, None, start, end, fuzzy, capitals=dims[0].capitals)
        if measures and not members:
            best = measures[0]
            return Hit(best.kind, best.name, None, start, end, fuzzy, best.options, shared=best.shared,
                       measures=best.measures)
        if not members:
            return Hit("dimension", dims[0].name, None, start, end, fuzzy)
        weak = all(e.weak for e in members)
        alternatives = tuple((e.name, e.value or "") for e in members)
        first = members[0]
        # "leads" the measure and "Leads" the objective: _settle decides which one the question says
        measure = next(((e.kind, e.name) for e in measures if e.kind in ("measure", "weak_measure")), None)
        return Hit("weak_member" if weak else "member", first.name, first.value, start, end, fuzzy,
                   alternatives if len(alternatives) > 1 else (), measure=measure,
                   person=all(e.person for e in members))

    def _settle(self, hits: list[Hit], original: str) -> list[Hit]:
        """Keeps a function-word member only when written exactly or next to its dimension's name, and
        lets a dimension name next to an ambiguous member decide which dimension it is."""
        settled: list[Hit] = []
        hits = _rest_said(hits, original)
        for k, hit in enumerate(hits):
            if hit.capitals and not (original[hit.start:hit.end].isupper() and not original.isupper()):
                continue  # "am i right": the word; "top AM": the account manager
            if hit.kind == "dimension" and in_quantity_phrase(original[hit.start:hit.end].lower(), original,
                                                               hit.start, hit.end):
                continue  # "a lot more", "the number of": no lot, no number
            if hit.shared and (any(h.kind in ("measure", "weak_measure") and h.name in (hit.measures or (h.name,))
                                   for h in hits)
                               or verb_of_for(written=original[hit.start:hit.end], after=original[hit.end:])):
                continue  # "accounts" beside a measure named, or "what accounts for": no measure asked about
            if hit.kind == "measure" and settled and settled[-1].kind in ("measure", "weak_measure") and \
                    said_as_change(written=original[hit.start:hit.end], between=original[settled[-1].end:hit.start]):
                continue  # "did revenue drop off": the verb, not the drop_offs measure
            before = hits[k - 1] if k else None
            after = hits[k + 1] if k + 1 < len(hits) else None
            if hit.kind == "dimension" and settled and _kind_of_dimension_before(settled[-1], hit, original):
                # "by membership type" beside a class_type: the kinds of membership, not a second split
                settled[-1] = replace(settled[-1], end=hit.end)
                continue
            if hit.kind == "dimension" and settled and _qualified_member(settled[-1], hit, original):
                # "leads from Leads campaigns": the campaigns of that objective, not a row per campaign
                settled.append(Hit("qualifier", hit.name, None, hit.start, hit.end))
                continue
            if hit.kind in ("member", "weak_member") and after is not None and _adjacent(hit, after, original) \
                    and self._qualifies(hit.name, original[after.start:after.end].lower()):
                # "business customers", "business guests": the member, and its dimension's own noun after it
                after = hits[k + 1] = Hit("dimension", hit.name, None, after.start, after.end)
            beside = {h.name for h in (before, after)
                      if h is not None and h.kind == "dimension" and _adjacent(h, hit, original)}
            if hit.measure is not None and not _written_as_member(hit, hits, original, beside):
                hit = Hit(*hit.measure, None, hit.start, hit.end, hit.fuzzy)  # "why did leads drop": the measure
            # "country: Other" and "the Business segment" name the member; "other countries" is plain English.
            named_before = {h.name for h in (before, after)
                            if h is not None and h.kind == "dimension" and h.name in beside
                            and (h is before or not said_in_plural(h.name, original[h.start:h.end].lower())
                                 or self._qualifies(h.name, original[h.start:h.end].lower()))}
            if hit.kind in ("member", "weak_member") and hit.alternatives and beside:
                chosen = [alt for alt in hit.alternatives if alt[0] in beside]
                if chosen:
                    hit = Hit("member", chosen[0][0], chosen[0][1], hit.start, hit.end, hit.fuzzy)
            if hit.kind == "weak_member":
                written = original[hit.start:hit.end]
                exact = hit.value is not None and written == hit.value and (hit.start > 0 or written.isupper())
                # An acronym written in capitals ("US", "UK") in a question that is not shouted names its member.
                exact = exact or (len(written) > 1 and written.isupper() and not original.isupper())
                # "in the us": after "the", a short all-capitals member cannot be the pronoun
                acronym = (hit.value or "").isupper() and re.search(r"\bthe\s+$", original[:hit.start].lower())
                exact = exact or bool(acronym)
                # "åre": a word written with letters English does not use is the name, never the word it folds to
                exact = exact or marked(written)
                # "how much did will sell", "more than june": a name where a sentence puts its subject;
                # "top shelf vs core": the next one of a list of the same dimension's members.
                said = original[max(0, hit.start - 12):hit.start].lower()
                listed = bool(settled) and settled[-1].kind == "member" and settled[-1].name == hit.name and bool(
                    re.fullmatch(r"\s*(?:,|and|or|&|vs\.?|"
                                 r"versus)\s*(?:the\s+)?", original[settled[-1].end:hit.start].lower()))
                subject = bool(_SUBJECT_BEFORE.search(said)) and written.lower() in _MODALS
                subject = subject or (written.lower() not in _PRONOUNS and bool(_HOW_DID_BEFORE.search(
                    original[:hit.start].lower())
                                          and _HOW_DID_AFTER.match(original.lower(), hit.end)))
                # "units for will", "units of total last month": the object of a preposition, with no noun
                # after it for the word to qualify ("of total revenue" is plain English).
                qualifies = after is not None and after.kind in ("measure", "dimension", "weak_measure") and (
                    re.fullmatch(r"\s*", original[hit.end:after.start]))
                governed = bool(_OBJECT_BEFORE.search(said)) and written.lower() not in _PRONOUNS and not qualifies
                # "did top gun get more than up": set against a member of its dimension named before it
                governed = governed or (bool(_OPPOSED_BEFORE.search(said)) and written.lower() not in _PRONOUNS
                                        and any(h.kind == "member" and h.name == hit.name for h in settled))
                alone = bool(_ALONE_BEFORE.fullmatch(original, 0, hit.start)) and not original[hit.end:].strip(" ?!.")
                # "will's seats": a possessive names a person, never the modal
                possessive = written.lower().endswith("'s") and written.lower()[:-2] not in _PRONOUNS
                # "how much more did business use than residential": the first of two members set against each
                # other ("the business" stays the company; "other countries than France", "other than France"
                # are plain English)
                contrasted = not re.search(r"\b(?:the|our|my|their|a|an|this|that)\s+$", said) and not (
                    after is not None and after.kind == "dimension") and any(
                    h.kind == "member" and h.name == hit.name and h.start >= hit.end
                    and _CONTRAST.search(original[hit.end:h.start].lower())
                    and not re.match(r"\s*than\b", original[hit.end:h.start].lower()) for h in hits[k + 1:])
                exact = exact or listed or subject or governed or possessive or contrasted or (
                    alone and written.lower() not in _PRONOUNS) or (hit.person and (said_as_a_name(
                        original, hit.start, hit.end, before_figure=bool(qualifies)) or _paired(hit, (before, after),
                                                                                                  original)))
                exact = exact or _between_member_and_figure(hit, before, after, original)
                # "our own app": the member says which of a kind of member ("app", "website") the data has no
                # name for, so both words name it
                kind = _MEMBER_KIND.match(original.lower(), hit.end)
                described = kind is not None and written.lower() not in _PRONOUNS and kind["w"] in MEMBER_LIKE \
                    and not self.knows(kind["w"])
                # a typo of a person's name is a name as much as the name is ("hanna's" of Hannah Lee)
                # "our best rep" of a Sam Best: an everyday word before the people's noun is English, not him
                kind_after = hit.name in named_before and not (hit.person and ordinary(written.lower()))
                # "business fares", "first class": a word of its dimension's own name after it, no other hit's
                own = 0 if hit.person else own_noun_after(hit.name, member_word=written.lower(), after=original[
                    hit.end:after.start if after is not None else None])
                if (hit.fuzzy and not hit.person) or not (exact or described or kind_after or own):
                    continue
                end = kind.end() if described else hit.end + own
                hit = Hit("member", hit.name, hit.value, hit.start, end, hit.fuzzy and hit.person, hit.alternatives,
                          person=hit.person)
            settled.append(hit)
        return settled

    def _qualifies(self, dimension: str, written: str) -> bool:
        """Whether ``written`` is the noun ``dimension``'s members qualify ("customers" of ``customer_type``)."""
        noun = _head_noun(dimension)
        return noun is not None and noun in (written, *singular_forms(written))

    # ------------------------------------------------------------ suggestions

    def closest_members(self, words: str, *, limit: int = 5) -> list[str]:
        """Member names that look most like ``words`` (for a clarifying question)."""
        names = list(self.member_names)
        close = difflib.get_close_matches(words.lower(), names, n=limit, cutoff=0.5)
        out: list[str] = []
        for name in close:
            for _, member in self.member_names[name]:
                if member not in out:
                    out.append(member)
        return out[:limit]

    def knows(self, word: str) -> bool:
        """Whether ``word`` is, or is one typo from, a word of this tenant's measures, dimensions or members."""
        word = fold(word)  # "hovfjället" as written, before the question is folded
        return bool((word,) in self.prefixes or word in self.member_words or self._options(word))

    @cached_property
    def _dimension_name_words(self) -> frozenset[str]:
        return frozenset(part for d in self.dimensions for part in fold(d.lower()).split("_"))

    def in_dimension_name(self, word: str) -> bool:
        """Whether ``word``, or its singular, is a word of a dimension's name ("contracts" of contract_term)."""
        return any(w in self._dimension_name_words for w in (word, *singular_forms(word)))

    def members_with_word(self, word: str) -> list[str]:
        """Members whose name holds ``word`` ("furniture" → "Outdoor Furniture"), for a partial mention."""
        found = list(self.member_words.get(word, []))
        # "battery" → "Car Batteries"; "part" is said as the word too often to be a part of Spare Parts
        plural = plural_forms(word) if zipf(word) < EVERYDAY_FORM_ZIPF else ()
        for form in (*singular_forms(word), *plural):
            found += [m for m in self.member_words.get(form, []) if m not in found]
        return found

    def entries_of_word(self, word: str) -> list[Entry]:
        """What one word names on its own, as written or in the plural ("unit" → the units measure)."""
        for form in (word, *plural_forms(word)):
            if (form,) in self.phrases:
                return self.phrases[(form,)]
        return []

    def has_measure(self, words: tuple[str, ...]) -> bool:
        """Whether ``words`` name a measure of the tenant's, or several ("gross profit" beside gross margin)."""
        return any(e.kind in ("measure", "ambiguous") for e in self.phrases.get(words, ()))

    def code_dimension(self, dimension: str) -> str | None:
        """The dimension of numeric codes that ``dimension``'s word names before a number: itself ("store 12"
        of ``store_id``), or the one ``<dimension>_code`` / ``_id`` / ``_number`` beside it ("clinic 104" is
        ``clinic_code`` 104, not a split by clinic)."""
        named = [d for d in self.dimensions
                 if d == dimension or (d.startswith(f"{dimension}_") and d[len(dimension) + 1:] in QUALIFIER_WORDS
                                       | CODE_WORDS)]
        numeric = [d for d in named if self.dimensions[d] and all(str(m).isdigit() for m in self.dimensions[d])]
        return numeric[0] if len(numeric) == 1 else None

    def dimension_of_word(self, word: str) -> str | None:
        for entry in self.phrases.get(tuple(word.lower().split()), []):
            if entry.kind == "dimension":
                return entry.name
        return None


def _rest_said(hits: list[Hit], original: str) -> list[Hit]:
    """"How many units did we ship" of shipped_units and shipped_value: the word several measures' names share,
    with the rest of one of those names said elsewhere in the question, is that measure (the rest names no other,
    such as a catalogue figure the data lacks)."""
    out = list(hits)
    for hit in hits:
        if not hit.measures:
            continue
        written = {h: words_of(original[h.start:h.end].lower()) for h in out if h is not hit}
        found = [(n, h) for n in hit.measures for h, said in written.items()
                 if said in _in_both_numbers(words_of(n)[1:])]
        if len(found) == 1:
            (name, rest), = found
            out = [Hit("measure", name, None, h.start, h.end) if h is rest else h for h in out if h is not hit]
    return out


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0).removesuffix("'s"), m.start(), m.end()) for m in TOKEN.finditer(text)]


def words_of(phrase: str) -> tuple[str, ...]:
    """The words of ``phrase`` as the parser reads them: lower-cased and folded ("Sälen" → "salen")."""
    return tuple(t.text for t in tokenize(fold(phrase.lower()).replace("_", " ")))


def _with_options(words: tuple[str, ...], options: list[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    yield words
    yield from _corrections(words, options)


def _corrections(words: tuple[str, ...], options: list[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    """The phrase with one of its words corrected by one typo."""
    for j, fixes in enumerate(options):
        for fixed in fixes:
            yield (*words[:j], fixed, *words[j + 1:])


def _with_symbols(hit: Hit, original: str) -> Hit:
    """"9+", "C++", "Pay-as-you-go!": a member whose name holds a symbol no word keeps, written out in full, is
    that member however short or plain its words are ("and 9+?" is no bare "9"); its span takes the symbol."""
    if hit.kind not in ("member", "weak_member") or hit.fuzzy:
        return hit
    named = hit.alternatives or ((hit.name, hit.value or ""),)
    written = [(dimension, member) for dimension, member in named if len(member) > hit.end - hit.start
               and original[hit.start:hit.start + len(member)].lower() == member.lower()
               and not original[hit.start + len(member):hit.start + len(member) + 1].isalnum()]
    if not written:
        return hit
    dimension, member = max(written, key=lambda n: len(n[1]))
    return Hit("member", dimension, member, hit.start, hit.start + len(member), person=hit.person)


def _written_as_member(hit: Hit, hits: list[Hit], original: str, beside: set[str]) -> bool:
    """Whether words naming a member and a measure ("leads", "Leads") are said as the member: with a capital
    inside a question that is not one case, beside a dimension's name ("Leads campaigns"), before a measure
    ("leads revenue"), or as the object of a preposition while another measure is named ("revenue from
    leads")."""
    written = original[hit.start:hit.end]
    inside = not re.search(r"(?:^|[.?!:]\s*)$", original[:hit.start])
    if (written[:1].isupper() and original != original.lower() and inside) or beside:
        return True
    following = next((h for h in hits if h.start >= hit.end), None)
    if following is not None and following.kind in ("measure", "weak_measure") and not original[
            hit.end:following.start].strip():
        return True  # "parcels revenue": the name qualifies the measure after it
    # "sales in sale": the other words may name the member too (its plural), yet only as the measure; after the
    # preposition only the member's own name is the member ("revenue in sales" stays the measure's word)
    other = any(h is not hit and (h.kind in ("measure", "weak_measure") or h.measure is not None) for h in hits)
    exact = written.lower() == (hit.value or "").lower()
    return other and exact and bool(re.search(r"\b(?:from|in|for|at|on|of|via|through|with)\s+(?:the\s+|our\s+)?$",
                                    original[:hit.start].lower()))


def _between_member_and_figure(hit: Hit, before: Hit | None, after: Hit | None, original: str) -> bool:
    """"reading plus rev": a function-word member's own name, between a member of another dimension and the
    figure it qualifies, names it; between two members of one dimension it joins them ("emea plus apac")."""
    written = original[hit.start:hit.end].lower()
    return before is not None and after is not None and not hit.fuzzy and written == (hit.value or "").lower() \
        and before.kind == "member" and before.name != hit.name and not original[before.end:hit.start].strip() \
        and after.kind in ("measure", "weak_measure") and not original[hit.end:after.start].strip()


def _paired(hit: Hit, neighbours: tuple[Hit | None, Hit | None], original: str) -> bool:
    """"hannah or will", "may vs jordan": a person's name beside another of the same dimension's, as a list."""
    return any(h is not None and h.person and h.name == hit.name and re.fullmatch(
        r"\s*(?:,|and|or|&|vs\.?|versus)\s*", original[min(h.end, hit.end):max(h.start, hit.start)].lower())
        for h in neighbours)


def _kind_of_dimension_before(before: Hit, hit: Hit, original: str) -> bool:
    """Whether ``hit`` is a word that only sorts into kinds ("type" standing for class_type) said just after
    another dimension's word, so saying which kinds of that dimension are meant ("membership type")."""
    written = original[hit.start:hit.end].lower()
    return before.kind == "dimension" and before.name != hit.name and original[before.end:hit.start].isspace() and (
        written in CODE_WORDS or any(s in CODE_WORDS for s in singular_forms(written)))


def _qualified_member(member: Hit, dimension: Hit, original: str) -> bool:
    """Whether ``dimension``'s word right after ``member`` (of another dimension), the object of a preposition,
    only says what the member is ("from Leads campaigns", "in EMEA stores")."""
    return (member.kind == "member" and member.name != dimension.name and _adjacent(member, dimension, original)
            and original[member.end:dimension.start].strip() == ""
            and bool(re.search(r"\b(?:from|in|at|for|on|of|among|across|within|with)\s+(?:the\s+|our\s+)?$",
                               original[:member.start].lower())))


def _head_noun(dimension: str) -> str | None:
    """"customer" of ``customer_type``, "guest" of ``guest_type``, "lot" of ``lot_number``: the noun a
    two-word dimension's name is about."""
    words = words_of(dimension)
    if len(words) == 2 and (words[1] in QUALIFIER_WORDS or words[1] in CODE_WORDS) and words[0] not in FUNCTION:
        return words[0]
    return None


def _names_column(said: tuple[str, ...], dimension: str) -> bool:
    """Whether ``said`` is ``dimension``'s own name, singular or plural ("clients" of ``client``)."""
    name = words_of(dimension)
    return bool(name) and said in {name, *((*name[:-1], p) for p in plural_forms(name[-1]))}


def _adjacent(a: Hit, b: Hit, original: str) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(re.fullmatch(r"[\s:\-]*(?:the\s+)?", original[first.end:second.start].lower()))


def _forms(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The words as written, then with the last word made singular ("runners" → "runner"), then the same with
    its words spelled the other side of the Atlantic ("harbour point" → "harbor point")."""
    for written in (words, *_respelled(words)):
        yield written
        for singular in singular_forms(written[-1]):
            yield (*written[:-1], singular)


def _respelled(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every other way of spelling the phrase, word by word ("harbor center" → "harbour centre")."""
    ways = [(word, *spellings(word)) for word in words]
    yield from itertools.islice(itertools.product(*ways), 1, None)  # the first is the phrase as written


_DOUBLE = re.compile(r"(.)\1")


def double_moved(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with its double letter written on a neighbour ("refferal" for "referral",
    "comittee" for "committee"): one slip to a person, two edits to Damerau-Levenshtein."""
    return len(a) == len(b) and a != b and _DOUBLE.search(a) is not None and _DOUBLE.sub(r"\1", a) == _DOUBLE.sub(
        r"\1", b)


def deletions(word: str) -> set[str]:
    """``word`` with any one of its letters left out."""
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def damerau_levenshtein(a: str, b: str) -> int:
    """Optimal string alignment distance (one transposition of neighbours counts as one edit)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _aliases(member: str) -> tuple[str, ...]:
    name = member.lower()
    for group in MEMBER_ALIASES:
        if name in group:
            return tuple(a for a in group if a != name)
    return ()


def _short_name(name: str) -> str | None:
    words = words_of(name)
    if len(words) != 2:
        return None
    if identified_thing(words):
        return identified_thing(words)  # "lot" of lot_number: its members are the lots
    if words[1] in DIMENSION_NOUNS:
        return words[1]
    if words[0] in DIMENSION_NOUNS and words[1] in QUALIFIER_WORDS:
        return words[0]
    if words[1] in PERIOD_QUALIFIERS and words[0] not in FUNCTION:
        return words[0]  # "cohort_month" answers to "cohort": its members are the cohorts, named by month
    return None


def _word_owners(vocab: Vocabulary, dimensions: Mapping[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """Each word of a dimension's or a measure's name, in both numbers, and the names that hold it."""
    owners: dict[str, set[str]] = {}
    for name in (*dimensions, *vocab.model_measures):
        for word in words_of(name):
            for (form,) in _in_both_numbers((word,)):
                owners.setdefault(form, set()).add(name)
    return owners


def _add_last_words(vocab: Vocabulary, dimensions: Mapping[str, tuple[str, ...]]) -> None:
    """"slot" of delivery_slot: the last word of a dimension's name of several words names it, as a measure's
    does, where no other dimension's or measure's name holds it and it is no word the tenant already has; never
    an everyday word of questions ("status", "size") or a word that only qualifies ("type", "name", "month")."""
    owners = _word_owners(vocab, dimensions)
    for dimension in dimensions:
        words = words_of(dimension)
        last = words[-1] if len(words) > 1 else ""
        forms = [(f,) for (f,) in _in_both_numbers((last,))] if last.isalpha() else []
        if not forms or last in COMMON or last in QUALIFIER_WORDS | CODE_WORDS | PERIOD_QUALIFIERS | IDENTIFIER_WORDS:
            continue
        if all(owners.get(f, set()) == {dimension} and f not in vocab.phrases for (f,) in forms):
            for form in forms:
                vocab.add(form, Entry("dimension", dimension))


# The last word of a dimension's name that only says it sorts things into kinds: "group" of age_group.
_KIND_WORDS = QUALIFIER_WORDS | CODE_WORDS | frozenset({"format", "band", "bracket", "tier", "range", "category",
                                                        "bucket", "grade", "segment"})


def _add_first_words_of_kinds(vocab: Vocabulary, dimensions: Mapping[str, tuple[str, ...]]) -> None:
    """"the age mix" of age_group, "by screen" of screen_format: the first word of a dimension's name whose rest
    only says it sorts into kinds names it where kinds are asked (kinds_asked.py; "renting cars" is no car_class),
    where no other dimension's or measure's name holds it and it is no word the tenant already has (a member's, a
    measure's) nor an everyday word of questions."""
    owners = _word_owners(vocab, dimensions)
    for dimension in dimensions:
        words = words_of(dimension)
        if len(words) != 2 or words[1] not in _KIND_WORDS or not words[0].isalpha() or len(words[0]) < 3:
            continue
        forms = _in_both_numbers((words[0],))
        if any(f in COMMON or owners.get(f, set()) != {dimension} or (f,) in vocab.phrases
               or f in vocab.member_words for (f,) in forms):
            continue
        for (form,) in forms:
            vocab.kinds_of[form] = dimension


def _dimension_words(name: str) -> set[tuple[str, ...]]:
    words = words_of(name)
    if not words:  # a column named only by punctuation ("#", ":") has no words to ask for it by
        return set()
    forms = {words, tuple("".join(words).split())}
    # "categories" of category, "category" of a column named categories
    forms |= {(*words[:-1], p) for p in (*plural_forms(words[-1]), *singular_forms(words[-1]))}
    for synonym in DIMENSION_SYNONYMS.get(name.lower(), ()):
        forms.add(words_of(synonym))
    return {f for f in forms if f}


def _member_forms(member: str) -> set[tuple[str, ...]]:
    words = words_of(member)
    if not words:
        return set()
    # "unit 7" has no plural: never the form "unit" alone; "the 2019s" are the wines of the vintage 2019
    forms = {words, *((*words[:-1], p) for p in plural_forms(words[-1])[:1])}
    if words[-1].isdigit():
        forms.add((*words[:-1], f"{words[-1]}s"))
    if "&" in words:
        forms.add(tuple("and" if w == "&" else w for w in words))
    if len(words) > 1:
        forms.add(("".join(words),))
    if len(words) > 2 and words[0] == "the":
        forms.add(words[1:])  # "daily grind" of The Daily Grind: people drop the article (never to one word)
    apart = spelled_apart(member)  # "tik tok" for TikTok
    if apart:
        forms.add(apart)
    # "mueller strasse", "muller strasse" of Müller Straße: each word folded or as typed without its letters
    typed = [tuple(dict.fromkeys((fold(t.text), spelled_out(t.text)))) for t in tokenize(member.lower())]
    if prod(len(w) for w in typed) <= MAX_NUMBER_FORMS:
        forms.update(itertools.product(*typed))
    return {f for f in forms if f}


def _everyday_when_folded(member: str, words: tuple[str, ...]) -> bool:
    """"Åre" read plain is "are", "Mån" is "man": a one-word name whose letters, folded, spell a word of everyday
    questions is that word unless written with its marks or where a name goes (``_settle``)."""
    return len(words) == 1 and marked(member) and (words[0] in COMMON or zipf(words[0]) >= EVERYDAY_FORM_ZIPF)


def _add_member_numbers(vocab: Vocabulary, dimensions: Mapping[str, tuple[str, ...]]) -> None:
    """"battery" of Batteries, "trail runner" of Trail Runners, "knives" of Knife: every word of a member in either
    number names it, after every member's own forms (so "Brake" beside "Brakes" keeps its own name) and never as an
    everyday word of questions ("sale" of Sales, "new" of News: those only as written)."""
    for dimension, members in dimensions.items():
        for member in members:
            words = words_of(member)
            ways = [(w, *(f for f in other_numbers(w) if f not in COMMON)) for w in words]
            if not words or all(len(w) == 1 for w in ways):
                continue
            if prod(len(w) for w in ways) > MAX_NUMBER_FORMS:  # a long name: one word at a time
                forms = {(*words[:k], f, *words[k + 1:]) for k, w in enumerate(ways) for f in w[1:]}
            else:
                forms = set(itertools.islice(itertools.product(*ways), 1, None))
            weak = all(w in FUNCTION for w in words) or _everyday_when_folded(member, words)
            for form in forms:
                # "part" of Parts ("what part of revenue") is said as the word far more often, so it is asked about
                # (the closest member offered), never read as the member; "gift set" is framed by its other word
                if form not in vocab.phrases and not (len(words) == 1 and zipf(form[0]) >= EVERYDAY_FORM_ZIPF):
                    vocab.add(form, Entry("member", dimension, member, weak), forgiving=False)


def build(
    *, measures: Mapping[str, Measure], dimensions: Mapping[str, tuple[str, ...]],
    details: Mapping[str, Dimension] | None = None,
) -> Vocabulary:
    """``measures``: the tenant's measures by name (the semantic model's definitions), with their own words;
    ``details``: the tenant's words for its dimensions and aliases of their members."""
    details = details or {}
    vocab = Vocabulary(model_measures=frozenset(measures), dimensions=dict(dimensions))
    # The tenant's own words first: a column's name beats a catalogue synonym the tenant lacks ("gross profit"
    # of a gross_profit column where there is no cost) and a weak selling word ("spend" of a spend column).
    said = {n: {f for w in m.words for f in _in_both_numbers(words_of(w))} for n, m in measures.items()}
    for name, measure in measures.items():
        whole = _in_both_numbers(words_of(name))
        # "gross profit" of gross_profit beside gross margin names both: asked back, offering each
        shared = named_elsewhere(name=name, forms=whole, others=said)
        options = (("", column_phrase(name).capitalize()), *(("", measures[n].label) for n in shared))
        for phrase in _own_words(name, measure):
            words = words_of(phrase)
            vocab.add(words, Entry("ambiguous", phrase, options=options) if shared and words in whole
                      else Entry("measure", name))
        if shared:
            vocab.add(words_of(column_phrase(name)), Entry("measure", name))
    for name, measure in measures.items():
        for phrase in (*measure.words, *MEASURE_WORDS.get(name, ())):
            words = words_of(phrase)
            if phrase not in WEAK_MEASURE_WORDS and not function_only(words) and not vocab.has_measure(words):
                vocab.add(words, Entry("measure", name))
        # "omsättning" of the column Omsättning, whose snake_case name (oms_ttning) lost the letters it is said by
        for words in _in_both_numbers(words_of(measure.label)) if marked(measure.label) else ():
            if not vocab.has_measure(words):
                vocab.add(words, Entry("measure", name))
    for name, measure in CATALOGUE.items():
        if name in measures:
            continue
        # A catalogue word the tenant's data lacks is asked back, unless one of the tenant's measures uses it;
        # one holding a one-word measure of the tenant's ("items sold", "number of items" beside an items column)
        # is that measure.
        for phrase in (*measure.words, *MEASURE_WORDS.get(name, ())):
            words = words_of(phrase)
            if phrase in WEAK_MEASURE_WORDS or vocab.has_measure(words) or _divides_own(vocab, words):
                continue
            own = next((n for n in measures if not measures[n].derived and (n,) != words and n in words
                        and set(words) - {n} <= _COUNTING_WORDS), None)  # never "margin %" of a margin column
            vocab.add(words, Entry("measure", own) if own else Entry("missing_measure", name))
    # Without revenue, "how much has Dakota sold" asks for the data's default measure where that is an amount of
    # money ("net_sales"); "sales", the catalogue's word for revenue, and any word with no such measure are asked back.
    default = next(iter(measures), None)
    sold_as = default if default is not None and is_amount(default, measures[default]) else None
    for word in WEAK_MEASURE_WORDS:
        if "revenue" in measures:
            entry = Entry("weak_measure", "revenue")
        elif sold_as and word in SELLING:
            entry = Entry("weak_measure", sold_as)
        else:
            entry = Entry("missing_measure", "revenue")
        if not vocab.has_measure(words_of(word)):
            vocab.add(words_of(word), entry)
    for phrase in UNSUPPORTED_MEASURES:
        if not vocab.has_measure(words_of(phrase)):
            vocab.add(words_of(phrase), Entry("unsupported_measure", phrase))
    for dimension in dimensions:
        for form in _dimension_words(dimension):
            vocab.add(form, Entry("dimension", dimension))
        for word in details[dimension].words if dimension in details else ():
            vocab.add(words_of(word), Entry("dimension", dimension))
    for dimension in dimensions:
        short = _short_name(dimension)
        if short and not any(e.kind == "dimension" for e in vocab.phrases.get((short,), [])):
            for form in ((short,), *((p,) for p in plural_forms(short))):
                vocab.add(form, Entry("dimension", dimension))
    _add_last_words(vocab, dimensions)
    qualified = [(d, words_of(d)[-1]) for d in dimensions if len(words_of(d)) == 2 and words_of(d)[-1] in CODE_WORDS]
    for dimension, qualifier in qualified:
        # "code 104" where one dimension is a code ("clinic_code"); "by type" where one is a type; never an
        # everyday word of questions ("the numbers for Leith" are no lot_number)
        if [q for _, q in qualified].count(qualifier) == 1 and (qualifier,) not in vocab.phrases \
                and qualifier not in COMMON:
            for form in ((qualifier,), *((p,) for p in plural_forms(qualifier))):
                vocab.add(form, Entry("dimension", dimension))
    for dimension, members in dimensions.items():
        named = dict(details[dimension].aliases) if dimension in details else {}
        for alias, member in named.items():  # the tenant's own aliases ("NA" → "North America")
            vocab.add(words_of(alias), Entry("member", dimension, member, False))
        for member in members:
            if not str(member).strip():
                continue
            words = words_of(member)
            weak = all(w in FUNCTION for w in words) or (len(words) == 1 and len(words[0]) < 2) \
                or _everyday_when_folded(member, words)
            for form in _member_forms(member):
                vocab.add(form, Entry("member", dimension, member, weak))
            for alias in _aliases(member):
                vocab.add(words_of(alias), Entry("member", dimension, member, alias in FUNCTION))
            for word in words:
                # "air" of "Air Plus": a part of a name, asked about rather than dropped
                if len(word) >= 3 and word.isalpha() and word not in FUNCTION:
                    vocab.member_words.setdefault(word, []).append(member)
            vocab.member_names.setdefault(fold(member.lower()), []).append((dimension, member))
    _add_member_numbers(vocab, dimensions)
    _add_first_words_of_kinds(vocab, dimensions)
    _add_number_forms(vocab, measures)
    _add_first_words(vocab, measures, dimensions=details_of(dimensions, details))
    _add_joined_names(vocab, measures)
    _add_shared_last_words(vocab, measures)
    _add_short_forms(vocab, measures=measures, dimensions=details_of(dimensions, details))
    _add_name_parts(vocab, dimensions)
    _add_name_heads(vocab, dimensions)
    for entries in vocab.phrases.values():
        # A member named like a measure or a dimension ("Sales" team): the member wins only when
        # written as the member; keep members first so the hit records them.
        entries.sort(key=lambda e: {"member": 0, "measure": 1, "dimension": 2}.get(e.kind, 3))
    return vocab


def _add_name_parts(vocab: Vocabulary, dimensions: Mapping[str, tuple[str, ...]]) -> None:
    """"hannah" of Hannah Lee (a rep): a person's first or last name alone names them where no other word of the
    tenant's is written so; said like any word ("revenue will rise") it is the word, so it names them only where
    the question says a name (``_settle``)."""
    vocab.people = people_dimensions(dimensions)
    for word, named in name_parts(dimensions).items():
        if (word,) in vocab.phrases:
            continue  # a word of the tenant's own ("Gadget", "rep") keeps its meaning
        for dimension, member in named:
            vocab.add((word,), Entry("member", dimension, member, weak=True, person=True))


def _add_name_heads(vocab: Vocabulary, dimensions: Mapping[str, tuple[str, ...]]) -> None:
    """"harborview" of Harborview Hospital: the distinctive first word of one member's name alone names it, where
    it is no word the tenant already has (name_heads.py)."""
    for word, (dimension, member) in name_heads(dimensions, people=vocab.people,
                                                names=(*dimensions, *vocab.model_measures)).items():
        if (word,) not in vocab.phrases:
            vocab.add((word,), Entry("member", dimension, member))
            vocab.heads[word] = member


def _divides_own(vocab: Vocabulary, words: tuple[str, ...]) -> bool:
    """Whether a catalogue ratio's words ("sales per order") divide two of the tenant's own measures: without
    the catalogue's parts (no revenue) that is the tenant's measure per the other, never a figure it lacks."""
    if "per" not in words:
        return False
    at = words.index("per")
    return vocab.has_measure(words[:at]) and any(vocab.has_measure(f) for f in _in_both_numbers(words[at + 1:]))


def _own_words(name: str, measure: Measure) -> list[str]:
    """The words of ``measure`` that are the tenant's, not the catalogue's: its column's name and the words
    the tenant gave it, with the other forms of a verb among them ("spend" → "spent") and other names of it
    ("ad spend"); never function words alone ("ins" of trade_ins)."""
    catalogue = set(CATALOGUE[name].words) if name in CATALOGUE else set()
    own = [w for w in measure.words if w not in catalogue and not function_only(words_of(w))]
    return list(dict.fromkeys([*own, *other_words(name, own)]))


def _add_number_forms(vocab: Vocabulary, measures: Mapping[str, Measure]) -> None:
    """"device shipped" of devices_shipped, "claims handled" of claim_handled: each word of a column's name of
    several words in either number names it, not only the last (the contract's "singular or plural")."""
    for name, measure in measures.items():
        for phrase in _own_words(name, measure):
            words = words_of(phrase)
            if len(words) < 2:
                continue
            for form in itertools.product(*(sorted(f for (f,) in _in_both_numbers((w,))) for w in words[:-1]),
                                          (words[-1],)):
                if form not in vocab.phrases:
                    vocab.add(form, Entry("measure", name), forgiving=False)


def _add_first_words(
    vocab: Vocabulary, measures: Mapping[str, Measure], *, dimensions: Mapping[str, Dimension]
) -> None:
    """"how much did we bill" of billed_amount: a column's distinctive first word names it, in every form of the
    verb it is ("bill", "billed", "billing") or in either number ("device", "devices"), where no other measure,
    dimension, member or catalogue word uses it; never a typo of something ("till" is no "bill"). One that only
    the tenant's own measures use ("billed" of billed_fees and billed_hours) names them all: asked back."""
    used: dict[str, set[str]] = {}  # word → the measures whose names or words hold it
    for name, measure in (*CATALOGUE.items(), *measures.items()):
        for phrase in (name.replace("_", " "), *measure.words):
            for word in words_of(phrase):
                for form in _in_both_numbers((word,)):
                    used.setdefault(form[0], set()).add(name)
    for name, dimension in dimensions.items():
        for phrase in (name.replace("_", " "), dimension.label, *dimension.words):
            for word in words_of(phrase):
                for form in _in_both_numbers((word,)):
                    used.setdefault(form[0], set()).add(f"dimension:{name}")
    own = {n for n, m in measures.items() if n not in CATALOGUE and not m.derived}
    shared: dict[str, tuple[str, ...]] = {}  # a first word → the tenant's measures it names together
    for name, measure in measures.items():
        words = words_of(name)
        word = first_word(words)
        # a verb ("billed", "shipped") says how either figure came about, so it is as much the amount's
        verb = len(words) > 1 and (bool(verb_forms(words[0])) or said_as_verb(words[0]))
        if name not in own or (word is None and not verb):
            continue
        # "tickets" of tickets_sold beside ticket_revenue: an amount the noun only qualifies counts no tickets
        counted = {o for o in measures if o != name and is_amount(o, measures[o])} if not (
            verb or is_amount(name, measure)) else set()
        owners = used.get(words[0], set()) - counted
        if owners == {name} and word is not None:
            _add_first_word(vocab, word, owners=owners, counted=counted, used=used, entry=Entry("measure", name))
        elif len(owners) > 1 and name in owners and owners <= own:
            # "ship" of shipped_units and shipped_value: even an everyday verb names the figures it opens
            shared[words[0]] = tuple(n for n in measures if n in owners)
    for word, names in shared.items():
        options = tuple(("", measures[n].label) for n in names)
        _add_first_word(vocab, word, owners=set(names), counted=set(), used=used,
                        everyday=bool(verb_forms(word)) or said_as_verb(word),
                        entry=Entry("ambiguous", word, options=options, shared=True, measures=names))


def _add_first_word(
    vocab: Vocabulary, word: str, *, owners: set[str], counted: set[str], used: Mapping[str, set[str]], entry: Entry,
    everyday: bool = False,
) -> None:
    """``word`` and its other forms as ``entry``, each only where nothing but ``owners`` uses it (nor questions,
    unless ``everyday``)."""
    for form in (word, *(verb_forms(word) or (f for (f,) in _in_both_numbers((word,)) if f != word))):
        free = used.get(form, owners) - counted == owners and (everyday or form not in COMMON) \
            and not vocab.members_with_word(form)
        # a figure other companies hold ("tickets") is this one's where its own column counts it
        held = any(e.kind != "unsupported_measure" for e in vocab.phrases.get((form,), ()))
        if free and not held and form not in vocab.member_names:
            vocab.phrases.pop((form,), None)
            vocab.add((form,), entry, forgiving=False)


def _add_joined_names(vocab: Vocabulary, measures: Mapping[str, Measure]) -> None:
    """"writeoffs" of write_offs, "newmatters" of new_matters: a name of two words written as one, in either
    number, where that spelling is no other word of the tenant's or of questions (a figure the data lacks,
    "signups" of the catalogue's new customers, is the tenant's column here)."""
    for name, measure in measures.items():
        words = words_of(name)
        if measure.derived or len(words) != 2:
            continue
        for form in _in_both_numbers(("".join(words),)):
            entries = vocab.phrases.get(form, [])
            held = any(e.kind not in ("missing_measure", "unsupported_measure") for e in entries)
            # an everyday word of questions ("breakdown" of break_downs) is no figure, unless the catalogue's
            if not held and (form[0] not in COMMON or entries) and not vocab.members_with_word(form[0]) \
                    and form[0] not in vocab.member_names:
                vocab.phrases.pop(form, None)
                vocab.add(form, Entry("measure", name), forgiving=False)


def _add_shared_last_words(vocab: Vocabulary, measures: Mapping[str, Measure]) -> None:
    """"accounts" of new_accounts and churned_accounts: a last word of several measures' names names no one
    of them, so it is asked about (unless the question names a measure, or says "accounts for")."""
    owners: dict[tuple[str, ...], list[str]] = {}
    for name in measures:
        words = words_of(name)
        if len(words) > 1 and name not in CATALOGUE:
            for form in _in_both_numbers(words[-1:]):
                owners.setdefault(form, []).append(name)
    for form, names in owners.items():
        if len(names) > 1 and form not in vocab.phrases and not function_only(form):
            options = tuple(("", measures[n].label) for n in names)
            vocab.add(form, Entry("ambiguous", " ".join(form), options=options, shared=True), forgiving=False)


def details_of(dimensions: Mapping[str, tuple[str, ...]], details: Mapping[str, Dimension]) -> dict[str, Dimension]:
    return {name: details.get(name) or Dimension(name=name, label=name.replace("_", " ")) for name in dimensions}


def _add_short_forms(
    vocab: Vocabulary, *, measures: Mapping[str, Measure], dimensions: Mapping[str, Dimension]
) -> None:
    """Short forms of the tenant's measure and dimension names ("rev", "appts", "svc line", "acct mgr", "AM"),
    each where it names one thing only and is no word of the tenant's already; one that could name several
    (two measures, or a measure and a member starting so) is kept to ask which was meant."""
    offered: dict[tuple[str, ...], dict[tuple[str, str], str]] = {}  # form → {(kind, name): label}

    def offer(phrases: Iterable[tuple[str, ...]], kind: str, name: str, label: str, *, derive: bool) -> None:
        for phrase in phrases:
            for form in _shortened(phrase, derive=derive):
                offered.setdefault(form, {})[(kind, name)] = label

    for name, measure in measures.items():
        offer(_in_both_numbers(words_of(name)), "measure", name, measure.label, derive=True)
        offer(map(words_of, (*measure.words, *MEASURE_WORDS.get(name, ()))), "measure", name, measure.label,
              derive=False)
    for name, measure in CATALOGUE.items():
        if name not in measures:
            offer(_in_both_numbers(words_of(name)), "missing_measure", name, measure.label, derive=True)
    for name, dimension in dimensions.items():
        own = {words_of(w) for w in dimension.words}
        offer({*_in_both_numbers(words_of(name)), *own}, "dimension", name, dimension.label, derive=True)
        offer(_dimension_words(name), "dimension", name, dimension.label, derive=False)
        if name.lower() in SELLER_DIMENSIONS:
            offer({words_of(w) for w in SELLER_WORDS}, "dimension", name, dimension.label, derive=False)
            for word in SELLER_WORDS:
                offered.setdefault(words_of(word), {})[("dimension", name)] = dimension.label
    members = sorted({*vocab.member_words, *(n for n in vocab.member_names if n.isalpha())})
    for form, targets in offered.items():
        if form in vocab.phrases:
            continue  # a word of the tenant's own ("App" the channel) keeps its meaning
        own = {t: label for t, label in targets.items() if t[0] != "missing_measure"}
        # "rev" could be the member "Revere"; "coll" is no member for starting "Summer Collection", whose
        # "collection" is the dimension's own word.
        starting = [m for m in (_starting_with(members, form[0]) if len(form) == 1 and own else [])
                    if not any(e.kind in ("measure", "dimension") for e in vocab.phrases.get((m,), ()))]
        if len(own) == 1 and not starting:
            (kind, name), = own
            vocab.add(form, Entry(kind, name), forgiving=False)
        elif own:
            options = (*(("", label) for label in own.values()),
                       *((dim, member) for word in starting for dim, member in _members_named(vocab, word)))
            vocab.add(form, Entry("ambiguous", " ".join(form), options=tuple(dict.fromkeys(options))), forgiving=False)
        elif len(targets) == 1:
            (kind, name), = targets
            vocab.add(form, Entry(kind, name), forgiving=False)
    for name in dimensions:
        letters = initials(words_of(name))
        if letters and (letters,) not in vocab.phrases and sum(
                initials(words_of(other)) == letters for other in dimensions) == 1:
            # Two letters ("AM", "BC") are words or chat ("bc": because) unless written in capitals.
            capitals = len(letters) < 3 or everyday(letters) or letters in FUNCTION
            for form in (letters, letters + "s"):
                vocab.add((form,), Entry("dimension", name, capitals=capitals), forgiving=False)


def _in_both_numbers(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    """"drug cost" and "drug costs", "no shows" and "no show": a name's phrases that short forms are made of."""
    if not phrase:
        return set()
    last = phrase[-1]
    other = last[:-3] + "y" if last.endswith("ies") else last[:-1] if re.search(r"[^s]s$", last) else plural(last)
    return {phrase, (*phrase[:-1], other)}


def _shortened(phrase: tuple[str, ...], *, derive: bool) -> set[tuple[str, ...]]:
    """``phrase`` with one or more words in a short form; standard ones only, unless ``derive``."""
    options = []
    for word in phrase:
        shorts = set(standard(word))
        if derive:
            shorts |= derived(word)
        options.append((word, *sorted(shorts)))
    if prod(len(o) for o in options) > MAX_SHORT_FORMS:
        return {(*phrase[:k], short, *phrase[k + 1:]) for k, o in enumerate(options) for short in o[1:]}
    return {form for form in itertools.product(*options) if form != phrase}


def _starting_with(words: list[str], start: str) -> list[str]:
    """The words of sorted ``words`` that begin with ``start`` ("rev" → "revere")."""
    found = []
    for word in itertools.islice(words, bisect.bisect_left(words, start), None):
        if not word.startswith(start):
            break
        found.append(word)
    return found


def _members_named(vocab: Vocabulary, word: str) -> list[tuple[str, str]]:
    named = list(vocab.member_names.get(word, []))
    for member in vocab.member_words.get(word, []):
        named += [pair for pair in vocab.member_names.get(fold(member.lower()), []) if pair not in named]
    return named


@lru_cache(maxsize=64)
def _cached(
    version: str, measures: tuple[Measure, ...], dimensions: tuple[tuple[str, tuple[str, ...]], ...],
    details: tuple[Dimension, ...] = (),
) -> Vocabulary:
    return build(measures={m.name: m for m in measures}, dimensions=dict(dimensions),
                 details={d.name: d for d in details})


def vocabulary_for(model: SemanticModel) -> Vocabulary:
    """The matcher of ``model``'s words, built once per model version (and content, so two models
    that share a version string by mistake never share a matcher)."""
    return _cached(model.version, tuple(model.definitions.values()),
                   tuple((k, tuple(v)) for k, v in model.dimensions.items()), tuple(model.dimension_details.values()))
