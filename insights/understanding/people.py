"""Dimensions of people, and the parts of their members' names that name one of them.

A dimension is of people when its name is a noun for a person ("rep", "account_manager", "server") or when
its members are mostly people's names ("First Last"). In such a dimension a word that is the first or last
name of members of that dimension only ("hannah" of Hannah Lee) names them: one member, or several to ask
between ("jordan" of Jordan Park and Jordan Diaz). A word any other dimension's member also holds names none.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from insights.understanding.letters import fold
from insights.understanding.words import COMMON

PERSON_NOUNS = frozenset("""
rep salesperson seller agent owner manager server staff employee advisor adviser consultant exec executive ae sdr
bdr associate representative person closer broker realtor planner recruiter banker stylist therapist technician
driver cashier clerk waiter waitress chef bartender barista coach trainer teacher tutor instructor doctor nurse
dentist physician baker specialist officer
""".split())  # noqa: SIM905 - a word list reads best as text
# Nouns of things and places: members shaped like names ("Harbour Point", "Market Street") are not people there.
_THING_NOUNS = frozenset("""
store shop site location branch outlet venue city town state province region country market territory area zone
product sku item brand line category collection family campaign channel segment plan vendor supplier warehouse
source industry sector tier property hotel restaurant clinic school course program project account customer client
""".split())  # noqa: SIM905 - a word list reads best as text
_NAME = re.compile(r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?")
MIN_NAME_LETTERS = 3
_ARTICLES = frozenset({"the", "a", "an"})  # a name's first word that no person's is ("The Roundhouse")
# The share of members written "First Last" (and of distinct first and last words) from which they are people.
_MOSTLY = 0.8


def _named_for_people(dimension: str) -> bool:
    """"rep", "sales_reps", "account_manager", "agent_name": the dimension's noun is a person's."""
    words = [w for w in re.split(r"[\s_\-]+", dimension.lower()) if w]
    if words and words[-1] in ("name", "id"):
        words = words[:-1]
    noun = words[-1] if words else ""
    return noun in PERSON_NOUNS or (noun.endswith("s") and noun[:-1] in PERSON_NOUNS)


def _names_of_people(members: tuple[str, ...]) -> bool:
    """Whether ``members`` read as people's names: mostly two capitalised words, with first and last words
    mostly their own ("Widget Pro" and "Widget Max" share a first word, as people seldom do)."""
    pairs = [str(m).split() for m in members]
    named = [p for p in pairs if len(p) == 2 and all(_NAME.fullmatch(fold(w)) for w in p)]  # "Åsa Ström" too
    if len(members) < 3 or len(named) < _MOSTLY * len(members):
        return False
    firsts, lasts = {p[0] for p in named}, {p[1] for p in named}
    return len(firsts) >= _MOSTLY * len(named) and len(lasts) >= _MOSTLY * len(named)


def of_people(dimension: str, members: tuple[str, ...]) -> bool:
    noun = re.split(r"[\s_\-]+", dimension.lower())[-1]
    thing = noun in _THING_NOUNS or noun.removesuffix("s") in _THING_NOUNS
    return _named_for_people(dimension) or (not thing and _names_of_people(members))


# Those whom a business sells to or buys from, seldom a dimension of daily totals
_OTHERS = ("customer", "client", "buyer", "shopper", "guest", "patient", "student", "subscriber", "user", "member",
           "account", "supplier", "vendor", "partner", "patron", "donor", "candidate", "applicant", "tenant",
           "passenger", "traveller", "traveler", "visitor", "attendee", "player", "viewer", "reader", "resident",
           "borrower", "policyholder", "claimant", "diner", "rider", "learner", "volunteer", "caller")
# "who is our best customer": the answer is one of people the data has no dimension of (a rep is no customer)
_WHO_IS_OTHER = re.compile(r"\bwho(?:'s|\s+(?:is|are|was|were))\s+(?:(?:our|the|my|your)\s+)?(?:[a-z]+\s+){0,2}?"
                           rf"(?P<noun>(?:{'|'.join(_OTHERS)})s?)\b")
# "which guest spent the most": the kind of member asked for comes right after "which"
_WHICH_NOUN = re.compile(r"\bwhich\s+(?:(?:one|ones)\s+of\s+|of\s+)?(?:(?:our|the|my|your|these|those)\s+)?"
                         r"(?P<noun>[a-z][a-z'-]*)")
KINDS = frozenset({*_OTHERS, *PERSON_NOUNS, *_THING_NOUNS})  # nouns of the members a dimension may hold


def asks_for_other_people(text: str, *, people: tuple[str, ...]) -> bool:
    """Whether a "who is/are …" question asks for people of a kind none of ``people`` (dimensions) is named for."""
    said = _WHO_IS_OTHER.search(text)
    if not said:
        return False
    noun = said.group("noun").removesuffix("s")
    return not any(noun in re.split(r"[\s_\-]+", d.lower()) for d in people)


def unheld_which(low: str, *, held: Callable[[int], bool], figure: Callable[[int], bool]) -> tuple[int, str] | None:
    """Where "which <noun>" in ``low`` asks for members of a kind no dimension holds, and the noun: a person or
    thing ("which guest", "which store") that ``held`` (starts of dimension, member and period words) does not
    place, or a measure's word (``figure``: "member" of new_members). Ranking another dimension's members instead
    would answer a nearby question."""
    for said in _WHICH_NOUN.finditer(low):
        start, noun = said.start("noun"), said.group("noun")
        if held(start):
            continue
        if figure(start) or noun in KINDS or noun.removesuffix("s") in KINDS:
            return start, noun
    return None


def people_dimensions(dimensions: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(d for d, members in dimensions.items() if of_people(d, members))


def name_parts(dimensions: Mapping[str, tuple[str, ...]]) -> dict[str, list[tuple[str, str]]]:
    """Each lower-cased first or last name → the (dimension, member) pairs it names, in the dimension's order:
    members of one dimension of people whose first or last name it is, where no member of any other dimension
    holds the word ("jordan" of Jordan Park and Jordan Diaz; never "widget" of Widget Pro)."""
    holders: dict[str, set[str]] = {}  # word → the dimensions whose members hold it
    for dimension, members in dimensions.items():
        for member in members:
            for word in re.findall(r"[a-z][a-z'-]*", fold(str(member).lower())):
                holders.setdefault(word, set()).add(dimension)
    parts: dict[str, list[tuple[str, str]]] = {}
    for dimension in people_dimensions(dimensions):
        for member in dimensions[dimension]:
            words = fold(str(member).lower()).split()  # "asa" of Åsa Ström, as the question is read
            if len(words) < 2:
                continue  # a one-word member is named by its whole name
            for word in dict.fromkeys((words[0], words[-1])):
                # "the" of The Roundhouse is nobody's name: "at the o2 academy" names no venue
                if len(word) >= MIN_NAME_LETTERS and word.isalpha() and word not in _ARTICLES \
                        and holders.get(word) == {dimension}:
                    parts.setdefault(word, []).append((dimension, str(member)))
    return parts


# Where a sentence puts whom it is about: "did hannah sell", "how is hannah doing", "hannah closed".
_SUBJECT_BEFORE = re.compile(r"(?:\b(?:did|does|has|had|than)|\bhow(?:\s+(?:did|does|do|is|was|has|have|are|were)|"
                             r"'s|'d|s))\s+$")
# "revenue excluding hannah", "hannah vs jordan": what a preposition of exclusion or contrast governs is a name
_OBJECT_BEFORE = re.compile(r"\b(?:excluding|except|without|excl|besides|minus|vs\.?|versus|against)\s+$")
_DOER_AFTER = re.compile(r"\s+(?:sold|closed|booked|brought|made|won|signed|landed|did|had|has|is\s+doing|"
                         r"was\s+doing)\b")


def said_as_a_name(text: str, start: int, end: int, *, before_figure: bool) -> bool:
    """Whether the word at ``start:end`` of ``text`` (the question as written) is said where a name is: the subject
    of "did … sell" or "how is … doing", before a verb of doing, capitalised inside a question that is not one case,
    or (a word no question uses otherwise) just before a figure ("hannah revenue"). The possessive, the object of
    "for" and a follow-up's lone word are the vocabulary's own rules for every member named like a word."""
    word = text[start:end]
    before = text[max(0, start - 16):start].lower()
    if _SUBJECT_BEFORE.search(before) or _OBJECT_BEFORE.search(before) or _DOER_AFTER.match(text[end:].lower()):
        return True
    inside = not re.search(r"(?:^|[.?!:]\s*)$", text[:start])
    if word[:1].isupper() and inside and text != text.lower():
        return True
    return before_figure and word.lower() not in COMMON
