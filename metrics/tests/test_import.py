"""Importing: all-or-nothing validation, versions written beside the old one, the atomic switch, cleanup."""
from __future__ import annotations

import hashlib
import io
from datetime import date, timedelta

import pytest
from botocore.exceptions import EndpointConnectionError
from pynamodb.connection.base import Connection

from core.unavailable import storage_unavailable
from metrics import services
from metrics.errors import DatasetExists, ImportConflict, InvalidDataset
from metrics.files import dataset_storage, version_file_name
from metrics.selectors import current_dataset, get_semantic_model, query
from metrics.tests.conftest import sparse_csv
from tenants.storage import dynamodb_client

GOOD = "date,region,revenue,units\n2024-01-01,EMEA,100.5,3\n2024-01-02,APAC,20,1\n"
HEADER = "date,region,revenue,units\n"


def snapshot(tenant) -> dict[tuple[str, str], str]:
    """Every item of the tenant's table (key → hash of the whole item) and every file under its prefix
    (("file", name) → hash of its bytes)."""
    items, kwargs = {}, {"TableName": tenant.table_name, "ConsistentRead": True}
    while True:
        page = dynamodb_client().scan(**kwargs)
        for item in page["Items"]:
            items[(item["pk"]["S"], item["sk"]["S"])] = hashlib.sha256(repr(sorted(item.items())).encode()).hexdigest()
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    storage, folder = dataset_storage(tenant=tenant), f"tenants/{tenant.tenant_id}/datasets"
    if storage.exists(folder):
        for name in storage.listdir(folder)[1]:
            with storage.open(f"{folder}/{name}", "rb") as stream:
                items[("file", name)] = hashlib.sha256(stream.read()).hexdigest()
    return items


def revenue(tenant) -> float:
    return query(tenant=tenant, start=date(2020, 1, 1), end=date(2030, 1, 1)).total.sums["revenue"]


def test_import_reports_what_it_read_and_builds_the_model(tenant, import_csv):
    result = import_csv(tenant, GOOD, source="good.csv")
    assert (result.status, result.rows, result.source) == ("imported", 2, "good.csv")
    assert result.dimensions == {"region": 2}
    assert result.measures == ("revenue", "units")
    assert (result.first_date, result.last_date) == (date(2024, 1, 1), date(2024, 1, 2))
    # The version's record (written, then marked current), its model, the pointer: no rollups.
    assert result.items_written == 4 and result.seconds > 0
    assert 0 < result.model_bytes < result.file_bytes
    assert [(c.column, c.role, c.name) for c in result.columns] == [
        ("date", "date", "date"), ("region", "dimension", "region"), ("revenue", "measure", "revenue"),
        ("units", "measure", "units")]
    assert revenue(tenant) == 120.5
    pointer = current_dataset(tenant=tenant)
    assert (pointer.version, pointer.source, pointer.row_count) == (result.version, "good.csv", 2)


BAD_FILES = [
    ("empty file", b"", None, None, "empty"),
    ("header only", HEADER, 2, None, "no rows"),
    ("no date column", "day,region,revenue\n2024-01-01,EMEA,1\n", 1, None, "no 'date' column"),
    ("no measure column", "date,region\n2024-01-01,EMEA\n", 1, None, "no measure columns"),
    ("unparseable date", HEADER + "2024-01-01,EMEA,1,1\n2024-13-01,EMEA,1,1\n", 3, "date", "not a date"),
    ("not ISO date", HEADER + "01/02/2024,EMEA,1,1\n", 2, "date", "YYYY-MM-DD"),
    ("missing date", HEADER + ",EMEA,1,1\n", 2, "date", "not a date"),
    ("non-numeric", HEADER + "2024-01-01,EMEA,$12,1\n", 2, "revenue", "not a number"),
    ("not finite", HEADER + "2024-01-01,EMEA,1e999,1\n", 2, "revenue", "finite"),
    ("date before 1900", HEADER + "2024-01-01,EMEA,1,1\n1899-12-31,EMEA,1,1\n", 3, "date", "1900-01-01 to 2200"),
    ("date after 2200", HEADER + "9999-12-31,EMEA,1,1\n", 2, "date", "outside the dates"),
    ("two columns, one measure", "date,Net Bookings,net_bookings\n2024-01-01,1,2\n", 1, "net_bookings",
     "Two columns"),
    ("a derived catalogue name", "date,revenue,margin_pct\n2024-01-01,1,2\n", 1, "margin_pct", "computes it"),
    ("a measure named by a dimension's name", "date,units,Units \n2024-01-01,a,1\n", 1, "Units", "twice"),
    ("semicolons", "date;region;revenue\n2024-01-01;EMEA;1\n", 1, None, "semicolons"),
    ("tabs", "date\tregion\trevenue\n2024-01-01\tEMEA\t1\n", 1, None, "tabs"),
    ("ragged row", HEADER + "2024-01-01,EMEA,1\n", 2, None, "3 fields"),
    ("empty member", HEADER + "2024-01-01,EMEA,1,1\n2024-01-02,,1,1\n", 3, "region", "empty"),
    ("not UTF-8", (HEADER + "2024-01-01,Düsseldorf,1,1\n").encode("latin-1"), 2, None, "UTF-8"),
    ("duplicate column", "date,region,Region,revenue\n2024-01-01,a,b,1\n", 1, "Region", "twice"),
]


