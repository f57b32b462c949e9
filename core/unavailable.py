"""Storage unavailability: DynamoDB or S3 unreachable, timing out or throttling past botocore's retries.

The one mapping of such a failure to an answer: a 503 the caller may retry (``Retry-After``), the one
envelope under the JSON roots and a plain page elsewhere. The exception itself goes to the logs only:
its text names endpoints, tables and operations.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.retries.standard import RetryContext, ThrottledRetryableChecker, TransientRetryableChecker
from django.http import HttpRequest, HttpResponse

from core.errors import StorageUnavailable, error_body
from core.http_errors import envelope, is_api_request

logger = logging.getLogger("salestalk.errors")

RETRY_AFTER_SECONDS = 5
CODE = "storage_unavailable"
MESSAGE = "The data store is unavailable; please retry shortly."
# botocore's own lists of the error codes it retries as throttling or transient.
RETRIED_CODES = (ThrottledRetryableChecker(), TransientRetryableChecker())
# A service's own failure or throttle whose code no list names (e.g. DynamoDB's InternalServerError).
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
UNREACHABLE = (StorageUnavailable, BotoConnectionError, HTTPClientError)

PAGE = (
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unavailable · SalesTalk</title></head>"
    "<body><h1>SalesTalk is briefly unavailable</h1><p>Please try again in a few seconds.</p></body></html>"
)


def _service_refused(exc: ClientError) -> bool:
    response = exc.response or {}
    context = RetryContext(attempt_number=1, parsed_response=response)
    if any(checker.is_retryable(context) for checker in RETRIED_CODES):
        return True
    return response.get("ResponseMetadata", {}).get("HTTPStatusCode") in RETRIED_STATUSES


def storage_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` or anything in its chain (PynamoDB wraps botocore's errors) says storage is unavailable."""
    seen: BaseException | None = exc
    visited: set[int] = set()
    while seen is not None and id(seen) not in visited:
        visited.add(id(seen))
        if isinstance(seen, UNREACHABLE):
            return True
        if isinstance(seen, ClientError) and _service_refused(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def unavailable_body() -> dict:
    return error_body(code=CODE, message=MESSAGE)


def unavailable_response(request: HttpRequest, exc: BaseException) -> HttpResponse:
    logger.warning("storage unavailable on %s", request.resolver_match.route if request.resolver_match else "?",
                   exc_info=exc)
    if is_api_request(request):
        response: HttpResponse = envelope(status=503, code=CODE, message=MESSAGE)
    else:
        response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class StorageUnavailableMiddleware:
    """Views outside DRF (the share page, the pages, /app/token): storage unavailability is a 503, not a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return unavailable_response(request, exception) if storage_unavailable(exception) else None
