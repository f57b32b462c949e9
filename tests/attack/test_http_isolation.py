"""Every tenant endpoint, attacked with forged credentials and with another tenant's valid token.

A request "leaks" if it succeeds on the victim's object or carries the victim's marker anywhere in
its answer; the victim's stored items must also be exactly as they were before the attack.
"""
from __future__ import annotations

from collections.abc import Iterator

from tenants.services import create_user, offboard_tenant, set_tenant_status
from tenants.tokens import issue_token
from tests.attack.conftest import Prober, token_headers
from tests.attack.surface import NAMED_KINDS, Route, staff_routes, tenant_routes, valid_body
from tests.attack.tokens import forged_headers
from tests.attack.victim import Victim, snapshot

SAFE_METHODS = ("get", "head")
NOT_YOURS = {403, 404}


def requests_for(route: Route, ids: dict[str, str]) -> Iterator[tuple[str, str, dict | None, list[str]]]:
    """(method, path, JSON body, body fields carrying the victim's ids) for every method of ``route``."""
    path = route.path({param: ids[kind] for param, kind in zip(route.params, route.kinds, strict=True)})
    for method in route.methods:
        if method in SAFE_METHODS or method == "delete":
            yield method, path, None, []
            continue
        found = valid_body(route, method, ids)
        if found is not None:  # multipart uploads name no object; they are attacked in tests/faults
            yield method, path, *found


def refers_to_victim(route: Route, carrying: list[str]) -> bool:
    named = set(NAMED_KINDS.values())
    return any(kind not in named for kind in route.kinds) or bool(carrying)


def assert_held(prober: Prober, victim: Victim, before: dict) -> None:
    assert prober.failures() == []
    assert snapshot(victim) == before, "the attack changed the victim's stored data"


def test_the_walk_finds_every_kind_of_endpoint():
    patterns = {r.pattern for r in tenant_routes()}
    kinds = {kind for r in tenant_routes() for kind in r.kinds}
    assert {"conversation", "insight", "comment"} <= kinds
    assert any("conversations/<str:conversation_id>" in p for p in patterns)
    assert any("comments/<str:comment_id>" in p for p in patterns)
    assert staff_routes(), "the staff registry API is attacked too"


def test_forged_expired_and_misused_tokens_are_refused_on_every_endpoint(victim, attacker, prober):
    before = snapshot(victim)
    ids = victim.id_sets()[0]
    forgeries = forged_headers(victim.tenant.tenant_id, attacker_tenant_id=attacker.tenant.tenant_id)
    for route in [*tenant_routes(), *staff_routes()]:
        for method, path, body, _ in requests_for(route, ids):
            for name, headers in forgeries.items():
                prober.send(category=f"token: {name}", method=method, path=path, headers=headers(), body=body)
    assert_held(prober, victim, before)
    wrong = [a for a in prober.attempts if a.outcome == "refused" and a.status != 401]
    assert wrong == [], "a bad token must be answered 401, before anything else is looked at"


def test_another_tenants_token_never_reaches_the_victims_objects(victim, attacker, prober):
    before = snapshot(victim)
    headers = token_headers(attacker.tenant)
    for ids in victim.id_sets():
        for route in tenant_routes():
            for method, path, body, carrying in requests_for(route, ids):
                aimed = refers_to_victim(route, carrying)
                prober.send(
                    category="cross-tenant: victim's ids" if aimed else "cross-tenant: own collections",
                    method=method, path=path, headers=headers, body=body, success_is_leak=aimed,
                )
    assert_held(prober, victim, before)
    assert prober.unexpected("cross-tenant: victim's ids", NOT_YOURS) == []


def test_the_same_requests_work_for_the_owner(victim, prober):
    """The control: the reads the attacker was refused succeed with the victim's own token."""
    headers = token_headers(victim.tenant)
    for route in tenant_routes():
        if not route.params or "get" not in route.methods:
            continue
        path = route.path({p: victim.id_sets()[0][k] for p, k in zip(route.params, route.kinds, strict=True)})
        response = prober.client.get(path, headers=headers)
        assert response.status_code == 200, (path, response.content[:200])
        # A message reads its own text, a measure and an upload's column preview name columns, not members.
        assert victim.marker.encode() in response.content or route.kinds[-1] in ("message", "measure", "upload"), path


