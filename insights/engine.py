"""From a question to the contract's answer object: understand, compute, phrase.

The built-in parser answers first; an LLM (when configured) is asked only when
the parser is unsure, and its understanding is validated before use. Numbers
always come from ``insights.answering.analysis``; an LLM may rephrase the narrative only
if every figure it writes is found in the computed result.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.conf import settings

from core.metrics import record
from insights.answering.analysis import analyse
from insights.answering.display import display
from insights.answering.narrative import compose, sentiment_of, trend_change
from insights.answering.results import Result
from insights.llm import get_provider
from insights.llm.parsing import llm_parse
from insights.llm.phrasing import llm_rephrase
from insights.understanding.currencies import foreign, name_of
from insights.understanding.modifiers import target_currency
from insights.understanding.parser import Parse, parse
from insights.understanding.types import GRAINS, Understanding
from metrics.selectors import get_semantic_model
from metrics.semantic import SemanticModel
from tenants.context import TenantContext

logger = logging.getLogger(__name__)

# Below this parser confidence an LLM (if configured) gets a chance to read the question.
LLM_FALLBACK_BELOW = 0.5


@dataclass(frozen=True)
class Answer:
    understanding: Understanding
    result: Result
    narrative: str
    sentiment: str
    clarification: str | None = None
    # Beyond the contract's fields: what a person could ask instead (closest members, example questions),
    # so surfaces can offer them as buttons rather than parse them out of the clarification.
    suggestions: tuple[str, ...] = ()
    # Beyond the contract's fields too: the result's figures and labels formatted for people (``display``).
    display: dict[str, Any] | None = None

    def as_json(self, *, conversation: str | None) -> dict[str, Any]:
        return {
            "conversation": conversation,
            "understanding": self.understanding.as_json(),
            "result": self.result.as_json(),
            "narrative": self.narrative,
            "sentiment": self.sentiment,
            "clarification": self.clarification,
            "suggestions": list(self.suggestions),
            "display": self.display,
        }


def _understand(*, text: str, model: SemanticModel, as_of: date, context: Understanding | None,
                company: str) -> Parse:
    parsed = parse(text, model=model, as_of=as_of, context=context, company=company)
    if parsed.confidence >= LLM_FALLBACK_BELOW:
        return parsed
    provider = get_provider()
    if provider is None:
        return parsed
    record(name="LLMFallbacks", value=1, dimensions={"provider": provider.name})
    understanding = llm_parse(provider=provider, text=text, model=model, as_of=as_of, context=context)
    if understanding is None:
        return parsed
    logger.info("question understood by %s", provider.name)
    return Parse(understanding=understanding, confidence=LLM_FALLBACK_BELOW)


def _unanswered(parsed: Parse, *, model: SemanticModel, currency: str) -> Answer:
    text = parsed.clarification or (
        "Could you rephrase that? Ask me about a measure, a period or a part of the business."
    )
    understanding = parsed.understanding
    clarify = understanding.intent == "clarify"
    return Answer(
        understanding=understanding, result=Result(), narrative=text, sentiment="neutral",
        clarification=text if clarify else None,
        suggestions=parsed.suggestions,
        # what was understood so far, named as an answer names it, for the surfaces' chips
        display=display(understanding=understanding, result=Result(), model=model, currency=currency)
        if clarify and model.measures else None,
    )


def _tone(understanding: Understanding, result: Result, model: SemanticModel) -> str:
    measure = model.measure(understanding.measure or model.default_measure)
    if understanding.intent in ("compare", "drivers", "summary"):
        return sentiment_of(measure=measure, change=result.change, change_pct=result.change_pct)
    if understanding.intent == "trend" and not understanding.cumulative:
        change, change_pct = trend_change(result)
        return sentiment_of(measure=measure, change=change, change_pct=change_pct)
    if understanding.intent == "pace" and result.gap is not None:
        # Projected past the target: good news for a measure whose rise is good.
        return sentiment_of(measure=measure, change=result.gap, change_pct=None)
    return "neutral"


def _missing_measures(understanding: Understanding, model: SemanticModel) -> str | None:
    """Fail closed: a measure the data does not give is asked back with the measures there are, never computed
    as zeros."""
    per = understanding.per if understanding.per not in (*GRAINS, *model.dimensions) else None
    wanted = [understanding.measure, *understanding.also, per]
    missing = [name for name in wanted if name is not None and name not in model.definitions]
    if not missing:
        return None
    labels = ", ".join(model.measure(name).label.lower() for name in model.measures)
    return f"Your data has no {' or '.join(name.replace('_', ' ') for name in missing)}; it has {labels}."


def _other_currency(understanding: Understanding, *, text: str, currency: str) -> str | None:
    """A pace target said in a currency that is not the tenant's ("210m eur" of CHF data) is no number in the
    measure's unit, and the data holds no rate to make it one: asked back in the tenant's own currency."""
    said = target_currency(text.lower()) if understanding.intent == "pace" else None
    if said is None or not foreign(said, tenant=currency):
        return None
    return (f"Your figures are in {currency}, and I have no exchange rate to compare them with a target in "
            f"{name_of(said)}. What is the target in {currency}?")


def _asked_back(understanding: Understanding, text: str) -> Answer:
    """The question could be read but the data cannot answer it (too little history): ask back, no numbers."""
    return Answer(understanding=understanding.with_changes(intent="clarify"), result=Result(), narrative=text,
                  sentiment="neutral", clarification=text)


def answer_question(
    *, tenant: TenantContext, text: str, as_of: date, context: Understanding | None
) -> Answer:
    """The answer to ``text`` from ``tenant``'s data; raises ``metrics.errors.NoDataset`` without data."""
    model = get_semantic_model(tenant=tenant)
    parsed = _understand(text=text, model=model, as_of=as_of, context=context, company=tenant.name)
    understanding = parsed.understanding
    if not understanding.answered:
        return _unanswered(parsed, model=model, currency=tenant.currency)
    if understanding.intent == "count" and understanding.measure not in model.definitions:
        # A count of members needs no measure ("how many" is no request for units).
        understanding = understanding.with_changes(measure=None)
    missing = _missing_measures(understanding, model)
    if missing is not None:
        return _asked_back(understanding, missing)
    other_currency = _other_currency(understanding, text=text, currency=tenant.currency)
    if other_currency is not None:
        return _asked_back(understanding.with_changes(target=None), other_currency)
    result = analyse(tenant=tenant, model=model, understanding=understanding, as_of=as_of)
    if result.clarification is not None:
        return _asked_back(understanding, result.clarification)
    if result.chosen_group_by is not None:
        understanding = understanding.with_changes(group_by=result.chosen_group_by)
    narrative = compose(understanding=understanding, result=result, model=model, currency=tenant.currency,
                        question=text)
    answer = Answer(understanding=understanding, result=result, narrative=narrative,
                    sentiment=_tone(understanding, result, model),
                    display=display(understanding=understanding, result=result, model=model,
                                    currency=tenant.currency))
    if settings.SALESTALK_LLM_REPHRASE:
        answer = _rephrased(answer)
    return answer


def _rephrased(answer: Answer) -> Answer:
    provider = get_provider()
    if provider is None:
        return answer
    phrased = llm_rephrase(provider=provider, narrative=answer.narrative, answer=answer.as_json(conversation=None))
    if not phrased:
        return answer
    return replace(answer, narrative=phrased)
