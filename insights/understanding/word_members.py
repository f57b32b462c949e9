"""Members named like English words ("Rose", "Reading", "Deal", "Mark"): the grammar around one tells
the name from the word.

A one-word member written in lower case is the word, not the member, when the sentence uses it as a
verb: after a subject pronoun ("we deal with", "it rose"), as a verb of change after a measure
("revenue rose in March"), before its object ("reading the numbers", "mark my words") or in an idiom
of splitting the figures ("room nights split by channel", "sorted by region"). Written with
a capital inside a question that is not all one case, it is always the name ("revenue Rose booked").
"""
from __future__ import annotations

import re

from core.number_forms import singular_forms
from insights.understanding.column_words import said_as_verb
from insights.understanding.cues import change_verb
from insights.understanding.vocabulary import Hit
from insights.understanding.words import SELLING, ordinary

_PRONOUN_SUBJECT = re.compile(r"\b(?:we|i|you|they|he|she|it)\s+$")
_PREPOSITION = re.compile(r"\b(?:at|for|of|from|by|with|in|on|to|than|vs\.?|versus|and|or|w/)\s+(?:the\s+)?$")
# "the value of returns", "the best of our stores": an ordinary noun heading a phrase of what it is of is the word,
# never the brand Value (said with its dimension's word, "the Value brand", or where only a member goes, it is)
_ARTICLE_BEFORE = re.compile(r"(?:^|\b(?:the|a|an))\s*$")
_OF_AFTER = re.compile(r"\s+of\s+\S")
# "the gap between zara and mango", "difference in orders between": the word heads its own frame of two things
# compared, never the brand Gap ("gap vs next", "how did gap do" still name it)
_GAP_WORDS = frozenset({"gap", "difference", "delta", "spread", "distance"})
_BETWEEN_AFTER = re.compile(r"\s+(?:in\s+\w+(?:\s+\w+)?\s+)?between\b")
_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|our|my|your|their|its|these|those|them|us|me|with)\b")
# "trim that to the top 5", "cut it down to 3", "narrow this to": a verb on the last answer, whose object is the answer
_ON_THE_ANSWER = re.compile(r"\s+(?:that|it|this|them|those|these)\s+(?:(?:down|back|up)\s+)?to\b")
# Verbs that arrange figures, and the preposition of the arrangement: "split by", "broken out across".
_ARRANGING = re.compile(r"(?:split|splits|splitting|break|broken|mix|group|grouped|sort|sorted|order|ordered|rank|"
                        r"ranked|divide|divided|cut|slice|sliced|segment|segmented|spread|bucket|bucketed)")
_ARRANGED_BY = re.compile(r"\s+(?:(?:out|up|down)\s+)?(?:by|across|between|into|per)\b")
# A request of the asker's ("can u split …", "please split …" opening a clause) puts a verb after it; so does an
# arranging verb whose object (a period, "it", a figure) comes before the arrangement, unless the figure follows it
# straight ("slice units by shop": the units of Slice) with no particle of the verb ("split revenue out by channel").
_REQUESTED = re.compile(r"(?:\b(?:can|could|would|will)\s+(?:you|u|ya|we)\s+(?:(?:please|pls|plz|just|quickly)\s+)?|"
                        r"(?:^|[.?!,;:]\s*)\W*(?:please|pls|plz|kindly)\s+(?:(?:just|quickly)\s+)?)$")
_OBJECT_THEN_BY = re.compile(r"\s+(?:(?:it|that|this|them|these|those|the|our|my|numbers|figures)\s+)*"
                             r"(?P<particle>(?:out|up|down)\s+)?(?:by|across|between|into|per)\b")


