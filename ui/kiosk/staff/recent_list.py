"""The last tickets of this kiosk, each with a "Reprint" button, for the staff menu."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.staff.recent_tickets import RECENT_TICKETS, RecentTicket
from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.screens.base import GAP_MM
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel

# Wide enough for "In lại A012" on one line.
REPRINT_BUTTON_MM = 70.0
_FIRST_ROW = 2  # below the heading and the "no tickets" line


class RecentTicketList(Retranslating, QWidget):
    """One row per ticket: its number, procedure code, time and print status, and "Reprint A012"
    (the number on the button too, so that staff cannot press the wrong row's)."""

    reprint_requested = Signal(object)  # the RecentTicket

    def __init__(self, metrics: Metrics, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._zone = zone
        self._tickets: list[RecentTicket] = []
        self._rows: list[tuple[RoleLabel, TapButton]] = []
        self._heading = RoleLabel("card-heading")
        self._empty = RoleLabel("card-text")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(metrics.px(GAP_MM / 2))
        self._grid.addWidget(self._heading, 0, 0, 1, 2)
        self._grid.addWidget(self._empty, 1, 0, 1, 2)
        self._grid.setColumnStretch(0, 1)
        # A layout's minimum, which the style sheet's min-width of buttons cannot undercut.
        self._grid.setColumnMinimumWidth(1, metrics.px(REPRINT_BUTTON_MM))
        # Below the last possible row: rows keep their height however few there are.
        self._grid.setRowStretch(_FIRST_ROW + RECENT_TICKETS, 1)
        self.retranslate()

    def show_tickets(self, tickets: Sequence[RecentTicket]) -> None:
        self._tickets = list(tickets)
        while len(self._rows) < len(self._tickets):
            self._add_row()
        for index, (label, button) in enumerate(self._rows):
            label.setVisible(index < len(self._tickets))
            button.setVisible(index < len(self._tickets))
        self.retranslate()

    def _add_row(self) -> None:
        index = len(self._rows)
        label = RoleLabel("card-text")
        button = TapButton("", "choice")
        button.clicked.connect(lambda: self.reprint_requested.emit(self._tickets[index]))
        self._grid.addWidget(label, _FIRST_ROW + index, 0)
        self._grid.addWidget(button, _FIRST_ROW + index, 1)
        self._rows.append((label, button))

    def retranslate(self) -> None:
        self._heading.setText(self.tr("Last tickets of this kiosk"))
        self._empty.setText(self.tr("No tickets yet."))
        self._empty.setVisible(not self._tickets)
        for ticket, (label, button) in zip(self._tickets, self._rows, strict=False):
            moment = ticket.issued_at.astimezone(self._zone).strftime("%d/%m %H:%M")
            status = self._status_text(ticket.print_status)
            label.setText(f"{ticket.label} · {ticket.procedure_code} · {moment} · {status}")
            button.setText(self.tr("Reprint {label}").format(label=ticket.label))

    def _status_text(self, print_status: str) -> str:
        if print_status == "printed":
            return self.tr("printed")
        if print_status == "unknown":
            return self.tr("print not confirmed")
        return self.tr("not printed")
