"""Pinned insights, their share links and comments; and the public view of a shared insight."""
from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from collab import services
from collab.models import InsightItem
from collab.selectors import (
    comment_json,
    get_insight,
    insight_json,
    iso_from_epoch,
    list_comments,
    list_insights,
    live_share,
    resolve_share,
    shared_insight_json,
)
from collab.services import DEFAULT_SHARE_DAYS, MAX_COMMENT_CHARS, MAX_SHARE_DAYS, MAX_TITLE_CHARS
from core.openapi_notes import operation
from core.pagination import MAX_PAGE
from core.text import TextField
from tenants.api import TenantAPIView


class ShareSerializer(serializers.Serializer):
    token = serializers.CharField()
    url = serializers.CharField(help_text="The public page of the link; anyone with it can read the insight.")
    expires_at = serializers.CharField()


class InsightSerializer(serializers.Serializer):
    id = serializers.CharField()
    conversation = serializers.CharField()
    message = serializers.CharField()
    title = serializers.CharField()
    question = serializers.CharField(allow_blank=True)
    narrative = serializers.CharField(allow_blank=True)
    understanding = serializers.JSONField(allow_null=True)
    result = serializers.JSONField(allow_null=True)
    display = serializers.JSONField(allow_null=True, required=False)
    sentiment = serializers.CharField(allow_null=True)
    created_at = serializers.CharField()
    created_by = serializers.CharField(allow_null=True)
    share = ShareSerializer(allow_null=True)


class CommentSerializer(serializers.Serializer):
    id = serializers.CharField()
    insight = serializers.CharField()
    author = serializers.CharField()
    text = serializers.CharField()
    created_at = serializers.CharField()
    updated_at = serializers.CharField()


class CommentInputSerializer(serializers.Serializer):
    text = TextField(field="comment", max_chars=MAX_COMMENT_CHARS)


def _share_json(request: Request, token: str, expires_at: int) -> dict[str, Any]:
    return {
        "token": token,
        "url": request.build_absolute_uri(f"/share/{token}"),
        "expires_at": iso_from_epoch(expires_at),
    }


def _insight_body(request: Request, item: InsightItem) -> dict[str, Any]:
    share = live_share(item)
    data = {**insight_json(item), "share": _share_json(request, *share) if share else None}
    return InsightSerializer(data).data