@pytest.mark.parametrize(("case", "content", "line", "column", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_refused_naming_line_and_column_and_changes_nothing(
    tenant, import_csv, case, content, line, column, message
):
    import_csv(tenant, GOOD)
    before = snapshot(tenant)
    with pytest.raises(InvalidDataset) as exc:
        import_csv(tenant, content, replace=True)
    assert (exc.value.line, exc.value.column) == (line, column)
    assert message in str(exc.value)
    assert snapshot(tenant) == before
    assert revenue(tenant) == 120.5


def test_a_file_over_the_size_limit_is_refused(tenant, import_csv, settings):
    import_csv(tenant, GOOD)
    before = snapshot(tenant)
    settings.SALESTALK_MAX_UPLOAD_BYTES = 40
    with pytest.raises(InvalidDataset, match="the limit is 40 bytes"):
        import_csv(tenant, GOOD + "2024-01-03,EMEA,1,1\n", replace=True)
    assert snapshot(tenant) == before


def test_a_byte_order_mark_is_ignored(tenant, import_csv):
    import_csv(tenant, "\ufeff" + GOOD)
    assert get_semantic_model(tenant=tenant).dimensions == {"region": ("APAC", "EMEA")}


def test_blank_measure_cells_count_as_zero(tenant, import_csv):
    import_csv(tenant, HEADER + "2024-01-01,EMEA,,2\n")
    assert query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 1)).total.sums == {"revenue": 0, "units": 2}


def test_an_existing_dataset_is_only_replaced_when_asked(tenant, import_csv):
    import_csv(tenant, GOOD)
    with pytest.raises(DatasetExists):
        import_csv(tenant, HEADER + "2024-01-01,EMEA,1,1\n")
    assert revenue(tenant) == 120.5
    import_csv(tenant, HEADER + "2024-01-01,EMEA,1,1\n", replace=True)
    assert revenue(tenant) == 1


def version_keys(tenant, version: str) -> set:
    return {key for key in snapshot(tenant) if version in key[0] or version in key[1]}


def test_the_replaced_version_is_kept_until_the_next_import_then_deleted(tenant, import_csv, settings):
    settings.SALESTALK_DATASET_VERSIONS_KEPT = 2  # the current one and the one it replaced
    first = import_csv(tenant, GOOD).version
    second = import_csv(tenant, sparse_csv(), replace=True).version
    assert version_keys(tenant, first)  # kept: queries that read the old pointer may still be running
    third = import_csv(tenant, GOOD, replace=True).version
    assert version_keys(tenant, first) == set()
    assert version_keys(tenant, second) and version_keys(tenant, third)
    assert current_dataset(tenant=tenant).version == third


class DynamoGoesAway:
    """Fails every PutItem after the first ``allowed`` ones, as if DynamoDB became unreachable."""

    def __init__(self, monkeypatch, allowed: int) -> None:
        self.allowed = allowed
        self.calls = 0
        original = Connection.dispatch

        def dispatch(connection, operation, kwargs):
            if operation in ("PutItem", "DeleteItem", "UpdateItem"):
                self.calls += 1
                if self.calls > self.allowed:
                    raise EndpointConnectionError(endpoint_url="http://dynamodb.gone")
            return original(connection, operation, kwargs)

        monkeypatch.setattr(Connection, "dispatch", dispatch)


