"""End-to-end fixtures: a real daphne (HTTP + WebSockets) on loopback against the test DynamoDB, and
Debian's headless Chromium driven by Playwright (no browser downloads)."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import requests

from metrics.services import import_dataset
from salestalk.dynamodb_local import free_port

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
EMAIL = "ana@acme.example"
PASSWORD = "correct-horse-battery"
REGIONS = {"EMEA": 3.0, "Americas": 2.0, "APAC": 1.0}
CHANNELS = {"Online": 1.5, "Retail": 1.0}
PRODUCTS = {"Trail Runner": ("Shoes", 120.0), "Road Racer": ("Shoes", 90.0)}


def dataset_csv() -> bytes:
    """Two sales days a month from January 2024 to June 2025, with EMEA > Americas > APAC and steady growth."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "region", "channel", "product", "category", "revenue", "cost", "units", "orders",
                     "new_customers"])
    for month_index in range(18):
        year, month = 2024 + month_index // 12, month_index % 12 + 1
        for day in (1, 15):
            for region, region_weight in REGIONS.items():
                for channel, channel_weight in CHANNELS.items():
                    for product, (category, price) in PRODUCTS.items():
                        units = int(10 * region_weight * channel_weight * (1 + 0.03 * month_index))
                        revenue = units * price
                        writer.writerow([date(year, month, day).isoformat(), region, channel, product, category,
                                         f"{revenue:.2f}", f"{revenue * 0.6:.2f}", units, max(1, units // 2),
                                         max(1, units // 10)])
    return out.getvalue().encode()


@dataclass(frozen=True)
class Site:
    url: str
    email: str
    password: str
    log: Path


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        pytest.skip("!!! /usr/bin/chromium is missing: browser tests SKIPPED (run `make browser`) !!!")
    return str(CHROMIUM)


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator:
    # Module scope: Playwright's sync API keeps an event loop on this thread while it runs, which would
    # trip async_to_sync and Django's async-safety checks in test files that run later on this worker.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        yield browser
        browser.close()


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True,
                   timeout=120)


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne exited:\n{log.read_text()}")
        try:
            if requests.get(f"{url}/login/", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"daphne did not answer in time:\n{log.read_text()}")


@pytest.fixture
def site_csv() -> bytes:
    """The company's data; a test module overrides this fixture for data of another shape."""
    return dataset_csv()


@pytest.fixture
def site(settings, make_tenant, tmp_path: Path, site_csv: bytes) -> Iterator[Site]:
    """A running SalesTalk with one company, its data and one person who can sign in."""
    tenant = make_tenant("acme", name="Acme Outdoor")
    import_dataset(tenant=tenant, stream=io.BytesIO(site_csv), source="e2e.csv", replace=False)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "salestalk.settings.test",
        "SALESTALK_DYNAMODB_ENDPOINT": settings.SALESTALK_DYNAMODB_ENDPOINT,
        "SALESTALK_TABLE_PREFIX": settings.SALESTALK_TABLE_PREFIX,
        "SALESTALK_SQLITE_PATH": str(tmp_path / "auth.sqlite3"),
        "SALESTALK_LOG_LEVEL": "WARNING",
        "SALESTALK_TEST_DATASET_DIR": str(settings.SALESTALK_DATASET_DIR),
    }
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "create_user", "acme", EMAIL, "--password", PASSWORD)
    port = free_port()
    log = tmp_path / "daphne.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "salestalk.asgi:application"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield Site(url=url, email=EMAIL, password=PASSWORD, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
