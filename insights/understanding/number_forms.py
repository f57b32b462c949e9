"""The other grammatical number of a word of a name: "battery" ↔ "batteries", "brush" ↔ "brushes", "knife" ↔ "knives".

People write a member, a dimension or a measure in whichever number the sentence wants ("battery sales" of
Batteries, "per ticket sold" of tickets_sold), so the vocabulary files each word of a name in both. Regular
English only, and generous: where the rules leave a doubt ("horses" → "horse" or "hors") every reading is
kept, since a form nobody writes matches nothing.
"""
from __future__ import annotations

# Words that end in "s" without being plurals: "glass", "analysis". One in "us" may be either: "bonus", "skus".
_NOT_PLURAL = ("ss", "is")
_EITHER = "us"
MIN_LETTERS = 3


def singular_forms(word: str) -> tuple[str, ...]:
    """The singulars ``word`` may be the plural of (none where it reads as no plural)."""
    if len(word) <= MIN_LETTERS or not word.isalpha() or not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y", word[:-1])  # batteries, movies
    if word.endswith("ves"):
        return (word[:-3] + "f", word[:-3] + "fe", word[:-1])  # loaves, knives, olives
    if word.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return (word[:-2], word[:-1])  # glasses, brushes, boxes; tomatoes, shoes
    return (word[:-1],)


def plural_forms(word: str) -> tuple[str, ...]:
    """The plurals of the singular ``word`` (none where it already reads as a plural)."""
    if len(word) < MIN_LETTERS or not word.isalpha() or (
            word.endswith("s") and not word.endswith((*_NOT_PLURAL, _EITHER))):
        return ()
    if word.endswith("y") and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    if word.endswith("fe"):
        return (word + "s", word[:-2] + "ves")
    if word.endswith("f"):
        return (word + "s", word[:-1] + "ves")
    return (word + "s",)


def other_numbers(word: str) -> tuple[str, ...]:
    """``word`` in the other number: its singulars if it reads as a plural, its plurals if a singular (both for
    a word in "us")."""
    return (*singular_forms(word), *plural_forms(word))
