"""AWS Lambda entry point for dataset imports: one asynchronous invocation per import job.

Image command ``salestalk.lambda_import.handler``. ``metrics.import_queue`` invokes it with
``InvocationType=Event`` and ``{"tenant_id", "job_id"}``; the job runs within the function's time
limit (15 minutes at most), and a job cut off by it is marked failed by its readers.
"""
from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

import django

django.setup()

from metrics.import_queue import handle_import_event  # noqa: E402 (after django.setup)


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return handle_import_event(event=event, remaining_ms=context.get_remaining_time_in_millis())
