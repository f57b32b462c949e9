from collections.abc import Iterator

import pytest

from tests.webapp import fake_api, real_answers

_REAL: dict = {}


@pytest.fixture
def fake() -> Iterator[fake_api.FakeApi]:
    with fake_api.running() as api:
        yield api


@pytest.fixture
def real(make_tenant) -> dict:
    """The real engine's answers to ``real_answers.QUESTIONS`` and the company's model (computed once)."""
    if not _REAL:
        tenant = real_answers.company(make_tenant("acme", name="Acme Outdoor"))
        _REAL.update(answers=real_answers.answers(tenant), model=real_answers.model(tenant))
    return _REAL
