"""The one place that reads the environment: typed SALESTALK_* values (django-environ) and the secrets."""
from __future__ import annotations

from pathlib import Path

import environ

PREFIX = "SALESTALK_"
MIN_SECRET_BYTES = 32
# Values that were ever written in this repository: anyone can read them, so they sign nothing.
PUBLIC_SECRETS = frozenset({
    "dev-only-insecure-key-change-me",
    "test-secret-key-not-for-production-000000",
    "test-jwt-secret-not-for-production-000000",
    "bench-only-secret-key-0000000000000000",
})

env = environ.Env()


class InsecureSecret(SystemExit):
    """Raised while settings load: the process stops with one line naming the variable."""


def read_env_file(path: Path) -> None:
    """Load ``KEY=value`` lines from ``path`` where it exists; variables already set win."""
    if path.is_file():
        environ.Env.read_env(path, overwrite=False)


def _raw(name: str) -> str:
    return env.str(PREFIX + name, default="")


def env_str(name: str, default: str = "") -> str:
    return env.str(PREFIX + name, default=default)


def env_int(name: str, default: int) -> int:
    return int(_raw(name)) if _raw(name) else default


def env_float(name: str, default: float) -> float:
    return float(_raw(name)) if _raw(name) else default


def env_bool(name: str, default: bool) -> bool:
    return env.bool(PREFIX + name, default=default) if _raw(name) else default


def env_list(name: str, default: list[str]) -> list[str]:
    raw = _raw(name)
    return [part.strip() for part in raw.split(",") if part.strip()] if raw else default


def secret(name: str) -> str:
    """``SALESTALK_<name>``, refusing to start when it is missing, public or shorter than 32 bytes."""
    value = _raw(name)
    if not value:
        problem = "is not set"
    elif value in PUBLIC_SECRETS:
        problem = "is a default written in the repository"
    elif len(value.encode()) < MIN_SECRET_BYTES:
        problem = f"is shorter than {MIN_SECRET_BYTES} bytes"
    else:
        return value
    raise InsecureSecret(
        f"{PREFIX}{name} {problem}: set it to a random value of at least {MIN_SECRET_BYTES} bytes "
        "(`make secrets` writes local ones into .run/secrets.env)."
    )


def signing_secrets() -> tuple[str, str]:
    """Django's SECRET_KEY and the separate JWT signing secret, both checked and never equal."""
    django_key, jwt_key = secret("SECRET_KEY"), secret("JWT_SECRET")
    if django_key == jwt_key:
        raise InsecureSecret(f"{PREFIX}JWT_SECRET equals {PREFIX}SECRET_KEY: give each its own random value.")
    return django_key, jwt_key
