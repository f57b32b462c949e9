"""Understanding a question with a language model, for when the built-in parser is unsure.

The model sees the contract's understanding schema, the tenant's vocabulary, the
as-of date and the previous understanding, and proposes one JSON object; that
object is used only if it passes ``insights.llm.validation`` whole.
"""
from __future__ import annotations

import json
import logging
import re
from bisect import bisect_right
from collections import Counter
from datetime import date
from itertools import accumulate, islice
from typing import Any

from core.metrics import record
from insights.contract import Understanding as WireUnderstanding
from insights.llm import LLMError, LLMProvider
from insights.llm.replies import UnusableReply, json_object
from insights.llm.validation import validated_understanding
from insights.understanding.types import Understanding
from metrics.measures import DEFAULT_MEASURE
from metrics.semantic import SemanticModel

logger = logging.getLogger(__name__)

# Enough for the model to see the naming style of a dimension; members the question
# mentions are always shown, whatever the size of the list.
MEMBERS_SHOWN_PER_DIMENSION = 40

# The one model of the understanding: Ollama's ``format=``, Bedrock's tool input and the validation.
UNDERSTANDING_SCHEMA = WireUnderstanding.model_json_schema()

SYSTEM_PROMPT = f"""\
You turn one question about a company's sales data into the JSON "understanding" that SalesTalk \
computes the answer from. You never compute, estimate or mention any figures.

Reply with one JSON object that fits the JSON Schema below; every key is present, null, [], {{}} or \
false where it does not apply.

intent, and the keys it needs (all other keys null, filters {{}} when unused):
- value: "What was revenue last month?" needs measure, time.
- compare: "Q3 vs Q2 revenue", "revenue this year vs last year" needs measure, time, compare_to.
- trend: "monthly revenue over the last 6 months" needs measure, time with grain.
- breakdown: "revenue by region last quarter", "EMEA vs APAC revenue" needs measure, time, group_by.
- rank: "top 3 products by margin", "which channel sold the least" needs measure, time, group_by, \
order ("desc" for top/best/most, "asc" for bottom/worst/least), limit ("which … the most" is 1).
- drivers: "why did revenue drop in August?" needs measure, time, compare_to; group_by if a dimension is named.
- summary: "how are we doing?" needs time, compare_to; measure optional.
- share: "what % of revenue came from Enterprise?" needs measure, time; subject is the part, filters \
the whole; group_by for a mix ("revenue mix by channel").
- pace: "are we on track to hit $1.5M this year?" needs measure, time (the whole target period), target \
(a plain number in the measure's unit: $1.5M is 1500000).
- count: "how many stores had sales last week?" needs time, group_by (the dimension counted).
- unusual: "anything unusual last week?" needs time; group_by if a dimension is named; limit (default 5).
- clarify: a member that is not in the vocabulary, an ambiguous reference, a follow-up with nothing \
to follow. All other keys null.
- out_of_scope: anything that is not about this sales data. All other keys null.

Rules:
- Use only the measure names, dimension names and member values of the vocabulary, spelled exactly as there.
- Modifiers: per = what the measure is divided by (a measure, day/week/month/quarter/year, or a \
dimension: "average daily revenue" is per "day"); order_by = "change" or "change_pct" for a rank by \
growth against compare_to ("grew the most", "fastest-growing"); cumulative = true for running totals of a \
trend; also = further measures asked for ("revenue and margin": measure revenue, also its margin measure); \
ignored = the framing words that cannot change a number ("quick one for the board deck").
- group_by of a breakdown or rank may be a time grain ("which month was our best?").
- The measure is a canonical name (the vocabulary lists the words people use); "{DEFAULT_MEASURE}" when none is said.
- subject is the one member the question is about; other members go to filters (dimension -> list).
- Dates are inclusive and resolved against as_of (A). today = A; this week/month/quarter/year (MTD, QTD, \
YTD) = start of A's period to A; last week/month/quarter/year = the whole calendar period before A's \
(ISO weeks, Monday to Sunday); last N days = the N days ending on A; last N weeks/months/quarters/years = \
the N whole periods before A's period; "Q3", "March" without a year = the most recent such period that \
has started by A, up to A if A is inside it; nothing said = the last whole month before A's month, \
except trend: the last 12 whole months, grain month.
- compare_to: "vs last year"/"YoY" = time shifted back one year; nothing said = the period before \
(a calendar period: the one before it; YTD/QTD/MTD: the same span a year/quarter/month earlier; any \
other span: the span of equal length just before it); "Q3 vs Q2" = the second period named.
- Trend grain when none is said: day up to 31 days, week up to 92 days, month up to 3 years, else quarter.
- A follow-up inherits from previous_understanding whatever it does not say itself: a new member \
replaces one of the same dimension, a new measure or period replaces the old one, "break that down \
by X" is a breakdown, "why?" is drivers, "top 3?" is a rank of the previous breakdown with limit 3.

JSON Schema of the reply:
{json.dumps(UNDERSTANDING_SCHEMA)}
"""