def used_as_word(hit: Hit, hits: list[Hit], text: str, blank: str, *, said: str) -> bool:
    """Whether the member ``hit`` of ``hits`` (found in ``text``, the question as written) is the word;
    ``blank``: ``text`` lower-cased with its periods blanked ("online the last 3 months" has no object); ``said``:
    the question lower-cased with its framing, where "please" still asks for a verb."""
    written = text[hit.start:hit.end]
    if hit.kind != "member" or " " in (hit.value or " ") or not written.isalpha() or hit.alternatives:
        return False
    mixed_case = text != text.lower()
    inside_sentence = not re.search(r"(?:^|[.?!:]\s*)$", text[:hit.start])
    if written[0].isupper() and mixed_case and inside_sentence:
        return False
    before, after = blank[:hit.start], blank[hit.end:]
    if written.lower() in _GAP_WORDS and _BETWEEN_AFTER.match(after):
        return True
    if _PREPOSITION.search(before):
        return False
    requested = _REQUESTED.search(said[:hit.start])
    if _ARRANGING.fullmatch(written.lower()) and (requested or _arranges_an_object(hit, hits, text, blank)):
        return True  # "can u split revenue", "split q3 revenue out by channel": the verb, not the member Split
    neighbour = next((h for h in hits if h.start >= hit.end), None)
    if neighbour is not None and neighbour.kind in ("measure", "dimension", "member") and not text[
            hit.end:neighbour.start].strip():
        return False  # "reading revenue", "the deal clinic": the name qualifies what follows
    if _ARTICLE_BEFORE.search(before) and _OF_AFTER.match(after) and ordinary(written.lower()):
        return True
    if _PRONOUN_SUBJECT.search(before) or _ON_THE_ANSWER.match(after):
        return True
    previous = next((h for h in reversed(hits) if h.end <= hit.start), None)
    after_measure = previous is not None and previous.kind in ("measure", "weak_measure") and not text[
        previous.end:hit.start].strip()
    if after_measure and change_verb(written.lower()):
        return True
    if _ARRANGING.fullmatch(written.lower()) and _ARRANGED_BY.match(after):
        return True
    return bool(_OBJECT_AFTER.match(after))


def _arranges_an_object(hit: Hit, hits: list[Hit], text: str, blank: str) -> bool:
    """Whether the arranging word ``hit`` has an object and then the arrangement after it ("split q3 revenue by
    channel", "split it up by region"), other than a figure said straight after it with no particle."""
    chars = list(blank)
    for h in hits:
        if h.kind in ("measure", "weak_measure"):
            chars[h.start:h.end] = " " * (h.end - h.start)
    arranged = _OBJECT_THEN_BY.match("".join(chars), hit.end)
    if arranged is None or arranged["particle"]:
        return arranged is not None
    following = next((h for h in hits if h.start >= hit.end), None)
    return following is None or following.kind not in ("measure", "weak_measure") or bool(
        text[hit.end:following.start].strip())


_FIGURES = ("measure", "weak_measure", "missing_measure", "unsupported_measure")
_WORD_AFTER = re.compile(r"[ \t]+(?P<w>[A-Za-z]+)\b")
_COUNTED = re.compile(r"\bhow\s+many\b", re.IGNORECASE)


def _forms(word: str) -> set[str]:
    return {word.lower(), *singular_forms(word.lower())}


def dimension_nouns(hits: list[Hit], text: str) -> list[Hit]:
    """The figure words of ``hits`` that are the noun of the member just before them, a word of its dimension's
    name ("plus customers" of customer_tier, "gold clients" of client_type), where another figure is
    named: "revenue for plus customers" asks for the revenue of Plus, never a count of new customers. A word
    the vocabulary names nothing by is that noun too ("broker bookings" of booking_channel, "corporate clients" of
    client_tier), returned as a placed word of its own, where a figure is named or members are counted ("how many
    of them had web bookings"): alone ("broker bookings last year") it is the figure asked for."""
    if not (any(h.kind in ("measure", "weak_measure") for h in hits) or _COUNTED.search(text)):
        return []
    nouns = []
    for k, member in enumerate(hits):
        if member.kind != "member":
            continue
        after = _WORD_AFTER.match(text, member.end)
        if after is None or not _forms(after["w"]) & {f for w in re.split(r"[_\s]+", member.name) for f in _forms(w)}:
            continue
        following = hits[k + 1] if k + 1 < len(hits) else None
        if following is None or following.start >= after.end("w"):
            nouns.append(Hit("dimension_noun", member.name, None, after.start("w"), after.end("w")))
        elif following.start == after.start("w") and following.kind in _FIGURES and any(
                h.kind in ("measure", "weak_measure") and h is not following for h in hits):
            nouns.append(following)
    return nouns


