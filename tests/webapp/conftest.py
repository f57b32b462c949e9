from collections.abc import Iterator

import pytest

from tests.webapp import fake_api


@pytest.fixture
def fake() -> Iterator[fake_api.FakeApi]:
    with fake_api.running() as api:
        yield api
