"""AWS Lambda entry point that migrates Django's own database: one invocation per deploy.

Image command ``salestalk.lambda_migrate.handler``. The deploy workflow invokes it synchronously after
``terraform apply`` and before traffic needs the new schema; a failure raises, so the invocation
reports a FunctionError and the workflow stops.

With ``SALESTALK_DATABASE_MASTER_SECRET_ARN`` (the cluster's master secret, managed by RDS) it first
makes sure the application's login role exists and may sign in with IAM tokens: the HTTP functions
never see that secret.
"""
from __future__ import annotations

import io
import json
import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

import boto3
import django
import psycopg
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from psycopg import sql

from salestalk.env import env_str

django.setup()


def ensure_login_role(*, master: dict[str, Any], role: str, database: str, iam_role: str = "rds_iam") -> None:
    """Create ``role`` if missing and let it sign in with IAM tokens and own the public schema's objects."""
    identifier = sql.Identifier(role)
    with psycopg.connect(**master, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(identifier))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(iam_role), identifier))
        conn.execute(sql.SQL("GRANT ALL ON DATABASE {} TO {}").format(sql.Identifier(database), identifier))
    with psycopg.connect(**{**master, "dbname": database}, autocommit=True) as conn:
        conn.execute(sql.SQL("GRANT ALL ON SCHEMA public TO {}").format(identifier))


def master_credentials(*, secret_arn: str, db: dict[str, Any]) -> dict[str, Any]:
    secret = json.loads(
        boto3.client("secretsmanager", region_name=settings.SALESTALK_AWS_REGION).get_secret_value(
            SecretId=secret_arn
        )["SecretString"]
    )
    return {
        "host": db["HOST"],
        "port": db["PORT"] or 5432,
        "dbname": "postgres",
        "user": secret["username"],
        "password": secret["password"],
        "sslmode": db.get("OPTIONS", {}).get("sslmode", "require"),
    }


def migrate() -> dict[str, Any]:
    db = settings.DATABASES["default"]
    secret_arn = env_str("DATABASE_MASTER_SECRET_ARN")
    if secret_arn:
        ensure_login_role(
            master=master_credentials(secret_arn=secret_arn, db=db), role=db["USER"], database=db["NAME"]
        )
    out = io.StringIO()
    call_command("migrate", interactive=False, verbosity=1, stdout=out)
    applied = MigrationRecorder(connection).applied_migrations()
    return {"vendor": connection.vendor, "applied": len(applied), "log": out.getvalue().splitlines()[-20:]}


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return migrate()
