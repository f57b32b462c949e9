"""Insight, share and comment errors; the API maps each to a 4xx with the one JSON error shape."""
from core.errors import AppError


class InsightError(AppError):
    status_code = 400
    code = "insight_error"


class InsightNotFound(InsightError):
    status_code = 404
    code = "insight_not_found"


class NotAnAnswer(InsightError):
    code = "not_an_answer"


class ShareNotFound(InsightError):
    """Unknown, revoked and expired links look the same, so a link's past existence is not revealed."""

    status_code = 404
    code = "share_not_found"


class CommentNotFound(InsightError):
    status_code = 404
    code = "comment_not_found"


class TooManyComments(InsightError):
    status_code = 409
    code = "too_many_comments"


class NotCommentAuthor(InsightError):
    status_code = 403
    code = "not_comment_author"


class InvalidShare(InsightError):
    code = "invalid_share"
