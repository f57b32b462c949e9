"""Versions loaded into DuckDB as in-memory tables: each tenant's own, and never more bytes than the setting."""
from __future__ import annotations

from datetime import date

import pytest
from django.test import override_settings

from metrics import engine
from metrics.errors import NoDataset
from metrics.selectors import get_semantic_model, query
from metrics.tests.conftest import Gold, sparse_csv

SPAN = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}


def _tables_in_duckdb() -> set[str]:
    return {name for (name,) in engine.fetch("SELECT table_name FROM duckdb_tables()", [])}


def test_two_tenants_versions_are_loaded_apart_and_answer_their_own_numbers(make_tenant, import_csv):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    acme_text = sparse_csv(seed=3)
    import_csv(acme, acme_text)
    import_csv(globex, "date,country,revenue\n2024-01-01,France,100\n2024-01-02,Spain,50.5\n")
    acme_version = get_semantic_model(tenant=acme).version
    globex_version = get_semantic_model(tenant=globex).version

    for _ in range(2):  # the second time from the loaded tables
        assert query(tenant=globex, **SPAN).total.sums == {"revenue": 150.5}
        assert query(tenant=acme, **SPAN).total.sums["revenue"] == pytest.approx(
            Gold(acme_text).sums(**SPAN, constraints={})[None]["revenue"])
    loaded = engine.loaded_versions()
    assert (acme.tenant_id, acme_version) in loaded and (globex.tenant_id, globex_version) in loaded
    assert {f"{acme.tenant_id}/{acme_version}", f"{globex.tenant_id}/{globex_version}"} <= _tables_in_duckdb()
    # Another tenant's version is refused even though it is loaded in this process.
    with pytest.raises(NoDataset):
        engine.version_tables(tenant=globex, model=get_semantic_model(tenant=acme))
    with pytest.raises(NoDataset):
        query(tenant=globex, **SPAN, model=get_semantic_model(tenant=acme))


def test_eviction_keeps_the_loaded_bytes_within_the_setting(make_tenant, import_csv):
    first, second = make_tenant("first"), make_tenant("second")
    first_text, second_text = sparse_csv(seed=4), sparse_csv(seed=5)
    import_csv(first, first_text)
    import_csv(second, second_text)
    query(tenant=first, **SPAN)
    one_version = engine.loaded_versions()[(first.tenant_id, get_semantic_model(tenant=first).version)]
    assert one_version > 0

    with override_settings(SALESTALK_DUCKDB_TABLE_CACHE_BYTES=one_version + one_version // 2):
        query(tenant=second, **SPAN)
        loaded = engine.loaded_versions()
        assert sum(loaded.values()) <= one_version + one_version // 2
        assert list(loaded) == [(second.tenant_id, get_semantic_model(tenant=second).version)]
        first_table = f"{first.tenant_id}/{get_semantic_model(tenant=first).version}"
        assert not any(name.startswith(first_table) for name in _tables_in_duckdb())  # nor its pre-aggregates
        # An evicted version is loaded again when asked, with the same numbers.
        assert query(tenant=first, **SPAN).total.sums["revenue"] == pytest.approx(
            Gold(first_text).sums(**SPAN, constraints={})[None]["revenue"])
        assert first_table in _tables_in_duckdb() and len(engine.loaded_versions()) == 1