def figure_verbs(hits: list[Hit], text: str) -> list[Hit]:
    """The measure words of ``hits`` said as a verb ("sold" of cases_sold) where the question names another
    measure by a noun: "which varietal sold the most bottles" asks for bottles, the verb only how they went."""
    verbs = [h for h in hits if h.kind == "measure" and said_as_verb(text[h.start:h.end])
             and text[h.start:h.end].lower() != h.name]  # "invoiced and credits": a column called so is its noun
    return [v for v in verbs if any(h.kind == "measure" and h.name != v.name and h not in verbs for h in hits)]


# Where a month-named member ("June" the account manager) can only be the person: "june's", "did june",
# "at June", "june sold", "June and Grace".
_PERSON_BEFORE = re.compile(r"\b(?:did|does|has|had|than|at|by|with|from|of|vs\.?|versus|w/)\s+$")
_PERSON_AFTER = re.compile(rf"'s\b|\s+(?:do|did|does|doing|done|{'|'.join(SELLING)}|book|booked|books|close|closed|"
                           r"bring|brought|make|made|have|had|has|get|got|hit|perform|performed|is|was|and|or|vs)\b")


def month_or_member(hit: Hit, hits: list[Hit], text: str, *, months: frozenset[str]) -> bool:
    """Whether the member ``hit``, named like one of ``months``, could as well be the month: nothing
    around it says it is the person ("bookings for june", "and june?", "june bookings")."""
    written = text[hit.start:hit.end].lower()
    # "sales for may" where May Chen is a rep: her first name, said alone, is as much the month
    if hit.kind != "member" or written not in months or ((hit.value or "").lower() != written and not hit.person):
        return False
    if _PERSON_BEFORE.search(text[:hit.start].lower()) or _PERSON_AFTER.match(text[hit.end:].lower()):
        return False
    previous = next((h for h in reversed(hits) if h.end <= hit.start), None)
    if previous is not None and previous.kind == "member" and previous.name == hit.name and re.fullmatch(
            r"\s*(?:,|and|or|&|vs\.?|versus)?\s*", text[previous.end:hit.start].lower()):
        return False  # "Grace and June": one of a list of account managers
    return not any(h.kind == "dimension" and not text[min(h.end, hit.end):max(h.start, hit.start)].strip(" :-")
                   for h in hits if h is not hit)


# Where a word of a pace ("target", "budget", "quota") is the member of that name (a retailer Target): "at Target",
# "via target", "Target's sales", "target sold".
_MEMBER_BEFORE = re.compile(r"\b(?:at|via|through|thru|from|with|in|excluding|except|without)\s+(?:the\s+)?$")
_MEMBER_AFTER = re.compile(rf"'s\b|\s+(?:{'|'.join(SELLING)}|did|do|does|stores?|shops?)\b")
# Where it is the pace's word even in a question that states no pace: "revenue vs target", "did we hit our target".
_PACE_BEFORE = re.compile(r"\b(?:vs\.?|versus|against|our|my|hit|hitting|beat|beating|meet|meeting|reach|reaching|"
                          r"miss|missed|missing)\s+(?:the\s+)?$")


def pace_word(hit: Hit, hits: list[Hit], text: str, *, words: frozenset[str], pace: bool) -> bool:
    """Whether the member ``hit`` of ``hits``, named like one of a pace's ``words``, is that word ("hit our target
    of $19m", "vs target"), not the member said where a member goes ("at Target", "Target's sales", "amazon vs
    target" of two retailers); ``pace``: the question asks for a pace, where the word is the pace's unless said so."""
    written = text[hit.start:hit.end].lower()
    if hit.kind != "member" or written not in words or any(
            h.kind == "member" and h.name == hit.name and h is not hit for h in hits):
        return False
    before = text[:hit.start].lower()
    if _MEMBER_BEFORE.search(before) or _MEMBER_AFTER.match(text[hit.end:].lower()):
        return False
    return pace or bool(_PACE_BEFORE.search(before))
