"""OpenAPI generation: names for the views' nested serializers, and the Bearer scheme of tenant tokens."""
from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class SalesTalkAutoSchema(AutoSchema):
    def get_serializer_name(self, serializer: serializers.Serializer, direction: str) -> str:
        # Views nest their own "InputSerializer"/"OutputSerializer"; the owner's name keeps components apart.
        qualname = type(serializer).__qualname__
        if "." not in qualname:
            return super().get_serializer_name(serializer, direction)
        owner, name = qualname.split(".")[-2:]
        return owner.removesuffix("Api") + name.removesuffix("Serializer")


class TenantTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tenants.auth.TenantJWTAuthentication"
    name = "tenantToken"
    match_subclasses = True

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
