"""What staff do on the kiosk, run off the GUI thread and logged: the coordinator of the staff
pages, as the kiosk window is of the citizen's walk.

Every action (PIN accepted or refused, reprint, catalogue reload, printer test, exit) leaves a
log line naming what was done and how it ended, for the centre's technician.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.catalog.procedures import Catalog
from kiosk.catalog.reload import CatalogReload, reload_catalog
from kiosk.printing.desk import PrinterCheck, TicketDesk, TicketResult, check_printer
from kiosk.staff.pin import PinCheck, PinOutcome, check_pin
from kiosk.staff.recent_tickets import RecentTicket, recent_tickets
from ui.common.background import BackgroundRunner
from ui.common.metrics import Metrics
from ui.kiosk.staff.menu import StaffMenu
from ui.kiosk.staff.pin_pad import StaffPinPad

log = logging.getLogger(__name__)


class StaffActions(QObject):
    """Opens the PIN pad, then the menu, and carries out what staff ask for there."""

    catalog_reloaded = Signal(object)  # the CatalogReload, accepted
    leave_requested = Signal()  # back to the citizen's walk
    exit_requested = Signal()  # close the kiosk

    def __init__(
        self,
        desk: TicketDesk,
        runner: BackgroundRunner,
        metrics: Metrics,
        show_page: Callable[[QWidget], None],
    ) -> None:
        """``show_page`` puts one of the staff pages (``pin_pad``, ``menu``) on the screen."""
        super().__init__(runner)
        self._desk = desk
        self._runner = runner
        self.pin_pad = pin_pad = StaffPinPad(metrics)
        self.menu = menu = StaffMenu(metrics, desk.settings.centre.zone)
        self._show_page = show_page
        pin_pad.pin_entered.connect(self._check_pin)
        pin_pad.cancelled.connect(self.leave_requested.emit)
        menu.back_requested.connect(self._leave)
        menu.exit_requested.connect(self._exit)
        menu.printer_test_requested.connect(self._test_printer)
        menu.reload_requested.connect(self._reload)
        menu.reprint_requested.connect(self._reprint)

    def open(self) -> None:
        """The corner was held: ask for the PIN."""
        self.pin_pad.start()
        self._show_page(self.pin_pad)

    def _run(
        self, what: str, work: Callable[[], object], on_done: Callable[[object], None]
    ) -> None:
        def failed(error: Exception) -> None:
            log.error("staff: could not %s: %s", what, error, exc_info=error)
            self.menu.show_failure(str(error))

        self._runner.run(work, on_done, failed)

    def _check_pin(self, pin: str) -> None:
        database = self._desk.database
        self._run("check the PIN", lambda: check_pin(database, pin), self._pin_checked)

    def _pin_checked(self, check: object) -> None:
        assert isinstance(check, PinCheck)
        if check.outcome is not PinOutcome.ACCEPTED:
            log.info("staff PIN refused: %s", check.outcome.value)
            self.pin_pad.show_check(check)
            return
        log.info("staff PIN accepted: staff menu opened")
        self.show_menu()

    def show_menu(self) -> None:
        """The staff menu, fresh, with the last tickets loading (after the PIN was accepted)."""
        self.menu.start([])
        self._show_page(self.menu)
        self._load_recent()

    def _load_recent(self) -> None:
        database, kiosk_id = self._desk.database, self._desk.settings.kiosk.id
        self._run(
            "list the last tickets",
            lambda: recent_tickets(database, kiosk_id),
            self.menu.recent.show_tickets,  # type: ignore[arg-type]
        )

    def _reprint(self, ticket: object) -> None:
        assert isinstance(ticket, RecentTicket)
        desk = self._desk
        language = desk.settings.kiosk.languages[0]
        log.info("staff: reprint of ticket %s of %s", ticket.label, ticket.service_day)
        self._run(
            f"reprint ticket {ticket.label}",
            lambda: desk.reprint(ticket.service_day, ticket.prefix, ticket.number, language),
            self._reprinted,
        )

    def _reprinted(self, result: object) -> None:
        assert isinstance(result, TicketResult)
        log.info(
            "staff: ticket %s reprinted: %s %s",
            result.ticket.label,
            result.ticket.print_status.value,
            result.ticket.print_error or "",
        )
        self.menu.show_reprint(result)
        self._load_recent()

    def _reload(self) -> None:
        current: Catalog = self._desk.catalog
        overlay = self._desk.settings.catalog_overlay_path
        log.info("staff: catalogue reload from %s", overlay)
        self._run("reload the catalogue", lambda: reload_catalog(current, overlay), self._reloaded)

    def _reloaded(self, reload: object) -> None:
        assert isinstance(reload, CatalogReload)
        if reload.accepted:
            self.catalog_reloaded.emit(reload)
        self.menu.show_reload(reload)

    def _test_printer(self) -> None:
        settings = self._desk.settings
        log.info("staff: printer test")
        self._run("test the printer", lambda: check_printer(settings), self._printer_checked)

    def _printer_checked(self, check: object) -> None:
        assert isinstance(check, PrinterCheck)
        self.menu.show_printer_check(check)

    def _leave(self) -> None:
        log.info("staff: back to the kiosk")
        self.leave_requested.emit()

    def _exit(self) -> None:
        log.info("staff closed the kiosk")
        self.exit_requested.emit()
