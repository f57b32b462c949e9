"""Optional language-model providers (Ollama, Bedrock) behind one small interface.

SalesTalk answers without any of this (``SALESTALK_LLM=builtin``). A provider only
helps: parsing questions the built-in parser is unsure of (``insights.llm.parsing``)
and rephrasing template narratives (``insights.llm.phrasing``); both validate what the
model says and fall back to the built-in path on anything doubtful.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PROVIDER_NAMES: tuple[str, ...] = ("builtin", "ollama", "bedrock")


class LLMError(Exception):
    """Any provider failure: timeout, connection, bad status, unusable output."""


class LLMProvider(Protocol):
    name: str

    def chat(self, *, system: str, user: str, json_output: bool, schema: Mapping[str, Any] | None = None) -> str:
        """The model's reply to one system + user message; raises LLMError, honours the timeout.

        With ``schema`` (a JSON Schema) the reply is one JSON object the provider was made to fit it.
        """
        ...


def get_provider() -> LLMProvider | None:
    """The provider the settings ask for; None for the built-in engine. One instance per settings values."""
    return _provider_for(
        kind=str(settings.SALESTALK_LLM).strip().lower(),
        timeout_seconds=float(settings.SALESTALK_LLM_TIMEOUT_SECONDS),
        ollama_host=settings.SALESTALK_OLLAMA_HOST,
        ollama_model=settings.SALESTALK_OLLAMA_MODEL,
        bedrock_model_id=settings.SALESTALK_BEDROCK_MODEL_ID,
        bedrock_region=settings.SALESTALK_BEDROCK_REGION,
    )


@lru_cache(maxsize=8)
def _provider_for(
    *,
    kind: str,
    timeout_seconds: float,
    ollama_host: str,
    ollama_model: str,
    bedrock_model_id: str,
    bedrock_region: str,
) -> LLMProvider | None:
    if timeout_seconds <= 0:
        raise ImproperlyConfigured(f"SALESTALK_LLM_TIMEOUT_SECONDS must be positive, not {timeout_seconds}.")
    if kind == "builtin":
        return None
    # Imported here so the built-in default never loads the provider clients.
    if kind == "ollama":
        from insights.llm.ollama_provider import OllamaProvider

        return OllamaProvider(host=ollama_host, model=ollama_model, timeout_seconds=timeout_seconds)
    if kind == "bedrock":
        from insights.llm.bedrock_provider import BedrockProvider, make_bedrock_client

        client = make_bedrock_client(region=bedrock_region, timeout_seconds=timeout_seconds)
        return BedrockProvider(client=client, model_id=bedrock_model_id, timeout_seconds=timeout_seconds)
    raise ImproperlyConfigured(f"SALESTALK_LLM must be one of {', '.join(PROVIDER_NAMES)}, not {kind!r}.")
