"""Short forms people type for a tenant's measure and dimension words: "rev", "appts", "qty", "svc line", "AM".

Derived from the words themselves, so they hold for any company's columns: a
prefix of three letters or more that ends on a consonant ("rev", "conv"), a
consonant skeleton that keeps the first letter and ends on the word's last
consonant ("appt", "amt", "mgmt", "svc"), each also with a plural "s"
("appts", "convs"); plus a short list of standard business abbreviations
whose letters cannot be derived ("txn") or that are everyday words too
("disc"). The vocabulary decides which of them are unambiguous for a tenant.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import combinations

from insights.understanding.words import COMMON, FUNCTION, zipf

MIN_LETTERS = 3
MAX_SKELETON = 4
# A derived form this frequent is a word of its own ("app", "book", "sea"), not a short form.
EVERYDAY_ZIPF = 4.0
VOWELS = frozenset("aeiou")
STANDARD: dict[str, str] = {
    "rev": "revenue", "qty": "quantity", "amt": "amount", "appt": "appointment", "cust": "customer",
    "txn": "transaction", "ord": "order", "disc": "discount", "avg": "average", "mgr": "manager",
    "mgmt": "management", "acct": "account", "dept": "department", "svc": "service", "conv": "conversion",
    "exec": "executive", "prod": "product", "cat": "category", "mktg": "marketing", "inv": "invoice",
    "num": "number", "div": "division", "mins": "minutes", "hrs": "hours",
}
# Chat and calendar spellings the parser reads itself: never a tenant's short form.
RESERVED = frozenset("""
yr yrs qtr qtrs wk wks mo mos mth mths mnth mnths yest prev ytd mtd qtd wtd ttm yoy mom qoq wow
mon tue tues wed thu thur thurs fri sat sun pls plz thx btw fyi asap tbh imo aka min max
lmk idk omg lol brb ngl fwiw afaik iirc eod eow eom eoy nvm
""".split())  # noqa: SIM905 - a word list reads best as text


@lru_cache(maxsize=1)
def full_words() -> dict[str, list[str]]:
    """Each full word of ``STANDARD`` with its standard short forms."""
    out: dict[str, list[str]] = {}
    for short, word in STANDARD.items():
        out.setdefault(word, []).append(short)
    return out


@lru_cache(maxsize=4096)
def derived(word: str) -> frozenset[str]:
    """The short forms derivable from ``word`` (lower-case letters), each also with a plural "s";
    none that is an everyday word, a parser word, or the word itself."""
    if len(word) <= MIN_LETTERS or not word.isalpha():
        return frozenset()
    # A prefix cuts the word well short ("rev", "conv"): "stat" is no short form of "state".
    forms = {word[:k] for k in range(MIN_LETTERS, len(word)) if word[k - 1] not in VOWELS and k * 5 <= len(word) * 3}
    forms = {f for f in forms | _skeletons(word) if not _taken(f)}
    # "apps" is no short form of "appointments" where "app" is none either
    forms |= {f + "s" for f in forms if not f.endswith("s") and not _taken(f + "s")}
    return frozenset(forms - {word})


@lru_cache(maxsize=4096)
def standard(word: str) -> frozenset[str]:
    """The standard short forms of ``word`` or of its singular ("appointments" → "appt", "appts"), even
    where they are words too ("disc"); never a parser word."""
    out: set[str] = set()
    for full, shorts in full_words().items():
        if word == full:
            out.update(shorts)
            out.update(s + "s" for s in shorts)
        elif word in (full + "s", full + "es", full[:-1] + "ies"):
            out.update(s + "s" for s in shorts)
            out.update(shorts)
    return frozenset(f for f in out if f not in RESERVED)


def initials(words: tuple[str, ...]) -> str | None:
    """"account manager" → "am": the first letters of a name of two or three words."""
    if not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)


def everyday(form: str) -> bool:
    """Whether ``form`` is a word people use on its own ("am", "pm", "it"), so it names something only
    when written in capitals."""
    return form in COMMON or zipf(form) >= EVERYDAY_ZIPF


def _skeletons(word: str) -> set[str]:
    """First letter + consonants, in order, ending on the word's last consonant: "appointment" → "appt",
    "apt", "apnt"…; "quantity" → "qty" ("y" counts as a consonant)."""
    consonants = [k for k in range(1, len(word)) if word[k] not in VOWELS]
    if not consonants:
        return set()
    last, middle = consonants[-1], consonants[:-1]
    out = set()
    for size in range(MIN_LETTERS - 2, MAX_SKELETON - 1):
        for picked in combinations(middle, size):
            out.add(word[0] + "".join(word[k] for k in picked) + word[last])
    return {f for f in out if len(f) >= MIN_LETTERS}


def _taken(form: str) -> bool:
    return form in RESERVED or form in FUNCTION or everyday(form)


# Chat shorthand for the parser's own words ("gap btwn x and y", "wkly visits", "w/o ontario", "the mgmt mtg"):
# written out before anything reads the text. A tenant's own word ("BC" the province, "Tho" a rep) is never rewritten.
CHAT: dict[str, str] = {
    "btwn": "between", "btw'n": "between", "b/w": "between", "wkly": "weekly",
    "mthly": "monthly", "mnthly": "monthly", "mtly": "monthly", "qtrly": "quarterly", "qtly": "quarterly",
    "yrly": "yearly", "bc": "because", "b/c": "because", "w/o": "without", "w/": "with", "thru": "through",
    "tho": "though", "abt": "about", "approx": "approximately", "approx.": "approximately", "vs.": "vs",
    "v.": "vs", "accts": "accounts",
    # the meetings a figure is for ("for the mgmt mtg -"), written out so framing knows them
    "mtg": "meeting", "mtgs": "meetings", "mtng": "meeting", "preso": "presentation", "prezo": "presentation",
}
# "w/" and "b/w" end on a slash; "v." only between two words ("ontario v. quebec"), never "v.2" or a last initial.
_CHAT = re.compile(r"(?i)(?<![\w/.])(?:" + "|".join(re.escape(k) for k in sorted(CHAT, key=len, reverse=True))
                   + r")(?=\s|$|[,;:!?)]|(?<=/)(?!e\b)\w)")  # "w/e" is a week ending


def chat_written_out(text: str, *, tenant_word: Callable[[str], bool]) -> str:
    """``text`` with the asker's chat shorthand written out, unless the tenant's data has that word."""

    def out(match: re.Match[str]) -> str:
        said = match.group(0)
        low = said.lower()
        between = re.search(r"\w\s+$", text[:match.start()]) and re.match(r"\s+\w", text[match.end():])
        if tenant_word(low.strip("./")) or (low == "v." and not between):
            return said
        full = CHAT[low]
        return f"{full} " if low.endswith("/") and match.end() < len(text) and text[match.end()].isalnum() else full

    return _CHAT.sub(out, text)
