"""A DRF field whose OpenAPI schema is a component generated from a pydantic model of the contract.

The schema itself is written by ``insights.openapi_extensions``, loaded only when a document is generated.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from rest_framework import serializers


class ContractField(serializers.JSONField):
    """Passes the engine's JSON through; the schema says its shape, from ``model``."""

    def __init__(self, *, model: type[BaseModel], **kwargs: Any) -> None:
        self.model = model
        super().__init__(**kwargs)
