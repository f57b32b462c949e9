"""AWS Lambda entry point for HTTP: API Gateway HTTP API (payload 2.0) events → Django's ASGI app via Mangum.

Image command ``salestalk.lambda_http.handler``. Everything here runs once per cold start.
Lifespan is off: Django has no lifespan protocol, and probing for one costs every cold start.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
import re
from importlib import import_module
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

from django.conf import settings
from django.core.asgi import get_asgi_application
from mangum import Mangum

from core.cold_start import django_loading
from core.errors import error_body
from core.loaded_app import freeze_loaded_app

# An HTTP method is an RFC 9110 token; anything else reached Django as a 500 in plain text.
METHOD = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}")


def _refused(*, code: str, message: str) -> dict[str, Any]:
    return {"statusCode": 400, "headers": {"content-type": "application/json"},
            "body": json.dumps(error_body(code=code, message=message)), "isBase64Encoded": False}


def _texts(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _well_formed(event: object) -> bool:
    """The fields Mangum reads of an HTTP API (payload 2.0) event, each of the type API Gateway sends."""
    if not isinstance(event, dict) or event.get("version") != "2.0":
        return False
    http = event.get("requestContext", {}).get("http") if isinstance(event.get("requestContext"), dict) else None
    if not isinstance(http, dict) or not isinstance(http.get("method"), str) or not METHOD.fullmatch(http["method"]):
        return False
    cookies = event.get("cookies", [])
    return (isinstance(http.get("path"), str) and _texts(event.get("headers"))
            and isinstance(event.get("rawQueryString", ""), str) and isinstance(event.get("body") or "", str)
            and isinstance(cookies, list) and all(isinstance(cookie, str) for cookie in cookies))


class CheckedMangum(Mangum):
    """Mangum, but an event it could not read (a field of another type than API Gateway sends) or a body
    it could not decode is refused in the API's one error envelope (400), as a malformed body is over
    REST, rather than raising out of the function (API Gateway's bare 500)."""

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        if not _well_formed(event):
            return _refused(code="malformed_event", message="Not an API Gateway HTTP API (2.0) event.")
        body = event.get("body")
        if event.get("isBase64Encoded") and body:
            try:
                base64.b64decode(body, validate=True)
            except (binascii.Error, ValueError):
                return _refused(code="parse_error", message="The request body is not valid base64.")
        return super().__call__(event, context)


# Django's own tables live in DATABASE_URL's PostgreSQL, migrated by salestalk.lambda_migrate per deploy.
with django_loading():
    application = get_asgi_application()
    # Import every view now, in the init phase, rather than inside the first request's timeout.
    import_module(settings.ROOT_URLCONF)
handler = CheckedMangum(application, lifespan="off")
freeze_loaded_app()
