#!/usr/bin/env python
"""Every performance figure of the project, in one run: ``make bench``.

Each ``benchmarks/bench_*.py`` module has ``run(ctx) -> list[Figure]``. The runner
starts its own in-memory DynamoDB Local, gives every module a fresh table
prefix, prints one table and writes ``benchmarks/results/latest.json``.
``python benchmarks/run.py onboarding metrics`` runs only the modules named.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.test")
RESULTS = ROOT / "benchmarks" / "results"
DATA = ROOT / "benchmarks" / "data"


@dataclass(frozen=True)
class Context:
    endpoint: str
    data_dir: Path
    quick: bool


def discover(names: list[str]) -> list[str]:
    found = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "benchmarks").glob("bench_*.py"))
    unknown = sorted(set(names) - set(found))
    if unknown:
        raise SystemExit(f"unknown benchmark(s) {', '.join(unknown)}; there are {', '.join(found)}")
    return [n for n in found if not names or n in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("only", nargs="*", help="benchmark modules to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller datasets and fewer samples")
    args = parser.parse_args(argv)

    import django
    from django.conf import settings

    from salestalk import dynamodb_local

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from core.loaded_app import freeze_loaded_app

    # The process every entry point gives (salestalk.asgi, the Lambda handlers): views loaded, the app frozen.
    importlib.import_module(settings.ROOT_URLCONF)
    freeze_loaded_app()
    server = dynamodb_local.start(port=dynamodb_local.free_port(), data_dir=None)
    settings.SALESTALK_DYNAMODB_ENDPOINT = server.endpoint
    DATA.mkdir(parents=True, exist_ok=True)
    context = Context(endpoint=server.endpoint, data_dir=DATA, quick=args.quick)
    figures, failures = [], []
    try:
        for name in discover(args.only):
            settings.SALESTALK_TABLE_PREFIX = f"bench{uuid.uuid4().hex[:8]}-"
            print(f"… {name}", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                module = importlib.import_module(f"benchmarks.bench_{name}")
                figures.extend(module.run(context))
            except Exception:
                failures.append(name)
                traceback.print_exc()
            print(f"  {name} took {time.perf_counter() - started:.1f}s", file=sys.stderr, flush=True)
    finally:
        if server.process is not None:
            dynamodb_local.stop(server.process)

    width = max((len(f"{f.area}: {f.name}") for f in figures), default=10)
    print(f"{'figure':<{width}}  {'value':>12}  unit  goal")
    for f in figures:
        bound = "≤" if f.lower_is_better else "≥"
        goal = "" if f.goal is None else f"{bound} {f.goal:g}  {'ok' if f.met else 'MISSED'}"
        print(f"{f.area + ': ' + f.name:<{width}}  {f.value:>12.2f}  {f.unit:<4}  {goal}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "engine": server.engine},
        "quick": args.quick,
        "figures": [f.as_json() for f in figures],
        "failed": failures,
    }
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    print(f"written to {RESULTS / 'latest.json'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