def test_an_import_that_fails_halfway_leaves_the_previous_dataset_then_is_cleaned_up(tenant, import_csv, monkeypatch):
    previous = import_csv(tenant, GOOD)
    before = snapshot(tenant)
    model_before = get_semantic_model(tenant=tenant)
    with monkeypatch.context() as patch:
        outage = DynamoGoesAway(patch, allowed=1)  # the version's record, then its file; not its model
        with pytest.raises(Exception) as exc:
            import_csv(tenant, sparse_csv(), replace=True)
        assert outage.calls > 1 and storage_unavailable(exc.value)
    assert current_dataset(tenant=tenant).version == previous.version
    assert get_semantic_model(tenant=tenant) == model_before
    assert revenue(tenant) == 120.5
    leftovers = set(snapshot(tenant)) - set(before)
    assert leftovers  # written beside the old version; the outage kept them from being removed

    assert services.cleanup_versions(tenant=tenant) == []  # too young: it might still be writing
    [crashed] = services.cleanup_versions(tenant=tenant, stale_after=timedelta(0))
    assert crashed != previous.version
    assert snapshot(tenant) == before


def test_a_failed_import_removes_what_it_wrote_when_it_can(tenant, import_csv, monkeypatch):
    import_csv(tenant, GOOD)
    before = snapshot(tenant)
    written = []

    def failing_progress(stage, done, total):
        if stage == "writing" and done:
            written.append(done)
            raise RuntimeError("the worker was stopped")

    with pytest.raises(RuntimeError):
        services.import_dataset(tenant=tenant, stream=_bytes(sparse_csv()), source="x", replace=True,
                                on_progress=failing_progress)
    assert written and snapshot(tenant) == before


def test_a_switch_whose_answer_is_lost_keeps_the_new_version(tenant, import_csv, monkeypatch):
    import_csv(tenant, GOOD)
    switch = services._switch

    def switch_then_lose_the_answer(**kwargs):
        switch(**kwargs)
        raise EndpointConnectionError(endpoint_url="http://dynamodb.gone")

    monkeypatch.setattr(services, "_switch", switch_then_lose_the_answer)
    with pytest.raises(EndpointConnectionError):
        import_csv(tenant, HEADER + "2024-01-01,EMEA,7,1\n", replace=True)
    assert revenue(tenant) == 7  # the pointer moved, and the version it names was not discarded


def test_an_import_overtaken_by_another_is_discarded(tenant, import_csv):
    import_csv(tenant, GOOD)
    overtaking = []

    def another_import_meanwhile(stage, done, total):
        if stage == "writing" and done == 2 and not overtaking:  # its file and model written, not switched
            overtaking.append(import_csv(tenant, HEADER + "2024-01-01,EMEA,7,1\n", replace=True))

    with pytest.raises(ImportConflict):
        services.import_dataset(tenant=tenant, stream=_bytes(sparse_csv()), source="x", replace=True,
                                on_progress=another_import_meanwhile)
    assert current_dataset(tenant=tenant).version == overtaking[0].version
    assert revenue(tenant) == 7
    state = snapshot(tenant)
    versions = {sk.removeprefix("VERSION#") for pk, sk in state if pk == "DATASET" and sk.startswith("VERSION#")}
    files = {name.removesuffix(".parquet") for kind, name in state if kind == "file"}
    assert overtaking[0].version in versions and len(versions) == 2  # the winner and the one it replaced
    assert files == versions


def test_the_same_file_again_is_left_alone_when_only_changes_are_wanted(tenant):
    first = services.import_dataset(tenant=tenant, stream=_bytes(GOOD), source="a", replace=True)
    again = services.import_dataset(tenant=tenant, stream=_bytes(GOOD), source="a", replace=True, only_if_changed=True)
    assert (again.status, again.version, again.items_written) == ("unchanged", first.version, 0)
    changed = services.import_dataset(tenant=tenant, stream=_bytes(GOOD + "2024-01-03,EMEA,1,1\n"), source="a",
                                      replace=True, only_if_changed=True)
    assert changed.status == "imported" and changed.version != first.version


def test_the_same_file_is_imported_anew_when_its_stored_version_is_gone(tenant):
    first = services.import_dataset(tenant=tenant, stream=_bytes(GOOD), source="a", replace=True)
    dataset_storage(tenant=tenant).delete(version_file_name(tenant=tenant, version=first.version))
    again = services.import_dataset(tenant=tenant, stream=_bytes(GOOD), source="a", replace=True, only_if_changed=True)
    assert again.status == "imported" and again.version != first.version
    assert revenue(tenant) == 120.5


def _bytes(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode())


