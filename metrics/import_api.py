"""Uploads and import jobs over HTTP: presigned (or local) uploads, their columns, completing them, job status.

Thin: the work is in ``metrics.uploads``, ``metrics.import_queue`` and ``metrics.jobs``.
"""
from __future__ import annotations

from typing import Any

from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from core.openapi_notes import operation
from core.parsers import MultiPartParser
from core.text import TextField
from metrics import jobs, uploads
from metrics.import_queue import start_import
from tenants.api import TenantAPIView

MAX_NAMES = 200


class JobSerializer(serializers.Serializer):
    class ErrorSerializer(serializers.Serializer):
        code = serializers.CharField()
        message = serializers.CharField()
        line = serializers.IntegerField(allow_null=True, required=False)
        column = serializers.CharField(allow_null=True, required=False)

    id = serializers.CharField()
    status = serializers.ChoiceField(choices=["queued", "running", "done", "failed"])
    source = serializers.CharField()
    replace = serializers.BooleanField()
    dimensions = serializers.ListField(child=serializers.CharField())
    measures = serializers.ListField(child=serializers.CharField())
    created_at = serializers.CharField()
    created_by = serializers.CharField(allow_null=True)
    started_at = serializers.CharField(allow_null=True)
    finished_at = serializers.CharField(allow_null=True)
    stage = serializers.CharField(allow_null=True)
    progress = serializers.FloatField(help_text="0 to 1")
    result = serializers.DictField(allow_null=True, help_text="the import's counts, once done")
    error = ErrorSerializer(allow_null=True)


class RolesSerializer(serializers.Serializer):
    replace = serializers.BooleanField(default=False)
    dimensions = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list, max_length=MAX_NAMES,
        help_text="columns to import as dimensions, whatever their values",
    )
    measures = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list, max_length=MAX_NAMES,
        help_text="columns to import as measures",
    )


def _request_of(data: dict[str, Any]) -> jobs.ImportRequest:
    return jobs.ImportRequest(replace=data["replace"], dimensions=tuple(data["dimensions"]),
                              measures=tuple(data["measures"]))


def _job_response(job: jobs.ImportJob, *, code: int = status.HTTP_200_OK) -> Response:
    response = Response(JobSerializer(job.as_json()).data, status=code)
    response["Location"] = f"/api/metrics/imports/{job.id}"
    return response


class UploadsApi(TenantAPIView):
    """``POST``: start an upload; the answer says where to send the file (S3 itself in AWS)."""

    class InputSerializer(serializers.Serializer):
        filename = TextField(field="filename", max_chars=uploads.MAX_FILENAME_CHARS)
        size = serializers.IntegerField(min_value=0, help_text="bytes")

    class OutputSerializer(serializers.Serializer):
        id = serializers.CharField()
        method = serializers.CharField()
        url = serializers.CharField()
        fields = serializers.DictField(child=serializers.CharField(), help_text="form fields to send before the file")
        direct_to_storage = serializers.BooleanField(help_text="true: send to the URL without the API's token")
        content_type = serializers.CharField()
        max_bytes = serializers.IntegerField()
        expires_at = serializers.CharField()
        complete_url = serializers.CharField()

    @operation(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        target = uploads.create_upload(tenant=self.tenant, filename=data.validated_data["filename"],
                                       size=data.validated_data["size"])
        return Response(self.OutputSerializer(target.as_json()).data, status=status.HTTP_201_CREATED)


class UploadFileApi(TenantAPIView):
    """``POST`` (multipart ``file``): the file of a local upload (in AWS it goes to S3 instead)."""

    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer):
        file = serializers.FileField()

    @operation(request={"multipart/form-data": InputSerializer}, responses={204: None})
    def post(self, request: Request, upload_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        file = data.validated_data["file"]
        uploads.receive_upload_file(tenant=self.tenant, upload_id=upload_id, stream=file, size=file.size)
        return Response(status=status.HTTP_204_NO_CONTENT)


class UploadColumnsApi(TenantAPIView):
    """``GET``: the columns of an uploaded file and the role each would get, before the import is confirmed."""

    class OutputSerializer(serializers.Serializer):
        class ColumnSerializer(serializers.Serializer):
            column = serializers.CharField()
            role = serializers.ChoiceField(choices=["date", "dimension", "measure"])
            name = serializers.CharField()
            members = serializers.IntegerField(allow_null=True, help_text="distinct members of a dimension")

        rows = serializers.IntegerField()
        first_date = serializers.DateField(allow_null=True)
        last_date = serializers.DateField(allow_null=True)
        columns = ColumnSerializer(many=True)
        problem = serializers.CharField(allow_null=True, help_text="what the import would refuse with these roles")
        note = serializers.CharField(allow_null=True, help_text="what the import would do that may not be meant")

    @operation(responses={200: OutputSerializer})
    def get(self, request: Request, upload_id: str) -> Response:
        from metrics.previews import column_preview  # reads the file with pyarrow: not at a cold start

        record = uploads.received_upload(tenant=self.tenant, upload_id=upload_id)
        return Response(self.OutputSerializer(column_preview(name=record.name)).data)


class UploadCompleteApi(TenantAPIView):
    """``POST``: the file has arrived; import it (as a background job) with the roles chosen."""

    @operation(request=RolesSerializer, responses={202: JobSerializer})
    def post(self, request: Request, upload_id: str) -> Response:
        data = RolesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = uploads.received_upload(tenant=self.tenant, upload_id=upload_id)
        job = start_import(tenant=self.tenant, upload=record, request=_request_of(data.validated_data))
        return _job_response(job, code=status.HTTP_202_ACCEPTED)


class ImportsApi(TenantAPIView):
    """``GET``: the latest imports, newest first."""

    class InputSerializer(serializers.Serializer):
        limit = serializers.IntegerField(min_value=1, max_value=100, default=20)

    class OutputSerializer(serializers.Serializer):
        imports = JobSerializer(many=True)

    @operation(operation_id="metrics_imports_list", parameters=[InputSerializer], responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = jobs.recent_import_jobs(tenant=self.tenant, limit=params.validated_data["limit"])
        return Response(self.OutputSerializer({"imports": [job.as_json() for job in found]}).data)


class ImportApi(TenantAPIView):
    """``GET``: one import job: queued, running (stage, progress), done (counts) or failed (error)."""

    @operation(responses={200: JobSerializer})
    def get(self, request: Request, job_id: str) -> Response:
        return _job_response(jobs.get_import_job(tenant=self.tenant, job_id=job_id))
