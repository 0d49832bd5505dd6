"""20 counters calling at once through kiosk-web: click to response, and to the kiosk's
"people ahead" changing.

    .venv/bin/python -m bench.bench_counters_web

A real `kiosk-web` process on SQLite (and PostgreSQL when reachable), 20 counters signed in
with their PINs over loopback (real HTTP, one keep-alive connection and session cookie each,
CSRF tokens as a browser sends them). In each round all 20 press "call next" at the same
moment, then all 20 press "done". Measured per press: until the 303 answer (the action is
committed) and until the redirected page has arrived (what the official sees). A separate
process plays the kiosk: it reads the last ticket's people ahead through `stored_ticket`
every few milliseconds; each call takes one from it, so the k-th change of a round is timed
from the moment the round's presses were sent. Targets (issue 11): p95 under 50 ms on
PostgreSQL, 150 ms on SQLite.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.common import postgres_url, summary_ms, write_result
from kiosk.config import settings_from_mapping
from kiosk.queue.counters import add_counter, set_counter_pin
from kiosk.queue.tickets import issue_ticket, stored_ticket
from kiosk.storage.db import open_database
from kiosk.storage.models import Ticket
from tests.support.databases import postgres_schema_url
from tests.support.web_server import running_kiosk_web

COUNTERS = int(os.environ.get("BENCH_COUNTERS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
PIN = "2468"
KIOSK_POLL_SECONDS = 0.005
TARGET = "p95 < 50 ms (PostgreSQL), < 150 ms (SQLite) from click to response"
_TOKEN = re.compile(rb'name="csrf_token" value="([^"]+)"')


class Browser:
    """One counter PC: a keep-alive HTTP/1.1 connection and its cookies."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.reader: asyncio.StreamReader
        self.writer: asyncio.StreamWriter

    async def connect(self, host: str, port: int) -> None:
        self.address = (host, port)
        self.reader, self.writer = await asyncio.open_connection(host, port)

    async def request(self, method: str, path: str, form: dict[str, str] | None = None):
        """(status, headers, body) of one request; a connection the server closed after its
        keep-alive timeout (5 s idle) is opened again, as a browser does."""
        try:
            return await self._request(method, path, form)
        except ConnectionError:
            self.writer.close()
            await self.connect(*self.address)
            return await self._request(method, path, form)

    async def _request(self, method: str, path: str, form: dict[str, str] | None):
        body = urlencode(form).encode() if form is not None else b""
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Accept-Language: vi"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded"]
        lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        first = await self.reader.readline()
        if not first:
            raise ConnectionError(f"kiosk-web closed the connection ({method} {path})")
        status = int(first.split()[1])
        headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie, _, _ = value.partition(";")
                key, _, content = cookie.partition("=")
                self.cookies[key] = content.strip('"')
            headers[name] = value
        content = await self.reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers, content

    async def token(self) -> str:
        status, _, page = await self.request("GET", "/counter")
        assert status == 200, status
        found = _TOKEN.search(page)
        assert found, "no CSRF token on the page"
        return found.group(1).decode()

    async def sign_in(self, number: int) -> None:
        form = {"counter": str(number), "pin": PIN, "csrf_token": await self.token()}
        status, _, _ = await self.request("POST", "/counter/sign-in", form)
        assert status == 303, f"sign-in of counter {number}: {status}"

    async def press(self, action: str, token: str) -> tuple[float, float, float]:
        """(sent, answered, page arrived) of one button press."""
        sent = time.monotonic()
        status, headers, _ = await self.request(
            "POST", "/counter/act", {"action": action, "csrf_token": token}
        )
        answered = time.monotonic()
        assert status == 303, status
        status, _, _ = await self.request("GET", headers["location"])
        assert status == 200, status
        return sent, answered, time.monotonic()


def kiosk(url: str, ticket_id: int) -> None:
    """The kiosk process: print "monotonic people-ahead" whenever the figure changes."""
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=Path.cwd())
    database = open_database(url, upgrade=False)
    last = None
    while True:
        with database.read() as session:
            ahead = stored_ticket(session, session.get_one(Ticket, ticket_id), settings)
        if ahead.people_ahead != last:
            last = ahead.people_ahead
            print(f"{time.monotonic()} {last}", flush=True)
        time.sleep(KIOSK_POLL_SECONDS)


