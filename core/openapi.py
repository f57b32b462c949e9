"""OpenAPI generation: the views' operation notes, names for their nested serializers, the Bearer scheme of
tenant tokens, and each app's drf-spectacular extensions.

Loaded only when a document is generated (it is the schema class DRF's settings name): what it imports
stays out of a cold start.
"""
from __future__ import annotations

from typing import Any

from django.utils.module_loading import autodiscover_modules
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.fields import empty

from core.openapi_notes import OperationNote, note_of

# An app's extensions (drf-spectacular registers one by defining it) live in its ``openapi_extensions``
# module, which would bring the generator into the app's import if it sat beside the app's fields.
EXTENSIONS_MODULE = "openapi_extensions"


class SalesTalkAutoSchema(AutoSchema):
    def _note(self) -> OperationNote:
        return note_of(getattr(self.view, self.method.lower(), None))

    def get_operation_id(self) -> str:
        return self._note().operation_id or super().get_operation_id()

    def get_override_parameters(self) -> list[Any]:
        return [*super().get_override_parameters(), *self._note().parameters]

    def get_request_serializer(self) -> Any:
        request = self._note().request
        return super().get_request_serializer() if request is empty else request

    def get_response_serializers(self) -> Any:
        responses = self._note().responses
        return super().get_response_serializers() if responses is empty else responses

    def get_auth(self) -> list[dict[str, Any]]:
        auth = self._note().auth
        return super().get_auth() if auth is None else list(auth)

    def get_serializer_name(self, serializer: serializers.Serializer, direction: str) -> str:
        # Views nest their own "InputSerializer"/"OutputSerializer", and those their parts ("ColumnSerializer"):
        # the whole nesting path keeps components apart ("UploadColumnsOutputColumn", "DatasetOutputColumn").
        parts = type(serializer).__qualname__.rsplit("<locals>.", 1)[-1].split(".")
        if len(parts) == 1:
            return super().get_serializer_name(serializer, direction)
        return "".join(part.removesuffix("Api").removesuffix("Serializer") for part in parts)


class TenantTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tenants.auth.TenantJWTAuthentication"
    name = "tenantToken"
    match_subclasses = True

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


class StaffTokenScheme(TenantTokenScheme):
    """The staff registry's scheme: the same Bearer JWT, accepted only when its user is a staff member.

    A scheme of its own (one per authentication class), so the document says which operations need staff.
    """

    target_class = "tenants.api.StaffTokenAuthentication"
    name = "staffToken"
    match_subclasses = False
    priority = TenantTokenScheme.priority + 1

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {**super().get_security_definition(auto_schema),
                "description": "An access token whose user is a staff member."}


autodiscover_modules(EXTENSIONS_MODULE)
