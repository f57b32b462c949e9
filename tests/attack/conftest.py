"""Fixtures of the isolation attack suite, and its report (a table at the end of the run, plus attack.json).

Run it with ``make attack``. Under xdist each worker holds part of the ledger, so the report is only
written by a run without workers; the leak and 5xx assertions hold either way.
"""
from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings

from salestalk import dynamodb_local
from tenants.context import TenantContext
from tenants.selectors import get_tenant_context
from tenants.services import onboard_tenant
from tenants.tokens import issue_token
from tests.attack.ledger import FAILURES, LEDGER, Attempt, judge
from tests.attack.victim import Victim, plant

REPORT = Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "attack.json"
# `make attack` sets this, so a run that attempted too little fails instead of reporting a thin pass.
MIN_ATTEMPTS = int(os.environ.get("SALESTALK_ATTACK_MIN_ATTEMPTS", "0"))


class Prober:
    """Sends one request, judges the answer, and records it in the ledger."""

    def __init__(self, marker: str) -> None:
        self.client = Client(raise_request_exception=False)
        self.marker = marker.encode()
        self.attempts: list[Attempt] = []

    def send(
        self,
        *,
        category: str,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: Any = None,
        content_type: str = "application/json",
        success_is_leak: bool = True,
    ) -> Attempt:
        headers = dict(headers or {})
        query = headers.pop("QUERY", None)
        if query:
            path += ("&" if "?" in path else "?") + query
        data = body if isinstance(body, bytes | str) else ("" if body is None else json.dumps(body))
        response = self.client.generic(method.upper(), path, data=data, content_type=content_type, headers=headers)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        outcome = judge(status=response.status_code, body=content, marker=self.marker, success_is_leak=success_is_leak,
                        api=path.startswith("/api"))
        detail = content[:300].decode("utf-8", "replace") if outcome in FAILURES else ""
        attempt = Attempt(category, f"{method.upper()} {path[:160]}", response.status_code, outcome, detail)
        self.attempts.append(LEDGER.record(attempt))
        return attempt

    def record(self, attempt: Attempt) -> Attempt:
        self.attempts.append(LEDGER.record(attempt))
        return attempt

    def failures(self) -> list[Attempt]:
        return [a for a in self.attempts if a.outcome in FAILURES]

    def unexpected(self, category: str, allowed: set[int]) -> list[Attempt]:
        """Refusals of ``category`` with a status outside ``allowed`` (e.g. a 404 where 401 is right)."""
        return [a for a in self.attempts
                if a.category == category and a.outcome == "refused" and a.status not in allowed]


@pytest.fixture(scope="module")
def _module_prefix() -> str:
    return f"t{uuid.uuid4().hex[:12]}-"


@pytest.fixture(autouse=True)
def _isolated_tables(settings, dynamodb_server: dynamodb_local.Server, _module_prefix: str) -> str:
    """Overrides the root fixture: one table prefix per module, so the tenants are planted once per module."""
    settings.SALESTALK_DYNAMODB_ENDPOINT = dynamodb_server.endpoint
    settings.SALESTALK_TABLE_PREFIX = _module_prefix
    return _module_prefix


def _planted(server: dynamodb_local.Server, prefix: str, tenant_id: str) -> Victim:
    with override_settings(SALESTALK_DYNAMODB_ENDPOINT=server.endpoint, SALESTALK_TABLE_PREFIX=prefix):
        email = f"owner@{tenant_id}.example"
        onboard_tenant(tenant_id=tenant_id, name=tenant_id.title(), owner_email=email)
        return plant(get_tenant_context(tenant_id=tenant_id, email=email))


@pytest.fixture(scope="module")
def victim(dynamodb_server: dynamodb_local.Server, _module_prefix: str) -> Victim:
    """Shared by a module's tests, which must leave its data as they found it (most assert exactly that)."""
    return _planted(dynamodb_server, _module_prefix, "victim-co")


@pytest.fixture(scope="module")
def attacker(dynamodb_server: dynamodb_local.Server, _module_prefix: str) -> Victim:
    """The attacker's own tenant, with its own objects (to hold valid tickets, ids and a dataset)."""
    return _planted(dynamodb_server, _module_prefix, "attacker-co")


@pytest.fixture
def prober(victim: Victim, db: None) -> Prober:
    # db: the staff API and sign-in read Django's user tables.
    return Prober(victim.marker)


def token_headers(tenant: TenantContext, *, email: str | None = None) -> dict[str, str]:
    token = issue_token(tenant_id=tenant.tenant_id, email=email or tenant.email or "user@example.com")
    return {"Authorization": f"Bearer {token}"}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not LEDGER.attempts or hasattr(session.config, "workerinput"):
        return
    LEDGER.write(REPORT)
    if LEDGER.totals()["attempts"] < MIN_ATTEMPTS:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not LEDGER.attempts:
        return
    terminalreporter.write_sep("=", "isolation attack report")
    terminalreporter.write_line(LEDGER.table())
    totals = LEDGER.totals()
    if totals["attempts"] < MIN_ATTEMPTS:
        terminalreporter.write_line(f"FAILED: only {totals['attempts']} attempts; at least {MIN_ATTEMPTS} are required")
    terminalreporter.write_line(f"written to {REPORT}")
