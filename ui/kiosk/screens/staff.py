"""Staff only: the PIN pad opened by a 3-second press in a corner, then the staff menu."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.printing.desk import PrinterCheck
from kiosk.staff.pin import PinCheck, PinOutcome
from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.screens.base import GAP_MM, MARGIN_MM
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel

MAX_PIN_LENGTH = 12


class StaffPage(Retranslating, QWidget):
    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        margin = metrics.px(MARGIN_MM)
        self.column.setContentsMargins(margin, margin, margin, margin)
        self.column.setSpacing(metrics.px(GAP_MM))


class StaffPinPad(StaffPage):
    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._pin = ""
        self._check: PinCheck | None = None
        self._title = RoleLabel("title")
        self._typed = RoleLabel("typed")
        self._message = RoleLabel("body")
        keys = QGridLayout()
        keys.setSpacing(metrics.px(GAP_MM))
        for position, digit in enumerate("123456789"):
            keys.addWidget(self._digit_key(digit), position // 3, position % 3)
        self._erase = TapButton("", "key")
        self._erase.clicked.connect(lambda: self._set_pin(self._pin[:-1]))
        keys.addWidget(self._erase, 3, 0)
        keys.addWidget(self._digit_key("0"), 3, 1)
        self._ok = TapButton("", "primary")
        self._ok.clicked.connect(self._submit)
        keys.addWidget(self._ok, 3, 2)
        self._cancel = TapButton()
        self._cancel.clicked.connect(self.cancelled.emit)
        self.column.addWidget(self._title)
        self.column.addWidget(self._typed)
        self.column.addWidget(self._message)
        self.column.addLayout(keys)
        self.column.addStretch(1)
        self.column.addWidget(self._cancel)
        self.retranslate()

    def _digit_key(self, digit: str) -> TapButton:
        key = TapButton(digit, "key")
        key.clicked.connect(lambda: self._set_pin(self._pin + digit))
        return key

    def start(self) -> None:
        self._check = None
        self._set_pin("")

    def show_check(self, check: PinCheck) -> None:
        self._check = check
        self._set_pin("")

    def _set_pin(self, pin: str) -> None:
        self._pin = pin[:MAX_PIN_LENGTH]
        self.retranslate()

    def _submit(self) -> None:
        if self._pin:
            self.pin_entered.emit(self._pin)

    def _message_text(self) -> str:
        check = self._check
        if check is None:
            return ""
        if check.outcome is PinOutcome.WRONG:
            return self.tr("Wrong PIN. {count} tries left.").format(count=check.attempts_left)
        if check.outcome is PinOutcome.LOCKED:
            until = check.locked_until.astimezone().strftime("%H:%M") if check.locked_until else ""
            return self.tr("Too many wrong PINs: locked until {time}.").format(time=until)
        if check.outcome is PinOutcome.NOT_SET:
            return self.tr("No PIN is set: run kiosk-admin set-pin.")
        return ""

    def retranslate(self) -> None:
        self._title.setText(self.tr("Staff: enter the PIN"))
        self._typed.setText("•" * len(self._pin) + "▏")
        self._message.setText(self._message_text())
        self._erase.setText("⌫")
        self._ok.setText(self.tr("OK"))
        self._cancel.setText(self.tr("Cancel"))


class StaffMenu(StaffPage):
    exit_requested = Signal()
    back_requested = Signal()
    printer_test_requested = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._title = RoleLabel("title")
        self._printer_test = TapButton("", "choice")
        self._printer_result = RoleLabel("body")
        self._printer_result.setWordWrap(True)
        self._check: PrinterCheck | None = None
        self._error: str | None = None
        self._exit = TapButton("", "primary")
        self._back = TapButton("", "choice")
        self._printer_test.clicked.connect(self._test_printer)
        self._exit.clicked.connect(self.exit_requested.emit)
        self._back.clicked.connect(self.back_requested.emit)
        row = QHBoxLayout()
        row.setSpacing(metrics.px(GAP_MM))
        row.addWidget(self._back)
        row.addWidget(self._exit)
        self.column.addWidget(self._title, 0, Qt.AlignmentFlag.AlignTop)
        self.column.addWidget(self._printer_test)
        self.column.addWidget(self._printer_result)
        self.column.addStretch(1)
        self.column.addLayout(row)
        self.retranslate()

    def _test_printer(self) -> None:
        self._check = None
        self._error = None
        self._printer_result.setText(self.tr("Testing the printer…"))
        self.printer_test_requested.emit()

    def show_printer_check(self, check: PrinterCheck) -> None:
        self._check = check
        self.retranslate()

    def show_printer_error(self, reason: str) -> None:
        """The printer test itself failed (no outcome at all): say why, never keep "Testing"."""
        self._check = None
        self._error = reason
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Staff"))
        self._printer_test.setText(self.tr("Test the printer"))
        if self._check is not None:
            if self._check.printed:
                text = self.tr("The test page was sent to the printer ({target}).")
            else:
                text = self.tr("The printer did not print the test page: {reason}")
            self._printer_result.setText(
                text.format(target=self._check.target, reason=self._check.outcome.reason)
            )
        elif self._error is not None:
            self._printer_result.setText(
                self.tr("The printer did not print the test page: {reason}").format(
                    reason=self._error
                )
            )
        self._exit.setText(self.tr("Close the kiosk"))
        self._back.setText(self.tr("Back to the kiosk"))
