"""What Django answers before any view: unknown and traversing routes, odd methods, a forged Host, too many
fields. Under /api each is refused with the one JSON envelope (the ledger's ``unenveloped`` otherwise), never
a 5xx, never an echo of what was sent.
"""
from __future__ import annotations

from tests.attack.conftest import token_headers

ODD_PATHS = [
    "/api", "/api/", "/api/nope", "/api/metrics/../x", "/api/metrics/%2e%2e/x", "/api/..%2f..%2fetc/passwd",
    "/api/chat/conversations/x/messages/y/z/", "/api/me/", "/api/me%00", "/api/ME", "/api//me", "/api/%ff",
    "/api/admin/", "/api/.env", "/api/metrics/uploads/x/../../../etc/passwd", "/app/nope",
]
ODD_METHODS = ["TRACE", "PROPFIND", "CONNECT", "PURGE", "DELETE", "PUT"]


def test_unknown_routes_and_methods_are_refused_with_the_envelope(victim, prober):
    headers = token_headers(victim.tenant)
    for path in ODD_PATHS:
        for method in ("GET", "POST"):
            attempt = prober.send(category="odd routes", method=method, path=path, headers=headers, body={})
            assert attempt.status == 404, attempt
    for method in ODD_METHODS:
        for path in ("/api/me", "/api/auth/token", "/api/schema/", "/api/docs/"):
            prober.send(category="odd methods", method=method, path=path, headers=headers)
    assert prober.failures() == []
    assert [a for a in prober.attempts if a.outcome != "refused"] == []


def test_a_forged_host_and_too_many_fields_are_refused_with_the_envelope(victim, prober):
    for host in ("evil.example", "testserver.evil.example", "[::1", "a" * 300, "testserver@evil.example"):
        attempt = prober.send(category="forged host", method="GET", path="/api/me", headers={"Host": host})
        assert attempt.status == 400, attempt
    many = "&".join(f"f{n}=1" for n in range(2_000))
    prober.send(category="too many fields", method="GET", path="/api/me",
                headers={**token_headers(victim.tenant), "QUERY": many})
    prober.send(category="too many fields", method="POST", path="/api/auth/token", body=many,
                content_type="application/x-www-form-urlencoded")
    assert prober.failures() == []
    assert [a.status for a in prober.attempts if a.category == "too many fields"] == [400, 400]
