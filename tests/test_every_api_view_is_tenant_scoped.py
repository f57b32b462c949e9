"""Every API view under /api/ is a tenant view, except the few that cannot be (listed and justified)."""
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from tenants.api import RefreshApi, StaffAPIView, TenantAPIView, TokenApi

# Sign-in takes credentials, not a token; staff manage the registry itself; the schema is public metadata.
NOT_TENANT_SCOPED = {"TokenApi", "RefreshApi", "SpectacularAPIView", "SpectacularSwaggerSplitView", "ShareViewApi"}


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def api_views():
    for route, callback in walk(get_resolver().url_patterns):
        view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        if route.startswith("api/") and view is not None and issubclass(view, APIView):
            yield route, view


def test_the_walk_finds_the_api():
    found = dict(api_views())
    assert found["api/me"] is not None and TokenApi in found.values() and RefreshApi in found.values()


def test_every_api_view_derives_from_the_tenant_base_view():
    outside = [
        f"{route} -> {view.__name__}"
        for route, view in api_views()
        if not issubclass(view, TenantAPIView | StaffAPIView) and view.__name__ not in NOT_TENANT_SCOPED
    ]
    assert outside == []


def test_tenant_views_cannot_swap_out_authentication():
    overriding = [
        view.__name__
        for _, view in api_views()
        if issubclass(view, TenantAPIView)
        and (view.authentication_classes != TenantAPIView.authentication_classes
             or "initial" in vars(view) or "dispatch" in vars(view))
    ]
    assert overriding == []
