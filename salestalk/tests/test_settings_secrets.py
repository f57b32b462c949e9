"""Outside the test profile the process refuses to start without real secrets (each run is a fresh process)."""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def strong() -> str:
    return secrets.token_urlsafe(48)


def manage(profile: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SALESTALK_") and k != "DJANGO_SETTINGS_MODULE"}
    clean.update(DJANGO_SETTINGS_MODULE=f"salestalk.settings.{profile}", **env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=clean, capture_output=True,
                          text=True, timeout=120, check=False)


def settings_of(profile: str, expression: str, **env: str) -> subprocess.CompletedProcess[str]:
    code = f"import django; django.setup(); from django.conf import settings as s; print({expression})"
    return manage(profile, "-c", code, **env)


@pytest.mark.parametrize("profile", ["aws", "local"])
@pytest.mark.parametrize(
    ("given", "variable", "problem"),
    [
        ({}, "SALESTALK_SECRET_KEY", "is not set"),
        ({"SALESTALK_SECRET_KEY": "dev-only-insecure-key-change-me"}, "SALESTALK_SECRET_KEY",
         "written in the repository"),
        ({"SALESTALK_SECRET_KEY": "x" * 31}, "SALESTALK_SECRET_KEY", "shorter than 32 bytes"),
        ({"SALESTALK_SECRET_KEY": "k" * 40}, "SALESTALK_JWT_SECRET", "is not set"),
        ({"SALESTALK_SECRET_KEY": "k" * 40, "SALESTALK_JWT_SECRET": "test-jwt-secret-not-for-production-000000"},
         "SALESTALK_JWT_SECRET", "written in the repository"),
        ({"SALESTALK_SECRET_KEY": "k" * 40, "SALESTALK_JWT_SECRET": "k" * 40}, "SALESTALK_JWT_SECRET", "equals"),
    ],
)
def test_refuses_to_start_with_one_line_naming_the_variable(tmp_path, profile, given, variable, problem):
    result = manage(profile, "manage.py", "check", SALESTALK_SECRETS_FILE=str(tmp_path / "none.env"), **given)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if "DEBUG is on" not in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(variable) and problem in lines[0]


def test_aws_profile_passes_the_deploy_checks_with_secrets_and_keeps_debug_off():
    keys = {"SALESTALK_SECRET_KEY": strong(), "SALESTALK_JWT_SECRET": strong(), "SALESTALK_DEBUG": "true"}
    result = manage("aws", "manage.py", "check", "--deploy", "--tag", "security", "--fail-level", "WARNING", **keys)
    assert result.returncode == 0, result.stdout + result.stderr
    shown = settings_of("aws", "s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, s.SECURE_HSTS_SECONDS > 0, "
                        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE", **keys)
    assert shown.stdout.split() == ["False", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')", "True", "True", "True"]


def test_make_secrets_generates_once_and_the_local_profile_uses_them(tmp_path):
    target = tmp_path / "run" / "secrets.env"
    first = subprocess.run(["make", "-s", "secrets", f"SECRETS_FILE={target}"], cwd=ROOT, capture_output=True,
                           text=True, timeout=60, check=True)
    assert str(target) in first.stdout
    content = target.read_text()
    subprocess.run(["make", "-s", "secrets", f"SECRETS_FILE={target}"], cwd=ROOT, capture_output=True, check=True)
    assert target.read_text() == content  # generated once, kept
    assert target.stat().st_mode & 0o077 == 0
    values = dict(line.split("=", 1) for line in content.split())
    assert set(values) == {"SALESTALK_SECRET_KEY", "SALESTALK_JWT_SECRET"}
    assert len(set(values.values())) == 2 and all(len(value) >= 32 for value in values.values())

    django_key, jwt_key = values["SALESTALK_SECRET_KEY"], values["SALESTALK_JWT_SECRET"]
    started = settings_of("local", f"s.DEBUG, s.SECRET_KEY == {django_key!r}, s.SALESTALK_JWT_SECRET == {jwt_key!r}",
                          SALESTALK_SECRETS_FILE=str(target))
    assert started.stdout.split() == ["True", "True", "True"], started.stderr
    assert "local profile, DEBUG is on" in started.stderr
