"""What every screen of the kiosk shares: its language, retranslation, and what it reads aloud."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.metrics import Metrics

MARGIN_MM = 6.0
GAP_MM = 5.0


class Screen(QWidget):
    """A page of the citizen's walk.

    Fixed words go through `self.tr()` and are set again in `retranslate()` on every
    LanguageChange; catalogue texts follow `language`, which the kiosk window sets first.
    """

    def __init__(self, metrics: Metrics, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.language = language
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(*[metrics.px(MARGIN_MM)] * 4)
        self.column.setSpacing(metrics.px(GAP_MM))

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        raise NotImplementedError

    def spoken_text(self) -> str:
        """The main text of the screen, as "read aloud" says it."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
