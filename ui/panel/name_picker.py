"""The volunteer-name picker: a volunteer taps their name from the roster once per session."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.panel.widgets import panel_button, panel_label

NAME_COLUMNS = 4


class NamePicker(Retranslating, QWidget):
    """One button per name on the roster (``kiosk-admin volunteers add``), and Back."""

    picked = Signal(str)
    back_requested = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        layout = QVBoxLayout(self)
        self._title = panel_label("title")
        self._empty = panel_label("body")
        self._grid = QGridLayout()
        self._grid.setSpacing(metrics.px(3))
        self._back = panel_button("plain")
        self._back.clicked.connect(self.back_requested.emit)
        layout.addWidget(self._title)
        layout.addWidget(self._empty)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        layout.addWidget(self._back, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    @property
    def names(self) -> list[str]:
        return list(self._names)

    def show_names(self, names: Sequence[str]) -> None:
        self._names = list(names)
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for n, name in enumerate(self._names):
            button = panel_button("plain", name)
            button.clicked.connect(lambda _checked=False, chosen=name: self.picked.emit(chosen))
            self._grid.addWidget(button, n // NAME_COLUMNS, n % NAME_COLUMNS)
        self._empty.setVisible(not self._names)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Pick your name"))
        self._empty.setText(
            self.tr("No names yet. Staff add them with:\nkiosk-admin volunteers add NAME")
        )
        self._back.setText(self.tr("Back"))
