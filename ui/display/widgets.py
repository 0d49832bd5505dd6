"""The pieces of the hall display: labels by role, the calling band, a counter's tile.

Each piece lays itself out across (landscape) or down (portrait), as the window says.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from ui.common.metrics import Metrics

EMPTY = "—"


def role_label(text: str, role: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    return label


def set_highlighted(frame: QFrame, highlighted: bool) -> None:
    """Switch the style sheet's ``[highlighted="true"]`` rules on or off for a frame."""
    if frame.property("highlighted") == highlighted:
        return
    frame.setProperty("highlighted", highlighted)
    for widget in (frame, *frame.findChildren(QLabel)):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class CallingBand(QFrame):
    """The newest call, as large as the hall needs: "A012 → Quầy 3"."""

    def __init__(self, caption: str, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hero")
        self.setProperty("highlighted", False)
        layout = QVBoxLayout(self)
        pad = metrics.px(4)
        layout.setContentsMargins(2 * pad, pad, 2 * pad, pad)
        layout.setSpacing(0)
        self.caption = role_label(caption, "hero-caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)
        self._line = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._line.setSpacing(metrics.px(20))
        self.number = role_label(EMPTY, "hero-number")
        self.counter = role_label("", "hero-counter")
        for label in (self.number, self.counter):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A long counter name is cut at the screen's edge rather than widen the window past it.
        self.counter.setMinimumWidth(1)
        self._portrait = False
        self._counter_name = ""
        self._line.addStretch(1)
        self._line.addWidget(self.number)
        self._line.addWidget(self.counter)
        self._line.addStretch(1)
        layout.addLayout(self._line)

    def show_call(self, label: str, counter_name: str) -> None:
        self.number.setText(label)
        self._counter_name = counter_name
        self._show_counter()

    def _show_counter(self) -> None:
        # Stacked, the counter's place under the ticket says "go to"; side by side, the arrow.
        if self._counter_name and not self._portrait:
            self.counter.setText(f"→ {self._counter_name}")
        else:
            self.counter.setText(self._counter_name)
        self.counter.setVisible(bool(self._counter_name))

    def show_nothing(self, text: str) -> None:
        self.number.setText(EMPTY)
        self._counter_name = ""
        self._show_counter()
        self.caption.setText(text)

    def set_portrait(self, portrait: bool) -> None:
        """Ticket above counter on a tall screen, side by side on a wide one."""
        self._portrait = portrait
        self._line.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._show_counter()


class CounterTile(QFrame):
    """One open counter: its name and the ticket it serves now."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setProperty("highlighted", False)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        pad = metrics.px(3)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(0)
        self.name = role_label("", "tile-name")
        self.ticket = role_label(EMPTY, "tile-number")
        for label in (self.name, self.ticket):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(label)

    def show_counter(self, name: str, ticket: str | None) -> None:
        self.name.setText(name)
        self.ticket.setText(ticket or EMPTY)

    def set_portrait(self, portrait: bool) -> None:
        """Name beside ticket on a tall screen (more rows), above it on a wide one."""
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom
        )
