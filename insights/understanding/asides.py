"""Chat asides that cannot change a number: laughter and sighs ("lol", "ugh", "smh") anywhere, and how the
asker's day went, said first ("up since dawn", "been up since 5", "long day").

They are framing, blanked before names are looked for, so "dawn lol" is never a driver to ask about; a
tenant's own word (a store "Lol") is never laughter; how the day went is said in a fixed shape, first.
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


# What is left of small talk once its laughter is gone ("lol ok"): no question to frame, so no aside either.
_SMALL_TALK = frozenset("ok okay k kk yeah yep yes no nope sure cool nice thanks thx ty right fine great wow".split())  # noqa: SIM905


def aside_spans(low: str, *, tenant_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of ``low`` (the lower-cased question) that are chat asides; none where only small talk is."""
    if set(re.findall(r"[a-z]+", _LAUGHTER.sub(" ", low))) <= _SMALL_TALK:
        return []
    spans = [m.span() for m in _LAUGHTER.finditer(low) if not tenant_word(m.group(0).strip(" !.,:;)-"))]
    # "up since dawn" is an idiom of the hour, never Dawn the driver: no one is up since a person
    if day := _DAY.match(low):
        spans.append(day.span())
    return spans
