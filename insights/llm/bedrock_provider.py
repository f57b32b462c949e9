"""Amazon Bedrock through the Converse API of boto3's ``bedrock-runtime`` client."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import boto3
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from insights.llm import LLMError
from insights.llm.deadline import call_with_deadline

MAX_TOKENS = 1024
# Converse has no JSON mode; the instruction is the best it can do, and the callers validate.
JSON_INSTRUCTION = "\n\nReply with exactly one JSON object and nothing else: no prose, no code fences."
_COMPLETE_REASONS = frozenset({"end_turn", "stop_sequence"})
# With a schema the reply is the input of this one tool, which the model is made to call.
TOOL_NAME = "understanding"
_TOOL_REASONS = _COMPLETE_REASONS | {"tool_use"}


def make_bedrock_client(*, region: str, timeout_seconds: float, endpoint_url: str | None = None) -> BaseClient:
    """A client that gives up quickly: short connect, bounded read, one retry (throttling is common)."""
    config = Config(
        connect_timeout=min(timeout_seconds, 3.0),
        read_timeout=timeout_seconds,
        retries={"mode": "standard", "total_max_attempts": 2},
    )
    return boto3.client("bedrock-runtime", region_name=region, endpoint_url=endpoint_url, config=config)


class BedrockProvider:
    name = "bedrock"

    def __init__(self, *, client: BaseClient, model_id: str, timeout_seconds: float) -> None:
        self.client = client
        self.model_id = model_id
        self.timeout_seconds = timeout_seconds

    def chat(self, *, system: str, user: str, json_output: bool, schema: Mapping[str, Any] | None = None) -> str:
        system_text = system + JSON_INSTRUCTION if json_output and schema is None else system
        return call_with_deadline(
            lambda: self._converse(system=system_text, user=user, schema=schema),
            seconds=self.timeout_seconds,
            provider=self.name,
        )

    def _converse(self, *, system: str, user: str, schema: Mapping[str, Any] | None) -> str:
        request: dict[str, Any] = {
            "modelId": self.model_id,
            "system": [{"text": system}],
            "messages": [{"role": "user", "content": [{"text": user}]}],
            "inferenceConfig": {"temperature": 0, "maxTokens": MAX_TOKENS},
        }
        if schema is not None:
            request["toolConfig"] = tool_config(schema)
        try:
            response = self.client.converse(**request)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            raise LLMError(f"bedrock {error.get('Code', 'error')}: {error.get('Message', '')}") from exc
        except BotoCoreError as exc:
            raise LLMError(f"bedrock call failed: {exc}") from exc
        return _tool_input(response) if schema is not None else _reply_text(response)


def tool_config(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Converse's toolConfig: one tool whose input is ``schema``, and the model must call it."""
    spec = {
        "name": TOOL_NAME,
        "description": "Record the understanding of the question.",
        "inputSchema": {"json": dict(schema)},
    }
    return {"tools": [{"toolSpec": spec}], "toolChoice": {"tool": {"name": TOOL_NAME}}}


def _tool_input(response: dict[str, Any]) -> str:
    """The input the model gave the tool, as JSON text (the callers validate it like any reply)."""
    stop_reason = response.get("stopReason")
    if stop_reason not in _TOOL_REASONS:
        raise LLMError(f"bedrock stopped early ({stop_reason})")
    content = response.get("output", {}).get("message", {}).get("content") or []
    for block in content:
        tool_use = block.get("toolUse") if isinstance(block, dict) else None
        if tool_use and tool_use.get("name") == TOOL_NAME and isinstance(tool_use.get("input"), dict):
            return json.dumps(tool_use["input"])
    raise LLMError(f"bedrock did not call the {TOOL_NAME} tool")


def _reply_text(response: dict[str, Any]) -> str:
    stop_reason = response.get("stopReason")
    if stop_reason not in _COMPLETE_REASONS:
        raise LLMError(f"bedrock stopped early ({stop_reason})")
    content = response.get("output", {}).get("message", {}).get("content") or []
    text = "".join(block["text"] for block in content if isinstance(block, dict) and "text" in block)
    if not text.strip():
        raise LLMError("bedrock sent no text")
    return text
