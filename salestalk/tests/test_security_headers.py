"""Content-Security-Policy on every page, no inline script anywhere, Swagger UI served from our own files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/login/", "/share/not-a-real-token-000000000000", "/api/me", "/admin/login/"])
def test_every_response_carries_a_policy_without_inline_script(db, path):
    policy = directives(Client().get(path))
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["default-src"] + policy["style-src"]


@pytest.mark.parametrize("template", sorted((ROOT / "templates").rglob("*.html")), ids=lambda p: p.name)
def test_no_template_has_an_inline_script_or_handler(template):
    html = template.read_text()
    assert not INLINE_SCRIPT.search(html)
    assert not re.search(r"\son[a-z]+\s*=", html)


def test_swagger_ui_comes_from_the_sidecar_package_not_a_cdn(db):
    client = Client()
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert sources and not INLINE_SCRIPT.search(html)
    assert all(src.startswith("/static/drf_spectacular_sidecar/") or src.startswith("/api/docs/") for src in sources)
    assert not re.search(r"https?://", " ".join(re.findall(r'(?:src|href)="([^"]+)"', html)))
    assert directives(page)["script-src"] == ["'self'"]
    script = client.get(next(src for src in sources if src.startswith("/api/docs/")))
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    bundle = client.get(next(src for src in sources if "bundle" in src))
    assert bundle.status_code == 200
