"""Ways of asking that are no part of what is asked: request verbs, idioms of asking, what a figure is for.

"can u pull new riders in august", "grab me cups by cafe", "any joy on cold brew last month?", "what's the damage
on bean kg", "… - for teh ops review", "need it for the supplier chat": the figure asked for is the same without
them, so their words are framing (contract v2, "Honesty": ``ignored``). A member named inside what the figure is
for ("for the emea review") may narrow the figure, so it stays a member; no other word of such a clause does.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.words import MEASURE_LIKE, MEMBER_LIKE, ordinary

# Typed fast: "teh", "hte", "tha", "da" are "the"; "ur" is "your"
_ARTICLE = r"(?:the|teh|hte|tha|da|our|my|ur|your|a|an|this|that|next|tomorrow'?s|tmrw'?s|today'?s|tonight'?s)"
_ASKER = r"(?:(?:can|could|would|will|cn)\s+(?:you|u|ya|someone)\s+|(?:pls|please|plz|kindly|just)\s+)"
# Verbs of fetching figures, none of which says what to compute: "pull", "grab me", "dig up", "send over"
_FETCH = (r"(?:pull(?:\s+(?:up|out|together))?|grab|fetch|dig\s+(?:up|out)|send(?:\s+(?:over|through|across))?|"
          r"bring\s+up|pop\s+over|shoot\s+(?:me|us)\s+over|hook\s+(?:me|us)\s+up\s+with|run(?=\s+(?:me|us)\b))")
# A request starts the question, or a clause of it: "hey, pull …", "and grab me …"
_CLAUSE_START = r"(?:^|(?<=[.?!,;:])|(?<=\band\s)|(?<=\bso\s)|(?<=\balso\s)|(?<=\bnow\s))"
_REQUEST = re.compile(rf"{_CLAUSE_START}\W*(?:{_ASKER}{{1,2}})?(?:quickly\s+|quick\s+)?{_FETCH}"
                      r"(?:\s+(?:me|us))?(?:\s+(?:quickly|real\s+quick))?(?![\w'-])")
# "show me …", "can you show the …", "show appointments by clinic": the verb, even where a measure's word is
# "show" (no_shows, in both numbers by the contract); said so, it only asks for the figure that follows
_SHOW_VERB = re.compile(
    rf"(?:{_CLAUSE_START}\W*(?:{_ASKER}{{1,2}})?|(?<![\w'-])(?:to|then|and)\s+)(?P<verb>show)(?![\w'-])"
    r"|(?<![\w'-])(?<!no\s)(?<!no-)(?P<object>show)(?=\s+(?:me|us|u|them|the|our|my|ur|your|all|how|what|which|"
    r"who|where|when|this|that|those|these|each|every|everything)\b)")
# Idioms that ask how a figure stands: "any joy on X", "any luck with X", "what's the damage on X"
_IDIOM = re.compile(r"(?<![\w'-])(?:any\s+(?:joy|luck|news|word)\s+(?:on|with|for|re|regarding|about)|"
                    r"what'?s\s+the\s+(?:damage|tally|verdict)\s+(?:on|for|with))(?![\w'-])")
# What a figure is for, said last: the meeting, deck or person it goes to ("for the ops review", "for #general")
_FOR_WHAT = (r"review|sync|chat|call|meeting|catch[\s-]?up|stand[\s-]?up|huddle|deck|slides?|report|update|"
             r"wrap[\s-]?up|recap|1:1|one[\s-]on[\s-]one|board|investors?|boss|manager|team|pitch|presentation|"
             r"retro|planning|offsite|off[\s-]site|kick[\s-]?off|all[\s-]hands|town[\s-]?hall|prep|memo|newsletter|"
             r"email|post|thread|channel|doc|sheet|spreadsheet|dashboard|forecast\s+meeting|qbr")
_END = r"(?=\W*(?:(?:thanks|thx|ty|cheers|pls|please|ta)\W*)?$)"
_MEETING = re.compile(rf"(?:{_FOR_WHAT})s?")
# "need it for …", "it's for …", "this is for …", said last: the purpose said outright, whatever it is
_NEED_FOR = re.compile(
    r"(?<![\w'-])(?:(?:i\s+|we\s+)?need(?:s|ed)?\s+(?:it|this|these|them|that|those|the\s+(?:numbers?|figures?))|"
    r"(?:it'?s|its|this\s+is|that'?s|these\s+are|they'?re)|want(?:ed)?\s+(?:it|this))"
    rf"\s+(?:for|in|at)\s+(?P<tail>(?:[\w#@&'/:-]+\s*){{1,6}}?){_END}")
# "for the ops review", "for our growth sync", "for #general": a thing people meet over or post to, said last
_FOR_MEETING = re.compile(rf"(?<![\w'-])for\s+(?:{_ARTICLE}\s+)?(?:[\w&'/-]+\s+){{0,4}}?(?P<noun>{_FOR_WHAT})s?"
                          rf"(?![\w'-]){_END}|(?<![\w'-])for\s+#[\w-]+{_END}")
# Anywhere in the question, for where a member inside one still narrows the figure ("for the emea review: …")
_FOR_A_MEETING = re.compile(rf"(?<![\w'-])for\s+(?:{_ARTICLE}\s+)?(?:[\w&'/-]+\s+){{0,4}}?(?:{_FOR_WHAT})s?"
                            r"(?![\w'-])")
_FOR_ME = re.compile(rf"(?<![\w'-])for\s+(?:me|us){_END}")  # "run cups by product for me"
# Words of a period: a purpose said without a meeting ("need it for q3") may be the period asked about
_WHEN = re.compile(r"\d|\b(?:q[1-4]|h[12]|ytd|mtd|qtd|wtd|today|yesterday|tonight|tomorrow|days?|weeks?|months?|"
                   r"quarters?|years?|yrs?|since|last|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|"
                   r"oct\w*|nov\w*|dec\w*|\w+day)\b")

# Words that sum a figure over its span ("total", "in all", "how many", "what was"): "show me guests over the last
# 30 days" asks for their course through the span, "total guests over the last 30 days" for one number. A verb
# of showing ("show", "display", "pull", "give me") asks for nothing to be added up.
_TOTALLED = re.compile(r"(?<![\w'-])(?:(?<!running\s)(?<!cumulative\s)totals?|totall?ed|sum(?:med)?|altogether|"
                       r"combined|aggregated?|all\s+told|in\s+all|add(?:s|ed)?\s+up|tall(?:y|ied)|how\s+(?:much|many)|"
                       r"what(?:'s|s|\s+(?:is|was|were|are|has\s+been|have\s+been))|calculate|compute|tell\s+(?:me|us))"
                       r"(?![\w'-])")


def totalled(low: str) -> bool:
    """Whether ``low`` (the lower-cased question) asks for its figure summed over the period it names."""
    return bool(_TOTALLED.search(low))


def asking_spans(low: str, *, framing: list[tuple[int, int]], tenant_word: Callable[[str], bool]) -> list[
        tuple[int, int]]:
    """The spans of ``low`` (the lower-cased question) that only say how the figure is asked for or what it is for;
    ``framing``: its spans of greetings and the like, after which a request starts ("hey, pull …"); ``tenant_word``:
    whether a word names the tenant's data, as a request verb never does ("pull" of a pulls column) nor the noun of
    a meeting ("for the paid social channel" of a channel dimension)."""
    framed = "".join(" " if any(a <= k < b for a, b in framing) else c for k, c in enumerate(low))
    spans = [m.span() for m in _IDIOM.finditer(low)]  # the idiom's words are its own: "joy" of Joy Park is no name
    if tenant_word("show"):  # elsewhere "show me" stays, to mark where the figure asked for goes
        spans += [m.span(m.lastgroup) for m in _SHOW_VERB.finditer(framed)]
    for m in _REQUEST.finditer(framed):
        a = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t,.;:!?-"))
        if m.end() > a and not any(tenant_word(w) for w in re.findall(r"[a-z]+", low[a:m.end()])):
            spans.append((a, m.end()))
    for m in _FOR_MEETING.finditer(low):
        said = re.findall(r"[a-z]+", m.group(0))
        # "for the paid social channel" of a channel dimension names the data; "for the uk review" where the data
        # has no UK names a place it lacks, to ask about
        if not (m["noun"] and any(tenant_word(w) for w in re.findall(r"[a-z]+", m["noun"]))) and not any(
                w in MEMBER_LIKE and not tenant_word(w) for w in said):
            spans.append(m.span())
    for m in _NEED_FOR.finditer(low):
        said = re.findall(r"[\w:-]+", m["tail"])
        # without a meeting's noun the purpose is plain words only: "need it for a thing", never "for q3" or "for
        # the uk" (a period, or a member the data lacks, to ask about)
        plain = not _WHEN.search(m["tail"]) and all(
            ordinary(w) and w not in MEMBER_LIKE and w not in MEASURE_LIKE and not tenant_word(w) for w in said)
        if (said and _MEETING.fullmatch(said[-1])) or plain:
            spans.append(m.span())
    spans += [m.span() for m in _FOR_ME.finditer(low)]
    return spans


def without_members(spans: list[tuple[int, int]], *, purposes: list[tuple[int, int]],
                    members: Callable[[int, int], list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """``spans`` merged, less the members named inside a purpose of ``purposes`` ("for the emea review" keeps
    EMEA); ``members(a, b)``: the spans of the members named within ``a:b``."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        named = [m for p, q in purposes if p < b and a < q for m in members(max(a, p), min(b, q))]
        for c, d in sorted(named):
            if c > a:
                out.append((a, c))
            a = max(a, d)
        if b > a:
            out.append((a, b))
    return out


def purpose_spans(low: str) -> list[tuple[int, int]]:
    """What a figure is for ("for the emea review"): where a member named still narrows the figure."""
    return [m.span() for pattern in (_FOR_A_MEETING, _NEED_FOR) for m in pattern.finditer(low)]


def places_lacking(low: str, a: int, b: int, *, tenant_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The words within ``a:b`` of ``low`` that name a member in many datasets but none of the tenant's ("for the uk
    review" where the data has no UK): asked about, never dropped with the purpose they are said in."""
    return [(a + w.start(), a + w.end()) for w in re.finditer(r"[a-z][\w-]*", low[a:b])
            if w.group(0) in MEMBER_LIKE and not tenant_word(w.group(0))]