def test_negative_values_are_numbers_and_roles_can_be_named(tenant, import_csv):
    text = "date,store_id,Net Bookings,refunds\n2024-01-01,17,5.5,-2\n2024-01-01,18,,-1.25\n2024-01-02,17,3,0\n"
    result = import_csv(tenant, text, dimensions=["store_id"])
    assert [(c.role, c.name) for c in result.columns] == [
        ("date", "date"), ("dimension", "store_id"), ("measure", "net_bookings"), ("measure", "refunds")]
    model = get_semantic_model(tenant=tenant)
    assert model.dimensions == {"store_id": ("17", "18")} and model.default_measure == "net_bookings"
    assert model.measure("net_bookings").label == "Net Bookings"
    total = query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 2), constraints={"store_id": ["17"]}).total
    assert (total.value("net_bookings"), total.value("refunds")) == (8.5, -2.0)
    summed = import_csv(tenant, text, replace=True)  # store_id a measure: the two rows of 2024-01-01 are one
    assert (summed.rows, summed.added_together) == (2, 1)
    day = query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 1)).total
    assert (day.value("store_id"), day.value("net_bookings"), day.value("refunds")) == (35, 5.5, -3.25)
    automatic = import_csv(tenant, text.replace("2024-01-01,18", "2024-01-03,18"), replace=True)
    assert [c.role for c in automatic.columns] == ["date", "measure", "measure", "measure"]
    with pytest.raises(InvalidDataset, match="names no column"):
        import_csv(tenant, text, replace=True, dimensions=["shop"])
    with pytest.raises(InvalidDataset, match="both a dimension and a measure"):
        import_csv(tenant, text, replace=True, dimensions=["store_id"], measures=["Store ID"])
    with pytest.raises(InvalidDataset) as exc:
        import_csv(tenant, "date,store,refunds\n2024-01-01,a,1\n2024-01-02,b,x\n", replace=True, measures=["refunds"])
    assert (exc.value.line, exc.value.column) == (3, "refunds")


def test_excel_and_parquet_files_import_like_csv(tenant, import_csv, tmp_path):
    import openpyxl
    import pyarrow as pa
    import pyarrow.parquet as pq

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Region", "Revenue", "Demo Requests"])
    sheet.append([date(2024, 1, 1), "EMEA", 100.5, 2])
    sheet.append([])
    sheet.append([date(2024, 1, 2), "APAC", 20, None])
    book.save(tmp_path / "sales.xlsx")
    result = import_csv(tenant, (tmp_path / "sales.xlsx").read_bytes())
    assert [(c.role, c.name) for c in result.columns] == [
        ("date", "date"), ("dimension", "Region"), ("measure", "revenue"), ("measure", "demo_requests")]
    total = query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 2)).total
    assert total.sums == {"revenue": 120.5, "demo_requests": 2.0}
    sheet.append([date(2024, 1, 3), "EMEA", "n/a", 1])
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(InvalidDataset) as exc:
        import_csv(tenant, (tmp_path / "bad.xlsx").read_bytes(), replace=True)
    assert (exc.value.line, exc.value.column) == (5, "Revenue")

    pq.write_table(pa.table({"date": pa.array([date(2024, 5, 1), date(2024, 5, 2)]), "plan": ["Pro", "Team"],
                             "seats": pa.array([3, 4], type=pa.int32()), "mrr": [99.5, 10.25]}), tmp_path / "f.parquet")
    result = import_csv(tenant, (tmp_path / "f.parquet").read_bytes(), replace=True)
    assert [(c.role, c.name) for c in result.columns] == [
        ("date", "date"), ("dimension", "plan"), ("measure", "seats"), ("measure", "mrr")]
    split = query(tenant=tenant, start=date(2024, 5, 1), end=date(2024, 5, 31), group_by="plan")
    assert {c.key: (c.value("seats"), c.value("mrr")) for c in split.rows} == {"Pro": (3, 99.5), "Team": (4, 10.25)}


def test_columns_and_rows_are_bounded_by_the_settings(tenant, import_csv, settings):
    settings.SALESTALK_MAX_DATASET_COLUMNS = 3
    with pytest.raises(InvalidDataset, match="4 columns; the limit is 3"):
        import_csv(tenant, GOOD)
    settings.SALESTALK_MAX_DATASET_COLUMNS = 10
    settings.SALESTALK_MAX_DATASET_ROWS = 1
    with pytest.raises(InvalidDataset, match="2 rows; the limit is 1"):
        import_csv(tenant, GOOD)
    settings.SALESTALK_MAX_DATASET_ROWS = 10
    settings.SALESTALK_MAX_DATASET_MEMBERS = 1
    with pytest.raises(InvalidDataset, match="more than 1 distinct members"):
        import_csv(tenant, GOOD)
    assert current_dataset(tenant=tenant) is None
