"""The words of a question that say what kind of answer it wants (intent, order, limit, follow-up).

Each detector reads the lower-cased text with time expressions already
blanked out, so "may", "march" or "last" never count as cues here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from insights.understanding.time_expressions import NUMBER_WORDS

_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(w for w in NUMBER_WORDS if w.isalpha() and w != "a") + r")"
_DESC = (r"top|best|highest|most|biggest|largest|greatest|strongest|leading|busiest|max(?:imum)?|best[\s-]selling|"
         r"top[\s-]selling|top[\s-]performing|best[\s-]performing|number\s+one|#1|no\.?\s?1|"
         # "our main channel", "the primary source": the one that leads, as "top" is
         r"main|primary|dominant|principal")
_ASC = (r"bottom|worst|lowest|least|smallest|weakest|fewest|slowest|quietest|min(?:imum)?|worst[\s-]selling|"
        r"worst[\s-]performing|"
        r"under[\s-]?performing|slowest[\s-]selling|poorest")
# "peak cups in a single month", "record day for cold brew": the top of a period's figures, said of a period only
# ("record revenue" says nothing ranked)
_GRAIN_SAID = r"(?:day|week|wk|month|mo|mth|quarter|qtr|year|yr)s?\b"
_IN_ONE = rf"(?:in|on|for|over)\s+(?:a|one|any)\s+(?:single\s+)?{_GRAIN_SAID}"
_PEAK = rf"(?:peak|record)(?=\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_IN_ONE}|{_GRAIN_SAID}))"
_ORDER = re.compile(rf"(?<![\w-])(?P<desc>{_DESC}|{_PEAK})(?![\w-])|(?<![\w-])(?P<asc>{_ASC})(?![\w-])")
_NOT_RANK = re.compile(r"\b(?:most\s+recent|at\s+(?:the\s+)?(?:most|least|best|worst)|the\s+most\s+of|"
                       r"least\s+recent)\b")
_LIMIT = re.compile(
    rf"\b(?:(?:top|bottom|best|worst|highest|lowest|biggest|largest|smallest|busiest|slowest|quietest|first|last)"
    rf"\s+{_NUMBER}\b"
    rf"|{_NUMBER.replace('?P<n>', '?P<m>')}\s+(?:{_DESC}|{_ASC})\b"
    rf"|\bwhich\s+{_NUMBER.replace('?P<n>', '?P<w>')}\s+[a-z]"
    # "and the 2 that declined the most?": the number of rows, said before who they are
    rf"|\bthe\s+{_NUMBER.replace('?P<n>', '?P<t>')}\s+(?:(?!(?:days?|weeks?|months?|quarters?|years?)\b)[a-z]+\s+)?"
    r"(?:that|which|who|with)\b)"
)
_RANK_WORD = re.compile(r"\b(?:rank|ranks|ranked|ranking|rankings|leaderboard|league\s+table)\b")
_COMPARATIVE = re.compile(r"\b(?P<desc>more|higher|bigger|larger|greater|better|stronger)\b|\b(?P<asc>less|fewer|"
                          r"lower|smaller|worse|weaker)\b")
_WHICH = re.compile(r"\b(?:which|who)\b")

_DRIVERS = re.compile(
    r"\b(?:why|how\s+come|what\s+(?:drove|drives|caused|causes|explains|explained|is\s+behind|was\s+behind|'?s\s+behind|"
    r"happened|made|went\s+wrong)|drove|driving|drivers?|driven\s+by|cause[sd]?|causing|reasons?|explain\w*|"
    r"behind\s+(?:the|this|that|it)|responsible\s+for|accounts?\s+for|attribut\w+|root\s+cause|"
    # "where did the growth in seats come from": whose change it was, not where the figure was made
    r"where\s+(?:did|does|do|has|have)\s+(?:the|this|that|our|all\s+the)\s+(?:[a-z%]+\s+)?(?:growth|increase|rise|"
    r"jump|gain|drop|decline|fall|dip|spike|surge|boost|uplift|change|loss)\b[^?.!]*?\bcome(?:\s+from)?)\b"
)
_CHANGE_WORD = re.compile(
    r"\b(?:grow|grew|grown|growing|growth|change[sd]?|changing|increase[sd]?|increasing|decrease[sd]?|decreasing|"
    r"decline[sd]?|declining|drop(?:ped|s)?|dropping|fall|fell|falling|rise|rose|rising|gains?|gained|loss|"
    r"lost|improve[sd]?|improving|swing|jump(?:ed)?|dip(?:ped)?|slump(?:ed)?|surge[sd]?|spike[sd]?|"
    # the vivid verbs of a fall or a rise, in every form ("tanked", "cratering", "nosedived", "soared")
    r"tank(?:s|ed|ing)?|crater(?:s|ed|ing)?|plung(?:e|es|ed|ing)|nose[\s-]?div(?:e|es|ed|ing)|dove|"
    r"(?<!deep[\s-])div(?:e|es|ed|ing)|"
    r"plummet(?:s|ed|ted|ing|ting)?|crash(?:es|ed|ing)?|collaps(?:e|es|ed|ing)|"
    r"tumbl(?:e|es|ed|ing)|sink(?:s|ing)?|sank|sunk|slid(?:e|es|ing)?|shr(?:ink(?:s|ing)?|ank|unk(?:en)?)|"
    # a change said as it goes on ("online is shrinking", "visits are slowing down", "demand is softening")
    r"slow(?:s|ed|ing)(?:\s+down)?|weaken(?:s|ed|ing)|soften(?:s|ed|ing)|slumps|slumping|jumps|jumping|dips|dipping|"
    r"surging|spiking|soar(?:s|ed|ing)?|(?:sky)?rocket(?:s|ed|ing)|climb(?:s|ed|ing)?|shot\s+up|"
    r"(?:go(?:ing|ne|es)?|went|moving|moved|headed|heading|trending)\s+(?:up|down)|"
    r"(?:is|are|was|were)\s+(?:\w+\s+){1,3}(?:up|down)(?:\s+(?:or|and)\s+(?:up|down))?)\b"
)
# "visits tanked, what's going on there?", "sales fell, what's up with that": said of a change, these ask why it
# happened; said alone ("what's going on in galway") they ask no why
_WHAT_IS_GOING_ON = re.compile(r"\bwhat(?:'?s|\s+is|\s+was)\s+(?:going\s+on|happening|up|the\s+story|the\s+deal)\b"
                               r"|\bwhat\s+gives\b")
_DROVE_THE_MOST = re.compile(r"\b(?:drove|drives|driving|brought\s+in|generated)\s+(?:the\s+)?(?:most|least|fewest)\b")
_CONTRIBUTION = re.compile(r"\bcontribut\w+\b")
# Idioms of comparison whose words are no ordinary question words ("stack up", "measure up", "next to"):
# their spans are placed, so "stack" is never asked back as an unknown name.
_COMPARISON_IDIOMS = (
    r"stack(?:s|ed|ing)?\s+up|stack(?:s|ed|ing)?(?=\s+(?:against|vs\.?|versus|to|with)\b)|"
    r"measur(?:e|es|ed|ing)\s+up|match(?:es|ed|ing)?\s+up|next\s+to|side\s+by\s+side|beside|alongside|up\s+against"
)
_COMPARISON_IDIOM = re.compile(rf"\b(?:{_COMPARISON_IDIOMS})\b")
# "outsold", "outperformed": stems of out- compounds, not words.SELLING, whose forms stand alone.
_COMPARE = re.compile(
    r"\b(?:compare[sd]?|comparing|comparison|vs\.?|versus|against|relative\s+to|difference|delta|up\s+or\s+down|"
    + _COMPARISON_IDIOMS + r"|"
    r"better\s+or\s+worse|(?:more|less|higher|lower|better|worse|bigger|smaller)\s+than|on\s+track|tracking|pacing|"
    r"out[\s-]?(?:sell|sold|perform|performed|earn|earned|grow|grew)\w*|beat|beats)\b"
)
# "how's the chain tracking?" (written "the company" by company_name.py) is the business's overview, as "how's
# the business …" is, and so is "how is the company tracking"; "how's the company's revenue tracking" asks a
# figure of it
_SUMMARY = re.compile(
    r"\b(?:how(?:\s+(?:are|were|is|was|did|have|has|do|does)|'re|'?s|'d)\s+(?:we|things|business|the\s+business|it|our\s+business|"
    r"the\s+company|our\s+company|us)\s+(?:doing|going|done|do|perform|performing|performed|looking|fare|faring|fared|been"
    r"|go|looked|shaping\s+up|tracking)|how'?s\s+(?:business|it\s+going|things|the\s+business|"
    r"(?:the|our)\s+company(?!['’]s\b))|how\s+we\s+(?:doing|did|are\s+doing)"
    r"|how\s+(?:are|were)\s+things\b"
    r"|run[\s-]?down|low[\s-]?down|catch\s+me\s+up|bring\s+me\s+up\s+to\s+speed|where\s+do\s+we\s+stand"
    r"|overview|summary|summari[sz]e|recap|snapshot|highlights|status\s+(?:update|report)|health\s+check|"
    r"state\s+of\s+(?:the\s+)?business|kpis?|key\s+(?:metrics|figures|numbers)|report\s+card|scorecard|"
    r"big\s+picture|all\s+(?:the\s+)?(?:metrics|measures|numbers)|business\s+review|performance\s+review|"
    r"takeaways)\b"
)
_HOW_DID_IT_DO = re.compile(
    r"\bhow(?:\s+(?:did|does|do|is|are|was|were|has|have)|'s|'re|'d)\b.*\b(?:do|doing|done|perform|performing|performed|fare|"
    r"faring|fared|go|going|look|looking|shape\s+up)\b|\bperformance\b"
)
_TREND = re.compile(
    r"\b(?:trends?|trending|trended|over\s+time|time\s*series|timeline|evolution|evolv\w+|history|historical\w*|"
    r"progression|trajectory|chart|plot|graph|seasonality|develop(?:ed|ing|ment)|month\s+by\s+month|week\s+by\s+week|day\s+by\s+day|"
    r"quarter\s+by\s+quarter|year\s+by\s+year|each\s+(?:day|week|month|quarter|year)|changed\s+over)\b"
)
_BREAKDOWN = re.compile(
    r"\b(?:break\s*(?:it|that|this|them|those|these)?\s*down|breakdown|broken\s+down|split|splits|mix|"
    r"distribution|share\s+of|each\s+of|(?:percentage|proportion|fraction|percent|%)\s+of\s+(?:our\s+|the\s+|total\s+)*"
    r"(?:revenue|sales|units|orders|customers|profit|margin|cost|business))"
)
# Verbs that part a figure among members ("slice revenue by channel", "revenue bucketed by region", "divvy up sales
# across stores"): a breakdown asked for, by what it names or, when it names nothing, by what is asked back. A verb
# opening a clause (or after "pls", "can you") is the request itself; elsewhere only one followed by the split.
# "divide" stays out: "divided by orders" is arithmetic.
_PART_BASE = r"slice|cut|bucket|chop|carve|divvy|partition|dice"
# "segment revenue", "section totals": nouns before a figure, so a split only with its "by …" ("segment orders by tier")
_PART_FORMS = (r"segment|section|sliced|slicing|cutting|bucketed|bucketing|segmented|segmenting|chopped|chopping|"
               r"carved|carving|divvied|divvying|partitioned|partitioning|sectioned|grouped|grouping")
_PARTICLE = r"(?:\s+(?:up|out|apart|and\s+dice(?:d)?))?"
_PART_OPENING = (r"(?:^|(?<=[.?!,;:])|(?<=\band\s)|(?<=\bso\s)|(?<=\bnow\s)|(?<=\bthen\s))\W*"
                 r"(?:(?:hey|hi|ok|okay|can|could|would|will|you|u|ya|pls|please|plz|kindly|just|quickly)\s+)*")
_PART_REQUESTED = re.compile(rf"{_PART_OPENING}(?P<v>(?:{_PART_BASE}){_PARTICLE})(?![\w'-])")
_PART_SPLIT = re.compile(rf"(?<![\w'-])(?:{_PART_BASE}|{_PART_FORMS}){_PARTICLE}"
                         r"(?=(?:\s+[\w'&-]+){0,5}?\s+(?:by|across|into|per)\b)")
_VALUE_QUESTION = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|now)\W+)?(?:what(?:'s|\s+is|\s+was|\s+were|\s+are|\s+has\s+been)|how\s+much|how\s+many|"
    r"show|tell|give|get|list|display|total|calculate|compute|report|find)\b"
)
_HOW_MANY = re.compile(r"\bhow\s+many\b")
_FOLLOW_UP_START = re.compile(
    r"^\W*(?:and|but|also|ok(?:ay)?|so|now|then|same|what\s+about|how\s+about|what\s+if|how\s+does\s+(?:that|it|this)|"
    r"what\s+does\s+(?:that|it|this)|is\s+that|was\s+that|and\s+what|and\s+how|only|just|instead|rather|again)\b"
)
# ("at this pace", "at that rate": the pace so far, pointing at no earlier answer)
_ANAPHORA = re.compile(r"(?<!\bat\s)\b(?:that|those|these|it|them|this|same|the\s+previous\s+answer|"
                       r"the\s+last\s+answer)\b(?!\s*'s\b)")
# "as a running total" is the cumulative modifier's words, which lift no filter ("same again but as a running total")
_OVERALL = re.compile(
    r"\b(?:overall|in\s+total|(?<!running\s)(?<!cumulative\s)total|company[\s-]+wide|whole\s+(?:business|company)|"
    r"entire\s+(?:business|company)|"
    r"everywhere|all\s+together|altogether|across\s+the\s+board|without\s+(?:the\s+)?filters?|all\s+(?:of\s+)?(?:it|them))\b"
)
# "sales there", "what about there?": the place of the answer before, not the existential "is there" / "there was"
# nor the target reached ("will we get there?")
# "what happened there", "what's going on there": the idiom points at the change said, not at a place
_THERE = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bget\s)(?<!\bgot\s)"
                    r"(?<!\bhappened\s)(?<!\bgoing\son\s)(?<!\bwent\son\s)(?<!\bwent\swrong\s)\bthere\b"
                    r"(?!\s*(?:'s|is|are|was|were|been|be|have|has|had|will|seems?|appears?|must|might|may)\b)")
_EXCLUDE = re.compile(
    r"\b(?:excluding|exclude|excludes|except(?:\s+for)?|without|outside(?:\s+of)?|other\s+than|apart\s+from|"
    r"aside\s+from|besides|minus|but\s+not|not\s+including|ex|non|excl\.?|exc\.?|sans|barring|omitting|ignoring|"
    r"leaving\s+out)\s*[-]?\s*(?:the\s+|our\s+|any\s+)?$"
)
# Weather words ("snow forecast", "will it rain", "how sunny"): out of scope even said of a member ("in sälen"), while
# "forecast revenue" asks what will happen of a figure
_OFF_TOPIC = re.compile(
    r"\b(?:weather|temperatures?|snow|snowfall|snowing|snowy|snows|rain|rains|raining|rainy|rainfall|sunny|sunshine|"
    r"windy|thunderstorms?|precipitation|humidity|celsius|fahrenheit|"
    r"joke|jokes|funny|poem|poems|song|songs|lyrics|recipe|recipes|cook|movie|movies|film|"
    r"films|tv|netflix|game|games|match|score|scores|football|soccer|basketball|baseball|hockey|tennis|cricket|"
    r"who\s+won|election|president|prime\s+minister|politics|horoscope|capital\s+of|population|meaning\s+of\s+life|"
    r"translate|translation|bitcoin|crypto|stock\s+market|celebrity|news|headlines|traffic\s+jam|flight|flights|"
    r"hotel|restaurant|vacation|holiday\s+plans|birthday|your\s+name|who\s+are\s+you|how\s+old|are\s+you\s+(?:a|an)\b|"
    r"sing|dance|love\s+you|marry|write\s+(?:me\s+)?(?:a|an)\s+(?:poem|story|essay|email|letter|code|program)|python\s+code|"
    r"homework|math\s+problem|sky|moon|planet|dinosaur|cat|dog|pizza|coffee|beer|wine)\b"
)
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|yo|hiya|howdy|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|cheers|bye|goodbye|"
    r"help|what\s+can\s+you\s+do|who\s+are\s+you|what\s+are\s+you|test|testing)\W*$"
)
# What will happen ("will we make more in EMEA than APAC", "is EMEA going to beat APAC", "what'll revenue be"):
# the data holds only what has happened. "Will you …" asks for something now.
_FUTURE = re.compile(r"\b(?:will|won't|wont|gonna|going\s+to|(?:we|it|they|that|what)'ll|likely\s+to|expected\s+to|"
                     r"set\s+to|bound\s+to)\b(?!\s+(?:you|u|ya)\b)"
                     # "can emea beat apac this quarter": who will come out ahead, not where they stand
                     r"|\b(?:can|could)\s+(?!(?:you|u|ya|i|someone|somebody|anyone)\b)(?:[\w'.-]+\s+){0,4}?"
                     r"(?:beat|overtake|outsell|outpace|outdo|catch(?:\s+up\s+(?:with|to|on))?|pass|surpass)\b")
# Idioms of doing well or badly ("who's crushing it", "who is lagging behind"): a ranking, best or worst first;
# their "it" refers to nothing earlier
_DOING_WELL = re.compile(r"\b(?:crush(?:ing|es|ed)?|kill(?:ing|s|ed)?|smash(?:ing|es|ed)?|nail(?:ing|s|ed)?|"
                         r"rock(?:ing|s|ed)?|ac(?:ing|es|ed))\s+it\b|\bon\s+fire\b|\bon\s+a\s+(?:roll|tear)\b"
                         r"|\b(?:leading|leads|led)\s+the\s+(?:pack|way|field|charge)\b")
_DOING_BADLY = re.compile(r"\b(?:lagging|lags|lagged|falling|fell|fallen)\s+behind\b|\blagging\b"
                          r"|\bbringing\s+up\s+the\s+rear\b|\b(?:struggling|underperforming)\b")
_WHERE = re.compile(r"\bwhere\b")
# "who sold the most?": a question about people; "customers who ordered" is a relative clause, asking about nobody
_WHO = re.compile(r"(?:^|[.?!,:;(])\W*(?:(?:and|so|but|ok|okay|then|now)\s+)?who(?:'s|se)?\b")
_WE = re.compile(r"\b(?:we|we're|we've|our|us|business|company)\b")
_BY_SOMETHING = re.compile(r"\b(?:by|per|for\s+each|for\s+every|each|every|across|split\s+by|which|what)\s+(?:the\s+|"
                           r"our\s+|all\s+)?(?P<w>[a-z][a-z-]+)")


@dataclass(frozen=True)
class Cues:
    drivers: bool = False
    change: bool = False
    we_or_us: bool = False
    compare: bool = False
    summary: bool = False
    how_did_it_do: bool = False
    trend: bool = False
    breakdown: bool = False
    rank_word: bool = False
    order: str | None = None
    limit: int | None = None
    comparative: str | None = None
    which: bool = False
    where: bool = False
    who: bool = False
    value_question: bool = False
    how_many: bool = False
    follow_up_start: bool = False
    anaphora: bool = False
    there: bool = False
    overall: bool = False
    off_topic: bool = False
    greeting: bool = False
    future: bool = False

    @property
    def any_intent(self) -> bool:
        return any((self.drivers, self.compare, self.change, self.summary, self.trend, self.breakdown,
                    self.rank_word, self.order is not None, self.value_question))


def read_cues(text: str, *, names: Iterable[tuple[int, int]] = ()) -> Cues:
    """``text``: lower-cased, with time expressions blanked; ``names``: the spans of its measure words, whose
    cue words name the measure ("drop offs", "growth", "declines", "top line") and ask for nothing."""
    for a, b in names:
        if any(pattern.search(text[a:b]) for pattern in _NAMED_CUES):
            text = text[:a] + " " * (b - a) + text[b:]
    order = None
    doing = None
    if _WHO.search(text):
        doing = "desc" if _DOING_WELL.search(text) else "asc" if _DOING_BADLY.search(text) else None
        text = _DOING_BADLY.sub(lambda m: " " * len(m.group(0)), _DOING_WELL.sub(lambda m: " " * len(m.group(0)), text))
    if doing:
        order = doing
    elif not _NOT_RANK.search(text):
        m = _ORDER.search(text)
        if m:
            order = "desc" if m["desc"] else "asc"
    limit = None
    lm = _LIMIT.search(text)
    if lm:
        token = lm["n"] or lm["m"] or lm["w"] or lm["t"] or ""
        limit = int(token) if token.isdigit() else NUMBER_WORDS.get(token)
        if limit is not None and limit < 1:
            limit = None
        if order is None and re.match(r"\s*(?:bottom|worst|lowest|smallest)", lm.group(0)):
            order = "asc"
        order = order or "desc"
    comparative = None
    cm = _COMPARATIVE.search(text)
    if cm:
        comparative = "desc" if cm["desc"] else "asc"
    change = bool(_CHANGE_WORD.search(text))
    contribution = bool(_CONTRIBUTION.search(text))
    return Cues(
        # "contributed to the decline" asks why; "contribution of each segment" asks for a split.
        # "which source drove the most trials" ranks sources; "what drove the growth" explains a change
        drivers=(bool(_DRIVERS.search(text)) and not _DROVE_THE_MOST.search(text)) or (contribution and change)
        or (change and bool(_WHAT_IS_GOING_ON.search(text))),
        change=change,
        we_or_us=bool(_WE.search(text)),
        compare=bool(_COMPARE.search(text)),
        summary=bool(_SUMMARY.search(text)),
        how_did_it_do=bool(_HOW_DID_IT_DO.search(text)),
        trend=bool(_TREND.search(text)),
        breakdown=bool(_BREAKDOWN.search(text) or parting_spans(text)) or (contribution and not change),
        rank_word=bool(_RANK_WORD.search(text)),
        order=order,
        limit=limit,
        comparative=comparative,
        which=bool(_WHICH.search(text)),
        where=bool(_WHERE.search(text)),
        who=bool(_WHO.search(text)),
        value_question=bool(_VALUE_QUESTION.search(text)),
        how_many=bool(_HOW_MANY.search(text)),
        follow_up_start=bool(_FOLLOW_UP_START.search(text)),
        anaphora=bool(_ANAPHORA.search(text)),
        there=bool(_THERE.search(text)),
        overall=bool(_OVERALL.search(text)),
        off_topic=off_topic(text),
        greeting=bool(_GREETING.search(text)),
        future=bool(_FUTURE.search(text)),
    )


def off_topic(text: str) -> bool:
    """Words of questions SalesTalk does not answer (weather, jokes, games); ``text`` without member names."""
    return bool(_OFF_TOPIC.search(text))


def order_word(word: str) -> bool:
    """Whether ``word`` asks for the top or the bottom ("primary", "poorest"), as a member's name does not."""
    return bool(_ORDER.fullmatch(word))


