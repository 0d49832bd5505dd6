"""Numbering throughput: tickets per second with 1, 4 and 8 kiosk processes issuing at once.

Run from the repository root: ``.venv/bin/python -m bench.bench_numbering``. Every process
issues into the same queue (the worst case: one counter row for all of them), on SQLite and
on PostgreSQL (``KIOSK_BENCH_POSTGRES_URL``, default the local server; set it empty to skip).
Target: over 500 tickets/s with 8 processes on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import postgres_url, write_result
from kiosk.storage.db import open_database
from tests.support.databases import postgres_schema_url

REPO = Path(__file__).resolve().parents[1]
PROCESSES = (1, 4, 8)
TICKETS_PER_RUN = 1_600
TARGET_PER_SECOND_PG_8 = 500


def issue_in_parallel(url: str, processes: int, tickets: int) -> float:
    """Tickets per second for ``processes`` workers sharing ``tickets`` after a common start."""
    open_database(url).dispose()  # migrate first, outside the measurement
    start_at = time.time() + 1.5
    workers = [
        subprocess.Popen(
            [
                sys.executable, "-m", "tests.support.issue_worker",
                url, str(tickets // processes), str(start_at),
            ],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(processes)
    ]  # fmt: skip
    for worker in workers:
        if worker.wait(timeout=600) != 0:
            raise RuntimeError(f"a numbering worker failed on {url}")
    return tickets / (time.time() - start_at)


def run() -> dict[str, object]:
    figures: dict[str, dict[str, float]] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        backends = {"sqlite": lambda n: f"sqlite:///{folder / f'numbering-{n}.sqlite3'}"}
        base = postgres_url()
        if base:
            backends["postgresql"] = lambda n: stack.enter_context(postgres_schema_url(base))
        for backend, make_url in backends.items():
            figures[backend] = {}
            for processes in PROCESSES:
                rate = issue_in_parallel(make_url(processes), processes, TICKETS_PER_RUN)
                figures[backend][f"{processes}_processes_per_s"] = round(rate, 1)
                print(f"numbering {backend:10} {processes} processes: {rate:8.1f} tickets/s")
    return {
        "tickets_per_run": TICKETS_PER_RUN,
        "tickets_per_second": figures,
        "target": f"> {TARGET_PER_SECOND_PG_8} tickets/s with 8 processes on PostgreSQL",
    }


def main() -> None:
    write_result("numbering", run())


if __name__ == "__main__":
    main()
