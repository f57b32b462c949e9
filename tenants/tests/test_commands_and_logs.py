import io
import json
import logging

import pytest
from django.core.management import CommandError, call_command

from core.request_logging import JsonFormatter
from tenants.tokens import decode_token


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_create_tenant_prints_json_issue_token_and_delete():
    created = json.loads(run("create_tenant", "globex", "--name", "Globex", "--owner-email", "o@globex.example"))
    assert created["tenantId"] == "globex" and created["status"] == "active" and created["ownerInitialPassword"]
    again = json.loads(run("create_tenant", "globex", "--name", "Globex", "--owner-email", "o@globex.example"))
    assert "ownerInitialPassword" not in again

    token = run("issue_token", "globex", "--email", "ann@globex.example", "--ttl", "60").strip()
    claims = decode_token(token)
    assert (claims["tenant_id"], claims["email"], claims["exp"] - claims["iat"]) == ("globex", "ann@globex.example", 60)

    assert "Password:" in run("create_user", "globex", "bob@globex.example")
    assert "deleted" in run("delete_tenant", "globex")
    with pytest.raises(CommandError, match="Unknown tenant"):
        run("issue_token", "globex", "--email", "ann@globex.example")


@pytest.mark.django_db
def test_command_errors_are_one_clear_line():
    with pytest.raises(CommandError, match="Invalid tenant id"):
        run("create_tenant", "Bad", "--name", "X", "--owner-email", "o@x.example")
    with pytest.raises(CommandError, match="Unknown tenant"):
        run("delete_tenant", "nobody")


def test_request_log_lines_are_json_with_request_id_and_tenant(tenant, api_client_for, caplog):
    caplog.set_level(logging.INFO, logger="salestalk.request")
    api_client_for(tenant).get("/api/me", HTTP_X_REQUEST_ID="req-123")
    records = [r for r in caplog.records if r.name == "salestalk.request"]
    assert records
    # The formatter reads the request's context, which ends with the request: format inside it.
    line = json.loads(JsonFormatter().format(records[-1]))
    assert line["message"] == "request" and line["status"] == 200 and line["route"] == "/api/me"
