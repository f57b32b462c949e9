"""Django's own error answers (404, 400, 403, 500, CSRF): the one envelope under /api, HTML elsewhere.

DRF answers errors inside its views (``core.exception_handler``); these answer what Django refuses
around a view: an unknown route, a refused Host or other suspicious request, a CSRF failure, an
unhandled exception. An API client always gets JSON it can read, and none of them says more than
the status does (no path, host, reason or trace: those go to the logs).
"""
from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import csrf, defaults

from core.errors import error_body, too_large_body

# The API, and the pages' JSON token endpoint (/app/token), whose script reads the envelope's message.
JSON_ROOTS = ("/api", "/app")


def is_api_request(request: HttpRequest) -> bool:
    path = request.path_info
    return any(path == root or path.startswith(root + "/") for root in JSON_ROOTS)


def envelope(*, status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(error_body(code=code, message=message), status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        return envelope(status=404, code="not_found", message="There is nothing at this address.")
    return defaults.page_not_found(request, exception)


def method_not_allowed(request: HttpRequest, *, permitted: list[str]) -> HttpResponse:
    """DRF's JSON views answer 405 in the envelope themselves; ``core.api_responses`` turns every other into this."""
    response = envelope(status=405, code="method_not_allowed", message=f'Method "{request.method}" not allowed.')
    response["Allow"] = ", ".join(permitted)
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """SuspiciousOperation: a Host not allowed, too many fields or files, a body past the limit."""
    if is_api_request(request):
        if isinstance(exception, RequestDataTooBig):
            return JsonResponse(too_large_body(), status=413)
        return envelope(status=400, code="bad_request", message="The request was refused.")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        return envelope(status=403, code="permission_denied", message="You may not do this.")
    return defaults.permission_denied(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api_request(request):
        return envelope(
            status=500, code="server_error",
            message="Something went wrong on our side; it has been logged. Please try again.",
        )
    return defaults.server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW. The API's answer leaves out which check failed; Django's page shows it only with DEBUG."""
    if is_api_request(request):
        return envelope(
            status=403, code="csrf_failed",
            message="The request's CSRF check failed; reload the page and try again.",
        )
    return csrf.csrf_failure(request, reason=reason)