class InsightListApi(TenantAPIView):
    class QuerySerializer(serializers.Serializer):
        limit = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=20)
        before = serializers.CharField(required=False, max_length=64, help_text="The previous page's 'next'.")

    class InputSerializer(serializers.Serializer):
        conversation = serializers.CharField(max_length=64)
        message = serializers.CharField(max_length=64, help_text="The id of an assistant message (an answer).")
        title = TextField(field="title", max_chars=MAX_TITLE_CHARS, required=False)

    class OutputSerializer(serializers.Serializer):
        results = InsightSerializer(many=True)
        next = serializers.CharField(allow_null=True)

    @operation(operation_id="insights_list", parameters=[QuerySerializer], responses=OutputSerializer)
    def get(self, request: Request) -> Response:
        query = self.QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        page, cursor = list_insights(
            tenant=self.tenant, limit=query.validated_data["limit"], before=query.validated_data.get("before")
        )
        return Response({"results": [_insight_body(request, item) for item in page], "next": cursor})

    @operation(request=InputSerializer, responses={201: InsightSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.pin_insight(
            tenant=self.tenant,
            conversation_id=data.validated_data["conversation"],
            message_id=data.validated_data["message"],
            title=data.validated_data.get("title"),
            created_by=self.tenant.email or self.tenant.user_id,
        )
        return Response(_insight_body(request, item), status=status.HTTP_201_CREATED)


class InsightDetailApi(TenantAPIView):
    @operation(responses=InsightSerializer)
    def get(self, request: Request, insight_id: str) -> Response:
        return Response(_insight_body(request, get_insight(tenant=self.tenant, insight_id=insight_id)))

    @operation(responses={204: OpenApiResponse(description="Deleted, with its link and comments.")})
    def delete(self, request: Request, insight_id: str) -> Response:
        services.delete_insight(tenant=self.tenant, insight_id=insight_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InsightShareApi(TenantAPIView):
    class InputSerializer(serializers.Serializer):
        expires_in_days = serializers.IntegerField(min_value=1, max_value=MAX_SHARE_DAYS, default=DEFAULT_SHARE_DAYS)

    @operation(request=InputSerializer, responses={201: ShareSerializer})
    def post(self, request: Request, insight_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        token, expires_at = services.share_insight(
            tenant=self.tenant, insight_id=insight_id, expires_in_days=data.validated_data["expires_in_days"]
        )
        return Response(ShareSerializer(_share_json(request, token, expires_at)).data, status=status.HTTP_201_CREATED)

    @operation(responses={204: OpenApiResponse(description="The link no longer works.")})
    def delete(self, request: Request, insight_id: str) -> Response:
        services.revoke_share(tenant=self.tenant, insight_id=insight_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommentListApi(TenantAPIView):
    class OutputSerializer(serializers.Serializer):
        results = CommentSerializer(many=True)

    @operation(operation_id="insights_comments_list", responses=OutputSerializer)
    def get(self, request: Request, insight_id: str) -> Response:
        comments = list_comments(tenant=self.tenant, insight_id=insight_id)
        return Response(self.OutputSerializer({"results": [comment_json(item) for item in comments]}).data)

    @operation(request=CommentInputSerializer, responses={201: CommentSerializer})
    def post(self, request: Request, insight_id: str) -> Response:
        data = CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.add_comment(tenant=self.tenant, insight_id=insight_id, text=data.validated_data["text"])
        return Response(CommentSerializer(comment_json(item)).data, status=status.HTTP_201_CREATED)


class CommentDetailApi(TenantAPIView):
    @operation(request=CommentInputSerializer, responses=CommentSerializer)
    def patch(self, request: Request, insight_id: str, comment_id: str) -> Response:
        data = CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.edit_comment(
            tenant=self.tenant, insight_id=insight_id, comment_id=comment_id, text=data.validated_data["text"]
        )
        return Response(CommentSerializer(comment_json(item)).data)

    @operation(responses={204: OpenApiResponse(description="Deleted.")})
    def delete(self, request: Request, insight_id: str, comment_id: str) -> Response:
        services.delete_comment(tenant=self.tenant, insight_id=insight_id, comment_id=comment_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ShareViewApi(APIView):
    """Public: a share token is the whole credential, and it reaches exactly one insight of one tenant."""

    authentication_classes = ()
    permission_classes = (permissions.AllowAny,)

    class CommentOutputSerializer(serializers.Serializer):
        author = serializers.CharField(help_text="A display name, never an email.")
        text = serializers.CharField()
        created_at = serializers.CharField()

    class OutputSerializer(serializers.Serializer):
        title = serializers.CharField()
        question = serializers.CharField(allow_blank=True)
        narrative = serializers.CharField(allow_blank=True)
        understanding = serializers.JSONField(allow_null=True)
        result = serializers.JSONField(allow_null=True)
        display = serializers.JSONField(allow_null=True, required=False)
        sentiment = serializers.CharField(allow_null=True)
        created_at = serializers.CharField()
        expires_at = serializers.CharField()
        comments = serializers.ListField(child=serializers.DictField())

    @operation(responses=OutputSerializer, auth=[])
    def get(self, request: Request, token: str) -> Response:
        data = shared_insight_json(resolve_share(token=token))
        data["comments"] = self.CommentOutputSerializer(data["comments"], many=True).data
        response = Response(self.OutputSerializer(data).data)
        # The link is the credential: keep the page out of shared caches and other sites' Referer headers.
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
