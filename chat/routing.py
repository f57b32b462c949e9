"""WebSocket routes."""
from django.urls import URLPattern, path

from chat.consumers import ChatConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/chat/<str:conversation_id>/", ChatConsumer.as_asgi()),
]
