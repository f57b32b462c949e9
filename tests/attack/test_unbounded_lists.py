"""Lists an attacker can grow with a valid token and that are read whole, without pages: an insight's
comments, which its team's comment list and every view of its public link read. Growing one is refused
past its bound (in the envelope), and items written past it anyway (two writers racing) are never read.
"""
from __future__ import annotations

import pytest

from collab.models import CommentItem, comment_sk, comments_pk
from collab.selectors import MAX_COMMENTS_PER_INSIGHT
from collab.services import add_comment, pin_insight, share_insight
from core.ids import new_id
from tenants.storage import bind
from tests.attack.conftest import token_headers
from tests.attack.test_hostile_text import answered_conversation

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_insight(make_tenant):
    """An insight holding as many comments as it may, and its live public link."""
    tenant = make_tenant("chatty-co")
    conversation, message, _ = answered_conversation(tenant, title="chatty")
    insight = pin_insight(tenant=tenant, conversation_id=conversation, message_id=message, title="busy")
    for n in range(MAX_COMMENTS_PER_INSIGHT - 1):
        add_comment(tenant=tenant, insight_id=insight.id, text=f"comment {n}")
    token, _ = share_insight(tenant=tenant, insight_id=insight.id)
    return tenant, insight.id, token


def test_an_insight_takes_comments_up_to_its_bound_then_refuses_them(prober, full_insight):
    tenant, insight, _ = full_insight
    path = f"/api/insights/{insight}/comments/"
    last = prober.send(category="unbounded lists: comments", method="POST", path=path,
                       headers=token_headers(tenant), body={"text": "the last one"}, success_is_leak=False)
    assert last.status == 201, last
    for n in range(3):
        refused = prober.send(category="unbounded lists: comments", method="POST", path=path,
                              headers=token_headers(tenant), body={"text": f"one too many {n}"})
        assert refused.status == 409, refused
    answer = prober.client.post(path, data={"text": "again"}, content_type="application/json",
                                headers=token_headers(tenant)).json()
    assert answer["error"]["code"] == "too_many_comments"
    assert str(MAX_COMMENTS_PER_INSIGHT) in answer["error"]["message"]
    listed = prober.client.get(path, headers=token_headers(tenant)).json()["results"]
    assert len(listed) == MAX_COMMENTS_PER_INSIGHT
    assert listed[-1]["text"] == "the last one"
    assert prober.failures() == []


def test_comments_written_past_the_bound_are_never_read(prober, full_insight):
    tenant, insight, token = full_insight
    Comment = bind(CommentItem, tenant=tenant)
    for n in range(25):  # as if writers raced past the check: stored, but no read may grow with them
        comment_id = new_id("cm")
        Comment(comments_pk(insight), comment_sk(comment_id), id=comment_id, insight_id=insight, author_id="x",
                author_email="x@chatty-co.example", author_name="X", text=f"raced {n}",
                created_at="2026-01-01T00:00:00+00:00", updated_at="2026-01-01T00:00:00+00:00").save()
    team = prober.client.get(f"/api/insights/{insight}/comments/", headers=token_headers(tenant))
    public = prober.client.get(f"/api/share/{token}")
    assert team.status_code == public.status_code == 200
    assert len(team.json()["results"]) == MAX_COMMENTS_PER_INSIGHT
    assert len(public.json()["comments"]) == MAX_COMMENTS_PER_INSIGHT
    page = prober.client.get(f"/share/{token}")
    assert page.status_code == 200 and b"raced 24" not in page.content
