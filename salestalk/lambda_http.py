"""AWS Lambda entry point for HTTP: API Gateway HTTP API (payload 2.0) events → Django's ASGI app via Mangum.

Image command ``salestalk.lambda_http.handler``. Everything here runs once per cold start.
Lifespan is off: Django has no lifespan protocol, and probing for one costs every cold start.
"""
from __future__ import annotations

import os
from importlib import import_module

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

from django.conf import settings
from django.core.asgi import get_asgi_application
from mangum import Mangum

# Django's own tables live in DATABASE_URL's PostgreSQL, migrated by salestalk.lambda_migrate per deploy.
application = get_asgi_application()
# Import the views now, in the init phase, rather than inside the first request's timeout; what only some
# requests need (the answering engine, file validation, the API schema) loads at its first use.
import_module(settings.ROOT_URLCONF)
handler = Mangum(application, lifespan="off")
