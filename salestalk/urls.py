from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from collab.api import ShareViewApi

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's page keeps one inline <style>; its scripts are files (the split view), as CSP requires.
    path("api/docs/", csp_update({"style-src": ["'unsafe-inline'"]})(
        SpectacularSwaggerSplitView.as_view(url_name="schema")), name="docs"),
    path("api/", include("tenants.urls")),
    path("api/metrics/", include("metrics.urls")),
    path("api/insights/", include("collab.urls")),
    path("api/chat/", include("chat.urls")),
    path("api/share/<str:token>", ShareViewApi.as_view(), name="share-api"),
    path("auth/cognito/", include("tenants.hosted_ui_urls")),
    path("", include("collab.web_urls")),
    path("", include("chat.web_urls")),
]
