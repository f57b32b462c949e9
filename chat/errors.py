class ConversationNotFound(Exception):
    status_code = 404
    code = "conversation_not_found"


class InvalidQuestion(ValueError):
    status_code = 400
    code = "invalid_question"
