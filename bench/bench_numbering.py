"""Numbering throughput: tickets per second with 1, 4 and 8 kiosk processes issuing at once.

Run from the repository root: ``.venv/bin/python -m bench.bench_numbering``. Every process
issues into the same queue (the worst case: one counter row for all of them), on SQLite and
on PostgreSQL (``KIOSK_BENCH_POSTGRES_URL``, default the local server; set it empty to skip).
Target: over 500 tickets/s with 8 processes on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.common import rates_per_backend, write_result
from kiosk.storage.db import open_database

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
    figures = rates_per_backend(
        "numbering", PROCESSES, lambda url, n: issue_in_parallel(url, n, TICKETS_PER_RUN), "tickets"
    )
    return {
        "tickets_per_run": TICKETS_PER_RUN,
        "tickets_per_second": figures,
        "target": f"> {TARGET_PER_SECOND_PG_8} tickets/s with 8 processes on PostgreSQL",
    }


def main() -> None:
    write_result("numbering", run())


if __name__ == "__main__":
    main()
