"""The data page in real headless Chromium against a real daphne: upload with progress, column roles,
import progress, history, going back to a version, and editing measures."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_chat_in_browser import TIMEOUT_MS

pytestmark = pytest.mark.browser


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def stores_csv(path: Path, *, bad_row: bool = False) -> Path:
    lines = ["date,region,store_id,revenue,orders"]
    for day in range(1, 29):
        for store in range(1, 40):
            lines.append(f"2024-02-{day:02d},{'EMEA' if store % 2 else 'APAC'},{store},{store * 10 + day},{day}")
    if bad_row:
        lines.insert(3, "2024-03-01,EMEA,7,lots,1")
    path.write_text("\n".join(lines) + "\n")
    return path


def open_data_page(page, site) -> None:
    page.goto(f"{site.url}/login/?next=/data/")
    page.get_by_label("Email").fill(site.email)
    page.get_by_label("Password").fill(site.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site.url}/data/")
    page.locator("#measures tr").first.wait_for()


def upload(page, path: Path) -> None:
    page.set_input_files("#dataset-file", str(path))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_selector("#columns select, #error:not([hidden])")
    assert page.locator("#error").is_hidden(), page.locator("#error").inner_text()


def test_upload_with_roles_then_history_versions_and_measures(site, context, tmp_path):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_data_page(page, site)
    inline = page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length")
    assert inline == 0  # the CSP allows no inline script

    upload(page, stores_csv(tmp_path / "stores.csv"))
    role = page.get_by_label("Role of store_id")
    role.wait_for()
    assert role.input_value() == "measure"  # numbers: detected as a measure
    assert page.get_by_label("Role of region").input_value() == "dimension"
    assert page.locator("#progress-text").inner_text() == "Uploaded 100%"
    summary = page.locator("#columns-summary").inner_text()
    assert "1,092 rows" in summary and "store_id was read as a measure" in summary  # so rows repeat
    role.select_option("dimension")
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Imported 1,092 rows").wait_for()
    assert "store_id (39)" in page.locator("#import-result").inner_text()
    assert page.locator("#progress").get_attribute("value") == "100"

    first = page.locator("#imports tr").first
    assert first.locator("td").nth(1).inner_text() == "stores.csv"
    assert first.locator("td").nth(2).inner_text() == "done"
    page.locator('#measures tr[data-measure="orders"]').wait_for()
    assert page.locator('#measures tr[data-measure="store_id"]').count() == 0  # a dimension now

    # The import that failed names its line and column, and changes nothing.
    upload(page, stores_csv(tmp_path / "broken.csv", bad_row=True))
    page.get_by_label("Role of revenue").wait_for()
    page.get_by_label("Role of revenue").select_option("measure")
    page.get_by_role("button", name="Import").click()
    failed = page.locator("#import-result.failed")
    failed.wait_for()
    assert "line 4" in failed.inner_text() and "revenue" in failed.inner_text()
    page.locator("#imports tr").nth(1).wait_for()
    assert page.locator("#imports tr").first.locator("td").nth(2).inner_text() == "failed"

    # Back to the dataset the company had before.
    versions = page.locator("#versions li")
    assert versions.count() == 2 and "Current" in versions.first.inner_text()
    assert page.locator("#versions-kept").inner_text() == "The last 5 versions are kept; older ones are deleted."
    versions.nth(1).get_by_role("button", name="Make current").click()
    versions.nth(1).get_by_text("Current", exact=True).wait_for()
    assert versions.first.get_by_role("button", name="Make current").count() == 1
    page.locator('#measures tr[data-measure="units"]').wait_for()  # e2e.csv's measures are back

    # Measure words, direction and format, kept across a reload.
    page.get_by_label("Words for units").fill("units, pieces")
    page.get_by_label("Direction of units").select_option("neutral")
    page.get_by_label("Format of units").select_option("number")
    page.get_by_label("Save units").click()
    page.locator('#measures tr[data-measure="units"]').get_by_text("Saved").wait_for()
    page.get_by_label("Words for cost").fill("cost, units")  # taken by units: refused, naming it
    page.get_by_label("Save cost").click()
    page.get_by_role("alert").get_by_text("a word may name only one thing").wait_for()
    page.reload()
    page.locator('#measures tr[data-measure="units"]').wait_for()
    assert page.get_by_label("Words for units").input_value() == "units, pieces"
    assert page.get_by_label("Direction of units").input_value() == "neutral"
    assert page.get_by_label("Words for cost").input_value() != "cost, units"
    assert errors == []
