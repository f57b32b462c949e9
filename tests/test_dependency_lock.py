"""The dependency locks: every declared dependency pinned, within its range; the image without UI packages."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*([^#]+?))?\s*(?:#.*)?$")
PYTHONS = ("3.11", "3.12")  # make install's and the Lambda image's


def pins(lock: str, *, python: str) -> dict[str, Version]:
    """The versions a lock installs on ``python`` (a universal lock may pin per Python version)."""
    found = {}
    for line in (ROOT / "requirements" / lock).read_text().splitlines():
        match = PIN.match(line.strip())
        if not match:
            continue
        name, version, marker = match.groups()
        environment = {"python_version": python, "python_full_version": f"{python}.0"}
        if marker is None or Marker(marker).evaluate(environment):
            found[canonicalize_name(name)] = Version(version)
    return found


def declared(*extras: str) -> list[Requirement]:
    lists = [PROJECT["dependencies"], *(PROJECT["optional-dependencies"][extra] for extra in extras)]
    return [Requirement(text) for entries in lists for text in entries]


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize(("lock", "extras"), [("lambda.lock", ()), ("dev.lock", ("ui", "local", "dev"))])
def test_every_declared_dependency_is_pinned_within_its_range(lock, extras, python):
    pinned = pins(lock, python=python)
    for requirement in declared(*extras):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not in {lock}: run make lock"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (requirement, pinned[name])


def test_the_lambda_lock_leaves_out_the_ui_and_local_packages_and_the_test_tools():
    image = set(pins("lambda.lock", python="3.12"))
    optional = PROJECT["optional-dependencies"]
    left_out = {canonicalize_name(Requirement(text).name) for text in [*optional["ui"], *optional["local"]]}
    left_out |= {"pytest", "moto", "playwright", "hypothesis", "schemathesis", "ruff", "awslambdaric", "uv"}
    assert left_out and not left_out & image, left_out & image


def test_install_and_image_install_from_the_locks():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet -r requirements/dev.lock" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "-r requirements/lambda.lock" in dockerfile and "pyproject.toml" not in dockerfile
