"""AWS Lambda entry point for dataset imports: one asynchronous invocation per import job.

Image command ``salestalk.lambda_import.handler``. ``metrics.import_queue`` invokes it with
``InvocationType=Event`` and ``{"tenant_id", "job_id"}``; the job runs within the function's time
limit (15 minutes at most), and a job cut off by it is marked failed by its readers. An event that
names no valid tenant or job is answered with the one error envelope (and logged), not raised:
Lambda would only retry it.
"""
from __future__ import annotations

import logging
import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

import django

django.setup()

from core.errors import AppError, app_error_body, error_body  # noqa: E402 (after django.setup)
from metrics.import_queue import handle_import_event  # noqa: E402
from tenants.services import validate_tenant_id  # noqa: E402

logger = logging.getLogger(__name__)
MAX_JOB_ID_CHARS = 100


def handler(event: Any, context: Any) -> dict[str, Any]:
    job_id = event.get("job_id") if isinstance(event, dict) else None
    if not isinstance(job_id, str) or not 0 < len(job_id) <= MAX_JOB_ID_CHARS:
        logger.warning("import event refused: no job id")
        return error_body(code="malformed_event", message='An import event is {"tenant_id": "…", "job_id": "…"}.')
    try:
        validate_tenant_id(event.get("tenant_id"))
        return handle_import_event(event=event, remaining_ms=context.get_remaining_time_in_millis())
    except AppError as exc:
        logger.warning("import event refused: %s", exc.code)
        return app_error_body(exc)
