"""PostgreSQL with IAM database authentication: every new connection signs its own short-lived token.

The token is a SigV4 presigned request made locally from the function's credentials (no network call);
RDS accepts it as the password for 15 minutes, long enough to open a connection.
"""
from __future__ import annotations

from functools import cache
from typing import Any

import boto3
from django.conf import settings
from django.db.backends.postgresql import base


@cache
def _rds_client(region: str) -> Any:
    return boto3.client("rds", region_name=region)


def auth_token(*, host: str, port: int, user: str, region: str) -> str:
    return _rds_client(region).generate_db_auth_token(DBHostname=host, Port=port, DBUsername=user, Region=region)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        params["password"] = auth_token(
            host=params["host"],
            port=int(params.get("port") or 5432),
            user=params["user"],
            region=settings.SALESTALK_AWS_REGION,
        )
        # IAM authentication works only over TLS.
        params.setdefault("sslmode", "require")
        return params
