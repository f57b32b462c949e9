"""The chat and insights API is described at /api/schema/ (drf-spectacular), bodies and all."""
from rest_framework.test import APIClient


def test_the_schema_documents_every_chat_and_insight_operation(tenant):
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    expected = {
        ("/api/chat/conversations/", "get"), ("/api/chat/conversations/", "post"),
        ("/api/chat/conversations/{conversation_id}/", "get"),
        ("/api/chat/conversations/{conversation_id}/", "patch"),
        ("/api/chat/conversations/{conversation_id}/", "delete"),
        ("/api/chat/conversations/{conversation_id}/messages/", "get"),
        ("/api/chat/conversations/{conversation_id}/messages/", "post"),
        ("/api/chat/ws-ticket", "post"),
        ("/api/insights/", "get"), ("/api/insights/", "post"),
        ("/api/insights/{insight_id}/", "get"), ("/api/insights/{insight_id}/", "delete"),
        ("/api/insights/{insight_id}/share/", "post"), ("/api/insights/{insight_id}/share/", "delete"),
        ("/api/insights/{insight_id}/comments/", "get"), ("/api/insights/{insight_id}/comments/", "post"),
        ("/api/insights/{insight_id}/comments/{comment_id}/", "patch"),
        ("/api/insights/{insight_id}/comments/{comment_id}/", "delete"),
        ("/api/share/{token}", "get"),
    }
    assert expected <= operations
    ask = schema["paths"]["/api/chat/conversations/{conversation_id}/messages/"]["post"]
    body = ask["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][body]["properties"]) == {"text", "as_of"}
    created = ask["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    properties = set(schema["components"]["schemas"][created]["properties"])
    assert properties == {"user_message", "assistant_message", "answer"}
    assert schema["paths"]["/api/share/{token}"]["get"].get("security") in (None, [], [{}])
    assert {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}.items() <= (
        schema["components"]["securitySchemes"]["tenantToken"].items()
    )
