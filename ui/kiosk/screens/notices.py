"""Full-screen notices over the walk: a volunteer is coming, a problem, "Are you still there?"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.screens.base import GAP_MM, MARGIN_MM
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel


class Notice(Retranslating, QFrame):
    """Dark full-screen page with a title, a text and one large button."""

    confirmed = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        self.title = RoleLabel("notice-title")
        self.text = RoleLabel("notice-text")
        self.button = TapButton("", "help", extent="tall")
        self.button.clicked.connect(self.confirmed.emit)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = QVBoxLayout(self)
        margin = metrics.px(MARGIN_MM * 2)
        self.column.setContentsMargins(margin, margin, margin, margin)
        self.column.setSpacing(metrics.px(GAP_MM * 2))
        self.column.addStretch(1)
        self.column.addWidget(self.title)
        self.column.addWidget(self.text)
        self.column.addStretch(1)
        self.column.addWidget(self.button)
        self.column.addStretch(1)

    def spoken_text(self) -> str:
        return f"{self.title.text()} {self.text.text()}"


class HelpComingNotice(Notice):
    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("A volunteer is coming to help you"))
        self.text.setText(self.tr("Please stay here at the kiosk."))
        self.button.setText(self.tr("OK"))


class ProblemNotice(Notice):
    """The kiosk could not do what the citizen asked (database down, for instance)."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sorry, the kiosk cannot do this right now"))
        self.text.setText(self.tr("Please ask at the help desk or at a counter."))
        self.button.setText(self.tr("OK"))


class IdleWarning(Notice):
    """'Are you still there?' with the seconds left and one large 'I need more time'."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._seconds_left = 0
        self.count = RoleLabel("notice-count")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.insertWidget(3, self.count)
        self.retranslate()

    def show_seconds_left(self, seconds: int) -> None:
        self._seconds_left = seconds
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.count.setText(str(self._seconds_left))
        self.text.setText(
            self.tr("In {seconds} seconds the kiosk starts again for the next person.").format(
                seconds=self._seconds_left
            )
        )
        self.button.setText(self.tr("I need more time"))


class OutOfServiceNotice(Notice):
    """The whole kiosk when its database cannot be used: citizens go to the help desk, and the
    technician reads what is wrong and what to do. Nothing can be issued from here."""

    def __init__(self, metrics: Metrics, fault: str, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self.button.hide()
        self.fault = RoleLabel("notice-text")
        self.fault.setWordWrap(True)
        self.fault.setText(fault)
        self.column.insertWidget(4, self.fault)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ki-ốt tạm ngừng phục vụ\nThis kiosk is out of service"))
        self.text.setText(
            self.tr("Xin mời hỏi tại bàn hỗ trợ\nPlease ask at the help desk or at a counter.")
        )
