"""AWS Lambda entry point for HTTP: API Gateway HTTP API (payload 2.0) events → Django's ASGI app via Mangum.

Image command ``salestalk.lambda_http.handler``. Everything here runs once per cold start.
Lifespan is off: Django has no lifespan protocol, and probing for one costs every cold start.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
from importlib import import_module
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

from django.conf import settings
from django.core.asgi import get_asgi_application
from mangum import Mangum

from core.cold_start import django_loading
from core.errors import error_body
from core.loaded_app import freeze_loaded_app


class CheckedMangum(Mangum):
    """Mangum, but a body it could not decode is refused in the API's one error envelope (400), as a
    malformed body is over REST, rather than raising out of the function (API Gateway's bare 500)."""

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        body = event.get("body")
        if event.get("isBase64Encoded") and body:
            try:
                base64.b64decode(body, validate=True)
            except (binascii.Error, ValueError):
                refusal = error_body(code="parse_error", message="The request body is not valid base64.")
                return {"statusCode": 400, "headers": {"content-type": "application/json"},
                        "body": json.dumps(refusal), "isBase64Encoded": False}
        return super().__call__(event, context)


# Django's own tables live in DATABASE_URL's PostgreSQL, migrated by salestalk.lambda_migrate per deploy.
with django_loading():
    application = get_asgi_application()
    # Import every view now, in the init phase, rather than inside the first request's timeout.
    import_module(settings.ROOT_URLCONF)
handler = CheckedMangum(application, lifespan="off")
freeze_loaded_app()
