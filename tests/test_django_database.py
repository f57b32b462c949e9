"""Django's own database: DATABASE_URL, IAM-authenticated PostgreSQL, the migrate function.

``make test-postgres`` runs this file with the Django-side tests against a real PostgreSQL server
(``salestalk.postgres_local``); in the ordinary run the PostgreSQL-only tests are skipped.
"""
from __future__ import annotations

import io
import json
import os
from urllib.parse import parse_qs, urlsplit

import boto3
import psycopg
import pytest
from botocore.stub import Stubber
from django.core.management import call_command
from django.db import connection

from salestalk import lambda_migrate
from salestalk.database import database_config
from salestalk.postgresql_iam import base as iam_base

EXPECTED = os.environ.get("SALESTALK_EXPECT_DATABASE")
on_postgres = pytest.mark.skipif(EXPECTED != "postgresql", reason="runs under make test-postgres")


def test_without_database_url_django_uses_the_local_sqlite_file():
    assert database_config(url="", sqlite_path="/x/db.sqlite3") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/x/db.sqlite3",
    }


def test_a_postgres_url_names_server_database_and_closes_connections_after_each_request():
    config = database_config(url="postgres://app:pw@db.example:6543/salestalk?sslmode=require", sqlite_path="")
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql",
        "db.example",
        6543,
        "salestalk",
    )
    assert (config["USER"], config["PASSWORD"], config["OPTIONS"]) == ("app", "pw", {"sslmode": "require"})
    assert config.get("CONN_MAX_AGE", 0) == 0  # so an idle cluster can pause (salestalk.database)


def test_the_iam_backend_signs_a_fresh_token_per_connection_and_requires_tls(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    settings.SALESTALK_AWS_REGION = "eu-west-1"
    iam_base._rds_client.cache_clear()
    config = database_config(url="postgres-iam://salestalk@cluster.example:5432/salestalk", sqlite_path="")
    assert config["ENGINE"] == "salestalk.postgresql_iam"
    wrapper = iam_base.DatabaseWrapper({**config, "TIME_ZONE": None, "OPTIONS": {}})
    params = wrapper.get_connection_params()
    token = urlsplit("https://" + params["password"])
    query = parse_qs(token.query)
    assert (token.hostname, token.port) == ("cluster.example", 5432)
    assert query["Action"] == ["connect"] and query["DBUser"] == ["salestalk"]
    assert "eu-west-1/rds-db/aws4_request" in query["X-Amz-Credential"][0]
    assert query["X-Amz-Signature"][0]
    assert params["sslmode"] == "require"
    iam_base._rds_client.cache_clear()


@on_postgres
@pytest.mark.django_db
def test_the_test_session_really_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    assert connection.cursor().connection.info.server_version >= 130000
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_the_migrate_function_creates_the_iam_login_role_idempotently(settings, monkeypatch):
    db = settings.DATABASES["default"]
    master = {"host": db["HOST"], "port": db["PORT"], "dbname": "postgres", "user": db["USER"]}
    role = "salestalk_app_test"
    with psycopg.connect(**master, autocommit=True) as conn:
        # Aurora's built-in role, which local PostgreSQL lacks.
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam'").fetchone() is None:
            conn.execute("CREATE ROLE rds_iam")
    client = boto3.client("secretsmanager", region_name=settings.SALESTALK_AWS_REGION)
    stub = Stubber(client)
    secret = {"username": db["USER"], "password": ""}
    stub.add_response(
        "get_secret_value",
        {"SecretString": json.dumps(secret), "Name": "master", "ARN": "arn:aws:secretsmanager:x:1:secret:m"},
        {"SecretId": "arn:aws:secretsmanager:x:1:secret:m"},
    )
    monkeypatch.setattr(lambda_migrate.boto3, "client", lambda *args, **kwargs: client)
    monkeypatch.setenv("SALESTALK_DATABASE_MASTER_SECRET_ARN", "arn:aws:secretsmanager:x:1:secret:m")
    monkeypatch.setitem(settings.DATABASES["default"], "USER", role)
    monkeypatch.setitem(settings.DATABASES["default"], "OPTIONS", {"sslmode": "disable"})
    with stub:
        result = lambda_migrate.master_credentials(
            secret_arn="arn:aws:secretsmanager:x:1:secret:m", db=settings.DATABASES["default"]
        )
        lambda_migrate.ensure_login_role(master=result, role=role, database=db["NAME"])
        lambda_migrate.ensure_login_role(master=result, role=role, database=db["NAME"])  # idempotent
    with psycopg.connect(**{**master, "dbname": db["NAME"]}) as conn:
        granted = conn.execute(
            "SELECT r.rolcanlogin, pg_has_role(r.rolname, 'rds_iam', 'member'),"
            " has_schema_privilege(r.rolname, 'public', 'CREATE') FROM pg_roles r WHERE rolname = %s",
            (role,),
        ).fetchone()
    assert granted == (True, True, True)


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_the_migrate_handler_reports_every_migration_applied(monkeypatch):
    monkeypatch.delenv("SALESTALK_DATABASE_MASTER_SECRET_ARN", raising=False)
    result = lambda_migrate.handler({}, None)
    assert result["vendor"] == "postgresql"
    from django.db.migrations.loader import MigrationLoader

    assert result["applied"] == len(MigrationLoader(connection).disk_migrations)
