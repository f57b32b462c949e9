"""The chat page in real headless Chromium against a real daphne: sign in, ask, chart, pin, comment, share,
and a second page that sees answers arrive live over the WebSocket."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# Generous: the machine may be busy with other test workers; a wait ends as soon as the page is ready.
TIMEOUT_MS = 60_000


def sign_in(page, site) -> None:
    page.goto(f"{site.url}/")
    page.get_by_label("Email").fill(site.email)
    page.get_by_label("Password").fill(site.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site.url}/")
    page.get_by_label("Ask a question").wait_for()


def ask(page, question: str) -> None:
    box = page.get_by_label("Ask a question")
    box.fill(question)
    box.press("Enter")


def last_answer(page):
    return page.locator("article.msg.assistant").last


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def test_sign_in_ask_pin_comment_and_share(site, browser, context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{site.url}/login/")
    page.get_by_label("Email").fill(site.email)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text() == "Wrong email or password."

    sign_in(page, site)
    assert page.get_by_text("What would you like to know?").is_visible()
    ask(page, "Revenue by region in 2024")

    answer = last_answer(page)
    answer.wait_for()
    assert "EMEA" in answer.locator(".narrative").inner_text()
    chips = answer.locator(".chip").all_inner_texts()
    assert "Measure Revenue" in [re.sub(r"\s+", " ", c) for c in chips]
    assert "Period 2024" in [re.sub(r"\s+", " ", c) for c in chips]
    bars = answer.locator("svg.bar-chart rect.bar")
    assert bars.count() == 3
    labels = answer.locator("svg.bar-chart text.bar-label").all_text_contents()
    assert labels == ["EMEA", "Americas", "APAC"]
    assert page.get_by_role("heading", level=1).inner_text() == "Revenue by region in 2024"
    assert page.locator("#conversation-list button").count() == 1

    answer.get_by_role("button", name="☆ Pin").click()
    last_answer(page).get_by_role("button", name="★ Pinned").wait_for()
    page.locator("#pinned-list button").first.wait_for()

    last_answer(page).get_by_role("button", name="Comment").click()
    comment_box = last_answer(page).get_by_label("Comment", exact=True)
    comment_box.fill("APAC needs a plan")
    comment_box.press("Enter")
    last_answer(page).locator(".comments li", has_text="APAC needs a plan").wait_for()

    last_answer(page).get_by_role("button", name="Share").click()
    link = last_answer(page).get_by_label("Share link")
    link.wait_for()
    url = link.input_value()
    assert url.startswith(f"{site.url}/share/")

    stranger = browser.new_context()
    try:
        shared = stranger.new_page()
        shared.goto(url)
        assert shared.get_by_role("heading", level=1).inner_text()
        assert "EMEA" in shared.locator(".narrative").inner_text()
        assert shared.locator("svg.bar-chart rect.bar").count() == 3
        assert "APAC needs a plan" in shared.locator(".comments").inner_text()
        assert shared.get_by_label("Ask a question").count() == 0
    finally:
        stranger.close()
    assert errors == []


def test_a_second_page_sees_the_question_and_answer_arrive_live(site, context):
    first = context.new_page()
    sign_in(first, site)
    ask(first, "Revenue by region in 2024")
    last_answer(first).wait_for()
    conversation_url = first.url
    assert "?c=c_" in conversation_url

    second = context.new_page()
    second.goto(conversation_url)
    second.locator("#live-status.live").wait_for()
    first.locator("#live-status.live").wait_for()
    assert second.locator("article.msg.assistant").count() == 1

    ask(first, "Monthly revenue in 2024")
    second.locator("article.msg.assistant").nth(1).wait_for()
    second.locator(".msg.user", has_text="Monthly revenue in 2024").wait_for()
    trend = second.locator("article.msg.assistant").nth(1)
    assert trend.locator("svg.line-chart path.line").count() == 1
    assert trend.locator("svg.line-chart circle.dot").count() == 12
    assert second.locator(".msg.user").count() == 2


def test_a_clarification_offers_suggestions_that_ask_again(site, context):
    page = context.new_page()
    sign_in(page, site)
    ask(page, "Sales of runner in 2024")
    clarify = page.locator("article.msg.assistant.clarify")
    clarify.wait_for()
    assert clarify.get_by_role("button", name="☆ Pin").count() == 0
    clarify.get_by_role("button", name="Trail Runner").click()
    page.locator(".msg.user", has_text="Sales of Trail Runner in 2024").wait_for()
    answered = page.locator("article.msg.assistant").nth(1)
    answered.wait_for()
    assert "Trail Runner" in answered.locator(".chips").inner_text()
    assert page.locator("#live-status").inner_text() == "live"