def llm_parse(
    *,
    provider: LLMProvider,
    text: str,
    model: SemanticModel,
    as_of: date,
    context: Understanding | None,
) -> Understanding | None:
    """The model's understanding of ``text`` if it is valid in every part, else None (logged)."""
    try:
        reply = provider.chat(
            system=SYSTEM_PROMPT,
            user=user_prompt(text=text, model=model, as_of=as_of, context=context),
            json_output=True,
            schema=UNDERSTANDING_SCHEMA,
        )
        return validated_understanding(json_object(reply), model=model, as_of=as_of)
    except (LLMError, UnusableReply) as exc:
        _log_rejection(provider, str(exc))
    except Exception as exc:  # the built-in answer must never depend on the model behaving
        _log_rejection(provider, f"{type(exc).__name__}: {exc}")
    return None


def user_prompt(*, text: str, model: SemanticModel, as_of: date, context: Understanding | None) -> str:
    payload = {
        "as_of": f"{as_of.isoformat()} ({as_of.strftime('%A')})",
        "vocabulary": vocabulary(model=model, question=text),
        "previous_understanding": context.as_json() if context else None,
        "question": text,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def vocabulary(*, model: SemanticModel, question: str) -> dict[str, Any]:
    """The tenant's measures and dimensions; long member lists cut, keeping the members the question names."""
    dimensions: dict[str, Any] = {}
    for name, members in model.dimensions.items():
        shown = _members_to_show(members, question=question)
        entry: dict[str, Any] = {"members": shown}
        if len(shown) < len(members):
            entry["members_not_shown"] = len(members) - len(shown)
        dimensions[name] = entry
    return {
        "measures": {
            name: {"label": model.measure(name).label, "words": list(model.measure(name).words)}
            for name in model.measures
        },
        "dimensions": dimensions,
        "data_from": model.first_date.isoformat(),
        "data_to": model.last_date.isoformat(),
    }


def _members_to_show(members: tuple[str, ...], *, question: str) -> list[str]:
    """The members the question's words point at first (up to the cap), then the others in stored order.

    A word shared by more members than the cap (the "product" of "Product 00711") points at none of them.
    """
    if len(members) <= MEMBERS_SHOWN_PER_DIMENSION:
        return list(members)
    folded = [member.casefold() for member in members]
    text = "\n".join(folded)  # one text, so each word is one C-speed search rather than one per member
    starts = list(accumulate((len(member) + 1 for member in folded), initial=0))
    hits: Counter[int] = Counter()
    # Plurals folded on both sides, so "trail runners" finds "Trail Runner".
    for word in {word.removesuffix("s") for word in re.findall(r"\w{2,}", question.casefold())}:
        if not 0 < text.count(word) <= MEMBERS_SHOWN_PER_DIMENSION:  # a plain count is far quicker than \b
            continue
        pattern = re.compile(rf"\b{re.escape(word)}s?\b")
        hits.update(bisect_right(starts, found.start()) - 1 for found in pattern.finditer(text))
    pointed = sorted(hits, key=lambda index: (-hits[index], index))[:MEMBERS_SHOWN_PER_DIMENSION]
    shown = [members[index] for index in pointed]
    chosen = set(pointed)
    rest = (member for index, member in enumerate(members) if index not in chosen)
    return shown + list(islice(rest, MEMBERS_SHOWN_PER_DIMENSION - len(shown)))


def _log_rejection(provider: LLMProvider, reason: str) -> None:
    name = getattr(provider, "name", type(provider).__name__)
    record(name="LLMRejections", value=1, dimensions={"provider": name, "stage": "understanding"})
    logger.warning(
        "LLM understanding not used (%s): %s",
        name,
        reason,
        extra={"fields": {"llmProvider": name, "reason": reason}},
    )
