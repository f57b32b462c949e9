"""Cold start of each Lambda handler: importing its module in a fresh interpreter with the aws settings (goal ≤ 1.5 s).

This is the part of a Lambda cold start the code controls (the init phase runs the handler
module's imports); the runtime's own start and the image pull come on top and are not measured here.
The goal is held against the import's CPU time: on a shared machine (2 cores, other work running)
wall time mostly measures the queue for a core, which a Lambda's init phase does not wait in.
Wall time is reported beside it.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.figures import Figure, percentile

ROOT = Path(__file__).resolve().parent.parent
HANDLERS = {"http": "salestalk.lambda_http", "websocket": "chat.lambda_ws"}
GOAL_SECONDS = 1.5
PROBE = (
    "import time; wall, cpu = time.perf_counter(), time.process_time(); import {module}; "
    "print(time.perf_counter() - wall, time.process_time() - cpu)"
)


def handler_environment(scratch: str) -> dict[str, str]:
    """What Terraform gives the functions, with dummy values: nothing is contacted while importing.

    Bytecode goes to ``scratch`` (the first import writes it), as the image compiles every module at
    build time: a cold start never compiles, whatever state the checkout's own caches are in.
    """
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("SALESTALK_", "DJANGO_", "PYTHONDONTWRITEBYTECODE"))}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "salestalk.settings.aws",
        "PYTHONPYCACHEPREFIX": str(Path(scratch) / "pycache"),
        "AWS_REGION": "us-east-1",
        "SALESTALK_AWS_REGION": "us-east-1",
        "SALESTALK_TABLE_PREFIX": "salestalk-",
        "SALESTALK_SECRET_KEY": secrets.token_urlsafe(48),
        "SALESTALK_JWT_SECRET": secrets.token_urlsafe(48),
        "SALESTALK_AUTH_ISSUER": "cognito",
        "SALESTALK_COGNITO_ISSUER": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example",
        "SALESTALK_COGNITO_JWKS_URL": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example/.well-known/jwks.json",
        "SALESTALK_COGNITO_CLIENT_ID": "example-client",
        "SALESTALK_TENANT_ROLE_ARN": "arn:aws:iam::123456789012:role/salestalk-tenant",
        "SALESTALK_LLM": "bedrock",
        "SALESTALK_STATIC_BUCKET": "salestalk-static-example",
        "SALESTALK_STATIC_HOST": "d111111abcdef8.cloudfront.net",
        "SALESTALK_SQLITE_PATH": str(Path(scratch) / "django.sqlite3"),
    }


def import_seconds(module: str, *, env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of importing ``module`` in a fresh interpreter."""
    output = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout
    wall, cpu = output.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def run(ctx) -> list[Figure]:
    samples = 3 if ctx.quick else 7
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        env = handler_environment(scratch)
        for name, module in HANDLERS.items():
            import_seconds(module, env=env)  # writes the bytecode and warms the OS file cache, as in the image
            walls, cpus = zip(*(import_seconds(module, env=env) for _ in range(samples)), strict=True)
            figures.append(
                Figure("coldstart", f"{name} handler import CPU p50", percentile(list(cpus), 50), "s",
                       goal=GOAL_SECONDS)
            )
            figures.append(Figure("coldstart", f"{name} handler import CPU max", max(cpus), "s"))
            figures.append(Figure("coldstart", f"{name} handler import wall p50", percentile(list(walls), 50), "s"))
    return figures
