"""The post-deploy smoke test, run here against a live local server: sign-in token, upload, import, ask."""
from __future__ import annotations

import httpx
import pytest

from salestalk import smoke_test
from tenants.tokens import issue_token


@pytest.mark.django_db(transaction=True)
def test_the_smoke_test_passes_against_a_working_deployment(live_server, tenant):
    token = issue_token(tenant_id=tenant.tenant_id, email="smoke@acme.example")
    said: list[str] = []
    with httpx.Client(base_url=live_server.url, timeout=30.0) as client:
        result = smoke_test.run(base_url=live_server.url, token=token, client=client, say=said.append)
    assert result["tenant"] == tenant.tenant_id and result["value"] == smoke_test.EXPECTED_FIGURE
    assert said[0] == f"signed in: smoke@acme.example of {tenant.tenant_id}"


@pytest.mark.django_db(transaction=True)
def test_the_smoke_test_fails_loudly_on_a_refused_token(live_server, tenant, capsys):
    assert smoke_test.main(["--url", live_server.url, "--token", "not-a-token"]) == 1
    assert "SMOKE TEST FAILED: sign-in: HTTP 401" in capsys.readouterr().err


def test_the_smoke_user_signs_in_with_the_deploy_roles_credentials(monkeypatch):
    import boto3
    from botocore.stub import Stubber

    client = boto3.client("cognito-idp", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="y")
    stub = Stubber(client)
    expected = {
        "UserPoolId": "eu-west-1_pool",
        "ClientId": "client",
        "AuthFlow": "ADMIN_USER_PASSWORD_AUTH",
        "AuthParameters": {"USERNAME": "smoke@acme.example", "PASSWORD": "pw"},
    }
    stub.add_response("admin_initiate_auth", {"AuthenticationResult": {"IdToken": "id.token.here"}}, expected)
    stub.add_response("admin_initiate_auth", {"ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": "s" * 20}, expected)
    monkeypatch.setattr(boto3, "client", lambda *args, **kwargs: client)
    arguments = {"user_pool_id": "eu-west-1_pool", "client_id": "client", "username": "smoke@acme.example",
                 "password": "pw", "region": "eu-west-1"}
    with stub:
        assert smoke_test.cognito_id_token(**arguments) == "id.token.here"
        with pytest.raises(smoke_test.SmokeFailed, match="NEW_PASSWORD_REQUIRED"):
            smoke_test.cognito_id_token(**arguments)
