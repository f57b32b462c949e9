"""The Streamlit app end to end in Streamlit's AppTest, against a fake API over real HTTP."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.webapp.fake_api import EMAIL, PASSWORD

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


@pytest.fixture
def app(fake, monkeypatch) -> AppTest:
    monkeypatch.setenv("SALESTALK_API_URL", fake.url)
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    return at


def sign_in(at: AppTest, *, password: str = PASSWORD) -> AppTest:
    at.text_input[0].input(EMAIL)
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def charts(at: AppTest) -> list:
    return at.get("vega_lite_chart")


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_it_starts_at_sign_in(app):
    assert not app.exception
    assert [t.label for t in app.text_input] == ["Email", "Password"]
    assert app.title[0].value == "SalesTalk"


def test_a_wrong_password_is_shown_plainly(app):
    sign_in(app, password="nope")
    assert [e.value for e in app.error] == ["Wrong email or password."]
    assert [t.label for t in app.text_input] == ["Email", "Password"]


def test_sign_in_then_ask_shows_the_answer_its_chart_and_follow_ups(app, fake):
    sign_in(app)
    assert not app.exception
    assert app.title[0].value == "New conversation"
    app.chat_input[0].set_value("Revenue by region").run()
    assert not app.exception
    assert fake.asked() == ["Revenue by region"]
    assert "EMEA led with \\$5.2K, ahead of APAC with \\$3.1K." in texts(app)
    assert "Asked for: a breakdown · Measure: Revenue · Period: 2025-04-01 – 2025-06-30 · By: region" in [
        c.value for c in app.caption]
    assert len(charts(app)) == 1
    assert app.title[0].value == "Revenue by region"
    for label in ("☆ Pin", "Share", "Comments", "Break that down by channel", "Compared to last year?", "Top 3?"):
        button(app, label)


def test_a_follow_up_button_asks_it_in_the_same_conversation(app, fake):
    sign_in(app)
    app.chat_input[0].set_value("Monthly revenue").run()
    assert len(charts(app)) == 1
    button(app, "Why?").click().run()
    assert not app.exception
    assert fake.asked() == ["Monthly revenue", "Why?"]
    assert len(fake.conversations) == 1
    assert "mostly thanks to EMEA" in texts(app)
    assert len(charts(app)) == 2


def test_a_clarification_offers_its_suggestions_as_buttons(app, fake):
    sign_in(app)
    app.chat_input[0].set_value("Revenue in emeaa").run()
    assert "Did you mean EMEA or APAC?" in texts(app)
    assert charts(app) == []
    assert [b.label for b in app.button if b.label in ("EMEA", "APAC")] == ["EMEA", "APAC"]
    assert not [b for b in app.button if b.label == "☆ Pin"]
    button(app, "APAC").click().run()
    assert fake.asked() == ["Revenue in emeaa", "Revenue in APAC"]
    assert "APAC revenue was \\$3.1K." in texts(app)


def test_pin_share_and_comment(app, fake):
    sign_in(app)
    app.chat_input[0].set_value("Revenue by region").run()
    button(app, "☆ Pin").click().run()
    assert len(fake.insights) == 1
    assert button(app, "★ Pinned").disabled
    button(app, "Share").click().run()
    assert app.code[0].value.startswith(f"{fake.url}/share/tok")
    button(app, "Comments").click().run()
    assert "No comments yet." in [c.value for c in app.caption]
    app.text_input(key=f"comment-text-{fake.insights[0]['message']}").input("Let's look at APAC")
    button(app, "Post").click().run()
    assert not app.exception
    assert [c["text"] for c in fake.comments[fake.insights[0]["id"]]] == ["Let's look at APAC"]
    assert "**Ana** Let\\'s look at APAC" in texts(app)  # user text: markdown punctuation escaped


def test_an_expired_session_signs_in_again_silently(app, fake):
    sign_in(app)
    fake.expire_tokens()
    app.chat_input[0].set_value("Revenue by region").run()
    assert not app.exception and not app.error
    assert fake.asked() == ["Revenue by region"]


def test_an_api_error_is_shown_and_the_chat_stays(app, fake):
    sign_in(app)
    app.chat_input[0].set_value("Something the fake cannot answer").run()
    assert [e.value for e in app.error] == ["The fake API knows no answer to that."]
    assert app.chat_input


def test_signing_out_returns_to_sign_in(app):
    sign_in(app)
    button(app, "Sign out").click().run()
    assert [t.label for t in app.text_input] == ["Email", "Password"]


def test_v2_answers_show_their_parts(app, fake, real):
    fake.answers.update(real["answers"])
    fake.model = real["model"]
    sign_in(app)
    app.chat_input[0].set_value("Are we on track to hit $2M revenue this year?").run()
    assert not app.exception
    figures = real["answers"]["are we on track to hit $2m revenue this year?"]["display"]["figures"]
    progress = app.get("progress")
    assert len(progress) == 1 and f"Projected: {figures['projected']}" in progress[0].proto.text.replace("\\", "")
    assert len(charts(app)) == 1

    app.chat_input[0].set_value("Anything unusual in June 2025?").run()
    unusual = app.dataframe[-1].value
    assert list(unusual.columns) == ["Series", "Actual", "Expected", "How unusual (z)"]
    assert unusual.iloc[0]["Series"] == "APAC (region)"

    app.chat_input[0].set_value("Revenue and margin by region in 2024").run()
    assert list(app.dataframe[-1].value.columns) == ["", "Revenue", "Gross margin"]

    app.chat_input[0].set_value("Bookings by region in 2024").run()
    captions = [c.value for c in app.caption]
    assert any("Measure: Bookings" in c for c in captions)

    app.chat_input[0].set_value("Sales of runner in 2024").run()
    assert button(app, "Trail Runner")
    assert fake.asked()[-1] == "Sales of runner in 2024"
