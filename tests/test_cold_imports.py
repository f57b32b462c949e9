"""A Lambda cold start imports what every request needs; the heavy libraries load at their first use.

Each handler module is imported in a fresh interpreter with the aws settings (the environment
``benchmarks/bench_coldstart.py`` measures). Timing is the benchmark's business: this fails when an
import statement brings one of these modules back into the init phase.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.bench_coldstart import HANDLERS, ROOT, handler_environment

# Module → where it is loaded instead.
LOADED_AT_FIRST_USE = {
    "numpy": "metrics.validation, when a file is read",
    "pyarrow": "metrics.validation, metrics.previews, metrics.reading, when a file is read",
    "duckdb": "metrics.engine, at the first query",
    "sqlglot": "metrics.athena, for versions past the Athena threshold",
    "openpyxl": "metrics.reading, for an Excel upload",
    "wordfreq": "insights.understanding.words, at the first typo checked",
    "insights.understanding.parser": "chat.services.ask, at the first question",
    "insights.engine": "chat.services.ask, at the first question",
    "drf_spectacular.views": "salestalk.api_docs, at the first /api/schema/ or /api/docs/",
    # Views note their operations as plain data (core.openapi_notes); extend_schema would build a schema class.
    "core.openapi": "the schema generator, at the first /api/schema/ (DRF's DEFAULT_SCHEMA_CLASS)",
    "drf_spectacular.openapi": "core.openapi, when a document is generated",
    "drf_spectacular.plumbing": "core.openapi and the apps' openapi_extensions, when a document is generated",
    "rest_framework.test": "drf_spectacular.plumbing, when a document is generated (never in a request)",
    "django.test": "rest_framework.test, when a document is generated (never in a request)",
    # core.cold_start: optional dependencies probed while Django loads, and used by no request here.
    "django.contrib.postgres.fields": "nothing here; importable as usual once the handler is loaded",
    "psycopg": "Django's PostgreSQL backend, at the first connection to Django's own database",
    "yaml": "drf_spectacular.renderers, at the first /api/schema/ in YAML",
    "requests": "nothing here (a test tool; not in the image)",
    "OpenSSL": "nothing here (botocore's TLS is the standard library's; not in the image)",
    "boto3": "metrics.import_queue and metrics.tenant_s3, at the first queued import or S3 file",
    "redis": "tenants.throttle_store, only with SALESTALK_REDIS_URL",
    "httpx": "tenants.hosted_ui, at the first Cognito sign-in",
}
PROBE = "import json, sys; import {module}; print(json.dumps([callable({module}.handler), sorted(sys.modules)]))"
FIRST_USE_PROBE = "import importlib, {module}; [importlib.import_module(name) for name in {names!r}]; print('ok')"


def _environment(scratch: str) -> dict[str, str]:
    # The checkout's own bytecode caches, as every test uses them: this test counts modules, not seconds.
    return {k: v for k, v in handler_environment(scratch).items() if k != "PYTHONPYCACHEPREFIX"}


def imported_by(module: str, *, scratch: str) -> tuple[bool, set[str]]:
    """Whether the module has a handler, and every module loaded once ``module`` is imported in a fresh interpreter."""
    output = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        cwd=ROOT, env=_environment(scratch), capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    has_handler, modules = json.loads(output.strip().splitlines()[-1])
    return has_handler, set(modules)


@pytest.mark.parametrize("module", sorted(HANDLERS.values()))
def test_a_cold_start_leaves_the_heavy_modules_for_their_first_use(module, tmp_path):
    has_handler, modules = imported_by(module, scratch=str(tmp_path))
    assert has_handler
    # The probe sees what the init phase loads: the framework and the handler's own modules.
    assert {"django", "botocore", "pynamodb", module} <= modules
    assert sorted(modules & LOADED_AT_FIRST_USE.keys()) == []


@pytest.mark.parametrize("module", sorted(HANDLERS.values()))
def test_what_the_init_phase_leaves_out_still_imports_at_its_first_use(module, tmp_path):
    probe = FIRST_USE_PROBE.format(module=module, names=sorted(LOADED_AT_FIRST_USE))
    output = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT, env=_environment(str(tmp_path)), capture_output=True, text=True, timeout=120,
    )
    assert output.returncode == 0, output.stderr[-2000:]
    assert output.stdout.strip().splitlines()[-1] == "ok"
