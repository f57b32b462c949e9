"""English grammatical number, the one way SalesTalk changes it: "branch" ↔ "branches", "battery" ↔ "batteries".

Matching: people write a member, a dimension or a measure in whichever number the sentence wants ("battery
sales" of Batteries, "per ticket sold" of tickets_sold), so ``singular_forms`` and ``plural_forms`` give every
reading the regular rules allow, most likely first. Where the rules leave a doubt ("horses" → "horse" or
"hors") every reading is kept, since a form nobody writes matches nothing.

Display: ``plural`` and ``singular`` write a name with its last word in the first reading ("booking channel" →
"booking channels"); a name already in that number stays as it is ("species", "sales").

Regular English only, no dictionary and no irregular plurals ("people"). The ``inflection`` package is not
used: it leaves every word in "us" as a plural ("campus", "bonus"), and its readings are not the matching ones.
"""
from __future__ import annotations

from collections.abc import Iterator

# Words in "ss" are singular ("glass", "class"); one in "us" or "is" may be either ("bonus", "analysis";
# "skus", "kpis").
_SINGULAR = "ss"
_EITHER = ("us", "is")
# Plurals whose singular is the same word; they stay as written either way.
_SAME_IN_BOTH = frozenset({"series", "species", "news"})
# Plurals in "-ses" of singulars in "-sis": "analyses", "theses", "diagnoses", "crises".
_OF_SIS = ("yses", "theses", "gnoses", "crises")
MIN_PLURAL = 3  # the shortest word read as a plural: "ads"
_VOWELS = "aeiou"


def is_plural(word: str) -> bool:
    """Whether ``word`` reads only as a plural: "branches", "sales", "ads"; not "glass", "bonus", "kpis"."""
    return len(word) >= MIN_PLURAL and word.isalpha() and word.endswith("s") and not word.endswith(
        (_SINGULAR, *_EITHER))


def singular_forms(word: str) -> tuple[str, ...]:
    """The singulars ``word`` may be the plural of, most likely first (none where it reads as no plural)."""
    if len(word) < MIN_PLURAL or not word.isalpha() or not word.endswith("s") or word.endswith(_SINGULAR):
        return ()
    readings = [*_likely_singulars(word), word[:-1]]
    if word.endswith("es") and len(word) > MIN_PLURAL:
        readings.append(word[:-2])
    if word.endswith("ies") and len(word) > MIN_PLURAL:
        readings.append(word[:-3] + "y")
    if word.endswith("ves"):
        readings += [word[:-3] + "f", word[:-3] + "fe"]
    return tuple(dict.fromkeys(readings))


def _likely_singulars(word: str) -> Iterator[str]:
    """The readings of ``word`` to put before the plain "-s" one, where its ending makes them likelier."""
    if word.endswith("ies") and len(word) > MIN_PLURAL + 1:
        yield word[:-3] + "y"  # batteries; "pies" and "ties" keep their "ie"
    elif word.endswith(("lves", "eaves", "oaves")):
        yield word[:-3] + "f"  # shelves, leaves, loaves
    elif word.endswith(_OF_SIS):
        yield word[:-2] + "is"
    elif word.endswith("zzes"):
        yield word[:-3]  # quizzes
    elif word.endswith(("sses", "shes", "ches", "xes", "tzes")) or (
            word.endswith("uses") and len(word) > 4 and word[-5] not in _VOWELS):
        yield word[:-2]  # classes, brushes, boxes, waltzes; statuses, buses (but houses, causes)
    elif word.endswith("oes") and len(word) > 5:
        yield word[:-2]  # tomatoes, heroes (but shoes, toes)


def plural_forms(word: str) -> tuple[str, ...]:
    """The plurals of the singular ``word``, most likely first (none where it reads only as a plural)."""
    if not word.isalpha() or is_plural(word):
        return ()
    if word.endswith("sis"):
        return (word[:-2] + "es", word + "es")  # analyses
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return (word[:-1] + "ies",)
    if word.endswith("ife"):
        return (word[:-2] + "ves", word + "s")  # knives, wives (but cafes)
    if word.endswith("fe"):
        return (word + "s", word[:-2] + "ves")
    if word.endswith(("lf", "eaf", "oaf")):
        return (word[:-1] + "ves", word + "s")  # shelves, leaves (but roofs, chiefs)
    if word.endswith("f"):
        return (word + "s", word[:-1] + "ves")
    if word.endswith("o") and len(word) > 1 and word[-2] not in _VOWELS:
        return (word + "s", word + "es")  # photos, potatoes
    return (word + "s",)


def other_numbers(word: str) -> tuple[str, ...]:
    """``word`` in the other number: its singulars if it reads as a plural, its plurals if a singular (both for
    a word in "us" or "is")."""
    return (*singular_forms(word), *plural_forms(word))


def in_both_numbers(phrase: str) -> tuple[str, ...]:
    """``phrase``, then with its last word in the likeliest reading of each other number it may take: "demo
    requests" → "demo request"; "active skus" → "active sku", "active skuses"."""
    head, space, last = phrase.rpartition(" ")
    others = (*singular_forms(last)[:1], *plural_forms(last)[:1])
    return tuple(dict.fromkeys((phrase, *(f"{head}{space}{other}" for other in others))))


def plural(name: str) -> str:
    """``name`` in the plural, for people: its last word in the first reading ("sales rep" → "sales reps",
    "category" → "categories"); a name already plural, or with no plural ("unit 7"), stays as it is."""
    head, space, last = name.rpartition(" ")
    forms = plural_forms(last)
    return f"{head}{space}{forms[0]}" if forms else name


def singular(name: str) -> str:
    """``name`` in the singular, for people: "orders" → "order", "boxes" → "box"; a name that reads as no plural
    ("status", "tickets sold"), or the same in both numbers ("series"), stays as it is."""
    head, space, last = name.rpartition(" ")
    if not is_plural(last) or last in _SAME_IN_BOTH:
        return name
    return f"{head}{space}{singular_forms(last)[0]}"
