"""The root of SalesTalk's own errors and the one error envelope every surface sends.

Each error says its HTTP status and a stable code, so the API's handler, the
WebSocket consumers, the Lambda handlers and the commands report them one way.
"""
from __future__ import annotations

from typing import Any


class AppError(Exception):
    status_code = 400
    code = "error"

    def details(self) -> dict[str, Any] | None:
        return None


class TenantScopeError(RuntimeError):
    """Tenant data was reached without a tenant context. Fail closed: never fall back to "all"."""


class StorageUnavailable(RuntimeError):
    """DynamoDB could not be reached or kept refusing; the request can be retried later."""


def error_body(*, code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The one error shape: {"error": {"code", "message", "details"?}}."""
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def app_error_body(exc: AppError) -> dict[str, Any]:
    return error_body(code=exc.code, message=str(exc), details=exc.details())


def too_large_body() -> dict[str, Any]:
    """A body past DATA_UPLOAD_MAX_MEMORY_SIZE, wherever it is refused (DRF's parsers, Django's, the 400 handler)."""
    return error_body(code="too_large", message="The request body is too large.")
