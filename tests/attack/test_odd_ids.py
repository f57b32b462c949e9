"""Path traversal, key injection, odd characters and huge ids in every id slot of every route.

With another tenant's token nothing may succeed or show the victim's marker; with the owner's own
token an odd id may not find anything either — and no id, however odd, may cause a 5xx.
"""
from __future__ import annotations

import uuid

from tests.attack.conftest import Prober, token_headers
from tests.attack.surface import tenant_routes
from tests.attack.test_http_isolation import SAFE_METHODS, requests_for
from tests.attack.victim import snapshot


def odd_ids(real: str) -> dict[str, tuple[str, bool]]:
    """Name -> (id, send raw): raw ids keep their slashes and percent signs as typed."""
    return {
        "dot-dot": ("..", True),
        "traversal to a sibling": (f"../{real}", True),
        "encoded traversal": (f"%2e%2e%2f{real}", True),
        "double-encoded traversal": (f"%252e%252e%252f{real}", True),
        "encoded slash": (f"x%2F..%2F{real}", True),
        "backslash traversal": (f"..\\{real}", False),
        "suffix traversal": (f"{real}/../{real}", True),
        "nul byte": (f"{real}\x00", False),
        "encoded nul byte": (f"{real}%00", True),
        "key separator": (f"{real}#MSG#0000000001", False),
        "other key prefix": (f"CONV#{real}", False),
        "dynamodb wildcard": ("*", False),
        "sql-ish": ("' OR '1'='1", False),
        "json": ('{"S": "CONVS"}', False),
        "uppercased": (real.upper(), False),
        "trailing space": (f"{real} ", False),
        "zero-width space": (f"{real}\u200b", False),
        "right-to-left override": (f"\u202e{real}", False),
        "fullwidth": ("".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in real), False),
        "emoji": ("💥🔥", False),
        "combining marks": ("c\u0301" * 40, False),
        "truncated": (real[:-1], False),
        "all zeros": (real[:2] + "0" * (len(real) - 2), False),
        "null": ("null", False),
        "negative": ("-1", False),
        "10 kB": ("c_" + "a" * 10240, False),
        "10 kB encoded": ("%41" * 3500, True),
        "newline": (f"{real}\r\nX-Injected: 1", False),
    }


def test_odd_ids_never_reach_the_victim_and_never_break_the_server(victim, attacker, prober):
    before = snapshot(victim)
    attacker_headers = token_headers(attacker.tenant)
    owner_headers = token_headers(victim.tenant)
    # The owner may see its own data; its probes look only for successes and 5xx, so no marker applies.
    owner = Prober(f"never-present-{uuid.uuid4().hex}")
    ids = victim.id_sets()[0]
    for route in tenant_routes():
        if not route.params:
            continue
        for slot, kind in zip(route.params, route.kinds, strict=True):
            for odd, raw in odd_ids(ids[kind]).values():
                values = {p: ids[k] for p, k in zip(route.params, route.kinds, strict=True)} | {slot: odd}
                path = route.path(values, raw=raw)
                for method, _, body, _ in requests_for(route, ids):
                    prober.send(category="odd ids (another tenant)", method=method, path=path,
                                headers=attacker_headers, body=body)
                    if method in SAFE_METHODS:
                        owner.send(category="odd ids (owner, reads)", method=method, path=path,
                                    headers=owner_headers, success_is_leak=False)
    assert owner.failures() == []
    assert [a for a in owner.attempts if a.outcome != "refused"] == [], "an odd id found a real object"
    attacker_probes = [a for a in prober.attempts if a.category == "odd ids (another tenant)"]
    assert [a for a in attacker_probes if a.outcome != "refused"] == []
    assert snapshot(victim) == before
