"""Today's figures at the top of the panel: requests by reason, what was done by outcome."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.reports.daily import HelpCounts
from kiosk.storage.models import HelpOutcome, HelpReason
from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.panel.labels import outcome_label, reason_label
from ui.panel.widgets import panel_label


class TodayCounts(Retranslating, QWidget):
    """Two rows of boxes: requests (total, then per reason) and supported (total, per outcome)."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: HelpCounts | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(metrics.px(1.5))
        self.requests_today = panel_label("count-heading")
        self.supported_today = panel_label("count-heading")
        grid.addWidget(self.requests_today, 0, 0)
        grid.addWidget(self.supported_today, 1, 0)
        self.by_reason: dict[HelpReason, QLabel] = {}
        self.by_outcome: dict[HelpOutcome, QLabel] = {}
        for column, reason in enumerate(HelpReason, start=1):
            self.by_reason[reason] = panel_label("count")
            grid.addWidget(self.by_reason[reason], 0, column)
        for column, outcome in enumerate(HelpOutcome, start=1):
            self.by_outcome[outcome] = panel_label("count")
            grid.addWidget(self.by_outcome[outcome], 1, column)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 1)
        self.retranslate()

    def show_counts(self, counts: HelpCounts | None) -> None:
        self._counts = counts
        self.retranslate()

    def boxes(self) -> list[QLabel]:
        return [
            self.requests_today,
            self.supported_today,
            *self.by_reason.values(),
            *self.by_outcome.values(),
        ]

    def retranslate(self) -> None:
        counts = self._counts
        total = counts.total if counts else 0
        closed = counts.closed if counts else 0
        self.requests_today.setText(self.tr("Today: {n} requests").format(n=total))
        self.supported_today.setText(self.tr("Supported: {n}").format(n=closed))
        for reason, label in self.by_reason.items():
            count = counts.by_reason[reason] if counts else 0
            label.setText(f"{count} · {reason_label(reason)}")
        for outcome, label in self.by_outcome.items():
            count = counts.by_outcome[outcome] if counts else 0
            label.setText(f"{count} · {outcome_label(outcome)}")
