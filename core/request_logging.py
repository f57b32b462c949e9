"""JSON log lines (CloudWatch-ready) carrying the request id and tenant of the work they describe."""
from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

_log_context: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("salestalk_log", default=None)
logger = logging.getLogger("salestalk.request")
# A caller's X-Request-Id is kept only when it looks like one (API Gateway's, CloudFront's, a UUID): it is
# echoed and written into every log line, so anything longer or stranger would forge or flood them.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:=+/-]{1,128}")


def bind_log_context(**fields: Any) -> None:
    """Add fields (e.g. tenantId) to every log line of the current request."""
    current = _log_context.get()
    if current is not None:
        current.update(fields)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(_log_context.get() or {})
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def route_of(request: HttpRequest) -> str:
    """The URL pattern that served the request, never its path: paths carry secrets (share tokens)."""
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match is not None else "(unmatched)"


class RoutesNotPaths(logging.Filter):
    """Django's own request warnings ("Not Found: /share/<token>") name the route instead of the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest) and isinstance(record.args, tuple) and request.path in record.args:
            record.args = tuple(route_of(request) if arg == request.path else arg for arg in record.args)
        return True


class RequestLogMiddleware:
    """One line per request with its id, tenant, status and duration."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-Id", "")
        request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = _log_context.set({"requestId": request_id, "tenantId": None})
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-Id"] = request_id
            logger.info(
                "request",
                extra={
                    "fields": {
                        "method": request.method,
                        "route": route_of(request),
                        "status": response.status_code,
                        "durationMs": round((time.perf_counter() - started) * 1000, 1),
                    }
                },
            )
            return response
        finally:
            _log_context.reset(token)
