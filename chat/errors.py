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


class ConversationFull(ChatError):
    """The conversation holds its most questions (``SALESTALK_MAX_TURNS_PER_CONVERSATION``)."""

    status_code = 409
    code = "conversation_full"


class MessageNotFound(ChatError):
    status_code = 404
    code = "message_not_found"


class InvalidAsOf(ChatError):
    code = "invalid_as_of"


class InvalidFrame(ChatError):
    """A WebSocket frame that is not one JSON ask object of bounded size, sent as text."""

    code = "invalid_frame"


class TooManyFrames(ChatError):
    status_code = 429
    code = "too_many_frames"


class StillAnswering(ChatError):
    """A socket asks one question at a time."""

    status_code = 409
    code = "busy"


class AskFailed(ChatError):
    """Anything unexpected while answering over a socket: reported, the socket stays open."""

    status_code = 500
    code = "ask_failed"


class TicketRefused(ChatError):
    """A WebSocket ticket that is missing, malformed, used or expired: the socket closes with 4401."""

    status_code = 401
    code = "ticket_refused"
    close_code = 4401


class TooManySockets(ChatError):
    """The person already holds ``SALESTALK_WS_MAX_SOCKETS_PER_PERSON`` open sockets: the socket closes with 4429."""

    status_code = 429
    code = "too_many_sockets"
    close_code = 4429


class TicketForbidden(TicketRefused):
    """A valid ticket for another conversation (or another tenant's): the socket closes with 4403."""

    status_code = 403
    code = "ticket_forbidden"
    close_code = 4403
