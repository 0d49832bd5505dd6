"""Hall display latency: a call committed at a counter in one process, painted by the display
in another.

Run from the repository root: ``.venv/bin/python -m bench.bench_display_latency``. A counter
process (tests.support.hall_counter_worker.py) finishes its ticket, then calls the next one, at
irregular intervals so that SQLite's 200 ms polling is caught at every phase; the display
(offscreen Qt, the real `DisplayWindow` sized for a 43-inch TV, with its change watch, its
reads off the GUI thread and its announcement queue) records when the calling band is first
painted with the new ticket. On SQLite and on PostgreSQL (``KIOSK_BENCH_POSTGRES_URL``,
default the local server; set it empty to skip). Targets at the 95th percentile: under
500 ms on SQLite, 100 ms on PostgreSQL.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from bench.common import latencies_per_backend, write_result
from kiosk.config import settings_from_mapping
from kiosk.storage.db import open_database
from tests.support.calling_counters import CallingCounters
from tests.support.hall import issue_tickets, open_counters, tv_display
from ui.common.app_setup import create_application

SAMPLES = 60
COUNTERS = (1, 2)
TARGETS_MS = {"sqlite": 500, "postgresql": 100}
TIMEOUT_MS = 10_000


class PaintWatch(QObject):
    """When a label was first painted showing each text (wall clock, comparable across
    processes); quits a waiting event loop when the awaited text has been painted."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.painted: dict[str, float] = {}
        self.awaited: str | None = None
        self.loop: QEventLoop | None = None
        self._label = label
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            text = self._label.text()
            self.painted.setdefault(text, time.time())
            if text == self.awaited and self.loop is not None:
                # After this paint has been done, not before it.
                QTimer.singleShot(0, self.loop.quit)
        return False

    def wait_for(self, text: str) -> float:
        """Wait in an event loop, as the display does all day (a busy loop would hold the
        interpreter lock that the display's reading thread needs, and measure that)."""
        if text not in self.painted:
            self.awaited, self.loop = text, QEventLoop()
            QTimer.singleShot(TIMEOUT_MS, self.loop.quit)
            self.loop.exec()
            self.awaited = self.loop = None
        return self.painted[text]


def measure(url: str, data_dir: Path) -> list[float]:
    """Seconds from each call's commit (in the counter process) to the display painting it."""
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=data_dir)
    database = open_database(url)
    open_counters(database, range(1, len(COUNTERS) + 1))
    issue_tickets(database, settings, SAMPLES + len(COUNTERS))
    window = tv_display(settings, database)
    watch = PaintWatch(window.hero.number)
    window.show()
    window.start()
    QTest.qWait(500)
    gaps = random.Random(7)
    latencies = []
    with CallingCounters(url) as counters:
        counters.call(*COUNTERS)
        QTest.qWait(300)
        for n in range(SAMPLES):
            counter = COUNTERS[n % 2]
            counters.serve(counter)
            QTest.qWait(gaps.randint(40, 260))
            [(label, _counter, committed_at)] = counters.call(counter)
            latencies.append(watch.wait_for(label) - committed_at)
            QTest.qWait(gaps.randint(40, 260))
    window.stop()
    window.deleteLater()
    database.dispose()
    return latencies


def run() -> dict[str, object]:
    create_application("bench-display-latency", [sys.argv[0]])
    figures = latencies_per_backend("display latency", measure, TARGETS_MS)
    return {"latency_commit_to_display_painted": figures, "targets_ms": TARGETS_MS}


def main() -> None:
    write_result("display_latency", run())


if __name__ == "__main__":
    main()
