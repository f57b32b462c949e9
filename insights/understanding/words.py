"""Plain-English words the parser must not mistake for data: member look-alikes, typo targets, unknown names.

``COMMON`` are everyday words of business questions: a word in it is never
"corrected" into a member by the typo rule, and never reported as an unknown
member name. ``FUNCTION`` words are so common that a member spelled like one
("US", "Other", "All") is matched only when written exactly so, or next to
its dimension's name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from metrics.measures import PARTICLES

# With the particles of phrasal names ("off" of write_offs), which metrics keeps so measure words leave them out too.
FUNCTION: frozenset[str] = frozenset("""
a an the and or but nor not no yes so as at by for from into of onto per to with
within without via vs versus than then that this these those there here it its it's is are was were be been
being am do does did done have has had having will would shall should can could may might must i me my mine
we us our ours you your yours he him his she her hers they them their theirs who whom whose which what when
where why how all any both each every either neither few more most less least much many some such own same
other others another one two three four five six seven eight nine ten first second third last next new old
top best worst total overall general main key core none nothing unknown misc miscellaneous na n/a etc just
only also too very really quite about above below under again further once ever still even well plus
minus business company team group
""".split()) | PARTICLES  # noqa: SIM905 - a word list reads best as text

COMMON: frozenset[str] = FUNCTION | frozenset("""
what's whats how's hows where's who's that's it's let's lets i'd i'm we're we've you're they're isn't aren't
wasn't weren't didn't doesn't don't haven't hasn't won't can't couldn't wouldn't shouldn't
show tell give get got gives giving shown showing list display see look looking looked find found know let
need want wanted like please pls thanks thank hi hello hey ok okay sure great good bad fine nice cool
compare compared comparing comparison against relative difference delta change changed changes changing
grow grew grown growing growth increase increased increases increasing decrease decreased decreases decreasing
rise rose risen rising fall fell fallen falling drop dropped drops dropping decline declined declines declining
jump jumped spike spiked dip dipped slump slumped surge surged gain gained gains lose lost loss losses improve
improved improvement worse worsen better up down higher lower high low highest lowest biggest smallest largest
greatest strongest weakest fastest slowest busiest quietest leading lagging most least top bottom best worst rank
ranking ranked
rankings order ordered sort sorted number numbers figure figures count counts amount amounts value values level
levels rate rates ratio ratios share shares percent percentage percentages pct mix split splits breakdown
broken break breaking across between among each every per by within inside outside excluding except exclude
excluded including include included apart aside besides minus only just
why because reason reasons cause caused causes causing drove drive drives driving driver drivers driven explain
explains explained explanation behind contributed contribute contributes contributing contribution contributor
contributors responsible account accounts attribute attributed impact impacted effect affected
trend trends trending trended over time timeline history historical evolution evolve evolved progress progression
trajectory chart charts plot plotted graph series pattern patterns seasonality
how doing done going perform performed performing performance performances fare fared go went gone overview
summary summarize summarise summarise recap snapshot highlights highlight status health healthy kpi kpis
metric metrics report reports reporting dashboard update updates picture
day days daily week weeks weekly weekend month months monthly quarter quarters quarterly year years yearly annual
annually half halves period periods date dates today yesterday tomorrow now currently current recent recently
lately latest ago since until till through thru during before after earlier later early late mid end start
beginning so far todate season seasons fiscal calendar ytd mtd qtd wtd ttm
january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
revenue revenues sales sale sold sell sells selling turnover income money cash dollars euros pounds usd eur gbp
cost costs cogs margin margins profit profits profitable profitability gross net units unit volume volumes
quantity quantities items item orders order transactions transaction purchases purchase customers customer
clients client buyers buyer average avg mean median aov basket size value ticket spend spent
region regions country countries store stores shop shops channel channels product products category categories
segment segments plan plans market markets city cities state states brand brands line lines location locations
dimension dimensions member members data dataset numbers results result performance
we our us company business firm organisation organization team group overall everything everywhere everyone
anything something whole entire full complete totals totalled combined together altogether alone sum summed
make made making earn earned earning bring brought bringing generate generated generating win won winning
acquire acquired acquiring sign signed signups achieve achieved hit deliver delivered ship shipped
is are was were been be being am did do does doing done had has have having
much many more most less least lot lots bit little big small large huge tiny
year-to-date month-to-date quarter-to-date
question questions answer answers help assist can could would should will shall might must
versus vs compared previous prior preceding last past next this coming following same similar different diff
again also too else instead rather then than there their they them these those thing things stuff
tracking track tracked trending pace pacing running run ran
lmk wrt pronto asap tia fyi btw imo imho idk excl exc sans barring omitting ignoring came come comes coming goes
""".split())  # noqa: SIM905 - a word list reads best as text

# The verb of selling in every form, written once: the weak measure words, the verbs of doing and every pattern
# that looks for someone selling are built from it.
SELLING: tuple[str, ...] = ("sell", "sells", "sold", "selling")

# Words that name a member in many datasets: when the tenant's data has no such member, the
# question is about something the data cannot answer, so it is never silently dropped.
MEMBER_LIKE: frozenset[str] = frozenset("""
online offline direct indirect retail wholesale partner partners web website ecommerce e-commerce mobile app
marketplace reseller resellers distributor distributors enterprise smb midmarket consumer b2b b2c
north south east west northern southern eastern western central america americas europe asia africa
oceania australia emea apac latam amer nordics usa uk eu uae
germany france spain italy ireland britain england scotland wales canada mexico brazil japan india
texas california florida
""".split())  # noqa: SIM905 - a word list reads best as text
# "the us": the country, never the pronoun ("give us", "how are we/us doing"), which no article goes before.
_ARTICLE_BEFORE = re.compile(r"\bthe\s+$")


def place_word(word: str, *, before: str) -> bool:
    """Whether ``word`` (lower-case), said after ``before``, names a place: one of MEMBER_LIKE, or "us" after
    "the"; where the data has no such member it is asked back, never dropped."""
    return word in MEMBER_LIKE or (word == "us" and bool(_ARTICLE_BEFORE.search(before)))

# Nouns that name a measure in many datasets: where the tenant's data has no such measure, the question asks
# for a figure the data does not hold ("how many shipments" of a shop), never answered as its default measure.
MEASURE_LIKE: frozenset[str] = frozenset("""
shipments deliveries pallets parcels bookings seats trials signups sign-ups leads hours visits visitors calls
tickets subscriptions subscribers licenses licences loads trips miles kilometres kilometers deals installs
appointments reservations nights rooms donations claims premiums policies enrolments enrollments admissions
""".split())  # noqa: SIM905 - a word list reads best as text

# Zipf frequency (log10 of uses per billion words) from which a word is ordinary English: "came" (5.5),
# "hear" (5.2) and "cafe" (4.1) are; typos ("shooes", "runing") and most brand names are not.
ORDINARY_ZIPF = 3.0


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """How common ``word`` (lower-case) is in English, on the Zipf scale."""
    from wordfreq import zipf_frequency  # on first use: loading it is a fifth of a cold Lambda's import

    return zipf_frequency(word, "en")


def ordinary(word: str) -> bool:
    """Whether ``word`` (lower-case) is an ordinary English word, so never a typo of something else."""
    return word in COMMON or zipf(word) >= ORDINARY_ZIPF
