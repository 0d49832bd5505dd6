"""A real kiosk-web process: its event stream follows changes made by other processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.web_server import running_kiosk_web

pytestmark = pytest.mark.slow


def sse_states(url: str, timeout: float = 30.0) -> Iterator[dict]:
    """The ``state`` events of a Server-Sent-Events stream, as they arrive."""
    with urllib.request.urlopen(url, timeout=timeout) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        event = None
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "state":
                yield json.loads(line[6:])


def test_a_followed_page_hears_tickets_issued_and_cancelled_elsewhere(
    database_url: str, tmp_path: Path
) -> None:
    with running_kiosk_web(tmp_path, database_url) as server:
        first = server.issue()
        mine = server.issue()
        follow_url = str(mine["follow_url"])
        assert follow_url.startswith(f"{server.url}/t/")
        listed = server.admin("ticket", "list")
        assert listed is not None
        assert listed["follow_url"] == follow_url

        states = sse_states(f"{follow_url}/events?lang=en")
        now = next(states)
        assert (now["label"], now["state"], now["people_ahead"]) == ("A002", "waiting", 1)

        server.issue()  # behind mine: my page has nothing new to say
        server.cancel(int(first["id"]), str(first["service_day"]))
        now = next(states)
        assert (now["people_ahead"], now["estimated_wait_minutes"]) == (0, 0)
        assert "You are next" in now["html"]

        server.cancel(int(mine["id"]), str(mine["service_day"]))
        now = next(states)
        assert now["state"] == "cancelled"
        assert "This ticket has been cancelled." in now["html"]
        states.close()


def test_kiosk_web_refuses_a_bad_port_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "web.main", "--port", "70000"],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "kiosk-web: --port 70000: expected a port number from 1 to 65535"
    ]