async def _drive(server_url: str) -> tuple[list[float], list[float], list[float], list[float]]:
    split = urlsplit(server_url)
    browsers = [Browser() for _ in range(COUNTERS)]
    for number, browser in enumerate(browsers, start=1):
        await browser.connect(split.hostname or "127.0.0.1", split.port or 80)
        await browser.sign_in(number)
    answers: list[float] = []
    pages: list[float] = []
    done_answers: list[float] = []
    round_starts: list[float] = []
    for _ in range(ROUNDS):
        tokens = await asyncio.gather(*(b.token() for b in browsers))
        await asyncio.sleep(0.3)
        round_starts.append(time.monotonic())
        calls = await asyncio.gather(
            *(b.press("call", t) for b, t in zip(browsers, tokens, strict=True))
        )
        answers += [answered - sent for sent, answered, _ in calls]
        pages += [page - sent for sent, _, page in calls]
        await asyncio.sleep(0.3)
        done = await asyncio.gather(
            *(b.press("done", t) for b, t in zip(browsers, tokens, strict=True))
        )
        done_answers += [answered - sent for sent, answered, _ in done]
    await asyncio.sleep(0.5)
    for browser in browsers:
        browser.writer.close()
    return answers, pages, done_answers, round_starts


def _kiosk_latencies(lines: list[str], round_starts: list[float], initial: int) -> list[float]:
    seen = [(float(at), int(ahead)) for at, ahead in (line.split() for line in lines if line)]
    latencies = []
    for number, start in enumerate(round_starts):
        before = initial - number * COUNTERS
        for k in range(1, COUNTERS + 1):
            arrivals = [at for at, ahead in seen if at >= start and ahead <= before - k]
            if arrivals:
                latencies.append(arrivals[0] - start)
    return latencies


def run_on(database_url: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-counters-web-") as scratch:
        data_dir = Path(scratch)
        settings = settings_from_mapping({"database": {"url": database_url}}, data_dir=data_dir)
        database = open_database(database_url)
        for number in range(1, COUNTERS + 1):
            add_counter(database, number, queues=("A",))
            set_counter_pin(database, number, PIN)
        tickets = [
            issue_ticket(database, settings, procedure_code="1.001193", prefix="A")
            for _ in range(COUNTERS * ROUNDS + 1)
        ]
        database.dispose()
        limits = {"rate_per_second": 10_000.0, "rate_burst": 100_000}
        with running_kiosk_web(data_dir, database_url, **limits) as server:
            watcher = subprocess.Popen(
                [sys.executable, "-m", "bench.bench_counters_web", "--kiosk", database_url,
                 str(tickets[-1].id)],
                stdout=subprocess.PIPE,
                text=True,
                env=server.environment,
            )  # fmt: skip
            try:
                time.sleep(2.0)
                answers, pages, done_answers, starts = asyncio.run(_drive(server.url))
            finally:
                watcher.terminate()
                output, _ = watcher.communicate(timeout=30)
    kiosk_seen = _kiosk_latencies(output.splitlines(), starts, COUNTERS * ROUNDS)
    return {
        "call_click_to_response": summary_ms(answers),
        "call_click_to_page": summary_ms(pages),
        "done_click_to_response": summary_ms(done_answers),
        "call_click_to_kiosk_people_ahead": summary_ms(kiosk_seen),
        "kiosk_changes_missed": COUNTERS * ROUNDS - len(kiosk_seen),
    }


def run() -> dict[str, object]:
    results: dict[str, object] = {"counters": COUNTERS, "rounds": ROUNDS, "target": TARGET}
    with tempfile.TemporaryDirectory(prefix="bench-counters-web-db-") as scratch:
        results["sqlite"] = run_on(f"sqlite:///{Path(scratch) / 'kiosk.sqlite3'}")
    base = postgres_url()
    if base:
        with postgres_schema_url(base) as url:
            results["postgresql"] = run_on(url)
    return results


def main() -> None:
    if sys.argv[1:2] == ["--kiosk"]:
        kiosk(sys.argv[2], int(sys.argv[3]))
        return
    results = run()
    write_result("counters_web", results)
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            figures = results[backend]
            for measure in (
                "call_click_to_response",
                "call_click_to_page",
                "done_click_to_response",
                "call_click_to_kiosk_people_ahead",
            ):
                timing = figures[measure]
                print(
                    f"{backend} {measure}: median {timing['median_ms']:.1f} ms,"
                    f" p95 {timing['p95_ms']:.1f} ms ({timing['samples']})"
                )


if __name__ == "__main__":
    main()
