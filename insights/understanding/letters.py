"""Letters beyond ASCII in names and questions: "Sälen", "Øst", "Müller Straße", typed "salen", "ost", "strasse".

The parser reads a question lower-cased and *folded*: every accented Latin letter becomes its plain letter, one
for one ("sälen" → "salen", "øst" → "ost", "straße" → "strase"), so the text keeps its length (spans index the
question as written) and every pattern of plain letters reads the word whole. The vocabulary indexes each name
folded the same way, and also as people write it on a keyboard without those letters ("strasse", "mueller",
"baerum"). Whether a word was written with its marks is read from the question as written.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# A letter of any script in lower-cased text (not "²" or "½", which Unicode counts as word characters too).
LETTER = r"[^\W\d_A-Z\u00b2\u00b3\u00b9\u00bc-\u00be]"
# Letters that no Unicode decomposition takes to a plain one; the one-for-one letter keeps the length.
_ONE_FOR_ONE = {"ß": "s", "ø": "o", "æ": "a", "œ": "o", "þ": "t", "ð": "d", "ł": "l", "đ": "d", "ħ": "h",
                "ı": "i", "ŀ": "l", "ŧ": "t"}
# How those letters, and the German umlauts, are spelled on a keyboard without them.
_SPELLED_OUT = {"ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ä": "ae", "ö": "oe", "ü": "ue"}


@lru_cache(maxsize=4_096)
def _folded_letter(letter: str) -> str:
    if letter.lower() in _ONE_FOR_ONE:  # "Ø" → "O", as "ø" → "o"
        plain = _ONE_FOR_ONE[letter.lower()]
        return plain if letter.islower() else plain.upper()
    base, *marks = unicodedata.normalize("NFD", letter)
    if marks and base.isascii() and base.isalpha() and all(unicodedata.combining(m) for m in marks):
        return base
    return letter


def fold(text: str) -> str:
    """``text`` with accented Latin letters plain, one for one, in their case: the same length."""
    if text.isascii():
        return text
    return "".join(_folded_letter(c) for c in text)


def spelled_out(word: str) -> str:
    """``word`` (lower-case) as typed without its letters: "straße" → "strasse", "müller" → "mueller"."""
    return fold("".join(_SPELLED_OUT.get(c, c) for c in word))


def marked(written: str) -> bool:
    """Whether ``written`` has a letter that folding changes: "Åre", "sälen", never "are"."""
    return fold(written.lower()) != written.lower()


def composed(text: str) -> str:
    """``text`` with letters and their combining marks as one character ("a" + "̈" → "ä"), as most keyboards
    send them, so a name typed either way is one word."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)
