"""Uploading a dataset from Streamlit through the same endpoints as the data page: start an upload, send the
file where the API says (S3 itself in AWS, the API locally) reporting each block sent, complete it with the
column roles, then follow the import job until it is done or failed."""
from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import Any

import requests
from urllib3 import encode_multipart_formdata

from webapp.client import ApiError, SalesTalkClient

BLOCK = 64 * 1024
POLL_SECONDS = 0.5
# Reported as (phase, fraction done): "upload" while the file is sent, then "import" from the job.
Progress = Callable[[str, float], None]


class _Counted(io.BytesIO):
    """A body that says how much of it has been read (sent); requests still sees its length."""

    def __init__(self, data: bytes, on_read: Callable[[float], None]) -> None:
        super().__init__(data)
        self.total = len(data)
        self.on_read = on_read

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(BLOCK if size is None or size < 0 else min(size, BLOCK))
        self.on_read(self.tell() / self.total if self.total else 1.0)
        return chunk


def send_file(*, client: SalesTalkClient, target: dict[str, Any], filename: str, data: bytes,
              on_progress: Progress) -> None:
    fields: list[tuple[str, Any]] = [*target["fields"].items(), ("file", (filename, data, target["content_type"]))]
    body, content_type = encode_multipart_formdata(fields)
    url = target["url"] if target["direct_to_storage"] else f"{client.base_url}{target['url']}"
    headers = {"Content-Type": content_type}
    if not target["direct_to_storage"]:
        headers["Authorization"] = f"Bearer {client.tokens.access if client.tokens else ''}"
    try:
        response = client.session.post(url, data=_Counted(body, lambda f: on_progress("upload", f)),
                                       headers=headers, timeout=client.timeout)
    except requests.RequestException as exc:
        raise ApiError("The upload was interrupted; try again.") from exc
    if not response.ok:
        raise ApiError(f"The upload was refused ({response.status_code}).", status=response.status_code,
                       code="upload_refused")
    on_progress("upload", 1.0)


def upload_dataset(
    *, client: SalesTalkClient, filename: str, data: bytes, on_progress: Progress, replace: bool = True,
    dimensions: tuple[str, ...] = (), measures: tuple[str, ...] = (), timeout: float = 900.0,
) -> dict[str, Any]:
    """Upload ``data`` and import it; returns the finished job (``status`` done or failed)."""
    target = client.start_upload(filename=filename, size=len(data))
    send_file(client=client, target=target, filename=filename, data=data, on_progress=on_progress)
    job = client.complete_upload(upload_id=target["id"], replace=replace, dimensions=dimensions, measures=measures)
    deadline = time.monotonic() + timeout
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        on_progress("import", float(job["progress"]))
        time.sleep(POLL_SECONDS)
        job = client.import_job(job_id=job["id"])
    if job["status"] == "done":
        on_progress("import", 1.0)
    return job
