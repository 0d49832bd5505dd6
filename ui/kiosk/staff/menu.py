"""The staff menu: reprint one of the last tickets, reload the catalogue, test the printer, exit.

The page only shows things and says what staff asked for (signals); `StaffActions` runs the
work off the GUI thread and hands the outcomes back to ``show_*``.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QWidget

from kiosk.catalog.reload import CatalogReload
from kiosk.printing.desk import PrinterCheck, TicketResult
from kiosk.staff.recent_tickets import RecentTicket
from ui.common.metrics import Metrics
from ui.kiosk.screens.base import GAP_MM
from ui.kiosk.staff.pin_pad import StaffPage
from ui.kiosk.staff.recent_list import RecentTicketList
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel

SHOWN_CHANGES = 5


class StaffMenu(StaffPage):
    exit_requested = Signal()
    back_requested = Signal()
    printer_test_requested = Signal()
    reload_requested = Signal()
    reprint_requested = Signal(object)  # the RecentTicket

    def __init__(self, metrics: Metrics, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._title = RoleLabel("title")
        self._reload = TapButton("", "choice")
        self._printer_test = TapButton("", "choice")
        self._result = RoleLabel("body")
        self._result_text = ""
        self.recent = RecentTicketList(metrics, zone)
        self._exit = TapButton("", "primary")
        self._back = TapButton("", "choice")
        self._reload.clicked.connect(self._ask_reload)
        self._printer_test.clicked.connect(self._ask_printer_test)
        self.recent.reprint_requested.connect(self._ask_reprint)
        self._exit.clicked.connect(self.exit_requested.emit)
        self._back.clicked.connect(self.back_requested.emit)
        actions = QHBoxLayout()
        actions.setSpacing(metrics.px(GAP_MM))
        actions.addWidget(self._reload)
        actions.addWidget(self._printer_test)
        scroll = QScrollArea()
        scroll.setWidget(self.recent)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Neither the viewport nor the list (setWidget() turns it on) paints its own grey: the
        # page's colour shows behind the rows.
        scroll.viewport().setAutoFillBackground(False)
        self.recent.setAutoFillBackground(False)
        leave = QHBoxLayout()
        leave.setSpacing(metrics.px(GAP_MM))
        leave.addWidget(self._back)
        leave.addWidget(self._exit)
        self.column.addWidget(self._title)
        self.column.addLayout(actions)
        self.column.addWidget(self._result)
        self.column.addWidget(scroll, 1)
        self.column.addLayout(leave)
        self.retranslate()

    def add_tool(self, tool: QWidget) -> None:
        """Another staff tool (a widget module of its own), sharing the room with the tickets."""
        self.column.insertWidget(self.column.count() - 1, tool, 1)

    def start(self, tickets: Sequence[RecentTicket]) -> None:
        """Fresh on every opening: no result of an earlier visit, the tickets as they are now."""
        self._say("")
        self.recent.show_tickets(tickets)

    def _say(self, text: str) -> None:
        self._result_text = text
        self._result.setText(text)
        self._result.setVisible(bool(text))

    def _ask_reload(self) -> None:
        self._say(self.tr("Checking the catalogue…"))
        self.reload_requested.emit()

    def _ask_printer_test(self) -> None:
        self._say(self.tr("Testing the printer…"))
        self.printer_test_requested.emit()

    def _ask_reprint(self, ticket: RecentTicket) -> None:
        self._say(self.tr("Reprinting {label}…").format(label=ticket.label))
        self.reprint_requested.emit(ticket)

    def show_printer_check(self, check: PrinterCheck) -> None:
        if check.printed:
            text = self.tr("The test page was sent to the printer ({target}).")
        else:
            text = self.tr("The printer did not print the test page: {reason}")
        self._say(text.format(target=check.target, reason=check.outcome.reason))

    def show_reprint(self, result: TicketResult) -> None:
        label = result.ticket.label
        if result.printed:
            self._say(self.tr("Ticket {label} was printed again.").format(label=label))
        else:
            text = self.tr("Ticket {label} did not print: {reason}")
            self._say(text.format(label=label, reason=result.ticket.print_error))

    def show_reload(self, reload: CatalogReload) -> None:
        if not reload.accepted:
            text = self.tr("Catalogue not reloaded; the one in use is unchanged. Reason: {reason}")
            self._say(text.format(reason=reload.refusal))
        elif reload.unchanged:
            self._say(self.tr("Catalogue reloaded: nothing has changed."))
        else:
            text = self.tr(
                "Catalogue reloaded: {added} added, {removed} removed, {changed} changed:"
            )
            codes = (reload.added + reload.removed + reload.changed)[:SHOWN_CHANGES]
            self._say(
                text.format(
                    added=len(reload.added),
                    removed=len(reload.removed),
                    changed=len(reload.changed),
                )
                + " "
                + ", ".join(codes)
            )

    def show_failure(self, what: str) -> None:
        self._say(self.tr("That did not work: {what}").format(what=what))

    def retranslate(self) -> None:
        self._title.setText(self.tr("Staff"))
        self._reload.setText(self.tr("Reload catalogue"))
        self._printer_test.setText(self.tr("Test the printer"))
        self._exit.setText(self.tr("Close the kiosk"))
        self._back.setText(self.tr("Back to the kiosk"))
