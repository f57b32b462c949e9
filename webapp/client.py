"""A small client of the SalesTalk REST API: sign-in, silent token refresh, and one method per endpoint."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests

DEFAULT_TIMEOUT_SECONDS = 30.0


class ApiError(Exception):
    """An API refusal in the API's one error shape, or a network failure (status 0)."""

    def __init__(self, message: str, *, status: int = 0, code: str = "error") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass
class Tokens:
    access: str
    refresh: str
    tenant_id: str
    email: str


class SalesTalkClient:
    def __init__(
        self,
        *,
        base_url: str,
        tokens: Tokens | None = None,
        session: requests.Session | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.session = session or requests.Session()
        self.timeout = timeout

    # --- plumbing -----------------------------------------------------------

    def _send(self, method: str, path: str, *, json: Any = None, params: dict | None = None,
              token: str | None = None) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            return self.session.request(
                method, f"{self.base_url}{path}", json=json, params=params, headers=headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            raise ApiError(f"SalesTalk cannot be reached at {self.base_url}.") from exc

    @staticmethod
    def _body(response: requests.Response) -> Any:
        if response.status_code == 204 or not response.content:
            return None
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.ok:
            return data
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict):
            raise ApiError(str(error.get("message", "")), status=response.status_code, code=str(error.get("code")))
        raise ApiError(f"The API answered {response.status_code}.", status=response.status_code)

    def _call(self, method: str, path: str, *, json: Any = None, params: dict | None = None) -> Any:
        """An authenticated call; an expired access token is refreshed once, then the call is retried."""
        if self.tokens is None:
            raise ApiError("Please sign in.", status=401, code="not_authenticated")
        response = self._send(method, path, json=json, params=params, token=self.tokens.access)
        if response.status_code == 401:
            self.refresh()
            response = self._send(method, path, json=json, params=params, token=self.tokens.access)
        return self._body(response)

    # --- identity -----------------------------------------------------------

    def sign_in(self, *, email: str, password: str) -> Tokens:
        data = self._body(self._send("POST", "/api/auth/token", json={"email": email, "password": password}))
        self.tokens = Tokens(access=data["access"], refresh=data["refresh"], tenant_id=data["tenant_id"],
                             email=data["email"])
        return self.tokens

    def refresh(self) -> None:
        if self.tokens is None:
            raise ApiError("Please sign in.", status=401, code="not_authenticated")
        try:
            data = self._body(self._send("POST", "/api/auth/refresh", json={"refresh": self.tokens.refresh}))
        except ApiError:
            self.tokens = None
            raise ApiError("Your session has ended. Please sign in again.", status=401, code="signed_out") from None
        # Refresh tokens rotate: the one sent is spent, and sending it again would sign this person out everywhere.
        self.tokens.access, self.tokens.refresh = data["access"], data["refresh"]

    def me(self) -> dict[str, Any]:
        return self._call("GET", "/api/me")

    # --- conversations and messages ------------------------------------------

    def conversations(self, *, limit: int = 30, before: str | None = None) -> dict[str, Any]:
        params = {"limit": limit, **({"before": before} if before else {})}
        return self._call("GET", "/api/chat/conversations/", params=params)

    def create_conversation(self, *, title: str | None = None) -> dict[str, Any]:
        return self._call("POST", "/api/chat/conversations/", json={"title": title} if title else {})

    def rename_conversation(self, *, conversation_id: str, title: str) -> dict[str, Any]:
        return self._call("PATCH", f"/api/chat/conversations/{quote(conversation_id)}/", json={"title": title})

    def delete_conversation(self, *, conversation_id: str) -> None:
        self._call("DELETE", f"/api/chat/conversations/{quote(conversation_id)}/")

    def messages(self, *, conversation_id: str, limit: int = 50, before: int | None = None) -> dict[str, Any]:
        params = {"limit": limit, **({"before": before} if before is not None else {})}
        return self._call("GET", f"/api/chat/conversations/{quote(conversation_id)}/messages/", params=params)

    def ask(self, *, conversation_id: str, text: str, as_of: str | None = None) -> dict[str, Any]:
        body = {"text": text, **({"as_of": as_of} if as_of else {})}
        return self._call("POST", f"/api/chat/conversations/{quote(conversation_id)}/messages/", json=body)

    # --- the semantic model -------------------------------------------------

    def model(self) -> dict[str, Any]:
        return self._call("GET", "/api/metrics/model/")

    # --- uploads and imports (webapp.upload sends the file) -----------------------

    def start_upload(self, *, filename: str, size: int) -> dict[str, Any]:
        return self._call("POST", "/api/metrics/uploads/", json={"filename": filename, "size": size})

    def complete_upload(self, *, upload_id: str, replace: bool, dimensions: tuple[str, ...] = (),
                        measures: tuple[str, ...] = ()) -> dict[str, Any]:
        body = {"replace": replace, "dimensions": list(dimensions), "measures": list(measures)}
        return self._call("POST", f"/api/metrics/uploads/{quote(upload_id)}/complete", json=body)

    def import_job(self, *, job_id: str) -> dict[str, Any]:
        return self._call("GET", f"/api/metrics/imports/{quote(job_id)}")

    def imports(self) -> dict[str, Any]:
        return self._call("GET", "/api/metrics/imports/")

    # --- insights, links, comments --------------------------------------------

    def insights(self, *, limit: int = 50) -> dict[str, Any]:
        return self._call("GET", "/api/insights/", params={"limit": limit})

    def pin(self, *, conversation_id: str, message_id: str) -> dict[str, Any]:
        return self._call("POST", "/api/insights/", json={"conversation": conversation_id, "message": message_id})

    def share(self, *, insight_id: str, expires_in_days: int | None = None) -> dict[str, Any]:
        body = {"expires_in_days": expires_in_days} if expires_in_days else {}
        return self._call("POST", f"/api/insights/{quote(insight_id)}/share/", json=body)

    def comments(self, *, insight_id: str) -> dict[str, Any]:
        return self._call("GET", f"/api/insights/{quote(insight_id)}/comments/")

    def add_comment(self, *, insight_id: str, text: str) -> dict[str, Any]:
        return self._call("POST", f"/api/insights/{quote(insight_id)}/comments/", json={"text": text})
