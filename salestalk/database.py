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
    config = environ.Env.db_url_config(url)
    if config["ENGINE"] != "django.db.backends.sqlite3":
        # A fresh connection per request costs a TLS handshake; reuse it while it is healthy.
        config.setdefault("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    return config
