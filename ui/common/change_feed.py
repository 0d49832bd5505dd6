"""Glue between a `kiosk.storage.change_watch.ChangeWatch` and the Qt event loop.

A PostgreSQL listener wakes the loop through a QSocketNotifier on its socket; an SQLite
watcher is asked by a QTimer. Neither needs a thread to listen; only (re)connecting runs on a
worker, as reaching a server that went away can take seconds. When the connection is lost, the feed
says so, retries with a growing delay and, once connected again, asks for a full reload:
notices sent while it was away are gone, the database is not.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from kiosk.errors import DatabaseUnavailable
from kiosk.storage.change_watch import ChangeWatch
from ui.common.background import BackgroundRunner

log = logging.getLogger(__name__)

# Delays between reconnection attempts, in milliseconds; the last one repeats.
RETRY_DELAYS_MS = (1000, 2000, 4000, 8000)


class ChangeFeed(QObject):
    """Emits `changed` whenever the database may have changed, and after every (re)connection."""

    changed = Signal()
    lost = Signal(str)
    restored = Signal()

    def __init__(self, watch: ChangeWatch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watch = watch
        self._notifier: QSocketNotifier | None = None
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._read)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._connect)
        self._failures = 0
        self._live = False
        self._opening = False
        self._stopped = False
        self._runner = BackgroundRunner(self)

    @property
    def is_live(self) -> bool:
        return self._live

    def start(self) -> None:
        self._stopped = False
        self._connect()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        self._runner.wait()
        self._disconnect()

    def connection_lost(self, reason: str) -> None:
        """The watch or a window's query found the database gone: reconnect and reload."""
        was_live = self._live
        self._live = False
        self._disconnect()
        delay = RETRY_DELAYS_MS[min(self._failures, len(RETRY_DELAYS_MS) - 1)]
        self._failures += 1
        if was_live or self._failures == 1:
            log.warning("lost the database (%s); reconnecting", reason)
        self.lost.emit(reason)
        self._retry.start(delay)

    def _connect(self) -> None:
        if self._opening:
            return
        self._opening = True
        self._runner.run(self._watch.open, self._opened, self._open_failed)

    def _open_failed(self, error: Exception) -> None:
        self._opening = False
        if self._stopped:
            return
        if not isinstance(error, DatabaseUnavailable):
            log.error("the change watch could not start", exc_info=error)
        self.connection_lost(str(error))

    def _opened(self, _result: object) -> None:
        self._opening = False
        if self._stopped:
            # The window closed while the connection was being made.
            self._watch.close()
            return
        fileno = self._watch.fileno()
        if fileno is not None:
            self._notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._read)
        else:
            self._poll.start(self._watch.poll_interval_ms or 0)
        if self._failures:
            log.info("database reachable again; reloading everything")
        self._failures = 0
        self._live = True
        self.restored.emit()
        self.changed.emit()

    def _read(self) -> None:
        try:
            heard = self._watch.changed()
        except DatabaseUnavailable as exc:
            self.connection_lost(str(exc))
            return
        if heard:
            self.changed.emit()

    def _disconnect(self) -> None:
        self._poll.stop()
        if self._notifier is not None:
            # Off before the socket closes, or Qt would watch a dead descriptor.
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._watch.close()
