"""SalesTalk in Streamlit: sign in, pick or start a conversation, ask, and read each answer with its chart.

It talks to the SalesTalk API only over HTTP (``SALESTALK_API_URL``), so it runs anywhere that can reach it.
"""
from __future__ import annotations

import os
import re
from typing import Any

import streamlit as st

from webapp.answers import (
    SENTIMENT_BADGES,
    chart,
    chips,
    follow_ups,
    growth_table,
    headline,
    measure_labels,
    measures_table,
    pace_figures,
    unusual_list,
)
from webapp.client import ApiError, SalesTalkClient
from webapp.upload import upload_dataset

state = st.session_state


def api() -> SalesTalkClient:
    if "client" not in state:
        state.client = SalesTalkClient(base_url=os.environ.get("SALESTALK_API_URL", "http://127.0.0.1:8000"))
    return state.client


def plain(text: str) -> str:
    """Markdown-safe text: Streamlit would read "$1.2M … $3M" as LaTeX."""
    return text.replace("\\", "\\\\").replace("$", "\\$")


MARKDOWN_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def user_text(text: str) -> str:
    """What a person typed (questions, comments, titles), shown exactly as typed: every ASCII punctuation
    character escaped, so no markdown (images, links, HTML, LaTeX) in it is ever rendered."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", text)


def report(exc: ApiError) -> None:
    if exc.code == "signed_out":
        for key in list(state.keys()):
            del state[key]
    state.error = str(exc)


def show_error() -> None:
    if state.get("error"):
        st.error(state.pop("error"))


# --- sign-in ---------------------------------------------------------------------------------------------


def sign_in_page() -> None:
    st.title("SalesTalk")
    st.caption("Ask about your company's performance. Every number is computed from your data.")
    show_error()
    with st.form("sign-in"):
        email = st.text_input("Email", autocomplete="email")
        password = st.text_input("Password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            api().sign_in(email=email.strip().lower(), password=password)
        except ApiError as exc:
            st.error(str(exc) or "Could not sign in.")
            return
        st.rerun()


# --- data held for the session ----------------------------------------------------------------------------


def load_conversations() -> None:
    state.conversations = api().conversations(limit=30)["results"]


def load_insights() -> None:
    state.insights = {item["message"]: item for item in api().insights(limit=100)["results"]}


def load_model() -> None:
    try:
        model = api().model()
    except ApiError:
        model = {}  # No dataset yet: follow-ups simply do not offer a breakdown.
    state.dimensions = list(model.get("dimensions", {}))
    state.labels = measure_labels(model)


def open_conversation(conversation_id: str | None) -> None:
    state.current = conversation_id
    state.messages = []
    state.open_comments = None
    if conversation_id:
        page = api().messages(conversation_id=conversation_id, limit=100)["results"]
        state.messages = sorted(page, key=lambda m: m["seq"])


def ask(question: str) -> None:
    question = question.strip()
    if not question:
        return
    if not state.current:
        created = api().create_conversation(title=question[:120])
        state.conversations.insert(0, created)
        open_conversation(created["id"])
    outcome = api().ask(conversation_id=state.current, text=question)
    state.messages.extend([outcome["user_message"], outcome["assistant_message"]])


def pin(message: dict[str, Any]) -> dict[str, Any]:
    insight = state.insights.get(message["id"])
    if insight is None:
        insight = api().pin(conversation_id=message["conversation"], message_id=message["id"])
        state.insights[message["id"]] = insight
    return insight


# --- the page ------------------------------------------------------------------------------------------


def upload_panel() -> None:
    """A dataset upload through the same endpoints as the data page, with its progress."""
    st.subheader("Your data")
    file = st.file_uploader("Dataset (CSV, Excel or Parquet)", type=["csv", "xlsx", "parquet"], key="dataset-file")
    if file is None or not st.button("Import", key="import-dataset", width="stretch"):
        return
    bar = st.progress(0.0, text="Uploading…")

    def show(phase: str, fraction: float) -> None:
        bar.progress(min(1.0, fraction), text=f"{'Uploading' if phase == 'upload' else 'Importing'}… {fraction:.0%}")

    job = upload_dataset(client=api(), filename=file.name, data=file.getvalue(), on_progress=show)
    if job["status"] == "done":
        st.success(f"Imported {job['result']['rows']:,} rows. {job['result'].get('note') or ''}".strip())
        load_model()
    else:
        st.error(plain(job["error"]["message"]))


def sidebar() -> None:
    with st.sidebar:
        st.markdown("**SalesTalk**")
        st.caption(api().tokens.email)
        if st.button("+ New conversation", width="stretch", type="primary"):
            open_conversation(None)
        st.subheader("Conversations")
        if not state.conversations:
            st.caption("No conversations yet.")
        for conversation in state.conversations:
            current = conversation["id"] == state.current
            if st.button(user_text(conversation["title"]), key=f"conversation-{conversation['id']}", width="stretch",
                         type="secondary", disabled=current):
                open_conversation(conversation["id"])
                st.rerun()
        st.subheader("Pinned insights")
        if not state.insights:
            st.caption("Pin an answer to keep it here.")
        for insight in state.insights.values():
            st.caption(f"★ {user_text(insight['title'])}")
        upload_panel()
        st.divider()
        if st.button("Sign out", width="stretch"):
            for key in list(state.keys()):
                del state[key]
            st.rerun()


def answer_actions(message: dict[str, Any]) -> None:
    insight = state.insights.get(message["id"])
    pin_col, share_col, comment_col, _ = st.columns([1, 1, 1.3, 3])
    if pin_col.button("★ Pinned" if insight else "☆ Pin", key=f"pin-{message['id']}", disabled=bool(insight)):
        pin(message)
        st.rerun()
    if share_col.button("Share", key=f"share-{message['id']}"):
        link = api().share(insight_id=pin(message)["id"])
        state.setdefault("links", {})[message["id"]] = link
    if comment_col.button("Comments", key=f"comments-{message['id']}"):
        state.open_comments = None if state.get("open_comments") == message["id"] else message["id"]
    link = state.get("links", {}).get(message["id"])
    if link:
        st.code(link["url"], language=None)
        st.caption(f"Anyone with this link can read this answer until {link['expires_at'][:10]}.")
    if state.get("open_comments") == message["id"]:
        comments_panel(message)


def comments_panel(message: dict[str, Any]) -> None:
    insight = pin(message)
    comments = api().comments(insight_id=insight["id"])["results"]
    if not comments:
        st.caption("No comments yet.")
    for comment in comments:
        st.markdown(f"**{user_text(comment['author'])}** {user_text(comment['text'])}")
    with st.form(f"comment-{message['id']}", clear_on_submit=True):
        text = st.text_input("Add a comment", key=f"comment-text-{message['id']}")
        if st.form_submit_button("Post") and text.strip():
            api().add_comment(insight_id=insight["id"], text=text.strip())
            st.rerun()


def question_before(message: dict[str, Any]) -> str | None:
    asked = [m["text"] for m in state.messages if m["sender"] == "user" and m["seq"] < message["seq"]]
    return asked[-1] if asked else None


def table(rows: list[dict[str, str]]) -> None:
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")


def show_answer(message: dict[str, Any], *, last: bool) -> None:
    answer = message.get("context")
    if not answer:
        st.markdown(plain(message["text"]))
        return
    u = answer.get("understanding") or {}
    lead = headline(answer)
    if lead:
        direction = ((answer.get("display") or {}).get("measure") or {}).get("direction")
        st.metric(lead[0], lead[1], delta=lead[2] if lead[2] not in (None, "n/a") else None,
                  delta_color="inverse" if direction == "bad" else "normal")
    st.markdown(plain(answer.get("narrative") or message["text"]))
    labels = chips(answer, labels=state.get("labels", {}))
    if labels:
        lead_in = "Understood so far: " if u.get("intent") == "clarify" else ""
        st.caption(lead_in + " · ".join(plain(label) for label in labels))
    badge = SENTIMENT_BADGES.get(answer.get("sentiment"))
    if badge and u.get("intent") in ("compare", "drivers", "summary", "trend", "pace"):
        st.badge(badge[0], color=badge[1])
    pace = pace_figures(answer)
    if pace:
        st.progress(min(1.0, max(0.0, (answer["result"]["pct_of_target"] or 0) / 100)),
                    text=plain(" · ".join(f"{name}: {text}" for name, text in pace.items())))
    figure = chart(answer)
    if figure is not None:
        st.altair_chart(figure, width="stretch")
    table(measures_table(answer))
    table(growth_table(answer))
    table(unusual_list(answer))
    if u.get("intent") not in ("clarify", "out_of_scope"):
        answer_actions(message)
    if last:
        suggestions = follow_ups(answer, question=question_before(message), dimensions=state.get("dimensions", []))
        if suggestions:
            columns = st.columns(len(suggestions))
            for index, (column, suggestion) in enumerate(zip(columns, suggestions, strict=True)):
                if column.button(suggestion.label, key=f"follow-{message['id']}-{index}"):
                    state.pending = suggestion.question


def chat_page() -> None:
    if "conversations" not in state:
        load_conversations()
        load_insights()
        load_model()
        open_conversation(None)
    sidebar()
    title = next((c["title"] for c in state.conversations if c["id"] == state.current), "New conversation")
    st.title(user_text(title))
    show_error()
    if not state.messages:
        st.info('Ask in plain words, e.g. "Revenue by region last quarter" or "How are we doing?". '
                'Follow-ups like "and in EMEA?" or "why?" build on the last answer.')
    last_answer = max((m["seq"] for m in state.messages if m["sender"] == "assistant"), default=None)
    for message in state.messages:
        if message["sender"] == "assistant":
            with st.chat_message("assistant"):
                show_answer(message, last=message["seq"] == last_answer)
        else:
            st.chat_message("user").markdown(user_text(message["text"]))
    typed = st.chat_input("Ask about revenue, margin, orders…")
    question = typed or state.pop("pending", None)
    if question:
        with st.spinner("Working it out…"):
            try:
                ask(question)
            except ApiError as exc:
                report(exc)
        st.rerun()


def main() -> None:
    st.set_page_config(page_title="SalesTalk", page_icon="📈", layout="wide")
    try:
        if api().tokens is None:
            sign_in_page()
        else:
            chat_page()
    except ApiError as exc:
        report(exc)
        if exc.code == "signed_out":
            st.rerun()
        show_error()


main()
