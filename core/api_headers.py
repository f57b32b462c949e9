"""API answers carry tenant data and tokens: no browser or shared cache (CloudFront, a proxy) may keep them."""
from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from core.http_errors import is_api_request


class ApiNeverCacheMiddleware:
    """``Cache-Control: no-store, private…`` on every API and token answer that set no caching of its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_api_request(request) and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
