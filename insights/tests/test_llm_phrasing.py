"""llm_rephrase at its interface, and get_provider from the settings."""
from __future__ import annotations

import json
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured

from insights.llm import LLMError, get_provider
from insights.llm.bedrock_provider import BedrockProvider
from insights.llm.ollama_provider import OllamaProvider
from insights.llm.phrasing import SYSTEM_PROMPT, llm_rephrase
from insights.tests.llm_doubles import ScriptedProvider

ANSWER = {
    "conversation": None,
    "understanding": {"intent": "value", "subject": None, "measure": "orders",
                      "time": {"start": "2025-09-01", "end": "2025-09-30", "grain": "month"}, "compare_to": None,
                      "filters": {}, "group_by": None, "order": None, "limit": None},
    "result": {"value": 1234.0, "previous_value": None, "change": None, "change_pct": None, "rows": [],
               "measures": None},
    "narrative": "Orders was 1,234 in September 2025.",
}


def rephrase(reply: str | Exception) -> str | None:
    return llm_rephrase(provider=ScriptedProvider(reply), narrative=ANSWER["narrative"], answer=ANSWER)


def test_a_grounded_wording_is_kept_with_its_whitespace_tidied():
    assert rephrase(json.dumps({"narrative": " We took 1,234 orders\nin September. "})) == (
        "We took 1,234 orders in September."
    )


def test_the_model_is_asked_for_json_with_the_narrative_and_the_computed_figures():
    provider = ScriptedProvider(json.dumps({"narrative": "1,234 orders in September."}))
    llm_rephrase(provider=provider, narrative=ANSWER["narrative"], answer=ANSWER)
    [call] = provider.calls
    assert call["system"] == SYSTEM_PROMPT and call["json_output"] is True
    assert json.loads(call["user"]) == {
        "narrative": ANSWER["narrative"],
        "answer": {"understanding": ANSWER["understanding"], "result": ANSWER["result"]},
    }


@pytest.mark.parametrize(
    "reply",
    [
        json.dumps({"narrative": "We took 1,324 orders in September."}),
        json.dumps({"narrative": "We took 1,234 orders in September, about 41 a day."}),
        json.dumps({"narrative": ""}),
        json.dumps({"narrative": "1,234 orders.", "tone": "upbeat"}),
        json.dumps({"narrative": "Orders were strong. " * 40}),
        "We took 1,234 orders in September.",
        LLMError("bedrock ThrottlingException: slow down"),
        ValueError("unexpected"),
    ],
    ids=["altered", "derived-figure", "empty", "extra-key", "rambling", "not-json", "llm-error", "any-error"],
)
def test_anything_else_falls_back_to_the_template_and_is_logged(reply, caplog):
    with caplog.at_level(logging.WARNING, logger="insights.llm.phrasing"):
        assert rephrase(reply) is None
    [record] = caplog.records
    assert "scripted" in record.getMessage() and record.fields["reason"]


# --- get_provider ------------------------------------------------------------------------


def test_builtin_means_no_provider(settings):
    settings.SALESTALK_LLM = "builtin"
    assert get_provider() is None


def test_ollama_is_built_from_the_settings_and_reused(settings):
    settings.SALESTALK_LLM = "Ollama"
    settings.SALESTALK_OLLAMA_HOST = "http://127.0.0.1:11999"
    settings.SALESTALK_OLLAMA_MODEL = "qwen2.5:3b"
    settings.SALESTALK_LLM_TIMEOUT_SECONDS = 4.5
    provider = get_provider()
    assert isinstance(provider, OllamaProvider)
    assert (provider.name, provider.model, provider.timeout_seconds) == ("ollama", "qwen2.5:3b", 4.5)
    assert get_provider() is provider

    settings.SALESTALK_OLLAMA_MODEL = "llama3.1:8b"
    assert get_provider() is not provider


def test_bedrock_is_built_from_the_settings_with_bounded_timeouts_and_retries(settings):
    settings.SALESTALK_LLM = "bedrock"
    settings.SALESTALK_BEDROCK_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0"
    settings.SALESTALK_BEDROCK_REGION = "eu-west-1"
    settings.SALESTALK_LLM_TIMEOUT_SECONDS = 6.0
    provider = get_provider()
    assert isinstance(provider, BedrockProvider)
    assert provider.model_id == "anthropic.claude-3-haiku-20240307-v1:0"
    config = provider.client.meta.config
    assert provider.client.meta.region_name == "eu-west-1"
    assert (config.read_timeout, config.connect_timeout) == (6.0, 3.0)
    assert config.retries == {"mode": "standard", "total_max_attempts": 2}


@pytest.mark.parametrize("kind, timeout", [("openai", 8.0), ("ollama", 0.0)])
def test_a_misconfiguration_is_an_error_not_a_silent_fallback(settings, kind, timeout):
    settings.SALESTALK_LLM = kind
    settings.SALESTALK_LLM_TIMEOUT_SECONDS = timeout
    with pytest.raises(ImproperlyConfigured):
        get_provider()
