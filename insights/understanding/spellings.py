"""British and American spellings of one word ("harbour" and "harbor", "centre" and "center", "colour" and
"color"): the same member or measure written the other way is that member, not a typo to ask about.

Only the regular patterns are rewritten, in both directions; a rewritten spelling matters only where it is a
word of the tenant's, so "four" becoming "for" names nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

MIN_LETTERS = 4
# (British, American) pieces of a word, each tried where it ends the word or stands before a suffix.
_SUFFIX = r"(?=(?:s|ed|ing|ite|ites|ful|hood|hoods|ist|ists|able)?$)"
_PAIRS: tuple[tuple[re.Pattern[str], str, re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?<=[a-z]{{2}}){british}{_SUFFIX}"), american, re.compile(rf"(?<=[a-z]{{2}}){american}{_SUFFIX}"),
     british)
    for british, american in (("our", "or"), ("tre", "ter"), ("ise", "ize"), ("isation", "ization"),
                              ("yse", "yze"), ("ogue", "og"), ("ellery", "elry"))
)
# Whole words whose spellings differ beyond a regular piece.
_WORDS: dict[str, str] = {"grey": "gray", "tyre": "tire", "tyres": "tires", "aluminium": "aluminum",
                          "programme": "program", "programmes": "programs", "cosy": "cozy", "kerb": "curb"}
_WORDS |= {american: british for british, american in _WORDS.items()}


@lru_cache(maxsize=20_000)
def spellings(word: str) -> tuple[str, ...]:
    """``word`` (lower-case) written the other side of the Atlantic, in every regular way it can be."""
    if len(word) < MIN_LETTERS or not word.isalpha():
        return ()
    out = {_WORDS[word]} if word in _WORDS else set()
    for british, american, american_piece, british_text in _PAIRS:
        out |= {british.sub(american, word, count=1), american_piece.sub(british_text, word, count=1)}
    return tuple(sorted(out - {word}))
