"""WebSocket tickets at the service level: bound, single use under races, stored only as a hash."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from chat import services
from chat.errors import ConversationNotFound, TicketForbidden, TicketRefused
from chat.models import TicketItem
from chat.tickets import TICKET_TTL_SECONDS, consume_ticket, issue_ticket
from tenants.storage import bind


def test_a_ticket_names_its_tenant_user_and_conversation(tenant):
    conversation = services.create_conversation(tenant=tenant).id
    ticket, expires_in = issue_ticket(tenant=tenant, conversation_id=conversation)
    assert expires_in == TICKET_TTL_SECONDS <= 60
    grant = consume_ticket(ticket=ticket, conversation_id=conversation)
    assert grant.conversation_id == conversation
    assert (grant.tenant.tenant_id, grant.tenant.email) == ("acme", tenant.email)


def test_only_the_hash_is_stored_with_a_ttl(tenant):
    conversation = services.create_conversation(tenant=tenant).id
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)
    Ticket = bind(TicketItem, tenant=tenant)
    stored = [item.attribute_values for item in Ticket.scan(Ticket.pk.startswith("WSTICKET#"))]
    assert len(stored) == 1 and ticket.split(".", 1)[1] not in repr(stored)
    assert stored[0]["expires_at"] > 0


def test_racing_sockets_share_one_ticket_and_exactly_one_wins(tenant):
    conversation = services.create_conversation(tenant=tenant).id
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)

    def attempt(_):
        try:
            consume_ticket(ticket=ticket, conversation_id=conversation)
            return "granted"
        except TicketRefused:
            return "refused"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(attempt, range(6)))
    assert sorted(outcomes) == ["granted"] + ["refused"] * 5


def test_a_ticket_for_one_conversation_does_not_open_another(tenant):
    first, second = (services.create_conversation(tenant=tenant).id for _ in range(2))
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=first)
    with pytest.raises(TicketForbidden):
        consume_ticket(ticket=ticket, conversation_id=second)


def test_no_ticket_for_a_conversation_you_cannot_see(tenant, make_tenant):
    conversation = services.create_conversation(tenant=tenant).id
    with pytest.raises(ConversationNotFound):
        issue_ticket(tenant=make_tenant("globex"), conversation_id=conversation)
