"""An S3 storage that signs every call with one tenant's scoped credentials (issue 12.7), never the function's.

The aws profile's ``datasets`` and ``uploads`` storages are S3; a tenant's files are reached through this
subclass, whose boto3 session carries the tenant's STS credentials (``tenants.credentials``: a session
policy naming only ``tenants/{tenant_id}/``), so a path bug that names another tenant's file is refused
by S3 itself. Imported only where S3 is configured: boto3 stays out of a local cold start.
"""
from __future__ import annotations

from typing import Any

import boto3
from storages.backends.s3 import S3Storage

from tenants import credentials


class TenantS3Storage(S3Storage):
    def __init__(self, *, tenant_id: str, table_name: str, **options: Any) -> None:
        self._tenant_id = tenant_id
        self._table_name = table_name
        super().__init__(**options)

    def _create_session(self) -> boto3.Session:
        return boto3.Session(
            botocore_session=credentials.tenant_session(tenant_id=self._tenant_id, table_name=self._table_name)
        )
