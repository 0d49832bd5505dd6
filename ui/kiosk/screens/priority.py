"""Priority: one question with large answers, or a scan of the ID card that gives the age."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.citizen.idcard import NotAnIdCard, ScanProblem, check_age
from kiosk.storage.models import Priority
from ui.common.metrics import Metrics
from ui.kiosk.screens.base import GAP_MM, Screen
from ui.kiosk.widgets.tap_button import TapButton, equal_columns
from ui.kiosk.widgets.text import RoleLabel

log = logging.getLogger(__name__)


class PriorityScreen(Screen):
    priority_chosen = Signal(object)  # Priority | None

    def __init__(
        self,
        metrics: Metrics,
        language: str,
        elderly_age: int,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(metrics, language, parent)
        self._elderly_age = elderly_age
        self._zone = zone
        self._title = RoleLabel("title")
        self._answers: dict[Priority | None, TapButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(metrics.px(GAP_MM))
        for position, answer in enumerate((*Priority, None)):
            button = equal_columns(TapButton("", "choice"))
            button.clicked.connect(
                lambda _checked=False, answer=answer: self.priority_chosen.emit(answer)
            )
            grid.addWidget(button, position // 2, position % 2)
            self._answers[answer] = button
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._answers_box = QWidget()
        self._answers_box.setLayout(grid)
        self._scan = TapButton("", "primary")
        self._scan.clicked.connect(self._explain_scan)
        self._message = RoleLabel("body")
        self._problem = RoleLabel("problem")
        self._message_kind = "none"
        self._printing = False
        self.column.addWidget(self._title)
        self.column.addWidget(self._answers_box, 2)
        self.column.addWidget(self._scan)
        self.column.addWidget(self._message)
        self.column.addWidget(self._problem)
        self.column.addStretch(1)
        self.retranslate()

    def start(self) -> None:
        """Fresh for the next citizen: the answers shown, no message."""
        self._printing = False
        self._set_message("none")

    def show_printing(self) -> None:
        self._printing = True
        self._set_message("printing")

    def read_scan(self, scanned: str) -> None:
        """A line typed by the ID-card scanner: only the age is kept, and only as a flag."""
        if self._printing:
            return
        today = datetime.now(UTC).astimezone(self._zone).date()
        try:
            check = check_age(scanned, today=today, elderly_age=self._elderly_age)
        except NotAnIdCard as exc:
            log.info("scan rejected: %s", exc)
            self._set_message(exc.problem.value)
            return
        if check.is_elderly:
            self.priority_chosen.emit(Priority.ELDERLY)
        else:
            self._set_message("younger")

    def _explain_scan(self) -> None:
        self._set_message("scan")

    def _set_message(self, kind: str) -> None:
        self._message_kind = kind
        self._answers_box.setVisible(kind != "printing")
        self._scan.setVisible(kind != "printing")
        self.retranslate()

    def _message_text(self) -> str:
        return {
            "none": "",
            "printing": self.tr("Printing your ticket, please wait…"),
            "scan": self.tr(
                "Hold the QR code on the back of your ID card under the scanner."
                " Only your age is used; nothing is stored."
            ),
            "younger": self.tr(
                "Your card was read: you are under {age}. Choose an answer above if one"
                ' applies, or "None".'
            ).format(age=self._elderly_age),
            ScanProblem.HEALTH_INSURANCE_CARD.value: self.tr(
                "This is a health-insurance card, not an ID card. Please scan your ID card"
                " (căn cước) or choose an answer above."
            ),
            ScanProblem.NOT_AN_ID_CARD.value: self.tr(
                "This code could not be read as an ID card. Please try again, or choose an"
                " answer above."
            ),
        }[self._message_kind]

    def retranslate(self) -> None:
        self._title.setText(self.tr("Does one of these apply to you?"))
        texts = {
            Priority.ELDERLY: self.tr("{age} or older").format(age=self._elderly_age),
            Priority.DISABILITY: self.tr("Disability"),
            Priority.PREGNANT_OR_CHILD: self.tr("Pregnant or with a small child"),
            None: self.tr("None"),
        }
        for answer, button in self._answers.items():
            button.setText(texts[answer])
        self._scan.setText(self.tr("Scan your ID card"))
        text = self._message_text()
        problem = self._message_kind in {p.value for p in ScanProblem}
        for label, shown in ((self._message, not problem), (self._problem, problem)):
            label.setText(text if shown else "")
            label.setVisible(shown and bool(text))

    def spoken_text(self) -> str:
        answers = ", ".join(button.text() for button in self._answers.values())
        message = self._problem.text() or self._message.text()
        return f"{self._title.text()} {answers}. {message}"
