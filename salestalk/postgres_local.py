"""A throwaway PostgreSQL server (Debian's ``postgresql`` package) for the Django side of the tests.

``python -m salestalk.postgres_local pytest <args>`` starts a fresh cluster in a temporary folder on a
private port and socket folder, runs pytest with ``DATABASE_URL`` pointing at it, then removes it.
PostgreSQL refuses to run as root, so under root the cluster belongs to the ``postgres`` user.
Where no server binaries exist the run is skipped loudly (exit 0). Standard library only.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from salestalk.dynamodb_local import free_port

SERVER_USER = "postgres"
DATABASE = "salestalk"
ROLE = "salestalk"


@dataclass(frozen=True)
class Server:
    url: str
    data_dir: Path


def find_bin_dir() -> Path | None:
    """The newest installed server's bin folder (Debian keeps it off PATH)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if candidates:
        return candidates[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _run_as() -> pwd.struct_passwd | None:
    return pwd.getpwnam(SERVER_USER) if os.geteuid() == 0 else None


def _owned_by(path: Path, user: pwd.struct_passwd | None) -> None:
    if user is not None:
        os.chown(path, user.pw_uid, user.pw_gid)


@contextmanager
def running(*, bin_dir: Path) -> Iterator[Server]:
    user = _run_as()
    base = Path(tempfile.mkdtemp(prefix="salestalk-pg-"))
    data_dir, socket_dir = base / "data", base / "socket"
    socket_dir.mkdir()
    for folder in (base, socket_dir):
        folder.chmod(0o700)
        _owned_by(folder, user)
    port = free_port()
    as_user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []} if user else {}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, **as_user}
    try:
        subprocess.run(
            [bin_dir / "initdb", "-D", data_dir, "-U", ROLE, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            **quiet,
        )
        # Loopback only, on a private socket folder; fsync off: the cluster lives for one run.
        options = f"-h 127.0.0.1 -p {port} -k {socket_dir} -c fsync=off -c full_page_writes=off"
        subprocess.run(
            [bin_dir / "pg_ctl", "-D", data_dir, "-o", options, "-l", base / "server.log", "-w", "start"],
            check=True,
            **quiet,
        )
        _create_database(bin_dir=bin_dir, port=port, as_user=as_user)
        yield Server(url=f"postgres://{ROLE}@127.0.0.1:{port}/{DATABASE}", data_dir=data_dir)
    finally:
        if (data_dir / "postmaster.pid").exists():
            subprocess.run([bin_dir / "pg_ctl", "-D", data_dir, "-m", "immediate", "stop"], check=False, **quiet)
        shutil.rmtree(base, ignore_errors=True)


def _create_database(*, bin_dir: Path, port: int, as_user: dict) -> None:
    deadline = time.monotonic() + 30
    while True:
        done = subprocess.run(
            [bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", ROLE, DATABASE],
            check=False,
            capture_output=True,
            **as_user,
        )
        if done.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(done.stderr.decode(errors="replace"))
        time.sleep(0.2)


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "pytest":
        print("usage: python -m salestalk.postgres_local pytest <pytest arguments>", file=sys.stderr)
        return 2
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("!!! PostgreSQL is not installed (make postgres): the PostgreSQL tests are SKIPPED !!!")
        return 0
    with running(bin_dir=bin_dir) as server:
        env = {**os.environ, "DATABASE_URL": server.url, "SALESTALK_EXPECT_DATABASE": "postgresql"}
        return subprocess.run([sys.executable, "-m", "pytest", *argv[1:]], env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
