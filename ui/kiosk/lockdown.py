"""Keeping citizens inside the kiosk, and the two ways in from outside it.

- Keys: there is no keyboard for citizens, so every key event is taken away from the widgets
  (no shortcut can close or switch anything). Printable keys followed by Enter are what the
  USB ID-card scanner types; each completed line is handed on as `line_scanned`.
- Staff: a press held `HOLD_SECONDS` in the top-left corner asks for the PIN.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

HOLD_SECONDS = 3
CORNER_MM = 20.0
_KEY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
)
_ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
# Far longer than any scanner takes for one code; a line older than this is a stray key.
MAX_LINE = 512


class KeyboardGuard(QObject):
    """Swallows every key event of the application; emits the lines a scanner types."""

    line_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._line: list[str] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS:
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._take(event)
        return True

    def _take(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            line, self._line = "".join(self._line), []
            if line.strip():
                self.line_scanned.emit(line)
            return
        shortcut = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if shortcut:
            log.debug("ignored a key combination: the kiosk has no shortcuts")
            return
        if event.text().isprintable() and len(self._line) < MAX_LINE:
            self._line.append(event.text())


class CornerHold(QObject):
    """Emits `held` after a press kept `HOLD_SECONDS` in the top-left corner of `window`."""

    held = Signal()

    def __init__(self, window: QWidget, corner_px: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._corner_px = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HOLD_SECONDS * 1000)
        self._timer.timeout.connect(self.held.emit)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def _in_corner(self, event: QMouseEvent) -> bool:
        local = self._window.mapFromGlobal(event.globalPosition().toPoint())
        return QRect(QPoint(0, 0), self._window.size()).contains(local) and (
            local.x() < self._corner_px and local.y() < self._corner_px
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if self._in_corner(event):
                self._timer.start()
        elif kind == QEvent.Type.MouseButtonRelease or (
            kind == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and not self._in_corner(event)
        ):
            self._timer.stop()
        return False
