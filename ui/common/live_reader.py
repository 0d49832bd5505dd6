"""What keeps a live window (the help-desk panel, the hall display) current with the database.

`LiveReader` listens to a `ChangeFeed`, reads what the window shows off the GUI thread on every
change notice (a burst of notices makes one read; notices that come during a read make exactly
one more), hands the result to the window on the GUI thread, and tells the feed when a read
found the database gone. It also ticks once a second, for what ages without a notice (a clock,
waiting times). `LiveWindow` gives such a window its `start()`, `stop()` and `busy`, so that the
window says only what it reads and how it shows it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QCloseEvent

from kiosk.errors import DatabaseUnavailable
from kiosk.storage.change_watch import ChangeWatch
from ui.common.background import BackgroundRunner
from ui.common.change_feed import ChangeFeed

log = logging.getLogger(__name__)

TICK_MS = 1000

T = TypeVar("T")


class LiveReader(QObject, Generic[T]):
    """One read at a time of what a window shows, on every change the feed hears.

    ``next_read`` is called on the GUI thread as a read begins (so it may look at what the
    window already shows) and returns the blocking read, which runs on `runner`; ``show``
    gets its result on the GUI thread. ``fault`` is logged when the database answers a read
    or write with an error rather than going away.
    """

    def __init__(
        self,
        watch: ChangeWatch,
        next_read: Callable[[], Callable[[], T]],
        show: Callable[[T], None],
        *,
        every_second: Callable[[], None],
        fault: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._next_read = next_read
        self._show = show
        self._fault = fault
        self._reading = False
        self._read_again = False
        # The window's own database work (a volunteer's tap) may run here too, so that `busy`
        # and `stop()` cover it.
        self.runner = BackgroundRunner(self)
        self.feed = ChangeFeed(watch, self)
        self.feed.changed.connect(self.read_soon)
        # A burst of notices (five counters calling at once) becomes one read.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.read)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(every_second)

    def start(self) -> None:
        """Listen for changes (the feed reads once it is connected) and start ticking."""
        self.feed.start()
        self._tick.start()

    def stop(self) -> None:
        """Stop listening and ticking, and wait for the work under way."""
        self._tick.stop()
        self._soon.stop()
        self.feed.stop()
        self.runner.wait()

    @property
    def busy(self) -> bool:
        """Whether a read, or other work on `runner`, is still under way."""
        return self._reading or self.runner.busy

    def read_soon(self) -> None:
        """Read once the event loop is back (notices queued meanwhile make the same read)."""
        self._soon.start()

    def read(self) -> None:
        """Read now, off the GUI thread; during a read, make exactly one more after it."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.runner.run(self._next_read(), self._read_done, self._read_failed)

    def report_failure(self, error: Exception) -> None:
        """A read or write failed: a lost database makes the feed reconnect, else it is logged."""
        if isinstance(error, DatabaseUnavailable):
            self.feed.connection_lost(str(error))
        else:
            log.error("%s", self._fault, exc_info=error)

    def _read_done(self, result: T) -> None:
        try:
            self._show(result)
        finally:
            self._finish()

    def _read_failed(self, error: Exception) -> None:
        self.report_failure(error)
        self._finish()

    def _finish(self) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.read()


class LiveWindow:
    """Mixin for a window kept current by a `LiveReader` it sets as ``self.live``.

    Call `start()` once the window is shown; closing it stops it. List the mixin before the Qt
    class: ``class PanelWindow(LiveWindow, QWidget)``.
    """

    live: LiveReader[Any]

    def start(self) -> None:
        self.live.start()

    def stop(self) -> None:
        self.live.stop()

    @property
    def busy(self) -> bool:
        """Whether a read of the database, or other work on the window's runner, is under way."""
        return self.live.busy

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)  # type: ignore[misc]
