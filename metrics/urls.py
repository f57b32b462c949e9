from django.urls import path

from metrics.api import DatasetApi, ModelApi, QueryApi

app_name = "metrics"

urlpatterns = [
    path("datasets/", DatasetApi.as_view(), name="datasets"),
    path("model/", ModelApi.as_view(), name="model"),
    path("query/", QueryApi.as_view(), name="query"),
]
