"""Dataset bookkeeping items in the tenant's table (rollup items are in ``metrics.rollups``).

- ``DATASET / CURRENT``: the pointer to the current version; switching it is the
  one atomic step of an import.
- ``DATASET / VERSION#{v}``: one per version not yet deleted, with its state, so
  a crashed import's leftovers can be found and deleted later.
- ``DATASET#{v} / MODEL#{n}`` and ``DATASET#{v} / MANIFEST#{n}``: the version's
  semantic model and the keys of its rollup items, as zlib-compressed JSON
  split into parts (an item holds at most 400 KB).
- ``R#{v}#… / {grain}#{bucket}``: rollup items (layout in ``metrics.rollups``).
"""
from __future__ import annotations

from pynamodb.attributes import BinaryAttribute, NumberAttribute, UnicodeAttribute

from tenants.storage import TenantItem

DATASET_PK = "DATASET"
CURRENT_SK = "CURRENT"
VERSION_SK_PREFIX = "VERSION#"
MODEL_SK_PREFIX = "MODEL#"
MANIFEST_SK_PREFIX = "MANIFEST#"


class VersionStatus:
    WRITING = "writing"
    CURRENT = "current"
    RETIRED = "retired"


def version_pk(version: str) -> str:
    return f"{DATASET_PK}#{version}"


class CurrentDataset(TenantItem):
    version = UnicodeAttribute()
    importedAt = UnicodeAttribute()
    rowCount = NumberAttribute()
    source = UnicodeAttribute()
    checksum = UnicodeAttribute(null=True)  # sha256 of the imported file: re-importing the same file is a no-op


class DatasetVersion(TenantItem):
    version = UnicodeAttribute()
    status = UnicodeAttribute()
    startedAt = UnicodeAttribute()
    retiredAt = UnicodeAttribute(null=True)


class BlobPart(TenantItem):
    data = BinaryAttribute(legacy_encoding=False)


class RollupRecord(TenantItem):
    """One rollup item; written and read in batches through the raw connection for speed."""

    v = BinaryAttribute(legacy_encoding=False)
