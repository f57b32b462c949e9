"""Public share links: the token is the whole credential, so guessed, altered, revoked, replaced and
expired tokens, and tokens of a disabled tenant, must all find nothing, on every route that takes one."""
from __future__ import annotations

import secrets
import time

from collab.models import shares
from collab.selectors import token_hash
from collab.services import revoke_share, share_insight
from tenants.services import set_tenant_status
from tests.attack.surface import share_routes
from tests.attack.victim import plant, snapshot

GUESSES = 40


def altered(token: str) -> dict[str, str]:
    out = {f"one character changed at {n}": token[:n] + ("A" if token[n] != "A" else "B") + token[n + 1:]
           for n in range(len(token))}
    out |= {
        "truncated": token[:-1],
        "extended": token + "A",
        "upper-cased": token.upper(),
        "with a slash": token[:10] + "/" + token[10:],
        "padded": token + "==",
        "its sha256": token_hash(token),
        "with a space": f" {token}",
    }
    return out


def test_only_a_live_link_opens_its_insight(victim, make_tenant, prober):
    routes = share_routes()
    assert routes, "no route takes a share token: the share pages were not found"
    replaced, revoked, expired = victim.share_tokens
    live, _ = share_insight(tenant=victim.tenant, insight_id=victim.ids["insight"][0])
    revoke_share(tenant=victim.tenant, insight_id=victim.ids["insight"][1])
    Shares = shares()
    past = int(time.time()) - 60
    Shares(token_hash(expired)).update(actions=[Shares.expires_at.set(past)])
    other = plant(make_tenant("disabled-sharer"), marker=victim.marker)
    set_tenant_status(tenant_id="disabled-sharer", status="disabled")
    before = snapshot(victim)

    candidates = {f"guess {n}": secrets.token_urlsafe(32) for n in range(GUESSES)}
    candidates |= {f"victim's link, {name}": token for name, token in altered(live).items()}
    candidates |= {
        "revoked link": revoked,
        "replaced link": replaced,
        "expired link": expired,
        "disabled tenant's link": other.share_tokens[0],
        "empty-looking": "%20",
        "traversal": "../../api/me",
        "10 kB": "A" * 10240,
    }
    for route in routes:
        for token in candidates.values():
            prober.send(category="share links: guessed or dead", method="get", path=route.path({"token": token}))
    assert prober.failures() == []
    assert prober.unexpected("share links: guessed or dead", {404}) == []
    assert snapshot(victim) == before

    for route in routes:  # the control: the live link does open, and shows no email address
        response = prober.client.get(route.path({"token": live}))
        assert response.status_code == 200 and victim.marker.encode() in response.content, route
        assert b"owner@victim-co.example" not in response.content
