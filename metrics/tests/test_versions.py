"""Every kept dataset version is one switch away; versions past SALESTALK_DATASET_VERSIONS_KEPT are removed
(file, in-memory table, model, record and, on Athena, Glue table and manifest) and refused with a clear error."""
from __future__ import annotations

from datetime import date

import botocore.session
import pytest
from botocore.stub import ANY, Stubber
from django.core.files.uploadedfile import SimpleUploadedFile

from metrics import athena, engine, services, versions
from metrics.files import dataset_storage, version_file_name
from metrics.models import DATASET_PK, VERSION_SK_PREFIX, DatasetVersionItem, VersionStatus
from metrics.selectors import current_dataset, query
from tenants.storage import bind

YEAR = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
DATABASE = "salestalk_datasets"


def csv_of(revenue: int) -> bytes:
    return f"date,region,revenue\n2024-01-05,EMEA,{revenue}\n2024-02-03,APAC,1\n".encode()


def imported(client, revenue: int) -> str:
    response = client.post("/api/metrics/datasets/", {"file": SimpleUploadedFile(f"sales-{revenue}.csv",
                                                                                 csv_of(revenue)),
                                                      "replace": "true"}, format="multipart")
    assert response.status_code == 201, response.json()
    return response.json()["version"]


def revenue(tenant) -> float:
    return query(tenant=tenant, **YEAR).total.sums["revenue"]


def stored_files(tenant) -> set[str]:
    _, files = dataset_storage(tenant=tenant).listdir(f"tenants/{tenant.tenant_id}/datasets")
    return set(files)


def status_of(tenant, version: str) -> str:
    Version = bind(DatasetVersionItem, tenant=tenant)
    return Version.get(DATASET_PK, f"{VERSION_SK_PREFIX}{version}", consistent_read=True).status


@pytest.fixture
def client(tenant, api_client_for, settings):
    settings.SALESTALK_DATASET_VERSIONS_KEPT = 3
    return api_client_for(tenant)


def test_every_kept_version_can_be_switched_to_and_older_ones_are_removed(client, tenant):
    made = [imported(client, 100)]
    assert revenue(tenant) == 101 and (tenant.tenant_id, made[0]) in engine.loaded_versions()
    made += [imported(client, revenue) for revenue in (200, 300, 400, 500)]

    body = client.get("/api/metrics/versions/").json()
    listed = body["versions"]
    assert [(v["version"], v["current"]) for v in listed] == [(made[4], True), (made[3], False), (made[2], False)]
    assert body["kept"] == 3
    assert stored_files(tenant) == {f"{v}.parquet" for v in made[2:]}
    assert (tenant.tenant_id, made[0]) not in engine.loaded_versions()
    for version, total in ((made[2], 301), (made[3], 401), (made[4], 501)):
        switched = client.put("/api/metrics/versions/current", {"version": version}, format="json")
        assert switched.status_code == 200, switched.json()
        assert switched.json()["current"] is True and current_dataset(tenant=tenant).version == version
        assert revenue(tenant) == total
    assert [v.version for v in versions.available_versions(tenant=tenant)] == made[:1:-1]

    for version in made[:2]:
        refused = client.put("/api/metrics/versions/current", {"version": version}, format="json")
        assert refused.status_code == 409
        error = refused.json()["error"]
        assert error["code"] == "version_removed" and "last 3 versions" in error["message"]
    unknown = client.put("/api/metrics/versions/current", {"version": "v_0123456789abcdef01234567"}, format="json")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "unknown_version")
    assert current_dataset(tenant=tenant).version == made[4] and revenue(tenant) == 501


def test_the_versions_in_use_most_recently_are_the_ones_kept(client, tenant):
    first, second, third = (imported(client, revenue) for revenue in (100, 200, 300))
    assert client.put("/api/metrics/versions/current", {"version": first}, format="json").status_code == 200
    fourth = imported(client, 400)  # replaces the first, in use a moment ago: the second goes
    kept = [v.version for v in versions.available_versions(tenant=tenant)]
    assert sorted(kept) == sorted([fourth, first, third])
    assert stored_files(tenant) == {f"{v}.parquet" for v in kept}
    assert client.put("/api/metrics/versions/current", {"version": second}, format="json").status_code == 409


