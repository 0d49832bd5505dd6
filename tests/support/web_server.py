"""A real `kiosk-web` process on a free loopback port, and kiosk-admin beside it.

Used by the live-update, browser and benchmark runs: the same configuration file for both, so
tickets issued or cancelled by another process reach the pages as they would in a centre.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class WebServer:
    url: str
    process: subprocess.Popen[bytes]
    environment: dict[str, str]
    log: Path

    def admin(
        self, *args: str, json_output: bool = True, stdin: str = ""
    ) -> dict[str, object] | None:
        """Run ``kiosk-admin ARGS --json`` against the same database; its JSON record."""
        done = subprocess.run(
            [sys.executable, "-m", "kiosk.cli.main", *args, *(["--json"] if json_output else [])],
            capture_output=True,
            input=stdin,
            text=True,
            env=self.environment,
            timeout=120,
            check=True,
        )
        lines = done.stdout.splitlines()
        return json.loads(lines[-1]) if lines and json_output else None

    def issue(self, procedure: str = "1.001193") -> dict[str, object]:
        record = self.admin("ticket", "issue", "--procedure", procedure)
        assert record is not None
        return record

    def add_counter(self, number: int, queues: str, pin: str) -> None:
        """A counter named "Quầy N" serving ``queues``, signed in with ``pin``."""
        self.admin("counters", "add", str(number), "--queues", queues)
        self.admin("counters", "set-pin", str(number), "--pin-stdin", json_output=False, stdin=pin)

    def cancel(self, ticket_id: int, day: str) -> None:
        """Cancel a waiting ticket from another process (as the counters will)."""
        subprocess.run(
            [sys.executable, "-m", "tests.support.leave_worker", str(ticket_id), day],
            env=self.environment,
            timeout=120,
            check=True,
        )


def write_config(data_dir: Path, database_url: str, port: int, web: dict[str, object]) -> Path:
    lines = ["[database]", f"url = {json.dumps(database_url)}", "[web]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in web.items()]
    lines.append(f'public_url = "http://127.0.0.1:{port}"')
    config = data_dir / "kiosk.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


@contextmanager
def running_kiosk_web(data_dir: Path, database_url: str, **web: object) -> Iterator[WebServer]:
    """Start kiosk-web on ``database_url`` and wait until it answers; stop it afterwards."""
    port = free_port()
    config = write_config(data_dir, database_url, port, web)
    environment = {
        **os.environ,
        "KIOSK_CONFIG": str(config),
        "KIOSK_DATA_DIR": str(data_dir),
    }
    log = data_dir / "kiosk-web.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "web.main", "--port", str(port)],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = WebServer(f"http://127.0.0.1:{port}", process, environment, log)
    try:
        _wait_until_serving(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_serving(server: WebServer, within: float = 90.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"kiosk-web ended: {server.log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{server.url}/openapi.json", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"kiosk-web did not answer: {server.log.read_text(errors='replace')}")
