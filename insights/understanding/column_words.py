"""Words a tenant's column names give its measures and dimensions, beyond the names themselves.

A column's own name is the tenant's word, so it beats the catalogue's synonyms and the weak
selling words ("spend" is the ``spend`` column where there is one, not revenue); a verb naming a
measure names it in every form ("spent", "booked"). Parts of names that are function words
("ins" of ``trade_ins``) name nothing alone; a dimension named for an identifier ("lot_number")
answers to the thing it identifies ("which lot"). A column's whole name that another of the tenant's
measures is called by too ("gross profit" of ``gross_profit`` beside the catalogue's gross margin) names
neither: it is asked back, and the name with its underscore, or "the gross profit column", names the column.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from insights.understanding.cues import change_verb
from insights.understanding.words import COMMON, FUNCTION, SELLING

# Verbs a measure may be named by, in every form: where one form is a tenant's measure word, all of them are.
VERB_FORMS: tuple[tuple[str, ...], ...] = (
    ("spend", "spends", "spent", "spending"),
    (*SELLING, "sale", "sales"),
    ("book", "books", "booked", "booking", "bookings"),
    ("ship", "ships", "shipped", "shipping", "shipments"),
    ("bill", "bills", "billed", "billing", "billings"),
    ("earn", "earns", "earned", "earning", "earnings"),
    ("install", "installs", "installed", "installing", "installations"),
)
# Forms of those verbs, and past forms of others that column names end in ("cases_sold", "samples_sent"), that are
# no noun of a figure: "sales", "bookings", "installs" and "spend" ("ad spend") are figures too.
_VERBS = frozenset("""
sell sells sold selling spent spends book booked ship shipped bill billed earn earns earned install installed
sent made won lost paid bought brought taken given built held kept drawn grown told done
""".split())  # noqa: SIM905 - a word list reads best as text
# Verbs said with "for" of a part and its whole or a cause ("what accounts for the drop", "EMEA counts for half"):
# a shared last word so written names no figure; any other ("amount for the spring appeal") still does.
_VERBS_OF_FOR = frozenset({"account", "accounts", "accounted", "count", "counts", "counted", "stand", "stands",
                           "call", "calls", "pay", "pays"})
# Words that qualify many kinds of figure, so alone they say nothing of which: "net" of net_bookings, "late" of
# late_deliveries never name the column (``first_word``).
GENERIC_MODIFIERS = frozenset("""
net gross total new avg average mean median late early daily weekly monthly yearly annual number num count
unique active paid unpaid repeat returning actual planned budget budgeted estimated adjusted organic direct
max min open closed pending sum cumulative overall base extra other misc
""".split())  # noqa: SIM905 - a word list reads best as text
# Other names of measures tenants often have a column for: an agency's "spend" is its "ad spend".
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "spend": ("ad spend", "media spend", "marketing spend", "advertising spend", "paid media spend"),
}
# The second word of a dimension named for what identifies its members: the members are the things
# themselves ("lot_number" holds lots), unlike "room_type", whose members are kinds of room.
IDENTIFIER_WORDS = frozenset({"number", "no", "id", "code", "name", "ref"})
# Dimension words inside everyday quantity phrases ("a lot more", "lots of", "the number of"): no dimension.
_QUANTITY_BEFORE = re.compile(r"(?:^|\s)an?\s+(?:whole\s+|great\s+|good\s+)?$")
_QUANTITY_AFTER = re.compile(r"\s+of\b")
_QUANTITY_WORDS = frozenset({"lot", "lots", "number", "numbers", "bunch", "couple", "pair"})
# "occupancy rate", "cancellation rate": a rate of something, which a summed measure is not ("bookings to
# seats ratio" is one measure per another: the parser's ``per``).
_RATE = re.compile(r"\b([a-z]{3,})[\s-]+(rates?|ratios?)\b")
# Words before "rate" that say which rate, or how it moved, not what it counts: "this rate", "the growth rate" (a
# growth ranking's), "a higher rate". Any other word is what the rate counts ("win rate", "close rate"), plain
# English or not.
_NOT_COUNTED = frozenset("""
growth higher lower faster slower better worse bigger smaller same current going overall average avg mean typical
usual normal flat fixed steady similar different whole actual real
""".split())  # noqa: SIM905 - a word list reads best as text


def _rate_of(word: str) -> bool:
    """Whether ``word`` before "rate" names what a rate counts ("win", "occupancy"), not which rate it is."""
    return word not in FUNCTION and word not in _NOT_COUNTED and not change_verb(word) and not (
        word.endswith("est") and word[:-3] in COMMON | {"high", "low", "fast", "slow", "big", "small"})


def named_elsewhere(*, name: str, forms: set[tuple[str, ...]], others: Mapping[str, set[tuple[str, ...]]]) -> list[str]:
    """The measures of ``others`` (measure → every form of its words) besides ``name`` that are called by one of
    ``forms``, the forms of ``name``'s whole name: "gross profit" of ``gross_profit`` is a word of gross margin."""
    return [other for other, said in others.items() if other != name and forms & said]


