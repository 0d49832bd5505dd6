"""An on-screen keyboard for searching in Vietnamese without tone marks: letters, space, erase.

Search ignores tone marks and đ, so plain Latin letters find every procedure; a citizen who
cannot type marks on a touch screen loses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.widgets.tap_button import TapButton

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
GAP_MM = 5.0


class SearchKeyboard(Retranslating, QWidget):
    """Emits `typed` with a letter or a space, and `erased` for the key that deletes one."""

    typed = Signal(str)
    erased = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(metrics.px(GAP_MM))
        # Two grid columns per key, so the shorter rows sit half a key in, as on a keyboard.
        for row, letters in enumerate(ROWS):
            for position, letter in enumerate(letters):
                key = TapButton(letter.upper(), "key")
                key.clicked.connect(lambda _checked=False, letter=letter: self.typed.emit(letter))
                grid.addWidget(key, row, row + position * 2, 1, 2)
        self._space = TapButton("", "key")
        self._erase = TapButton("", "key")
        self._space.clicked.connect(lambda: self.typed.emit(" "))
        self._erase.clicked.connect(self.erased.emit)
        last = len(ROWS)
        grid.addWidget(self._space, last, 0, 1, 12)
        grid.addWidget(self._erase, last, 12, 1, 8)
        self.retranslate()

    def retranslate(self) -> None:
        self._space.setText(self.tr("Space"))
        self._erase.setText(self.tr("⌫ Erase"))
