"""The DRF exception handler: every API error leaves in the one envelope of ``core.errors``."""
from __future__ import annotations

import logging
from typing import Any

from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.exceptions import ConnectTimeoutError, EndpointConnectionError, ReadTimeoutError
from django.core.exceptions import RequestDataTooBig
from pynamodb.exceptions import PynamoDBException
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.errors import AppError, StorageUnavailable, TenantScopeError, app_error_body, error_body, too_large_body

logger = logging.getLogger("salestalk.errors")

UNAVAILABLE_CAUSES = (
    StorageUnavailable, BotoConnectionError, EndpointConnectionError, ConnectTimeoutError, ReadTimeoutError,
)
THROTTLED_CODES = {"ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"}


def storage_unavailable(exc: BaseException) -> bool:
    """DynamoDB unreachable or throttling past our retries: the caller may retry later."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, UNAVAILABLE_CAUSES):
            return True
        if isinstance(seen, PynamoDBException) and getattr(seen, "cause_response_code", None) in THROTTLED_CODES:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, AppError):
        return Response(app_error_body(exc), status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        return Response(too_large_body(), status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, TenantScopeError):
        logger.error("tenant scope missing", exc_info=exc)
        return Response(error_body(code="tenant_scope", message="No tenant scope."), status=status.HTTP_403_FORBIDDEN)
    if storage_unavailable(exc):
        logger.warning("storage unavailable: %s", exc)
        return Response(
            error_body(code="storage_unavailable", message="The data store is unavailable; please retry shortly."),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "5"},
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
