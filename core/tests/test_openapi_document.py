"""The OpenAPI document (what /api/schema/ serves and tests/test_api_fuzz.py fuzzes) is whole and clean.

An operation the generator leaves out ("unable to guess serializer") is never fuzzed nor attacked, and a
clash of component names or operationIds silently describes one endpoint with another's body: the
generator only warns of either, so any warning fails here.
"""
from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.drainage import GENERATOR_STATS, reset_generator_stats
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.views import APIView

from tenants.api import SignInAPIView, StaffAPIView, TenantAPIView

PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
METHODS = ("get", "post", "put", "patch", "delete")
# Routes under /api that are no operation of the document, and why.
NOT_OPERATIONS = {
    "/api/schema/": "the document itself",
    "/api/docs/": "Swagger UI, a page that reads the document",
}


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield "/" + PARAM.sub(r"{\1}", prefix + str(pattern.pattern)), pattern.callback


def _api_routes() -> Iterator[tuple[str, Any]]:
    return ((route, callback) for route, callback in _routes(get_resolver().url_patterns)
            if route.startswith("/api/"))


def _view_class(callback: Any) -> type | None:
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None)


def _operations(view: type) -> set[str]:
    return {method for method in METHODS if callable(getattr(view, method, None))}


@pytest.fixture(scope="module")
def generated() -> tuple[dict[str, Any], list[str], bool]:
    """The document as ``manage.py spectacular`` builds it, and what the generator complained of meanwhile."""
    reset_generator_stats()  # it remembers complaints already printed, and would not print them again
    with contextlib.redirect_stderr(io.StringIO()) as complaints:
        document = SchemaGenerator().get_schema(request=None, public=True)
    return document, complaints.getvalue().splitlines(), bool(GENERATOR_STATS)


def test_the_generator_has_no_warning_or_error(generated):
    _, complaints, complained = generated
    assert complaints == []
    assert not complained


def test_the_document_is_valid_openapi(generated):
    document, *_ = generated
    validate_schema(document)


def test_every_api_route_and_method_is_an_operation(generated):
    document, *_ = generated
    paths = document["paths"]
    missing = []
    for route, callback in _api_routes():
        if route in NOT_OPERATIONS:
            continue
        view = _view_class(callback)
        if view is None or not issubclass(view, APIView):
            missing.append(f"{route}: not a DRF view, so the generator cannot describe it")
            continue
        missing += [f"{method.upper()} {route}" for method in sorted(_operations(view) - set(paths.get(route, {})))]
    assert missing == []


def test_the_walk_sees_every_kind_of_api_route():
    views = {_view_class(callback) for _, callback in _api_routes()}
    assert any(issubclass(v, TenantAPIView) for v in views if v)
    assert any(issubclass(v, StaffAPIView) for v in views if v)
    assert any(issubclass(v, SignInAPIView) for v in views if v)
    assert set(NOT_OPERATIONS) <= {route for route, _ in _api_routes()}


def _security_names(operation: dict[str, Any]) -> set[str]:
    return {name for requirement in operation.get("security", []) for name in requirement}


def test_each_operation_names_the_scheme_of_its_own_authentication(generated):
    document, *_ = generated
    schemes = document["components"]["securitySchemes"]
    expected = {TenantAPIView: {"tenantToken"}, StaffAPIView: {"staffToken", "cookieAuth"}, SignInAPIView: set()}
    wrong = []
    for route, callback in _api_routes():
        view = _view_class(callback)
        base = next((b for b in expected if view and issubclass(view, b)), None)
        for method, operation in document["paths"].get(route, {}).items():
            names = _security_names(operation)
            if not names <= set(schemes) or (base is not None and names != expected[base]):
                wrong.append(f"{method.upper()} {route}: {sorted(names)}")
    assert wrong == []
    assert schemes["tenantToken"]["scheme"] == schemes["staffToken"]["scheme"] == "bearer"
