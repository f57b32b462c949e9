"""Rows in key order are not cut in SQL: one LIMIT over the statement still refuses any spec with too many rows."""
from __future__ import annotations

from datetime import date

import pytest

from metrics.errors import InvalidQuery
from metrics.selectors import QuerySpec, query_many
from metrics.tests.conftest import sparse_csv

MARCH = {"start": date(2024, 3, 1), "end": date(2024, 3, 31)}  # every region × channel × product has facts


@pytest.fixture
def loaded(tenant, import_csv):
    import_csv(tenant, sparse_csv())
    return tenant


def test_as_many_rows_as_allowed_are_answered_and_one_more_is_refused(loaded, settings):
    settings.SALESTALK_MAX_QUERY_ROWS = 4
    at_most = [QuerySpec(**MARCH), QuerySpec(**MARCH, group_by="product"),  # 4 products
               QuerySpec(**MARCH, group_by="product", constraints={"region": ["EMEA"]}),
               QuerySpec(**MARCH, group_by="region"), QuerySpec(**MARCH, group_by="channel")]
    answers = query_many(tenant=loaded, specs=at_most)
    assert [len(a.rows) for a in answers] == [0, 4, 4, 3, 2]
    assert [c.key for c in answers[1].rows] == ["Boot", "Jacket", "Pack", "Tent #2"]
    assert sum(c.facts for c in answers[1].rows) == answers[1].total.facts
    too_many = QuerySpec(**MARCH, grain="week")  # March 2024 touches 5 ISO weeks
    for specs in ([too_many], [*at_most, too_many], [too_many, *at_most]):
        with pytest.raises(InvalidQuery, match="more than 4 rows"):
            query_many(tenant=loaded, specs=specs)
    with pytest.raises(InvalidQuery, match="more than 4 rows"):  # 3 regions × 2 months, limited rows beside it
        query_many(tenant=loaded, specs=[QuerySpec(**MARCH, group_by="product", order_by="revenue", limit=2),
                                         QuerySpec(start=date(2024, 2, 1), end=MARCH["end"], group_by="region",
                                                   grain="month")])
