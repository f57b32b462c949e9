"""The comment cap holds under concurrency: the insight's counter moves in the same transaction as each
comment's put or delete, so racing adds cannot both pass a check; insights pinned before the counter count
their real comments."""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from pynamodb.exceptions import CancellationReason, TransactWriteError, VerboseClientError
from pynamodb.transactions import TransactWrite

from chat import services as chat_services
from collab import services
from collab.errors import CommentNotFound, TooManyComments
from collab.models import INSIGHTS_PK, CommentItem, InsightItem, comment_sk, comments_pk, insight_sk
from collab.selectors import MAX_COMMENTS_PER_INSIGHT, comment_count, list_comments
from collab.services import COMMENT_WRITE_ATTEMPTS, add_comment, delete_comment, pin_insight
from core.errors import StorageUnavailable
from core.ids import new_id
from tenants.context import TenantContext
from tenants.storage import bind

RACERS = 10


@pytest.fixture
def atomic_engine(dynamodb_server) -> None:
    # moto (the fallback without DynamoDB Local) does not isolate concurrent transactions: a race there
    # measures moto, not this code.
    if dynamodb_server.engine == "moto":
        pytest.skip("moto does not isolate concurrent transactions; the race needs DynamoDB Local")


@pytest.fixture
def insight_id(tenant: TenantContext) -> str:
    conversation = chat_services.create_conversation(tenant=tenant, title="August")
    answer = chat_services.append_message(
        tenant=tenant, conversation_id=conversation.id, sender="assistant", text="Revenue was $1.23K.",
        context={"conversation": conversation.id, "narrative": "Revenue was $1.23K.", "result": {"value": 1}},
    )
    return pin_insight(tenant=tenant, conversation_id=conversation.id, message_id=answer.id).id


def _seed(*, tenant: TenantContext, insight_id: str, comments: int, counter: bool) -> None:
    """``comments`` comments written directly; the counter set to match, or removed as on an insight pinned
    before the counter existed."""
    Comment = bind(CommentItem, tenant=tenant)
    with Comment.batch_write() as batch:
        for n in range(comments):
            comment_id = new_id("cm")
            batch.save(Comment(comments_pk(insight_id), comment_sk(comment_id), id=comment_id, insight_id=insight_id,
                               author_id="seed", author_name="seed", text=f"seed {n}", created_at="2025-01-01",
                               updated_at="2025-01-01"))
    Insight = bind(InsightItem, tenant=tenant)
    key = Insight(INSIGHTS_PK, insight_sk(insight_id))
    key.update(actions=[Insight.comment_count.set(comments) if counter else Insight.comment_count.remove()])


def _counter(*, tenant: TenantContext, insight_id: str) -> int | None:
    Insight = bind(InsightItem, tenant=tenant)
    return Insight.get(INSIGHTS_PK, insight_sk(insight_id), consistent_read=True).comment_count


def _race(call: Callable[[], object]) -> Counter[str]:
    """``call`` from RACERS threads released together; how many ended each way."""
    start = threading.Barrier(RACERS)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def run() -> None:
        start.wait()
        try:
            call()
            outcome = "done"
        except Exception as exc:  # every outcome is counted; the test says which are allowed
            outcome = type(exc).__name__
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=run) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_a_new_insight_counts_its_comments(tenant, insight_id):
    assert _counter(tenant=tenant, insight_id=insight_id) == 0
    comment = add_comment(tenant=tenant, insight_id=insight_id, text="One")
    add_comment(tenant=tenant, insight_id=insight_id, text="Two")
    assert _counter(tenant=tenant, insight_id=insight_id) == 2
    delete_comment(tenant=tenant, insight_id=insight_id, comment_id=comment.id)
    assert _counter(tenant=tenant, insight_id=insight_id) == 1
    assert [c.text for c in list_comments(tenant=tenant, insight_id=insight_id)] == ["Two"]


@pytest.mark.parametrize("counter", [True, False], ids=["counted", "pinned-before-the-counter"])
def test_racing_adds_fill_the_last_places_and_no_more(atomic_engine, tenant, insight_id, counter):
    free = 2 if counter else 1
    _seed(tenant=tenant, insight_id=insight_id, comments=MAX_COMMENTS_PER_INSIGHT - free, counter=counter)
    outcomes = _race(lambda: add_comment(tenant=tenant, insight_id=insight_id, text="me too"))
    assert outcomes == {"done": free, TooManyComments.__name__: RACERS - free}
    assert comment_count(tenant=tenant, insight_id=insight_id) == MAX_COMMENTS_PER_INSIGHT
    assert _counter(tenant=tenant, insight_id=insight_id) == MAX_COMMENTS_PER_INSIGHT


def test_racing_deletes_of_one_comment_free_one_place(atomic_engine, tenant, insight_id):
    add_comment(tenant=tenant, insight_id=insight_id, text="kept")
    doomed = add_comment(tenant=tenant, insight_id=insight_id, text="doomed")
    outcomes = _race(lambda: delete_comment(tenant=tenant, insight_id=insight_id, comment_id=doomed.id))
    assert outcomes == {"done": 1, CommentNotFound.__name__: RACERS - 1}
    assert _counter(tenant=tenant, insight_id=insight_id) == 1
    assert [c.text for c in list_comments(tenant=tenant, insight_id=insight_id)] == ["kept"]


