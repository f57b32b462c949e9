"""What every answer under the JSON roots (/api, /app) gets, whichever view or renderer made it.

API answers carry tenant data and tokens: no browser or shared cache (CloudFront, a proxy) may keep them.
A refused method is the one envelope too: Django's ``require_POST`` answers an empty page, and DRF views
with their own renderers (the OpenAPI schema's YAML, Swagger UI's HTML) answer in those.
"""
from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from core.http_errors import is_api_request, method_not_allowed


class ApiResponseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_api_request(request):
            return response
        if response.status_code == 405 and response.get("Content-Type") != "application/json":
            permitted = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
            response = method_not_allowed(request, permitted=permitted)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
