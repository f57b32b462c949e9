"""What an attacker can reach, found by walking the URLconf, the ASGI router and the OpenAPI schema.

Nothing here is a hand-kept list: a new endpoint is attacked the moment it is routed. A path
parameter whose kind is unknown fails loudly, so a new kind of id cannot slip through unattacked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from tenants.api import StaffAPIView, TenantAPIView

PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
METHODS = ("get", "post", "put", "patch", "delete")
# Path parameter name -> the kind of victim object whose id goes there.
PARAM_KINDS = {
    "conversation_id": "conversation",
    "message_id": "message",
    "insight_id": "insight",
    "comment_id": "comment",
    "tenant_id": "tenant",
    "upload_id": "upload",
    "job_id": "job",
    "token": "share",
}
# Request-body fields that name an object, matched by prefix ("conversation", "conversation_id", ...).
BODY_KINDS = ("conversation", "message", "insight", "comment")


@dataclass(frozen=True)
class Route:
    pattern: str  # as Django spells it: "api/chat/conversations/<str:conversation_id>/"
    view: type
    params: tuple[str, ...]

    @property
    def methods(self) -> tuple[str, ...]:
        found = tuple(m for m in METHODS if callable(getattr(self.view, m, None)))
        return (*found, "head") if "get" in found else found

    @property
    def openapi_path(self) -> str:
        return "/" + PARAM.sub(lambda m: "{" + m.group("name") + "}", self.pattern)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(kind_of(p, pattern=self.pattern) for p in self.params)

    def path(self, values: dict[str, str], *, raw: bool = False) -> str:
        """The concrete path; values are percent-encoded unless ``raw`` (to send traversal as is)."""

        def fill(match: re.Match) -> str:
            value = values[match.group("name")]
            return value if raw else quote(value, safe="")

        return "/" + PARAM.sub(fill, self.pattern)

    def __str__(self) -> str:
        return self.openapi_path


# Semantic-model entries are named, not identified: every tenant has a "revenue"; reaching one's own is no leak.
NAMED_KINDS = {"measures": "measure", "dimensions": "dimension"}


def kind_of(param: str, *, pattern: str = "") -> str:
    if param == "name":
        return next(kind for segment, kind in NAMED_KINDS.items() if f"/{segment}/" in f"/{pattern}")
    try:
        return PARAM_KINDS[param]
    except KeyError:
        raise AssertionError(
            f"path parameter {param!r} has no known kind: add it to tests/attack/surface.py PARAM_KINDS "
            "and plant a victim object of that kind in tests/attack/victim.py"
        ) from None


def _walk(patterns: list, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _route(pattern: str, view: type) -> Route:
    return Route(pattern=pattern, view=view, params=tuple(m.group("name") for m in PARAM.finditer(pattern)))


def api_routes() -> list[Route]:
    routes = []
    for pattern, callback in _walk(get_resolver().url_patterns):
        view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        if view is not None and issubclass(view, APIView):
            routes.append(_route(pattern, view))
    return routes


def tenant_routes() -> list[Route]:
    return [r for r in api_routes() if issubclass(r.view, TenantAPIView)]


def staff_routes() -> list[Route]:
    return [r for r in api_routes() if issubclass(r.view, StaffAPIView)]


def share_routes() -> list[Route]:
    """Every route, API or page, that takes a share token in its path."""
    return [_route(p, getattr(cb, "view_class", None) or cb) for p, cb in _walk(get_resolver().url_patterns)
            if "<str:token>" in p or "<token>" in p]


def websocket_routes() -> list[Route]:
    from chat.routing import websocket_urlpatterns

    return [_route(str(p.pattern), p.callback) for p in websocket_urlpatterns]


@lru_cache(maxsize=1)
def openapi() -> dict[str, Any]:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if not ref:
        return schema
    return openapi()["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def request_schema(route: Route, method: str) -> tuple[str, dict[str, Any]] | None:
    """(content type, schema) of the operation's request body, JSON preferred."""
    operation = openapi().get("paths", {}).get(route.openapi_path, {}).get(method)
    content = ((operation or {}).get("requestBody") or {}).get("content") or {}
    for content_type in ("application/json", "multipart/form-data", "application/x-www-form-urlencoded"):
        if content_type in content:
            return content_type, _resolve(content[content_type].get("schema") or {})
    return None


def _field_value(name: str, schema: dict[str, Any], ids: dict[str, str]) -> Any:
    schema = _resolve(schema)
    for kind in BODY_KINDS:
        if name.startswith(kind) and kind in ids:
            return ids[kind]
    if "enum" in schema:
        return schema["enum"][-1]  # the last choice: for a status, the harmful one
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "integer":
        return schema.get("default", max(1, schema.get("minimum", 1)))
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    if kind == "array":
        return []
    if kind == "object":
        return {}
    if fmt == "date":
        return "2025-01-15"
    if fmt == "email":
        return "probe@example.com"
    if name in ("text", "question"):
        return "What was revenue last month?"
    return "probe"


def valid_body(route: Route, method: str, ids: dict[str, str]) -> tuple[dict[str, Any], list[str]] | None:
    """A JSON body the operation accepts, with the victim's ids in every field that names an object.

    Returns the body and the names of the fields that carry victim ids; None for multipart-only
    operations (file uploads), which name no object.
    """
    found = request_schema(route, method)
    if found is None:
        return {}, []
    content_type, schema = found
    if content_type != "application/json":
        return None
    properties = schema.get("properties") or {}
    body = {name: _field_value(name, prop, ids) for name, prop in properties.items() if not prop.get("readOnly")}
    carrying = [name for name, value in body.items() if isinstance(value, str) and value in ids.values()]
    return body, carrying
