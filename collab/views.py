"""The public, read-only page of a shared insight (Django-rendered, no sign-in: the link is the credential)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from collab.errors import ShareNotFound
from collab.selectors import resolve_share, shared_insight_json


@require_GET
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """The public, read-only page of a shared insight: the link itself is the credential."""
    try:
        insight = shared_insight_json(resolve_share(token=token))
    except ShareNotFound as exc:
        response = render(request, "collab/share_missing.html", {"message": str(exc)}, status=404)
    else:
        response = render(request, "collab/share.html", {"insight": insight, "data": {"insight": insight}})
    # The link is the credential: keep the page out of shared caches and other sites' Referer headers.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
