"""What every screen of the kiosk shares: its language, retranslation, and what it reads aloud."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating

MARGIN_MM = 6.0
GAP_MM = 5.0


class Screen(Retranslating, QWidget):
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
        self._shaped_bodies: list[QBoxLayout] = []

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def follow_shape(self, body: QBoxLayout) -> None:
        """Lay ``body`` out side by side on a landscape screen, stacked on a portrait one."""
        self._shaped_bodies.append(body)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() > self.height()
        for body in self._shaped_bodies:
            body.setDirection(
                QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
            )

    def spoken_text(self) -> str:
        """The main text of the screen, as "read aloud" says it."""
        raise NotImplementedError
