"""Chat errors; the API maps each to a 4xx with the one JSON error shape (core/errors.py)."""
from core.errors import AppError


class ChatError(AppError):
    status_code = 400
    code = "chat_error"


class ConversationNotFound(ChatError):
    status_code = 404
    code = "conversation_not_found"


class ConversationBusy(ChatError):
    """Other writers kept getting their messages in first; the client may simply retry."""

    status_code = 409
    code = "conversation_busy"


class MessageNotFound(ChatError):
    status_code = 404
    code = "message_not_found"


class InvalidQuestion(ChatError, ValueError):
    status_code = 400
    code = "invalid_question"


class TicketRefused(ChatError):
    """A WebSocket ticket that is missing, malformed, used or expired: the socket closes with 4401."""

    status_code = 401
    code = "ticket_refused"
    close_code = 4401


class TicketForbidden(TicketRefused):
    """A valid ticket for another conversation (or another tenant's): the socket closes with 4403."""

    status_code = 403
    code = "ticket_forbidden"
    close_code = 4403
