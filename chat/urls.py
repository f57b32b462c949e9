from django.urls import path

from chat import api

app_name = "chat"

urlpatterns = [
    path("conversations/", api.ConversationListApi.as_view(), name="conversation-list"),
    path("conversations/<str:conversation_id>/", api.ConversationDetailApi.as_view(), name="conversation-detail"),
    path("conversations/<str:conversation_id>/messages/", api.MessageListApi.as_view(), name="message-list"),
    path("ws-ticket", api.WsTicketApi.as_view(), name="ws-ticket"),
]
