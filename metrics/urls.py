from django.urls import path

from metrics.api import DatasetApi, ModelApi, QueryApi
from metrics.import_api import ImportApi, ImportsApi, UploadColumnsApi, UploadCompleteApi, UploadFileApi, UploadsApi
from metrics.model_api import CurrentVersionApi, DerivedMeasuresApi, DimensionApi, MeasureApi, VersionsApi

app_name = "metrics"

urlpatterns = [
    path("datasets/", DatasetApi.as_view(), name="datasets"),
    path("model/", ModelApi.as_view(), name="model"),
    path("model/measures/", DerivedMeasuresApi.as_view(), name="model-derived"),
    path("model/measures/<str:name>", MeasureApi.as_view(), name="model-measure"),
    path("model/dimensions/<str:name>", DimensionApi.as_view(), name="model-dimension"),
    path("query/", QueryApi.as_view(), name="query"),
    path("uploads/", UploadsApi.as_view(), name="uploads"),
    path("uploads/<str:upload_id>/file", UploadFileApi.as_view(), name="upload-file"),
    path("uploads/<str:upload_id>/columns", UploadColumnsApi.as_view(), name="upload-columns"),
    path("uploads/<str:upload_id>/complete", UploadCompleteApi.as_view(), name="upload-complete"),
    path("versions/", VersionsApi.as_view(), name="versions"),
    path("versions/current", CurrentVersionApi.as_view(), name="current-version"),
    path("imports/", ImportsApi.as_view(), name="imports"),
    path("imports/<str:job_id>", ImportApi.as_view(), name="import"),
]