def test_a_removed_version_drops_its_in_memory_table(tenant, import_csv, settings):
    settings.SALESTALK_DATASET_VERSIONS_KEPT = 1
    first = import_csv(tenant, csv_of(100)).version
    assert revenue(tenant) == 101 and (tenant.tenant_id, first) in engine.loaded_versions()
    second = import_csv(tenant, csv_of(200), replace=True).version
    assert (tenant.tenant_id, first) not in engine.loaded_versions()
    assert stored_files(tenant) == {f"{second}.parquet"} and revenue(tenant) == 201
    with pytest.raises(versions.UnknownVersion):  # imported without a job: no history names it
        versions.switch_to_version(tenant=tenant, version=first)


def test_a_version_being_removed_cannot_be_switched_to(tenant, import_csv, monkeypatch):
    first = import_csv(tenant, csv_of(100)).version
    second = import_csv(tenant, csv_of(200), replace=True).version
    read_model = versions.read_model

    def cleanup_claims_it_meanwhile(*, tenant, version):
        Version = bind(DatasetVersionItem, tenant=tenant)
        Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}").update(
            actions=[Version.status.set(VersionStatus.REMOVING)])
        return read_model(tenant=tenant, version=version)

    monkeypatch.setattr(versions, "read_model", cleanup_claims_it_meanwhile)
    with pytest.raises(versions.VersionRemoved):
        versions.switch_to_version(tenant=tenant, version=first)
    assert current_dataset(tenant=tenant).version == second and status_of(tenant, second) == VersionStatus.CURRENT
    # The cleanup then finishes what it claimed, even from a fresh start.
    assert services.cleanup_versions(tenant=tenant) == [first]
    assert stored_files(tenant) == {f"{second}.parquet"}


def test_a_cleanup_never_claims_the_version_a_switch_just_made_current(tenant, import_csv):
    first = import_csv(tenant, csv_of(100)).version
    import_csv(tenant, csv_of(200), replace=True)
    Version = bind(DatasetVersionItem, tenant=tenant)
    stale = Version.get(DATASET_PK, f"{VERSION_SK_PREFIX}{first}", consistent_read=True)
    versions.switch_to_version(tenant=tenant, version=first)  # after the cleanup read the versions
    assert services._claim_for_removal(tenant=tenant, record=stale) is False
    stale.status = VersionStatus.CURRENT  # a record whose status was already current when read
    assert services._claim_for_removal(tenant=tenant, record=stale) is False
    assert status_of(tenant, first) == VersionStatus.CURRENT and revenue(tenant) == 101


@pytest.fixture
def glue(settings, monkeypatch):
    settings.SALESTALK_ATHENA_WORKGROUP = "salestalk"
    settings.SALESTALK_GLUE_DATABASE = DATABASE
    settings.SALESTALK_ATHENA_DATA_BUCKET = "salestalk-data"
    settings.SALESTALK_ATHENA_MIN_ROWS = 1
    settings.SALESTALK_DATASET_VERSIONS_KEPT = 1
    client = botocore.session.get_session().create_client(
        "glue", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    monkeypatch.setattr(athena, "client", lambda service, *, tenant: {"glue": client}[service])
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()


def test_a_removed_athena_version_loses_its_glue_table_and_manifest(tenant, import_csv, glue):
    glue.add_response("create_table", {}, {"DatabaseName": DATABASE, "TableInput": ANY})
    first = import_csv(tenant, csv_of(100)).version
    manifest = version_file_name(tenant=tenant, version=first).removesuffix(".parquet") + "/manifest"
    assert dataset_storage(tenant=tenant).exists(manifest)

    glue.add_response("create_table", {}, {"DatabaseName": DATABASE, "TableInput": ANY})
    glue.add_response("delete_table", {}, {"DatabaseName": DATABASE, "Name": f"tenant_acme_{first}"})
    second = import_csv(tenant, csv_of(200), replace=True).version
    assert not dataset_storage(tenant=tenant).exists(manifest)
    assert stored_files(tenant) == {f"{second}.parquet"}
    assert [v.version for v in versions.available_versions(tenant=tenant)] == [second]


def test_a_version_glue_never_had_is_removed_all_the_same(tenant, import_csv, glue, settings):
    settings.SALESTALK_ATHENA_MIN_ROWS = 10**9  # below the threshold: no Glue table
    first = import_csv(tenant, csv_of(100)).version
    glue.add_client_error("delete_table", service_error_code="EntityNotFoundException",
                          expected_params={"DatabaseName": DATABASE, "Name": f"tenant_acme_{first}"})
    second = import_csv(tenant, csv_of(200), replace=True).version
    assert stored_files(tenant) == {f"{second}.parquet"}
    assert [v.version for v in versions.available_versions(tenant=tenant)] == [second]
