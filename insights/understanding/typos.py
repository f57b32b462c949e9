"""One-typo forgiveness for the parser's own words ("qurater", "Novmeber", "veruss").

Tenant words (measures, dimensions, members) have their own typo rule in
``insights.understanding.vocabulary``; this pass fixes the calendar and question words the
rules of the parser look for, before anything else reads the text. A word that
is everyday English, or the tenant's, or one typo away from one of the tenant's
words, is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from core.number_forms import singular_forms
from insights.understanding.vocabulary import DIMENSION_NOUNS, damerau_levenshtein, deletions
from insights.understanding.words import COMMON, FUNCTION, MEASURE_LIKE, MEMBER_LIKE, ordinary

MIN_LETTERS = 5
# Everyday words ("qucik", "wich", "sel") are put right from three letters, but only for the two slips of typing
# that rarely make another word's abbreviation: a letter left out or two letters swapped. A changed letter would
# turn "yoy" into "you"; an extra one, a plural into its singular.
MIN_EVERYDAY_LETTERS = 3
KEYWORDS: frozenset[str] = frozenset("""
january february march april june july august september october november december
quarter quarters quarterly month months monthly weekly years yearly daily today yesterday
between compared compare comparison versus previous since through until excluding except
summary summarize overview breakdown trend trends growth change changed average total
drove drivers driver highest lowest biggest bigger smaller smallest worst bottom performance perform
weather capital password percentage percent trailing rolling
""".split()) | DIMENSION_NOUNS  # noqa: SIM905 - a word list reads best as text
# The framing's own adjectives ("quick q", "simple question"): everyday words the question lists leave out.
EVERYDAY: frozenset[str] = frozenset({"quick", "simple", "easy", "short", "fast"})
# Slips of the commonest question words that chat has typed so often that they pass for words ("teh" and "hw" are
# as common as "lexicon", so the everyday rule below, which leaves ordinary words alone, never reaches them): read
# as the word only where that word stands, since each is some tenant's short form too ("hw revenue" of hardware,
# "ot hours" of overtime, which stay names to ask about). Rarer slips ("waht", "whcih", "thsi", "adn", "wiht") are
# found by that rule; "yr" is the year of the time expressions, never "your".
_CLAUSE_OPENS = r"(?:^|[.,;:!?(-]|\b(?:and|so|ok|okay|but|then|now|hey|hi|q|one|also))\W*$"
_NOT_AFTER = r"(?<!\bme)(?<!\bus)(?<!\bthe)(?<!\ban)(?<!\ba)(?<!\bour)(?<!\bmy)(?<!\band)(?<!\bor)"
FUNCTION_SLIPS: dict[str, tuple[str, re.Pattern[str], re.Pattern[str]]] = {
    # (the word, what may stand before the slip, after it); "before" is searched in the text up to the slip
    **dict.fromkeys(("teh", "tha"), ("the", re.compile(r""), re.compile(r"\s+[a-z0-9]"))),
    "hw": ("how", re.compile(_CLAUSE_OPENS), re.compile(
        r"(?:'s|\s+(?:many|much|did|do|does|is|are|was|were|has|have|had|about|come|far|well|long|often|close|big|"
        r"r|we|our|u|you)\b)")),
    **dict.fromkeys(("wat", "wut"), ("what", re.compile(_CLAUSE_OPENS), re.compile(r"(?:'s|\s+[a-z])"))),
    # "compared ot last year", "from june ot august", "up ot date"
    "ot": ("to", re.compile(r"\b(?:(?:compared|compare|comparing|relative|up|close|closer|track|due|next|going|"
                             r"according|similar|contributed|added|down|back)|from\s+(?:\S+\s+){1,3})\s*$"),
           re.compile(r"\s+[a-z0-9$£€]")),
    # "share fo revenue", "top 3 fo our sites": after what it is of, never opening a clause or after "me", "the"
    "fo": ("of", re.compile(rf"(?:[a-z0-9%]){_NOT_AFTER}\s+$"), re.compile(r"\s+[a-z0-9]")),
}
_WORD = re.compile(r"[^\W\d_]+")  # letters of any script: "hovfjället" is one word
# A slip is a word of its own, never a piece of a number or a short form ("2nd", "o'fo", "HW-12")
_INSIDE = re.compile(r"[\w'’&/-]")
# The asker's chat spelling of "are" ("how r we doing", "r we on track", "what r our top products"): "r" where a
# verb sits, after a question word or before its subject; never a letter of a name ("r&d", "R Street").
_CHAT_ARE = re.compile(r"(?i)(?P<before>^|[\s,!?(])r(?=\s+(?:we|you|u|they|things|our|the|sales|it|these|those)\b)"
                       r"|(?P<asks>\b(?:how|hows|what|why|who|when|where|which)\s+)r(?![\w&'.-])")


_PLACE_BEFORE = re.compile(r"(?i)\b(?:at|in|for|from|excluding|except|without)\s+(?:the\s+|our\s+)?$")


@lru_cache(maxsize=1)
def _index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for word in KEYWORDS:
        for variant in {word, *(word[:k] + word[k + 1:] for k in range(len(word)))}:
            index.setdefault(variant, set()).add(word)
    return index


@lru_cache(maxsize=20_000)
def keyword_near(word: str) -> str | None:
    """The one parser keyword ``word`` is a typo of, if exactly one."""
    candidates: set[str] = set()
    for variant in {word, *(word[:k] + word[k + 1:] for k in range(len(word)))}:
        candidates |= _index().get(variant, set())
    close = sorted(c for c in candidates if damerau_levenshtein(c, word) <= 1)
    return close[0] if len(close) == 1 else None


def chat_spelled(text: str, *, tenant_word: Callable[[str], bool]) -> str:
    """``text`` with the asker's chat spelling of "are" written out, unless "r" alone names something of the
    tenant's (``tenant_word``: a member "R")."""
    if tenant_word("r"):
        return text
    return _CHAT_ARE.sub(lambda m: f"{m['before'] or ''}{m['asks'] or ''}are", text)


