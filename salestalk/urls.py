from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path

from collab.api import ShareViewApi
from salestalk import api_docs

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", api_docs.schema, name="schema"),
    # Swagger UI's page keeps one inline <style>; its scripts are files (the split view), as CSP requires.
    path("api/docs/", csp_update({"style-src": ["'unsafe-inline'"]})(api_docs.docs), name="docs"),
    path("api/", include("tenants.urls")),
    path("api/metrics/", include("metrics.urls")),
    path("api/insights/", include("collab.urls")),
    path("api/chat/", include("chat.urls")),
    path("api/share/<str:token>", ShareViewApi.as_view(), name="share-api"),
    path("auth/cognito/", include("tenants.hosted_ui_urls")),
    path("", include("collab.web_urls")),
    path("", include("chat.web_urls")),
]

# Django's own errors: the one JSON envelope under /api, its HTML pages elsewhere (core.http_errors).
handler400 = "core.http_errors.bad_request"
handler403 = "core.http_errors.permission_denied"
handler404 = "core.http_errors.not_found"
handler500 = "core.http_errors.server_error"
