"""Every entry point freezes the loaded app (``core.loaded_app``): imported in a fresh interpreter, the app's
objects are in the permanent generation, so full collections under load no longer walk them."""
from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks.bench_coldstart import ROOT, handler_environment

ENTRY_POINTS = ("salestalk.asgi", "salestalk.wsgi", "salestalk.lambda_http", "chat.lambda_ws")
PROBE = "import gc, {module}; print(gc.get_freeze_count())"


@pytest.mark.parametrize("module", ENTRY_POINTS)
def test_the_entry_point_freezes_the_loaded_app(module, tmp_path):
    environment = {k: v for k, v in handler_environment(str(tmp_path)).items() if k != "PYTHONPYCACHEPREFIX"}
    frozen = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=True, timeout=120,
    ).stdout.strip().splitlines()[-1]
    # Django, DRF and the apps alone are well past 10k tracked objects; a bare interpreter freezes none.
    assert int(frozen) > 10_000
