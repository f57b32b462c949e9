"""Chat asides that cannot change a number: laughter and sighs ("lol", "ugh", "smh") anywhere, how the
asker's day went, said first ("up since dawn", "been up since 5", "long day"), and an explanation of what was
asked that names nothing the data holds ("(ie how long they keep the car)", "— i.e. the average stay").

They are framing, blanked before names are looked for, so "dawn lol" is never a driver to ask about; a
tenant's own word (a store "Lol") is never laughter; how the day went is said in a fixed shape, first. An
explanation is led by "ie", "i.e.", "eg", "e.g.", "aka" (or "that is", "in other words" after a stop), in
brackets or to the end of its clause; one naming a measure, a member, a split ("ie by branch", "e.g. vans") or
a period ("i.e. 2025", "ie last year") says what to answer, and is read.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_LAUGHTER = re.compile(r"(?<![\w'-])(?:lol+|lolz|lmao+|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|ugh+|argh+|fml|smh|omg|omfg|"
                       r"jeez|sigh|meh|yikes|oof)(?![\w'-])\s*[!.,:;)-]*")
# How the day went, said first: "up since dawn", "been up since 5am", "long day", "crazy week so far".
_DAY = re.compile(r"^\W*(?:(?:i'?ve\s+|i\s+)?(?:been\s+)?up\s+since\s+(?:dawn|sunrise|forever|early|\d{1,2}(?::\d\d)?"
                  r"\s*(?:am|a\.m\.)?)|(?:it'?s\s+been\s+(?:a\s+)?|what\s+a\s+)?(?:long|crazy|busy|rough|hectic|mad)\s+"
                  r"(?:day|week|morning|night|one)(?:\s+so\s+far)?)(?![\w'-])\s*[!.,:;-]*")


# An explanation, after something asked: in brackets to their close, or to the end of its clause.
_MARKER = r"(?:i\.?e\.?|e\.?g\.?|aka|a\.k\.a\.?)(?![\w.])"
_EXPLANATION = re.compile(
    rf"(?<=\S)\s*(?:\(\s*(?:{_MARKER}|(?:that\s+is|in\s+other\s+words)\b)[^()]*\)"
    rf"|(?:[,;:–—]|\s-)\s*(?:{_MARKER}|(?:that\s+is|in\s+other\s+words)\b)[^()?!;]*?(?=[?!;)]|\.(?:\s|$)|$)"
    rf"|\s+{_MARKER}[^()?!;]*?(?=[?!;)]|\.(?:\s|$)|$))")
# A period said in an explanation ("i.e. 2025", "ie last year", "aka q3") is what to answer.
_TIME = re.compile(r"\d|\b(?:today|yesterday|tomorrow|tonight|day|days|week|weeks|weekend|month|months|quarter|"
                   r"quarters|year|years|yr|yrs|ytd|mtd|qtd|fy|season|daily|weekly|monthly|quarterly|yearly|annual|"
                   r"last|this|next|ago|since|until|till|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|"
                   r"january|february|march|april|june|july|august|september|october|november|december|spring|"
                   r"summer|autumn|fall|winter|christmas|easter)\b")

# A remark after the question is asked ("…? feels quiet out there", "…, been a weird month", "…? no rush"): how
# things seem to the asker, or that there is no hurry, to the end of the text; "there" in it points at no answer.
_REMARK = re.compile(
    r"(?:[?!.;,]|\s[-–—])\s*(?P<r>(?:(?:it|it'?s|it\s+has|that'?s|things?|everything|business|we'?ve)\s+"
    r"(?:is\s+|are\s+|was\s+|were\s+)?)?(?:feels?|felt|feeling|seems?|seemed|been)\s+[^?]*?"
    r"|no\s+(?:rush|hurry|worries|pressure|stress)|take\s+your\s+time|whenever(?:\s+you\s+can)?)\s*[!.]*$")
# "a weird month", "a slow week": how a period felt, no period to answer for
_PERIOD_FELT = re.compile(r"\b(?:a|an|such\s+a)\s+(?:[a-z]+\s+){0,2}(?:day|week|month|quarter|year)\b")

# What is left of small talk once its laughter is gone ("lol ok"): no question to frame, so no aside either.
_SMALL_TALK = frozenset("ok okay k kk yeah yep yes no nope sure cool nice thanks thx ty right fine great wow".split())  # noqa: SIM905


def aside_spans(low: str, *, tenant_word: Callable[[str], bool],
                names_data: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The spans of ``low`` (the lower-cased question) that are chat asides; none where only small talk is.
    ``names_data``: whether ``low[a:b]`` names anything of the data (a figure, held or not, a member, a split)."""
    if set(re.findall(r"[a-z]+", _LAUGHTER.sub(" ", low))) <= _SMALL_TALK:
        return []
    spans = [m.span() for m in _LAUGHTER.finditer(low) if not tenant_word(m.group(0).strip(" !.,:;)-"))]
    # "up since dawn" is an idiom of the hour, never Dawn the driver: no one is up since a person
    if day := _DAY.match(low):
        spans.append(day.span())
    spans += [m.span() for m in _EXPLANATION.finditer(low)
              if not _TIME.search(m.group(0)) and not names_data(*m.span())]
    if (remark := _REMARK.search(low)) and not _TIME.search(_PERIOD_FELT.sub(" ", remark["r"])) \
            and not names_data(*remark.span("r")):
        spans.append(remark.span("r"))
    return spans
