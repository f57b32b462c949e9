"""AWS Lambda entry point for HTTP: API Gateway HTTP API (payload 2.0) events → Django's ASGI app via Mangum.

Image command ``salestalk.lambda_http.handler``. Everything here runs once per cold start.
Lifespan is off: Django has no lifespan protocol, and probing for one costs every cold start.
"""
from __future__ import annotations

import os
import shutil
from importlib import import_module
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

from django.conf import settings
from django.core.asgi import get_asgi_application
from mangum import Mangum

from salestalk.env import env_str


def prepare_django_database(*, template: str, target: Path) -> None:
    """Give Django's own (auth/sessions) SQLite a migrated schema where the function may write (/tmp).

    The image ships an empty migrated database; Lambda's file system is read-only outside /tmp.
    """
    if template and Path(template).is_file() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)


application = get_asgi_application()
prepare_django_database(template=env_str("SQLITE_TEMPLATE"), target=Path(settings.DATABASES["default"]["NAME"]))
# Import every view now, in the init phase, rather than inside the first request's timeout.
import_module(settings.ROOT_URLCONF)
handler = Mangum(application, lifespan="off")
