"""The DRF exception handler: every API error leaves in the one envelope of ``core.errors``."""
from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import RequestDataTooBig
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.errors import AppError, TenantScopeError, app_error_body, error_body, too_large_body
from core.unavailable import RETRY_AFTER_SECONDS, storage_unavailable, unavailable_body

logger = logging.getLogger("salestalk.errors")


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, AppError):
        return Response(app_error_body(exc), status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        return Response(too_large_body(), status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, TenantScopeError):
        logger.error("tenant scope missing", exc_info=exc)
        return Response(error_body(code="tenant_scope", message="No tenant scope."), status=status.HTTP_403_FORBIDDEN)
    if storage_unavailable(exc):
        logger.warning("storage unavailable", exc_info=exc)
        return Response(
            unavailable_body(), status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(code="invalid", message="The request is not valid.", details=exc.detail)
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else "error"
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        response.data = error_body(code=code, message=str(detail))
    return response
