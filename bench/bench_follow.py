"""500 phones following their tickets at once: from a change's commit to each page's update.

    .venv/bin/python -m bench.bench_follow

A real `kiosk-web` process on SQLite (and PostgreSQL when reachable); 500 Server-Sent-Events
connections over loopback, one per ticket. Another process (this one) cancels the first
waiting ticket, 20 times, 1.5 s apart: every followed page then has one fewer ahead. For
each page and change: the time from the commit until the event saying so arrived. Also
kiosk-web's resident memory (now and peak). Targets (issue 13): p95 under 1 s, under 250 MB.
Calls by counters replace the cancels once counters exist (issue 11).
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import postgres_url, summary_ms, write_result
from kiosk.config import settings_from_mapping
from kiosk.queue.follow_board import leave_queue
from kiosk.queue.follow_links import KEY_NAME, follow_token
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import open_database
from kiosk.storage.secrets import service_secret
from tests.support.databases import postgres_schema_url
from tests.support.web_server import running_kiosk_web

PHONES = 500
CHANGES = 20
GAP_SECONDS = 1.5
TARGET = "p95 < 1 s from commit to the page's update; kiosk-web < 250 MB resident"


class Phone:
    """One SSE connection: the people-ahead figures it was sent and when."""

    def __init__(self) -> None:
        self.updates: list[tuple[float, int | None]] = []

    async def follow(self, host: str, port: int, path: str, ready: asyncio.Event) -> None:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        try:
            while line := await reader.readline():
                if line.startswith(b"data: "):
                    state = json.loads(line[6:])
                    self.updates.append((time.monotonic(), state["people_ahead"]))
                    ready.set()
        finally:
            writer.close()


def memory_mb(pid: int) -> dict[str, float]:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    kb = {name: int(fields[name].split()[0]) for name in ("VmRSS", "VmHWM")}
    return {"resident_mb": round(kb["VmRSS"] / 1024, 1), "peak_mb": round(kb["VmHWM"] / 1024, 1)}


async def _drive(
    server_url: str, paths: list[str], database, cancel_ids, day
) -> tuple[list[float], int]:
    split = urlsplit(server_url)
    phones = [Phone() for _ in paths]
    readies = [asyncio.Event() for _ in paths]
    tasks = []
    for phone, path, ready in zip(phones, paths, readies, strict=True):
        tasks.append(asyncio.create_task(phone.follow(split.hostname, split.port, path, ready)))
        await asyncio.sleep(0.002)  # open them over a second, as phones would
    await asyncio.wait_for(asyncio.gather(*(ready.wait() for ready in readies)), 120)
    commits = []
    for ticket_id in cancel_ids:
        await asyncio.sleep(GAP_SECONDS)
        await asyncio.to_thread(leave_queue, database, ticket_id, day)
        commits.append(time.monotonic())
    await asyncio.sleep(3.0)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    latencies = []
    missed = 0
    for phone in phones:
        # Each cancel takes one person from ahead of every followed ticket.
        initial = phone.updates[0][1]
        for count, commit in enumerate(commits, start=1):
            arrivals = [
                at for at, ahead in phone.updates if ahead is not None and ahead <= initial - count
            ]
            if arrivals:
                latencies.append(max(0.0, arrivals[0] - commit))
            else:
                missed += 1
    return latencies, missed


def run_on(database_url: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-follow-") as scratch:
        data_dir = Path(scratch)
        settings = settings_from_mapping({"database": {"url": database_url}}, data_dir=data_dir)
        database = open_database(database_url)
        tickets = [
            issue_ticket(database, settings, procedure_code="1.001193", prefix="A")
            for _ in range(CHANGES + PHONES)
        ]
        key = service_secret(database, KEY_NAME)
        followed = tickets[CHANGES:]
        paths = [f"/t/{follow_token(key, t.id, t.service_day)}/events" for t in followed]
        limits = {"rate_per_second": 10_000.0, "rate_burst": 100_000}
        with running_kiosk_web(data_dir, database_url, **limits) as server:
            before = memory_mb(server.process.pid)
            latencies, missed = asyncio.run(
                _drive(
                    server.url,
                    paths,
                    database,
                    [t.id for t in tickets[:CHANGES]],
                    tickets[0].service_day,
                )
            )
            after = memory_mb(server.process.pid)
        database.dispose()
    return {
        "commit_to_update": summary_ms(latencies),
        "updates_missed": missed,
        "memory_idle_mb": before["resident_mb"],
        "memory_with_phones_mb": after["resident_mb"],
        "memory_peak_mb": after["peak_mb"],
    }


def run() -> dict[str, object]:
    results: dict[str, object] = {"phones": PHONES, "changes": CHANGES, "target": TARGET}
    with tempfile.TemporaryDirectory(prefix="bench-follow-db-") as scratch:
        results["sqlite"] = run_on(f"sqlite:///{Path(scratch) / 'kiosk.sqlite3'}")
    base = postgres_url()
    if base:
        with postgres_schema_url(base) as url:
            results["postgresql"] = run_on(url)
    return results


def main() -> None:
    results = run()
    write_result("follow", results)
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            figures = results[backend]
            timing = figures["commit_to_update"]
            print(
                f"{backend}: median {timing['median_ms']:.0f} ms, p95 {timing['p95_ms']:.0f} ms"
                f" ({timing['samples']} updates, {figures['updates_missed']} missed);"
                f" kiosk-web {figures['memory_with_phones_mb']} MB"
                f" (peak {figures['memory_peak_mb']} MB)"
            )


if __name__ == "__main__":
    main()
