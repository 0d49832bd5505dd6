"""The bar on every screen after Welcome: Back, Home, the language switch and "Read aloud"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.screens.welcome import LANGUAGE_NAMES
from ui.kiosk.widgets.tap_button import TapButton

GAP_MM = 5.0


class NavigationBar(Retranslating, QWidget):
    back_requested = Signal()
    home_requested = Signal()
    language_requested = Signal(str)
    read_aloud_requested = Signal()

    def __init__(
        self, metrics: Metrics, languages: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._languages = tuple(languages)
        self._language = self._languages[0]
        self.back = TapButton()
        self.home = TapButton()
        self.language = TapButton()
        self.read_aloud = TapButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(metrics.px(GAP_MM))
        for button in (self.back, self.home, self.language, self.read_aloud):
            row.addWidget(button)
        row.insertStretch(2, 1)
        self.language.setVisible(len(self._languages) > 1)
        self.back.clicked.connect(self.back_requested.emit)
        self.home.clicked.connect(self.home_requested.emit)
        self.read_aloud.clicked.connect(self.read_aloud_requested.emit)
        self.language.clicked.connect(lambda: self.language_requested.emit(self._next_language()))
        self.retranslate()

    def show_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def _next_language(self) -> str:
        index = self._languages.index(self._language) if self._language in self._languages else -1
        return self._languages[(index + 1) % len(self._languages)]

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Back"))
        self.home.setText(self.tr("⌂ Start"))
        # Offered in its own words, so that a citizen who cannot read this one finds theirs.
        following = self._next_language()
        self.language.setText(LANGUAGE_NAMES.get(following, following))
        self.read_aloud.setText(self.tr("Read aloud"))
