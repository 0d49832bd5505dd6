"""On the staff page: "Kiểm tra máy / Check this machine", the doctor's verdicts on screen.

The same checks as `kiosk-admin doctor`, run off the GUI thread (they wait for the database,
the printer and a Qt child process); each verdict is one line with its fix, for a technician.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.diagnosis.checkup import run_checkup
from kiosk.diagnosis.verdict import Status, Verdict
from ui.common.background import BackgroundRunner
from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.screens.base import GAP_MM
from ui.kiosk.screens.details import SCROLL_BAR_MM
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel


class MachineCheck(Retranslating, QWidget):
    """A button that runs every check, and the verdicts under it (scrollable: there are many)."""

    def __init__(
        self,
        metrics: Metrics,
        settings: Settings,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._runner = runner
        self._verdicts: list[Verdict] | None = None
        self._running = False
        self._button = TapButton("", "choice")
        self._button.clicked.connect(self.check)
        self._summary = RoleLabel("body")
        self._lines = RoleLabel("muted")
        self._lines.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        area = QScrollArea()
        area.setWidget(self._lines)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.verticalScrollBar().setFixedWidth(metrics.px(SCROLL_BAR_MM))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(metrics.px(GAP_MM))
        column.addWidget(self._button)
        column.addWidget(self._summary)
        column.addWidget(area, 1)
        self.retranslate()

    def check(self) -> None:
        if self._running:
            return
        self._running = True
        self._verdicts = None
        self.retranslate()
        settings = self._settings
        self._runner.run(lambda: run_checkup(settings), self._show, self._broke)

    def _show(self, verdicts: list[Verdict]) -> None:
        self._running = False
        self._verdicts = verdicts
        self.retranslate()

    def _broke(self, error: Exception) -> None:
        self._running = False
        self._verdicts = None
        self.retranslate()
        self._summary.setText(self.tr("The check could not run: {error}").format(error=error))

    def retranslate(self) -> None:
        self._button.setText(self.tr("Check this machine"))
        if self._running:
            self._summary.setText(self.tr("Checking this machine…"))
        elif self._verdicts is not None:
            failed = sum(verdict.status is Status.FAIL for verdict in self._verdicts)
            warned = sum(verdict.status is Status.WARN for verdict in self._verdicts)
            self._summary.setText(
                self.tr("{failed} problems, {warned} warnings:").format(
                    failed=failed, warned=warned
                )
            )
        else:
            self._summary.setText("")
        lines = [verdict.line() for verdict in self._verdicts or []]
        self._lines.setText("\n".join(lines))