def test_the_tenant_cannot_be_smuggled_in_the_query_body_or_headers(victim, attacker, prober):
    before = snapshot(victim)
    headers = token_headers(attacker.tenant)
    tenant = victim.tenant.tenant_id
    own = attacker.id_sets()[0]
    for route in tenant_routes():
        for method, path, body, _ in requests_for(route, own):
            for name in ("tenant_id", "tenant", "tenantId"):
                prober.send(category="tenant in query string", method=method, path=f"{path}?{name}={tenant}",
                            headers=headers, body=body)
            if method not in SAFE_METHODS and method != "delete" and body is not None:
                smuggled = {**body, "tenant_id": tenant, "tenantId": tenant, "tenant": tenant}
                prober.send(category="tenant in body (ignored)", method=method, path=path, headers=headers,
                            body=smuggled, success_is_leak=False)
            if method in SAFE_METHODS:
                for header in ("X-Tenant-Id", "X-Forwarded-Host", "Host"):
                    value = tenant if header != "X-Forwarded-Host" else f"{tenant}.salestalk.example"
                    prober.send(category="tenant in a header (ignored)", method=method, path=path,
                                headers={**headers, header: value}, success_is_leak=False)
    assert_held(prober, victim, before)
    assert prober.unexpected("tenant in query string", {400}) == []


def test_deleted_and_disabled_tenants_tokens_are_refused(make_tenant, prober):
    from tests.attack.victim import plant

    deleted = plant(make_tenant("deleted-co"), marker=prober.marker.decode())
    disabled = plant(make_tenant("disabled-co"), marker=prober.marker.decode())
    deleted_token = token_headers(deleted.tenant)
    disabled_token = token_headers(disabled.tenant)
    offboard_tenant(tenant_id="deleted-co")
    set_tenant_status(tenant_id="disabled-co", status="disabled")
    for category, tenant, headers in (("deleted tenant's token", deleted, deleted_token),
                                      ("disabled tenant's token", disabled, disabled_token)):
        for route in tenant_routes():
            for method, path, body, _ in requests_for(route, tenant.id_sets()[0]):
                prober.send(category=category, method=method, path=path, headers=headers, body=body)
    assert prober.failures() == []
    assert prober.unexpected("deleted tenant's token", {401}) == []
    assert prober.unexpected("disabled tenant's token", {401}) == []
    set_tenant_status(tenant_id="disabled-co", status="active")
    assert prober.client.get("/api/me", headers=disabled_token).status_code == 200


def test_tenant_users_cannot_use_the_staff_registry_api(victim, attacker, prober):
    before = snapshot(victim)
    user, _ = create_user(tenant_id=attacker.tenant.tenant_id, email="mallory@attacker-co.example")
    tokens = {
        "tenant token (no user)": token_headers(attacker.tenant),
        "tenant user's token": {"Authorization": "Bearer " + issue_token(
            tenant_id=attacker.tenant.tenant_id, email="mallory@attacker-co.example", user_id=str(user.pk))},
    }
    for name, headers in tokens.items():
        for route in staff_routes():
            for method, path, body, _ in requests_for(route, victim.id_sets()[0]):
                prober.send(category=f"staff API with a {name}", method=method, path=path, headers=headers, body=body)
    assert_held(prober, victim, before)


def test_a_colleague_cannot_edit_or_delete_someone_elses_comment(victim, prober):
    before = snapshot(victim)
    colleague = {"Authorization": "Bearer " + issue_token(
        tenant_id=victim.tenant.tenant_id, email="colleague@victim-co.example")}
    comment_routes = [r for r in tenant_routes() if r.kinds and r.kinds[-1] == "comment"]
    assert comment_routes
    for ids in victim.id_sets():
        for route in comment_routes:
            for method, path, body, _ in requests_for(route, ids):
                if method not in SAFE_METHODS:
                    # Same tenant, so the marker may show in an error; only success or a change is a breach.
                    attempt = prober.send(category="another author's comment", method=method, path=path,
                                          headers=colleague, body=body)
                    assert attempt.status == 403, attempt
    assert snapshot(victim) == before
