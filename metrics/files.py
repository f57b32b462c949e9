"""Dataset version files: one Parquet file per version under the tenant's own prefix, through django-storages.

``tenants/{tenant_id}/datasets/{version}.parquet`` in the ``datasets`` storage
(the local filesystem by default, S3 in the aws profile, reached with the tenant's own scoped
credentials: ``tenant_storage``). Queries need a local
path: a filesystem storage gives its own; a remote file is downloaded once into
a bounded cache directory (``/tmp`` in Lambda), keyed by tenant and version
(versions never change) and evicted least recently used past
``SALESTALK_DATASET_CACHE_BYTES``.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages

from metrics.errors import NoDataset
from tenants import credentials
from tenants.context import TenantContext

STORAGE_ALIAS = "datasets"
_SAFE = re.compile(r"[A-Za-z0-9_-]{1,100}")

_lock = threading.Lock()
_downloads: dict[tuple[str, str], threading.Lock] = {}
_cached: OrderedDict[tuple[str, str], tuple[Path, int]] = OrderedDict()


def tenant_storage(alias: str, *, tenant: TenantContext) -> Storage:
    """The ``alias`` storage as ``tenant`` may use it. With scoped credentials (the aws profile) an S3
    storage is rebuilt to sign with the tenant's STS credentials, whose session policy names only the
    tenant's prefix; a local storage is the configured one."""
    storage = storages[alias]
    if not credentials.scoping_enabled() or not getattr(storage, "bucket_name", None):
        return storage
    return _scoped_s3(alias, tenant.tenant_id, tenant.table_name, settings.SALESTALK_TENANT_ROLE_ARN)


@lru_cache(maxsize=256)
def _scoped_s3(alias: str, tenant_id: str, table_name: str, role_arn: str) -> Storage:
    """One storage (and so one S3 connection per thread) per tenant; the credentials renew themselves."""
    from metrics.tenant_s3 import TenantS3Storage  # boto3: only where S3 is configured

    return TenantS3Storage(tenant_id=tenant_id, table_name=table_name, **settings.STORAGES[alias].get("OPTIONS", {}))


def dataset_storage(*, tenant: TenantContext) -> Storage:
    return tenant_storage(STORAGE_ALIAS, tenant=tenant)


def version_file_name(*, tenant: TenantContext, version: str) -> str:
    """The file's name in the storage; both parts are checked, so a name never leaves the tenant's prefix."""
    for part in (tenant.tenant_id, version):
        if not _SAFE.fullmatch(part):
            raise ValueError(f"unsafe path part {part!r}")
    return f"tenants/{tenant.tenant_id}/datasets/{version}.parquet"


def save_version_file(*, tenant: TenantContext, version: str, path: Path) -> int:
    """Store the Parquet file at ``path`` as ``version``'s; returns its size in bytes."""
    name = version_file_name(tenant=tenant, version=version)
    storage = dataset_storage(tenant=tenant)
    if storage.exists(name):  # a crashed attempt of the same version: ids are never reused otherwise
        storage.delete(name)
    with path.open("rb") as stream:
        stored = storage.save(name, File(stream, name=name))
    if stored != name:
        raise RuntimeError(f"the storage renamed {name!r} to {stored!r}")
    return path.stat().st_size


def delete_version_file(*, tenant: TenantContext, version: str) -> None:
    name = version_file_name(tenant=tenant, version=version)
    dataset_storage(tenant=tenant).delete(name)
    from metrics.engine import drop_version_table  # the engine reads files through this module

    drop_version_table(tenant_id=tenant.tenant_id, version=version)
    with _lock:
        entry = _cached.pop((tenant.tenant_id, version), None)
    if entry is not None:
        entry[0].unlink(missing_ok=True)


def version_file_exists(*, tenant: TenantContext, version: str) -> bool:
    return dataset_storage(tenant=tenant).exists(version_file_name(tenant=tenant, version=version))


def version_file_size(*, tenant: TenantContext, version: str) -> int:
    return dataset_storage(tenant=tenant).size(version_file_name(tenant=tenant, version=version))


def local_version_path(*, tenant: TenantContext, version: str) -> str:
    """A local path DuckDB can read the version's file from."""
    name = version_file_name(tenant=tenant, version=version)
    storage = dataset_storage(tenant=tenant)
    try:
        path = storage.path(name)
    except NotImplementedError:  # remote storage: through the local cache
        return str(_cached_copy(storage, name, (tenant.tenant_id, version)))
    if not os.path.exists(path):  # e.g. a model handed in that is not this tenant's
        raise NoDataset("This tenant has no such dataset version.")
    return path


def _cache_dir() -> Path:
    return Path(settings.SALESTALK_DATASET_CACHE_DIR or Path(tempfile.gettempdir()) / "salestalk-datasets")


def _cached_copy(storage: Storage, name: str, key: tuple[str, str]) -> Path:
    with _lock:
        hit = _cached.get(key)
        if hit is not None:
            _cached.move_to_end(key)
            return hit[0]
        download = _downloads.setdefault(key, threading.Lock())
    with download:  # one download per version, however many queries wait for it
        with _lock:
            hit = _cached.get(key)
        if hit is not None:
            return hit[0]
        if not storage.exists(name):
            raise NoDataset("This tenant has no such dataset version.")
        target = _cache_dir() / key[0] / f"{key[1]}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
        with storage.open(name, "rb") as source, partial.open("wb") as sink:
            shutil.copyfileobj(source, sink, length=1 << 20)
        partial.replace(target)
        size = target.stat().st_size
        with _lock:
            _cached[key] = (target, size)
            _downloads.pop(key, None)
            _evict(keep=key)
        return target


def _evict(*, keep: tuple[str, str]) -> None:
    limit = settings.SALESTALK_DATASET_CACHE_BYTES
    total = sum(size for _, size in _cached.values())
    for key in list(_cached):
        if total <= limit:
            break
        if key == keep:
            continue
        path, size = _cached.pop(key)
        path.unlink(missing_ok=True)  # a query still reading it keeps its open handle
        total -= size


def cached_bytes() -> int:
    with _lock:
        return sum(size for _, size in _cached.values())
