"""The Streamlit upload (webapp.upload) against the real API served by daphne: the same endpoints as the
data page, progress while the file is sent and while it is imported, and a refused file's job."""
from __future__ import annotations

from webapp.client import SalesTalkClient
from webapp.upload import BLOCK, upload_dataset

ROWS = "\n".join(f"2024-03-{day:02d},S{store},{store * 3 + day}" for day in range(1, 29) for store in range(400))


def test_an_upload_reports_its_progress_and_imports_as_a_job(site):
    client = SalesTalkClient(base_url=site.url)
    client.sign_in(email=site.email, password=site.password)
    data = f"date,store,revenue\n{ROWS}\n".encode()
    assert len(data) > 3 * BLOCK  # several blocks, so the progress moves
    seen: list[tuple[str, float]] = []
    job = upload_dataset(client=client, filename="stores.csv", data=data,
                         on_progress=lambda phase, fraction: seen.append((phase, fraction)))
    assert job["status"] == "done", job
    assert job["result"]["rows"] == 28 * 400 and job["result"]["dimensions"] == {"store": 400}
    sent = [f for phase, f in seen if phase == "upload"]
    assert len(set(sent)) > 3 and sent == sorted(sent) and sent[-1] == 1.0
    assert [phase for phase, _ in seen] == sorted((phase for phase, _ in seen), key=["upload", "import"].index)
    assert seen[-1] == ("import", 1.0)
    assert client.imports()["imports"][0]["id"] == job["id"]


def test_a_refused_file_comes_back_as_a_failed_job_naming_line_and_column(site):
    client = SalesTalkClient(base_url=site.url)
    client.sign_in(email=site.email, password=site.password)
    data = b"date,store,revenue\n2024-03-01,S1,10\n2024-13-45,S1,12\n"
    job = upload_dataset(client=client, filename="bad-date.csv", data=data, on_progress=lambda *_: None)
    assert job["status"] == "failed"
    assert (job["error"]["code"], job["error"]["line"]) == ("invalid_dataset", 3)
