"""Idle handling: no touch for a while, then a countdown, then everything is cleared.

WCAG 2.2 2.2.1: the citizen is warned, has at least 20 s to answer, and may ask for more
time as often as they like.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

# A touch or a key (a scanner types like a keyboard) shows that someone is there.
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
    }
)
SECOND_MS = 1000


class IdleWatcher(QObject):
    """Watches every input event of the application while `watch()` is on.

    After `idle_seconds` without input it emits `warning_started` and then `seconds_left`
    every second; `more_time()` starts the idle time again; at zero `expired` is emitted.
    During the countdown input elsewhere does not count: the citizen answers the question.
    """

    warning_started = Signal()
    seconds_left = Signal(int)
    expired = Signal()

    def __init__(self, idle_seconds: int, warning_seconds: int, parent: QObject | None = None):
        super().__init__(parent)
        self._warning_seconds = warning_seconds
        self._left = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_seconds * SECOND_MS)
        self._idle.timeout.connect(self._warn)
        self._tick = QTimer(self)
        self._tick.setInterval(SECOND_MS)
        self._tick.timeout.connect(self._count_down)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    @property
    def warning(self) -> bool:
        return self._tick.isActive()

    def watch(self) -> None:
        """Start (or restart) the idle time."""
        self._tick.stop()
        self._idle.start()

    def stop(self) -> None:
        self._idle.stop()
        self._tick.stop()

    def more_time(self) -> None:
        self.watch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()
        return False

    def _warn(self) -> None:
        self._left = self._warning_seconds
        self._tick.start()
        self.warning_started.emit()
        self.seconds_left.emit(self._left)

    def _count_down(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.seconds_left.emit(self._left)
            return
        self.stop()
        self.expired.emit()
