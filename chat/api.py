"""The chat REST API: conversations, messages (asking), and WebSocket tickets. Thin: services do the work."""
from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from chat import services
from chat.dates import as_of_from
from chat.selectors import (
    conversation_json,
    get_conversation,
    list_conversations,
    list_messages,
    message_json,
)
from chat.services import MAX_QUESTION_CHARS, MAX_TITLE_CHARS
from chat.tickets import issue_ticket
from core.openapi_notes import operation
from core.pagination import MAX_PAGE
from core.text import TextField
from insights.contract import Result, Understanding
from insights.contract_field import ContractField
from tenants.api import TenantAPIView
from tenants.throttles import ASK_THROTTLES


class ConversationSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    created_at = serializers.CharField()
    updated_at = serializers.CharField()
    created_by = serializers.CharField(allow_null=True)
    message_count = serializers.IntegerField()


class MessageSerializer(serializers.Serializer):
    id = serializers.CharField()
    conversation = serializers.CharField()
    seq = serializers.IntegerField()
    timestamp = serializers.CharField()
    sender = serializers.ChoiceField(choices=["user", "assistant"])
    text = serializers.CharField(allow_blank=True)
    context = serializers.JSONField(allow_null=True, help_text="The answer object, on assistant messages.")
    metadata = serializers.DictField()


class AnswerSerializer(serializers.Serializer):
    """The answer object of shared/spec/ask-contract.md."""

    conversation = serializers.CharField()
    understanding = ContractField(model=Understanding)
    result = ContractField(model=Result)
    narrative = serializers.CharField(allow_blank=True)
    display = serializers.JSONField(help_text="What a UI shows: labels and formatted figures, from the catalogue.")
    sentiment = serializers.CharField(allow_null=True)
    clarification = serializers.CharField(allow_null=True)
    suggestions = serializers.ListField(
        child=serializers.CharField(), help_text="What the person could ask instead (for a clarification)."
    )


class AsOfField(serializers.DateField):
    """A date checked by ``chat.dates.as_of_from``, the one check of every surface."""

    def to_internal_value(self, value: Any) -> Any:
        return as_of_from(value)


class ListQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=20)
    before = serializers.CharField(required=False, max_length=64, help_text="The previous page's 'next'.")


def _query(request: Request, serializer: type[serializers.Serializer]) -> dict[str, Any]:
    query = serializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


def _author(view: TenantAPIView) -> str | None:
    return view.tenant.email or view.tenant.user_id


class ConversationListApi(TenantAPIView):
    class InputSerializer(serializers.Serializer):
        title = TextField(field="title", max_chars=MAX_TITLE_CHARS, required=False)

    class OutputSerializer(serializers.Serializer):
        results = ConversationSerializer(many=True)
        next = serializers.CharField(allow_null=True)

    @operation(operation_id="chat_conversations_list", parameters=[ListQuerySerializer], responses=OutputSerializer)
    def get(self, request: Request) -> Response:
        query = _query(request, ListQuerySerializer)
        page, cursor = list_conversations(tenant=self.tenant, limit=query["limit"], before=query.get("before"))
        data = {"results": [conversation_json(item) for item in page], "next": cursor}
        return Response(self.OutputSerializer(data).data)

    @operation(request=InputSerializer, responses={201: ConversationSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.create_conversation(
            tenant=self.tenant, title=data.validated_data.get("title"), created_by=_author(self)
        )
        return Response(ConversationSerializer(conversation_json(item)).data, status=status.HTTP_201_CREATED)


class ConversationDetailApi(TenantAPIView):
    class InputSerializer(serializers.Serializer):
        title = TextField(field="title", max_chars=MAX_TITLE_CHARS)

    @operation(responses=ConversationSerializer)
    def get(self, request: Request, conversation_id: str) -> Response:
        item = get_conversation(tenant=self.tenant, conversation_id=conversation_id)
        return Response(ConversationSerializer(conversation_json(item)).data)

    @operation(request=InputSerializer, responses=ConversationSerializer)
    def patch(self, request: Request, conversation_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.rename_conversation(
            tenant=self.tenant, conversation_id=conversation_id, title=data.validated_data["title"]
        )
        return Response(ConversationSerializer(conversation_json(item)).data)

    @operation(responses={204: OpenApiResponse(description="Deleted, with its messages.")})
    def delete(self, request: Request, conversation_id: str) -> Response:
        services.delete_conversation(tenant=self.tenant, conversation_id=conversation_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MessageListApi(TenantAPIView):
    throttle_classes = ASK_THROTTLES  # asking (POST) is throttled per person and per tenant; reading is not
    class QuerySerializer(serializers.Serializer):
        limit = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=50)
        before = serializers.IntegerField(required=False, min_value=1, help_text="The previous page's 'next'.")

    class InputSerializer(serializers.Serializer):
        text = TextField(field="question", max_chars=MAX_QUESTION_CHARS)
        as_of = AsOfField(
            required=False, help_text="Resolve 'last month' etc. against this date (default: today)."
        )

    class OutputSerializer(serializers.Serializer):
        results = MessageSerializer(many=True)
        next = serializers.IntegerField(allow_null=True)

    class AskOutputSerializer(serializers.Serializer):
        user_message = MessageSerializer()
        assistant_message = MessageSerializer()
        answer = AnswerSerializer()

    @operation(operation_id="chat_messages_list", parameters=[QuerySerializer], responses=OutputSerializer)
    def get(self, request: Request, conversation_id: str) -> Response:
        query = _query(request, self.QuerySerializer)
        page, cursor = list_messages(
            tenant=self.tenant, conversation_id=conversation_id, limit=query["limit"], before_seq=query.get("before")
        )
        data = {"results": [message_json(item) for item in page], "next": cursor}
        return Response(self.OutputSerializer(data).data)

    @operation(request=InputSerializer, responses={201: AskOutputSerializer})
    def post(self, request: Request, conversation_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        outcome = services.ask(
            tenant=self.tenant,
            conversation_id=conversation_id,
            text=data.validated_data["text"],
            as_of=data.validated_data.get("as_of"),
            author=_author(self),
            session_id=self.tenant.claims.get("jti"),
        )
        body = {
            "user_message": outcome.user_message,
            "assistant_message": outcome.assistant_message,
            "answer": outcome.answer,
        }
        return Response(self.AskOutputSerializer(body).data, status=status.HTTP_201_CREATED)


class WsTicketApi(TenantAPIView):
    class InputSerializer(serializers.Serializer):
        conversation = serializers.CharField(max_length=64)

    class OutputSerializer(serializers.Serializer):
        ticket = serializers.CharField()
        expires_in = serializers.IntegerField(help_text="Seconds; the ticket works once.")

    @operation(request=InputSerializer, responses=OutputSerializer)
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ticket, expires_in = issue_ticket(tenant=self.tenant, conversation_id=data.validated_data["conversation"])
        return Response(self.OutputSerializer({"ticket": ticket, "expires_in": expires_in}).data)
