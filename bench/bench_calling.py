"""Calling throughput: calls per second (call next + done) with 1, 4 and 8 counter processes.

Run from the repository root: ``.venv/bin/python -m bench.bench_calling``. 1,600 tickets
wait in queues A and B (one in four with priority); every counter serves both and calls
under ``interleave:3``, on SQLite and on PostgreSQL (``KIOSK_BENCH_POSTGRES_URL``, default
the local server; set it empty to skip). A centre's counters call a few times a minute
each: the figure says how much room there is, not a target.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.common import rates_per_backend, write_result
from kiosk.config import settings_from_mapping
from kiosk.queue.counters import add_counter
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import open_database
from kiosk.storage.models import Priority

REPO = Path(__file__).resolve().parents[1]
PROCESSES = (1, 4, 8)
CALLS_PER_RUN = 800
POLICY = "interleave:3"


def _prepare(url: str, counters: int, tickets: int) -> None:
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=REPO)
    database = open_database(url)
    try:
        for number in range(1, counters + 1):
            add_counter(database, number, queues=("A", "B"))
        for n in range(tickets):
            priority = Priority.ELDERLY if n % 4 == 3 else None
            issue_ticket(
                database, settings, procedure_code="1.001193", prefix="AB"[n % 2], priority=priority
            )
    finally:
        database.dispose()


def call_in_parallel(url: str, processes: int, calls: int) -> float:
    """Calls per second (each call next followed by done) of ``processes`` counters at once."""
    _prepare(url, processes, calls)
    start_at = time.time() + 3.0
    workers = [
        subprocess.Popen(
            [
                sys.executable, "-m", "tests.support.counter_worker",
                url, str(number), str(calls // processes), str(start_at), POLICY,
            ],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        for number in range(1, processes + 1)
    ]  # fmt: skip
    for worker in workers:
        if worker.wait(timeout=900) != 0:
            raise RuntimeError(f"a counter worker failed on {url}")
    return calls / (time.time() - start_at)


def run() -> dict[str, object]:
    figures = rates_per_backend(
        "calling", PROCESSES, lambda url, n: call_in_parallel(url, n, CALLS_PER_RUN), "calls"
    )
    return {"calls_per_run": CALLS_PER_RUN, "policy": POLICY, "calls_per_second": figures}


def main() -> None:
    write_result("calling", run())


if __name__ == "__main__":
    main()
