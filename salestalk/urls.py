from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from insights.api import ShareViewApi

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("api/", include("tenants.urls")),
    path("api/metrics/", include("metrics.urls")),
    path("api/insights/", include("insights.urls")),
    path("api/chat/", include("chat.urls")),
    path("api/share/<str:token>", ShareViewApi.as_view(), name="share-api"),
    path("", include("chat.web_urls")),
]
