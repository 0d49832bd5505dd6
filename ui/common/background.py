"""Blocking work (database, printer) off the GUI thread, results back on the GUI thread.

The GUI thread never waits for a database or a printer: a job runs in a QThreadPool and its
result (or exception) comes back through a queued signal, so the callbacks run on the GUI
thread while the screen goes on repainting and answering taps.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Callbacks:
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None]


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], object], runner: BackgroundRunner) -> None:
        super().__init__()
        self._job_id = job_id
        self._work = work
        self._runner = runner

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._runner.finished.emit(self._job_id, False, exc)
        else:
            self._runner.finished.emit(self._job_id, True, result)


class BackgroundRunner(QObject):
    """Runs callables in a thread pool; lives on the GUI thread, where callbacks are called."""

    finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self.finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], object],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        job_id = next(self._ids)
        self._pending[job_id] = _Callbacks(on_done, on_error)
        self._pool.start(_Job(job_id, work, self))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait for every job (at shutdown and in tests); True when all finished."""
        return self._pool.waitForDone(timeout_ms)

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, succeeded: bool, outcome: object) -> None:
        callbacks = self._pending.pop(job_id)
        if succeeded:
            callbacks.on_done(outcome)
        else:
            assert isinstance(outcome, Exception)
            callbacks.on_error(outcome)
