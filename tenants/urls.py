from django.urls import path

from tenants import api

app_name = "tenants"

urlpatterns = [
    path("me", api.MeApi.as_view(), name="me"),
    path("auth/token", api.TokenApi.as_view(), name="token"),
    path("auth/refresh", api.RefreshApi.as_view(), name="refresh"),
    path("auth/sign-out-everywhere", api.SignOutEverywhereApi.as_view(), name="sign-out-everywhere"),
    path("tenants/", api.TenantListApi.as_view(), name="tenant-list"),
    path("tenants/<str:tenant_id>/", api.TenantDetailApi.as_view(), name="tenant-detail"),
]
