"""The Streamlit app against the real API served by daphne: the fake API of tests/webapp must not drift."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.webapp import real_answers

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


@pytest.fixture
def site_csv() -> bytes:
    # The default company's shape plus a ``bookings`` column the catalogue does not know.
    return real_answers.dataset_csv()


def test_sign_in_ask_pin_share_and_comment_over_http(site, monkeypatch):
    monkeypatch.setenv("SALESTALK_API_URL", site.url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_input[0].input(site.email)
    at.text_input[1].input(site.password)
    at.button[0].click()
    at.run()
    assert not at.exception and not at.error

    at.chat_input[0].set_value("Revenue by region in 2024").run()
    assert not at.exception and not at.error
    assert any("EMEA" in m.value for m in at.markdown)
    assert len(at.get("vega_lite_chart")) == 1
    labels = [b.label for b in at.button]
    assert "Break that down by channel" in labels and "Top 3?" in labels

    next(b for b in at.button if b.label == "☆ Pin").click().run()
    assert next(b for b in at.button if b.label == "★ Pinned").disabled
    next(b for b in at.button if b.label == "Share").click().run()
    assert at.code[0].value.startswith(f"{site.url}/share/")
    next(b for b in at.button if b.label == "Comments").click().run()
    next(t for t in at.text_input if t.label == "Add a comment").input("Good quarter for EMEA")
    next(b for b in at.button if b.label == "Post").click().run()
    assert not at.exception and not at.error
    assert any("Good quarter for EMEA" in m.value for m in at.markdown)

    next(b for b in at.button if b.label == "Top 3?").click().run()
    assert not at.exception and not at.error
    assert len(at.get("vega_lite_chart")) == 2

    at.chat_input[0].set_value("Bookings by region in 2024").run()
    assert not at.exception and not at.error
    assert any("Measure: Bookings" in c.value for c in at.caption)
    at.chat_input[0].set_value("Are we on track to hit $2M revenue in 2025?").run()
    assert "Target: $2M" in at.get("progress")[-1].proto.text.replace("\\", "")
