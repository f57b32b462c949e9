"""``/api/schema/`` and ``/api/docs/``: drf-spectacular's views, imported by their first request.

``drf_spectacular.views`` loads the schema generator and, through it, DRF's and Django's test
clients: a large part of a Lambda's cold start, for two pages few requests ask for.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt


@cache
def _schema_view() -> Any:
    from drf_spectacular.views import SpectacularAPIView

    return SpectacularAPIView.as_view()


@cache
def _docs_view() -> Any:
    from drf_spectacular.views import SpectacularSwaggerSplitView

    return SpectacularSwaggerSplitView.as_view(url_name="schema")


@csrf_exempt
def schema(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return _schema_view()(request, *args, **kwargs)


@csrf_exempt
def docs(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return _docs_view()(request, *args, **kwargs)
