"""A follow-up after a clarify builds on what the clarify understood (contract v2, "Follow-ups": a follow-up
inherits whatever it does not say): "revenue in Mars in July 2025?" is asked back, and "sorry, meant EMEA" is
EMEA's revenue in July 2025. A clarify that understood nothing leaves the answer before as the context."""
from datetime import date

import pytest

from chat import services

AS_OF = date(2025, 9, 15)


def conversation(tenant, *texts: str) -> list[dict]:
    out, conversation_id = [], None
    for text in texts:
        outcome = services.ask(tenant=tenant, conversation_id=conversation_id, text=text, as_of=AS_OF)
        conversation_id = outcome.conversation_id
        out.append(outcome.answer)
    return out


@pytest.mark.parametrize("correction", ["sorry, meant EMEA", "i meant emea", "no, EMEA"])
def test_a_correction_after_a_clarify_completes_the_question_understood(dataset, correction):
    asked_back, answer = conversation(dataset, "What was revenue in Mars in July 2025?", correction)
    assert asked_back["understanding"]["intent"] == "clarify"
    got = answer["understanding"]
    assert (got["intent"], got["measure"], got["time"]["start"]) == ("value", "revenue", "2025-07-01")
    assert answer["result"]["value"] == pytest.approx(100.5)


def test_a_clarify_that_understood_nothing_keeps_the_answer_before(dataset):
    *_, answer = conversation(dataset, "units in July 2025", "and in mars?", "i meant emea")
    got = answer["understanding"]
    assert (got["measure"], got["time"]["start"], got["subject"]["value"]) == ("units", "2025-07-01", "EMEA")
    assert answer["result"]["value"] == pytest.approx(3)


def test_a_correction_with_nothing_before_asks_back(dataset):
    _, answer = conversation(dataset, "write me a poem about sales", "sorry, meant emea")
    assert answer["understanding"]["intent"] == "clarify"