def test_a_full_insight_refuses_with_the_same_409_until_a_delete_frees_a_place(tenant, insight_id, api_client_for):
    _seed(tenant=tenant, insight_id=insight_id, comments=MAX_COMMENTS_PER_INSIGHT - 1, counter=True)
    ann = api_client_for(tenant, email="ann@acme.example")
    url = f"/api/insights/{insight_id}/comments/"
    last = ann.post(url, {"text": "the last place"}, format="json")
    assert last.status_code == 201, last.content
    refused = ann.post(url, {"text": "one too many"}, format="json")
    assert refused.status_code == 409
    assert refused.json() == {"error": {
        "code": "too_many_comments",
        "message": f"An insight holds at most {MAX_COMMENTS_PER_INSIGHT} comments; delete one to add another.",
    }}
    assert ann.delete(f"{url}{last.json()['id']}/").status_code == 204
    assert ann.post(url, {"text": "in its place"}, format="json").status_code == 201
    assert _counter(tenant=tenant, insight_id=insight_id) == MAX_COMMENTS_PER_INSIGHT
    assert comment_count(tenant=tenant, insight_id=insight_id) == MAX_COMMENTS_PER_INSIGHT


def test_an_insight_pinned_before_the_counter_counts_its_real_comments(tenant, insight_id):
    _seed(tenant=tenant, insight_id=insight_id, comments=3, counter=False)
    assert _counter(tenant=tenant, insight_id=insight_id) is None
    comment = add_comment(tenant=tenant, insight_id=insight_id, text="a fourth")
    assert _counter(tenant=tenant, insight_id=insight_id) == 4
    delete_comment(tenant=tenant, insight_id=insight_id, comment_id=comment.id)
    assert _counter(tenant=tenant, insight_id=insight_id) == 3
    assert len(list_comments(tenant=tenant, insight_id=insight_id)) == 3


def test_a_delete_is_the_first_write_on_an_insight_pinned_before_the_counter(tenant, insight_id):
    own = add_comment(tenant=tenant, insight_id=insight_id, text="mine")
    _seed(tenant=tenant, insight_id=insight_id, comments=2, counter=False)
    delete_comment(tenant=tenant, insight_id=insight_id, comment_id=own.id)
    assert _counter(tenant=tenant, insight_id=insight_id) == 2


def test_an_insight_over_the_cap_from_before_stays_refused_until_below_it(tenant, insight_id):
    # Earlier racing writers could pass the cap; the counter starts from every comment, not from the bound.
    own = add_comment(tenant=tenant, insight_id=insight_id, text="mine")
    _seed(tenant=tenant, insight_id=insight_id, comments=MAX_COMMENTS_PER_INSIGHT + 1, counter=False)
    delete_comment(tenant=tenant, insight_id=insight_id, comment_id=own.id)
    assert _counter(tenant=tenant, insight_id=insight_id) == MAX_COMMENTS_PER_INSIGHT + 1
    with pytest.raises(TooManyComments):
        add_comment(tenant=tenant, insight_id=insight_id, text="over")
    assert comment_count(tenant=tenant, insight_id=insight_id) == MAX_COMMENTS_PER_INSIGHT + 1


def _conflicting(monkeypatch, *, times: int) -> list[int]:
    """The next ``times`` transactions are cancelled as DynamoDB cancels one that met another on the same item
    (DynamoDB Local serialises transactions, so a real race there never shows it)."""
    monkeypatch.setattr(services, "COMMENT_WRITE_BACKOFF_SECONDS", 0.0)
    commit = TransactWrite._commit
    calls: list[int] = []

    def conflicted(self: TransactWrite) -> object:
        calls.append(1)
        if len(calls) > times:
            return commit(self)
        cause = VerboseClientError(
            {"Error": {"Code": "TransactionCanceledException", "Message": "conflict"}}, "TransactWriteItems",
            cancellation_reasons=[None, CancellationReason(code="TransactionConflict")],
        )
        raise TransactWriteError("Failed to write transaction items", cause)

    monkeypatch.setattr(TransactWrite, "_commit", conflicted)
    return calls


def test_a_conflicting_write_is_tried_again_not_taken_for_the_cap(tenant, insight_id, monkeypatch):
    calls = _conflicting(monkeypatch, times=2)
    comment = add_comment(tenant=tenant, insight_id=insight_id, text="third time")
    assert len(calls) == 3 and _counter(tenant=tenant, insight_id=insight_id) == 1
    calls.clear()
    delete_comment(tenant=tenant, insight_id=insight_id, comment_id=comment.id)
    assert len(calls) == 3 and _counter(tenant=tenant, insight_id=insight_id) == 0


def test_writes_that_keep_conflicting_are_storage_unavailable(tenant, insight_id, monkeypatch):
    calls = _conflicting(monkeypatch, times=COMMENT_WRITE_ATTEMPTS)
    with pytest.raises(StorageUnavailable):
        add_comment(tenant=tenant, insight_id=insight_id, text="never")
    assert len(calls) == COMMENT_WRITE_ATTEMPTS and comment_count(tenant=tenant, insight_id=insight_id) == 0
