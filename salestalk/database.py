"""Django's own database from ``DATABASE_URL`` (django-environ); a local SQLite file when it is unset.

``postgres-iam://user@host:5432/name`` selects PostgreSQL with IAM database authentication (Aurora in
AWS): no password is stored anywhere, each connection signs a fresh token with the function's role.
"""
from __future__ import annotations

from typing import Any

import environ

IAM_SCHEME = "postgres-iam"
environ.Env.DB_SCHEMES[IAM_SCHEME] = "salestalk.postgresql_iam"


def database_config(*, url: str, sqlite_path: str) -> dict[str, Any]:
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": sqlite_path}
    # Django's default CONN_MAX_AGE of 0 on purpose: a frozen Lambda instance would otherwise hold its
    # connection open for as long as it lives, and Aurora pauses at 0 ACUs only with no connection left.
    return environ.Env.db_url_config(url)
