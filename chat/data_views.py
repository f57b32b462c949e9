"""The data page: upload a dataset with its progress, choose column roles, see the import history, go back
to an earlier version, and edit measure words, direction and format.

Like the chat page it holds no tenant data itself: its script (static/salestalk/data.js) trades the session
for an access token and talks to the metrics API.
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from chat.views import NoTenant, tenant_of_user
from tenants.selectors import get_tenant


@require_GET
@login_required
def data_page(request: HttpRequest) -> HttpResponse:
    try:
        tenant = tenant_of_user(request.user)
    except NoTenant as exc:
        return render(request, "web/unavailable.html", {"message": str(exc)}, status=403)
    page = {"email": request.user.get_username(), "tenant_id": tenant.tenant_id, "token_url": "/app/token"}
    company = get_tenant(tenant_id=tenant.tenant_id).name
    return render(request, "web/data.html", {"page": page, "company": company})
