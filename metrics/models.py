"""Dataset bookkeeping items in the tenant's table (the facts themselves are files: ``metrics.files``).

- ``DATASET / CURRENT``: the pointer to the current version; switching it is the
  one atomic step of an import.
- ``DATASET / VERSION#{v}``: one per version not yet deleted, with its state, so
  a crashed import's leftovers can be found and deleted later. At most
  ``SALESTALK_DATASET_VERSIONS_KEPT`` finished versions are kept (``metrics.services.cleanup_versions``).
- ``DATASET#{v} / MODEL``: the version's semantic model, zlib-compressed JSON.
"""
from __future__ import annotations

from pynamodb.attributes import BinaryAttribute, NumberAttribute, UnicodeAttribute

from tenants.storage import TenantItem

DATASET_PK = "DATASET"
CURRENT_SK = "CURRENT"
VERSION_SK_PREFIX = "VERSION#"
MODEL_SK = "MODEL"


class VersionStatus:
    WRITING = "writing"
    CURRENT = "current"
    RETIRED = "retired"  # replaced, still stored: one switch away
    REMOVING = "removing"  # past the bound: no switch may pick it; its files and items are being deleted


def version_pk(version: str) -> str:
    return f"{DATASET_PK}#{version}"


class CurrentDatasetItem(TenantItem):
    version = UnicodeAttribute()
    imported_at = UnicodeAttribute(attr_name="importedAt")
    row_count = NumberAttribute(attr_name="rowCount")
    source = UnicodeAttribute()
    checksum = UnicodeAttribute(null=True)  # sha256 of the imported file: re-importing the same file is a no-op
    # the file's rows added together on import, reported again when the same file is left alone (None: imported
    # before it was kept)
    added_together = NumberAttribute(attr_name="addedTogether", null=True)


class DatasetVersionItem(TenantItem):
    version = UnicodeAttribute()
    status = UnicodeAttribute()
    started_at = UnicodeAttribute(attr_name="startedAt")
    retired_at = UnicodeAttribute(attr_name="retiredAt", null=True)
    file_bytes = NumberAttribute(attr_name="fileBytes", null=True)


class SemanticModelItem(TenantItem):
    document = BinaryAttribute(legacy_encoding=False)
