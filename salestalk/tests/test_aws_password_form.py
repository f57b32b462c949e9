"""In the aws profile the pages sign in with Cognito's Hosted UI: the local password form is not reachable there.

Run in a fresh process with the real ``salestalk.settings.aws`` (as Lambda loads it), not an override.
"""
from __future__ import annotations

import json

import pytest

from salestalk.tests.test_settings_secrets import manage, strong

PROBE = """
import json
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)  # a database of its own (a fresh checkout has none)
client = Client()
page = client.get("/login/?next=/data/&other=x", secure=True)
form = client.post("/login/", {"username": "ann@acme.example", "password": "a-guess"}, secure=True)
print(json.dumps({"page": [page.status_code, page["Location"]], "form": [form.status_code, form["Location"]],
                  "session": dict(client.session)}))
"""


@pytest.mark.parametrize("domain", ["https://salestalk.auth.eu-west-1.amazoncognito.com", ""])
def test_the_password_form_sends_people_to_the_hosted_ui_and_checks_no_password(domain, tmp_path):
    result = manage("aws", "-c", PROBE, SALESTALK_SECRET_KEY=strong(), SALESTALK_JWT_SECRET=strong(),
                    SALESTALK_COGNITO_DOMAIN=domain, SALESTALK_COGNITO_CLIENT_ID="client-1",
                    SALESTALK_SQLITE_PATH=str(tmp_path / "db.sqlite3"))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["page"] == [302, "/auth/cognito/login?next=%2Fdata%2F"]
    assert seen["form"] == [302, "/auth/cognito/login"]
    assert seen["session"] == {}


def test_locally_the_password_form_is_the_sign_in(client):
    response = client.get("/login/")
    assert response.status_code == 200 and b'name="password"' in response.content
