"""Follow-ups that take something away from the last answer: "remove web", "drop the filter", "take out
north", "no breakdown", "ignore the channel".

Said first (after "ok", "pls", "can you" …), a verb of removal is an instruction about the previous question,
never framing to ignore nor, for "drop", a fall: what it names is taken out of that question and everything
else (measure, period, intent) stays. A member of the last answer's filters leaves them; a member not among
them is the contract's "excluding" reading (the other members of its dimension); "the filter(s)" and a
dimension lift those filters; "the split" or "by region" lifts the rows. "Why did revenue drop", "did web
drop" never start with the verb, so keep their meaning; nor does "drop in web orders?", a noun of change.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from insights.understanding.types import Understanding
from insights.understanding.vocabulary import Hit

_LEAD = re.compile(r"\W*(?:(?:ok(?:ay)?|so|now|and|then|also|but|right|hmm+|pls|plz|please|just|"
                   r"(?:can|could|would|will)\s+(?:you|u)|let'?s|lets)\W+)*")
# "take"/"leave" alone remove nothing ("leave web" keeps it): their particle comes before or after the object.
_VERB = re.compile(r"(?P<verb>remove|drop|clear(?:\s+out)?|lose|ditch|get\s+rid\s+of|strip(?:\s+out|\s+off)?|"
                   r"take\s+(?:out|off|away)|take(?=\s.*\b(?:out|off|away)\b)|leave\s+out|"
                   r"leave(?=\s.*\bout\b)|forget(?:\s+about)?|ignore|undo|un-?filter|scrap|delete|"
                   r"(?:no|without)(?=\s+(?:the\s+|any\s+|a\s+)?(?:filters?|split|splits|breakdown|breakdowns|"
                   r"grouping|groupings|rows)\b))\b")
# "drop in web orders?", "drop for north?", "drop off since may": a noun or verb of change, not the imperative
_DROP_OF_CHANGE = re.compile(r"\s+(?:in|of|for|from|since|vs|versus|compared|than|over|across|by|off|last|this|"
                             r"during|after|before|at|on|to)\b")
_DETERMINER = re.compile(r"\s*(?:(?:the|that|this|those|these|my|our|any|a|an|all(?:\s+of)?)\s+)*")
_FILTERS = re.compile(r"(?P<w>filters?|conditions?|restrictions?|constraints?)\b")
_SPLIT = re.compile(r"(?P<w>split|splits|breakdown|breakdowns|break\s*down|grouping|groupings|group\s*by|rows)\b"
                    r"(?:\s+(?:by|per|across|of)\s+(?:the\s+)?)?")
_BY = re.compile(r"(?:by|per|across)\s+(?:the\s+)?")
# What may follow a member or dimension and still name the same thing: "the web filter", "the region split".
_NOUN_AFTER = re.compile(r"\s+(?:(?P<filter>filters?|conditions?|restrictions?|bits?|parts?|ones?|only)|"
                         r"(?P<split>split|splits|breakdown|breakdowns|grouping|groupings|rows))\b")
_JOIN = re.compile(r"\s*(?:,|&|\+|\band\b|\bor\b)\s*(?:also\s+)?")
_TAIL = re.compile(r"(?:\s*(?:\b(?:out|off|away|again|please|pls|plz|thanks|thx|ty|for\s+(?:me|now)|too|as\s+well|"
                   r"from\s+(?:it|that|this|there|them|(?:the|my|our)\s+(?:question|query|answer|chart|results?|"
                   r"report|numbers|figures?|view|table))|thank\s+you)\b|[?!.]))*")
_CONNECTOR = re.compile(r"\s*(?:[,;:]|\band\s+then\b|\bthen\b|\band\b|&|\bbut\b|\bnow\b)\s*")
_POINTING = re.compile(r"\s*(?:it|that|this|those|them|that\s+one|everything|all)[\s?!.]*$")


@dataclass(frozen=True)
class Removal:
    """What a follow-up takes away. ``rest``: what the text asks besides, to read as a follow-up of the rest."""

    members: tuple[tuple[str, str], ...] = ()  # (dimension, member)
    member_filters: tuple[tuple[str, str], ...] = ()  # "the web filter": a filter said to be there
    dimensions: tuple[str, ...] = ()  # "the channel": its filter, or its rows
    dimension_filters: tuple[str, ...] = ()  # "the channel filter"
    filters: str | None = None  # "filter" or "filters" as said
    split: bool = False
    split_by: tuple[str, ...] = ()  # "the region split", "by region"
    rest: str = ""
    unnamed: str = ""  # "remove tiktok": what was said to remove, naming nothing the last answer has

    @property
    def names_anything(self) -> bool:
        return bool(self.members or self.member_filters or self.dimensions or self.dimension_filters
                    or self.filters or self.split or self.split_by)


@dataclass(frozen=True)
class Taken:
    """The previous understanding without what was removed; ``excluded``: members named that it was not
    filtered to, left to the "excluding" reading; ``absent``: what was named but the last answer does not have."""

    understanding: Understanding
    excluded: tuple[tuple[str, str], ...] = ()
    absent: tuple[str, ...] = ()
    which_filter: bool = False  # "the filter" where the last answer has several


def read_removal(text: str, *, low: str, find: Callable[[str], list[Hit]],
                 held: Mapping[str, tuple[str, ...]] | None = None) -> Removal | None:
    """The removal a follow-up states, or None. ``low``: ``text`` lower-cased, of the same length; ``find``: the
    tenant's names in ``low``; ``held``: the last answer's filters, whose members are named even as everyday
    words ("remove team" after the plan Team: nothing else is there to remove)."""
    at = _LEAD.match(low).end()
    verb = _VERB.match(low, at)
    if verb is None:
        return None
    if verb["verb"] == "drop" and _DROP_OF_CHANGE.match(low, verb.end()):
        return None
    named = find(low)
    if any(h.start <= verb.start() < h.end for h in named):
        return None  # "take out orders" where a channel is called Take Out, "drop ship revenue": the names
    hits = {h.start: h for h in named if h.kind in ("member", "dimension") and h.start >= verb.end()}
    for dim, members in (held or {}).items():
        for member in members:
            for said in re.finditer(rf"(?<![\w'-]){re.escape(member.lower())}(?![\w'-])", low[verb.end():]):
                hits.setdefault(verb.end() + said.start(),
                                Hit("member", dim, member, verb.end() + said.start(), verb.end() + said.end()))
    found: dict[str, list] = {k: [] for k in ("members", "member_filters", "dimensions", "dimension_filters",
                                              "split_by")}
    filters, split = None, False
    pos = verb.end()
    while True:
        start = _DETERMINER.match(low, pos).end()
        start += len(low[start:]) - len(low[start:].lstrip())
        hit = hits.get(start)
        noun = _NOUN_AFTER.match(low, hit.end) if hit is not None else None
        if hit is not None and hit.kind == "member":
            key = "member_filters" if noun and noun["filter"] and noun["filter"].startswith("filter") else "members"
            found[key].append((hit.name, hit.value))
            pos = noun.end() if noun else hit.end
        elif hit is not None:
            key = "split_by" if noun and noun["split"] else "dimension_filters" if noun else "dimensions"
            found[key].append(hit.name)
            pos = noun.end() if noun else hit.end
        elif said := _SPLIT.match(low, start):
            by = hits.get(said.end())
            if by is not None and by.kind == "dimension" and said.end() > said.end("w"):
                found["split_by"].append(by.name)
                pos = by.end
            else:
                split, pos = True, said.end("w")
        elif said := _FILTERS.match(low, start):
            filters, pos = said["w"], said.end()
        elif (said := _BY.match(low, start)) and (by := hits.get(said.end())) is not None and by.kind == "dimension":
            found["split_by"].append(by.name)
            pos = by.end
        else:
            break
        pos = _TAIL.match(low, pos).end()
        joined = _JOIN.match(low, pos)
        if joined is None or not _names_next(low, joined.end(), hits):
            break
        pos = joined.end()
    if filters is None and verb["verb"].startswith("un") and not any(found.values()):
        filters = "filters"  # "unfilter": every filter
    removal = Removal(**{k: tuple(v) for k, v in found.items()}, filters=filters, split=split)
    pos = _TAIL.match(low, pos).end()
    if removal.names_anything:
        connector = _CONNECTOR.match(low, pos)
        if low[pos:].strip() and connector is None and verb["verb"] == "drop":
            return None  # "drop web sales last month": not said as an instruction about the last answer
        return replace(removal, rest=text[connector.end() if connector else pos:].strip())
    # "remove it", "undo that": a removal of what is not said, asked back; "drop?", "drop revenue?" may be a fall
    if _POINTING.match(low, pos):
        return removal
    return None if verb["verb"] == "drop" else replace(removal, unnamed=text[pos:].strip(" ?!.,"))


def _names_next(low: str, at: int, hits: Mapping[int, Hit]) -> bool:
    start = _DETERMINER.match(low, at).end()
    start += len(low[start:]) - len(low[start:].lstrip())
    return start in hits or bool(_SPLIT.match(low, start) or _FILTERS.match(low, start))


def take_away(removal: Removal, *, previous: Understanding) -> Taken:
    """``previous`` without what ``removal`` names (see the module's docstring)."""
    constraints = {dim: list(members) for dim, members in previous.constraints.items()}
    absent: list[str] = []
    excluded: list[tuple[str, str]] = []
    drop_rows = removal.split
    for dim, member in (*removal.members, *removal.member_filters):
        if member in constraints.get(dim, ()):
            constraints[dim].remove(member)
        elif (dim, member) in removal.member_filters:
            absent.append(f"{member} filter")
        else:
            excluded.append((dim, member))
    for dim in (*removal.dimensions, *removal.dimension_filters):
        if dim in constraints:
            del constraints[dim]
        elif dim == previous.group_by and dim in removal.dimensions:
            drop_rows = True  # "drop region" after "orders by region": the rows it asked for
        else:
            absent.append(f"{_label(dim)} filter")
    for dim in removal.split_by:
        if dim == previous.group_by:
            drop_rows = True
        else:
            absent.append(f"split by {_label(dim)}")
    which = False
    if removal.filters is not None:
        if not constraints and not previous.constraints:
            absent.append("filter")
        elif removal.filters.endswith("s") or len(constraints) == 1:
            constraints = {}
        else:
            which = True
    understanding = previous.with_changes(constraints=constraints, ignored=())
    if drop_rows:
        unsplit = _unsplit(understanding)
        if unsplit is None:
            absent.append("split")
        else:
            understanding = unsplit
    return Taken(understanding, excluded=tuple(excluded), absent=tuple(absent), which_filter=which)


def _unsplit(previous: Understanding) -> Understanding | None:
    """The question without its rows: the figure, or its change where one was compared; a search for what
    changed keeps looking, over no split. A count or a search of unusual members counts or searches its rows."""
    if previous.group_by is None or previous.intent in ("count", "unusual"):
        return None
    if previous.intent == "drivers":
        return previous.with_changes(group_by=None)
    intent = "compare" if previous.compare_to is not None else "value"
    return previous.with_changes(intent=intent, group_by=None, order=None, limit=None, order_by=None, part=None)


def _label(name: str) -> str:
    return name.replace("_", " ")