@lru_cache(maxsize=1)
def _everyday_index() -> dict[str, set[str]]:
    """Each everyday word under every spelling of it with one letter left out or two neighbours swapped."""
    index: dict[str, set[str]] = {}
    # A slip that would spell a thing a dataset holds ("stor", "regon") stays a name to ask about.
    things = DIMENSION_NOUNS | MEMBER_LIKE | MEASURE_LIKE
    for word in COMMON | EVERYDAY:
        if not word.isalpha() or word in things or any(s in things for s in singular_forms(word)):
            continue
        slips = deletions(word)
        slips |= {word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1)}
        for slip in slips - {word}:
            index.setdefault(slip, set()).add(word)
    return index


def everyday_near(word: str) -> str | None:
    """The one everyday word ``word`` is a slip of (a letter left out, two swapped), if exactly one."""
    candidates = _everyday_index().get(word, set())
    return next(iter(candidates)) if len(candidates) == 1 else None


def correct_keywords(text: str, *, tenant_word: Callable[[str], bool]) -> str:
    """``text`` with misspelt parser words put right; ``tenant_word`` tells the tenant's own words."""

    shouted = text.upper() == text

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if low in FUNCTION_SLIPS and _function_slip(match, text=text, shouted=shouted) and not tenant_word(low):
            return FUNCTION_SLIPS[low][0]
        if len(low) < MIN_EVERYDAY_LETTERS or low in COMMON or low in KEYWORDS or tenant_word(low):
            return word
        # A capitalised word inside a sentence is a name ("Augusta", "Marsh"): never turned into a keyword.
        opening = not re.search(r"[A-Za-z0-9]", text[:match.start()].rsplit(".", 1)[-1].rsplit("?", 1)[-1])
        if word[0].isupper() and not (opening or shouted):
            return word
        # "revenue at acme's": where a name goes, an unknown word is a name to ask about, never the everyday word
        # it is a slip of ("came"); a calendar word or a function word still is one ("in novmeber", "for teh")
        everyday = everyday_near(low)
        if everyday not in FUNCTION and _PLACE_BEFORE.search(text, 0, match.start()):
            everyday = None
        near = (keyword_near(low) if len(low) >= MIN_LETTERS else None) or everyday
        # An ordinary word is itself, not a typo: "match" is no "march", "sine" no "since".
        return near if near is not None and not ordinary(low) else word

    return _WORD.sub(fix, text)


def _function_slip(match: re.Match[str], *, text: str, shouted: bool) -> bool:
    """Whether the word of ``match`` stands where the question word it slips from does: typed in lower case
    (capitals are a short form, "OT" for overtime, unless the whole question is shouted), a word of its own, and
    between words that word goes between."""
    word, a, b = match.group(0), match.start(), match.end()
    _, before, after = FUNCTION_SLIPS[word.lower()]
    low = text.lower()
    cased = word.islower() or shouted or (word[0].isupper() and word[1:].islower() and not text[:a].strip())
    return (cased and not (a and _INSIDE.match(text, a - 1)) and bool(before.search(low[:a]))
            and bool(after.match(low, b)))
