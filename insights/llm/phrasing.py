"""A friendlier wording of the template narrative, kept only if its every figure is in the answer."""
from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from core.metrics import record
from insights.answering.grounding import is_grounded
from insights.llm import LLMError, LLMProvider
from insights.llm.replies import UnusableReply, json_object

logger = logging.getLogger(__name__)

# A rephrasing is about as long as what it rewords; much longer is the model going its own way.
MIN_LENGTH_ALLOWED = 600

SYSTEM_PROMPT = """\
You reword a short business-analytics answer so that it reads naturally to a busy manager: one to \
three plain sentences, no headings, no lists, no advice, no speculation about causes.
Use only figures that appear in the narrative or in the answer object, as they are (you may round \
them or write 1,230,000 as $1.23M). Never calculate new figures: no sums, differences, ratios, \
shares or growth rates that are not already there. Keep every period and member name as given.
Reply with one JSON object: {"narrative": "<the reworded answer>"}.
"""


def llm_rephrase(*, provider: LLMProvider, narrative: str, answer: Mapping[str, Any]) -> str | None:
    """The model's wording of ``narrative`` if every figure in it is grounded in ``answer``, else None."""
    try:
        reply = provider.chat(system=SYSTEM_PROMPT, user=user_prompt(narrative=narrative, answer=answer),
                              json_output=True)
        text = _narrative(json_object(reply), longest=max(MIN_LENGTH_ALLOWED, 2 * len(narrative)))
        if not is_grounded(text, answer=answer):
            raise UnusableReply(f"figures not in the answer: {text!r}")
        return text
    except (LLMError, UnusableReply) as exc:
        _log_rejection(provider, str(exc))
    except Exception as exc:  # the template narrative must never depend on the model behaving
        _log_rejection(provider, f"{type(exc).__name__}: {exc}")
    return None


def user_prompt(*, narrative: str, answer: Mapping[str, Any]) -> str:
    facts = {"understanding": answer.get("understanding"), "result": answer.get("result")}
    return json.dumps({"narrative": narrative, "answer": facts}, ensure_ascii=False, default=str, indent=1)


def _narrative(data: Mapping[str, Any], *, longest: int) -> str:
    text = data.get("narrative")
    if set(data) != {"narrative"} or not isinstance(text, str) or not text.strip():
        raise UnusableReply("the reply is not {\"narrative\": <text>}")
    text = " ".join(text.split())
    if len(text) > longest:
        raise UnusableReply(f"the rewording is {len(text)} characters long")
    return text


def _log_rejection(provider: LLMProvider, reason: str) -> None:
    name = getattr(provider, "name", type(provider).__name__)
    record(name="LLMRejections", value=1, dimensions={"provider": name, "stage": "phrasing"})
    logger.warning(
        "LLM phrasing not used (%s): %s",
        name,
        reason,
        extra={"fields": {"llmProvider": name, "reason": reason}},
    )
