"""Conversations and messages in the tenant table: order, pagination, isolation, concurrent writers."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from chat import selectors, services
from chat.errors import ConversationNotFound, MessageNotFound
from core.pagination import InvalidCursor


def append(tenant, conversation_id, text, sender="user", **kwargs):
    return services.append_message(tenant=tenant, conversation_id=conversation_id, sender=sender, text=text, **kwargs)


def test_conversations_list_newest_first_in_pages(tenant):
    made = [services.create_conversation(tenant=tenant, title=f"c{n}").id for n in range(5)]
    first, cursor = selectors.list_conversations(tenant=tenant, limit=2)
    second, cursor2 = selectors.list_conversations(tenant=tenant, limit=2, before=cursor)
    third, cursor3 = selectors.list_conversations(tenant=tenant, limit=2, before=cursor2)
    assert [c.id for c in first + second + third] == made[::-1]
    assert cursor3 is None
    assert [c.title for c in first] == ["c4", "c3"]


def test_a_malformed_cursor_is_refused(tenant):
    with pytest.raises(InvalidCursor):
        selectors.list_conversations(tenant=tenant, before="CONV#zzz")


def test_messages_keep_their_fields_and_list_newest_first_in_pages(tenant):
    conversation = services.create_conversation(tenant=tenant, title="t", created_by="ann@acme.example")
    for n in range(5):
        append(tenant, conversation.id, f"q{n}", metadata={"session": "s1", "author": "ann", "tags": ["x"]})
    page, cursor = selectors.list_messages(tenant=tenant, conversation_id=conversation.id, limit=3)
    rest, end = selectors.list_messages(tenant=tenant, conversation_id=conversation.id, limit=3, before_seq=cursor)
    assert [m.text for m in page] == ["q4", "q3", "q2"] and cursor == 3
    assert [m.text for m in rest] == ["q1", "q0"] and end is None
    message = selectors.message_json(page[0])
    assert message["seq"] == 5 and message["sender"] == "user" and message["conversation"] == conversation.id
    assert message["metadata"] == {"session": "s1", "author": "ann", "tags": ["x"]}
    assert message["timestamp"] and message["id"].startswith("m_")
    refreshed = selectors.get_conversation(tenant=tenant, conversation_id=conversation.id)
    assert selectors.conversation_json(refreshed)["message_count"] == 5


def test_assistant_messages_carry_the_answer_object_as_context(tenant):
    conversation = services.create_conversation(tenant=tenant)
    answer = {"conversation": conversation.id, "narrative": "Revenue was $1.", "result": {"value": 1.5, "rows": []}}
    stored = append(tenant, conversation.id, "Revenue was $1.", sender="assistant", context=answer)
    found = selectors.get_message(tenant=tenant, conversation_id=conversation.id, message_id=stored.id)
    assert found.context == answer and found.sender == "assistant"


def test_concurrent_writers_lose_and_reorder_nothing(tenant):
    conversation = services.create_conversation(tenant=tenant)
    texts = [f"w{writer}-{n}" for writer in range(4) for n in range(10)]

    def write(writer):
        return [append(tenant, conversation.id, f"w{writer}-{n}").seq for n in range(10)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        seqs_by_writer = list(pool.map(write, range(4)))

    stored, _ = selectors.list_messages(tenant=tenant, conversation_id=conversation.id, limit=100)
    assert sorted(m.text for m in stored) == sorted(texts)
    assert sorted(int(m.seq) for m in stored) == list(range(1, 41))
    by_seq = {int(m.seq): m.text for m in stored}
    for writer, seqs in enumerate(seqs_by_writer):
        # Each writer's own messages appear in the order it wrote them.
        assert seqs == sorted(seqs)
        assert [by_seq[s] for s in seqs] == [f"w{writer}-{n}" for n in range(10)]
    refreshed = selectors.get_conversation(tenant=tenant, conversation_id=conversation.id)
    assert refreshed.message_count == 40


def test_rename_and_delete(tenant):
    conversation = services.create_conversation(tenant=tenant, title="old")
    append(tenant, conversation.id, "hello")
    renamed = services.rename_conversation(tenant=tenant, conversation_id=conversation.id, title="  new   name ")
    assert renamed.title == "new name"
    services.delete_conversation(tenant=tenant, conversation_id=conversation.id)
    with pytest.raises(ConversationNotFound):
        selectors.get_conversation(tenant=tenant, conversation_id=conversation.id)
    with pytest.raises(ConversationNotFound):
        append(tenant, conversation.id, "too late")
    assert selectors.list_conversations(tenant=tenant) == ([], None)


def test_another_tenants_conversation_does_not_exist_for_you(tenant, make_tenant):
    other = make_tenant("globex")
    conversation = services.create_conversation(tenant=tenant)
    message = append(tenant, conversation.id, "secret")
    with pytest.raises(ConversationNotFound):
        selectors.get_conversation(tenant=other, conversation_id=conversation.id)
    with pytest.raises(ConversationNotFound):
        append(other, conversation.id, "intrusion")
    with pytest.raises(ConversationNotFound):
        selectors.get_message(tenant=other, conversation_id=conversation.id, message_id=message.id)
    assert selectors.list_conversations(tenant=other) == ([], None)


def test_unknown_and_malformed_ids_are_not_found(tenant):
    conversation = services.create_conversation(tenant=tenant)
    for bad in ("nope", "c_" + "0" * 24, "", "CONV#x"):
        with pytest.raises(ConversationNotFound):
            selectors.get_conversation(tenant=tenant, conversation_id=bad)
    with pytest.raises(MessageNotFound):
        selectors.get_message(tenant=tenant, conversation_id=conversation.id, message_id="m_" + "0" * 24)