def change_verb(word: str) -> bool:
    """Whether ``word`` is a verb of change ("rose", "fell", "grew"), as a member named like one is not."""
    return bool(_CHANGE_WORD.fullmatch(word))


# Cues a measure's own words may hold: said as the measure, they change no intent ("total" still says total).
_NAMED_CUES = (_ORDER, _LIMIT, _RANK_WORD, _COMPARATIVE, _DRIVERS, _CHANGE_WORD, _COMPARE, _SUMMARY, _TREND,
               _BREAKDOWN, _FUTURE)
_PLACING = (_ORDER, _LIMIT, _RANK_WORD, _COMPARATIVE, _DRIVERS, _CHANGE_WORD, _COMPARE, _SUMMARY, _TREND, _BREAKDOWN,
            _OVERALL, _FUTURE)


def cue_spans(text: str) -> list[tuple[int, int]]:
    """The spans of every intent, order and limit cue in ``text``: words placed by what they ask for."""
    idioms = (_DOING_WELL, _DOING_BADLY) if _WHO.search(text) else ()  # "who's on fire": a ranking's words
    return [m.span() for pattern in (*_PLACING, *idioms) for m in pattern.finditer(text)] + parting_spans(text)


def parting_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the verbs in ``text`` that part a figure among members ("slice", "bucketed", "carve up")."""
    return [m.span("v") for m in _PART_REQUESTED.finditer(text)] + [m.span() for m in _PART_SPLIT.finditer(text)]


def comparison_idioms(text: str) -> list[tuple[int, int]]:
    """The spans of comparison idioms in ``text`` ("stack up against", "measure up to", "next to")."""
    return [m.span() for m in _COMPARISON_IDIOM.finditer(text)]


def excluded_before(text: str, start: int) -> bool:
    """Whether the words just before ``start`` exclude what follows ("excluding EMEA", "non-EMEA")."""
    return bool(_EXCLUDE.search(text[max(0, start - 30):start]))


def asked_groupings(text: str) -> list[tuple[int, str]]:
    """Words after "by", "per", "each", "which", … (offset, word): candidates for an unknown dimension."""
    return [(m.start("w"), m["w"]) for m in _BY_SOMETHING.finditer(text)]


_IN_ONE_AFTER = re.compile(rf"\s+(?:[a-z][\w'-]*\s+){{0,3}}?{_IN_ONE}")


def superlative_spans(text: str, *, figures: frozenset[int]) -> list[tuple[int, int]]:
    """The order words of ``text`` said as superlatives: just before a figure (``figures``: where each starts) or
    before "in a single day" ("max cups in a single day", "most in one week"), never a name ("max" of Max Tui)."""
    out = []
    for m in _ORDER.finditer(text):
        following = len(text) - len(text[m.end():].lstrip(" "))
        if (following in figures and following > m.end()) or _IN_ONE_AFTER.match(text, m.end()):
            out.append(m.span())
    return out