def said_as_change(*, written: str, between: str) -> bool:
    """Whether a measure's words ``written`` right after another measure's (``between`` them) are the verb of
    change they are spelled like: "did revenue drop off", "revenue declined" (of drop_offs, declines)."""
    first = re.split(r"[\s\-/]+", written.strip().lower())[0]
    return not between.strip() and change_verb(first)


def said_as_verb(written: str) -> bool:
    """Whether a measure's word ``written`` is a verb ("sold" of cases_sold, "shipped" of devices_shipped,
    "booked" of bookings): beside another measure's noun it says how that figure came about ("which varietal sold
    the most bottles"), never a second figure."""
    word = written.strip().lower()
    return word in _VERBS or (len(word) > 4 and word.isalpha() and word.endswith("ed"))


def verb_of_for(*, written: str, after: str) -> bool:
    """Whether ``written``, then ``after``, is a verb said with "for" ("what accounts for"), not a figure's noun."""
    return written.strip().lower() in _VERBS_OF_FOR and bool(re.match(r"\s+for\b", after))


def column_phrase(name: str) -> str:
    """"gross profit column": how a clarification offers the column whose whole name is another measure's word
    too, in words that read back as the column."""
    return f"{name.replace('_', ' ')} column"


def function_only(words: tuple[str, ...]) -> bool:
    """Whether every word of a phrase is a function word, or the plural of one ("ins" of ``trade_ins``)."""
    return all(w in FUNCTION or (w.endswith("s") and w[:-1] in FUNCTION) for w in words)


def other_words(name: str, words: list[str]) -> list[str]:
    """Words for the tenant's measure ``name`` beyond its own ``words``: the other forms of a verb among them
    ("spend" → "spent", "spending") and the other names of a measure tenants often keep ("ad spend")."""
    return [*(form for w in words if " " not in w for form in verb_forms(w)), *COLUMN_SYNONYMS.get(name, ())]


def first_word(words: tuple[str, ...]) -> str | None:
    """"billed" of ``billed_amount``, "devices" of ``devices_shipped``: the first word of a name of several words
    that may name the column alone, where it is a distinctive word (no generic modifier, function or everyday
    word of questions); the vocabulary checks that nothing else of the tenant's uses it."""
    if len(words) < 2:
        return None
    word = words[0]
    if len(word) < 2 or not word.isalpha() or word in FUNCTION or word in GENERIC_MODIFIERS or word in COMMON:
        return None
    return word


def verb_forms(word: str) -> tuple[str, ...]:
    """The other forms of the verb ``word`` is one form of ("spend" → "spent", "spending"), if it is one."""
    for forms in VERB_FORMS:
        if word in forms:
            return tuple(f for f in forms if f != word)
    return ()


def identified_thing(words: tuple[str, ...]) -> str | None:
    """"lot" of ``lot_number``, "invoice" of ``invoice_id``: the thing a two-word identifier column names."""
    if len(words) == 2 and words[1] in IDENTIFIER_WORDS and words[0].isalpha() and words[0] not in FUNCTION:
        return words[0]
    return None


def in_quantity_phrase(written: str, original: str, start: int, end: int) -> bool:
    """Whether the dimension word ``written`` at ``start:end`` of ``original`` is part of "a lot", "lots of"…"""
    if written not in _QUANTITY_WORDS:
        return False
    return bool(_QUANTITY_BEFORE.search(original[:start].lower()) or _QUANTITY_AFTER.match(original, end))


def unknown_rates(
    text: str, placed: list[tuple[int, int]], measures: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """Rates no measure of the tenant's is, each (phrase, start, end): "occupancy rate", a word no span
    places (``placed``), or "cancellation rate", a summed measure's words (``measures``) before "rate"."""
    found = []
    for m in _RATE.finditer(text):
        if any(a < m.end() and m.end(1) < b for a, b in (*placed, *measures)):
            continue  # "margin rate", "conversion rate": the phrase is a word of the tenant's or the catalogue's
        measure = next(((a, b) for a, b in measures if b == m.end(1)), None)
        if measure is not None and m.group(2).startswith("rate"):
            found.append((text[measure[0]:m.end()], measure[0], m.end()))
        elif measure is None and _rate_of(m.group(1)) and not any(a < m.end(1) and m.start() < b for a, b in placed):
            found.append((text[m.start():m.end()], m.start(), m.end()))
    return found
