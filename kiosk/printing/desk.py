"""The ticket desk: store the ticket, then print it, then record how the print went.

The checklist slip takes the same path: printed, recorded, a fault sent to the help desk.

Every call here blocks (database, printer): the kiosk's screens run them off the GUI thread.
A failed print never loses a ticket: it is already stored, its print status says what went
wrong, and a "printer fault" help request tells the help desk.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from kiosk.catalog.procedures import Catalog
from kiosk.config import Settings
from kiosk.errors import KioskError
from kiosk.helpdesk.requests import create_help_request
from kiosk.printing.checklist import checklist_content, record_checklist_print
from kiosk.printing.ticket_texts import issued_at_text, queue_line, words_for
from kiosk.queue.follow_links import FollowLinks
from kiosk.queue.issuing import issue_for_procedure
from kiosk.queue.tickets import IssuedTicket, record_print_outcome, stored_ticket
from kiosk.staff.clock import ClockCheck, last_ticket_after
from kiosk.storage.db import Database
from kiosk.storage.models import HelpReason, PrintStatus, Priority, Ticket
from printer.ticket_content import FontSet, TicketContent

if TYPE_CHECKING:
    from PIL import Image

    from printer import ChecklistContent, PrinterStatus, PrintOutcome

log = logging.getLogger(__name__)

# How often issuing a ticket looks at whether the clock went back (kiosk.staff.clock).
CLOCK_CHECK_SECONDS = 60.0


def warm_up_printing() -> None:
    """Load the printer's libraries (Pillow, qrcode, python-escpos) before the first ticket.

    They are imported where used rather than at start-up, which they would slow by a fifth
    of a second; the kiosk calls this in the background once its first screen is up.
    """
    importlib.import_module("printer.output")
    importlib.import_module("printer.layout")


def bundled_fonts() -> FontSet:
    """The same font files the screen uses, so screen and paper match."""
    fonts = resources.files("resources.fonts")
    return FontSet(
        regular=Path(str(fonts / "BeVietnamPro-Medium.ttf")),
        bold=Path(str(fonts / "BeVietnamPro-Bold.ttf")),
    )


@dataclass(frozen=True)
class PrinterCheck:
    """What a printer test found: the printer's own status and how the test page went."""

    kind: str
    target: str
    status: PrinterStatus
    outcome: PrintOutcome

    @property
    def printed(self) -> bool:
        return self.outcome.status == "printed"

    def as_json(self) -> dict[str, object]:
        return {
            "printer": self.kind,
            "target": self.target,
            "online": self.status.online,
            "paper": self.status.paper,
            "status_note": self.status.reason,
            "print_status": self.outcome.status,
            "print_error": self.outcome.reason,
        }


def check_printer(settings: Settings) -> PrinterCheck:
    """Ask the printer's status, then print a test page naming this kiosk (no database)."""
    spec = settings.printer_spec
    from printer import print_ticket, query_status, render_test_page

    status = query_status(spec)
    moment = datetime.now(UTC).astimezone(settings.centre.zone)
    page = render_test_page(
        spec.width_dots,
        bundled_fonts(),
        [
            settings.centre.name,
            f"Kiosk {settings.kiosk.id} · {spec.kind} {spec.target}",
            moment.strftime("%d/%m/%Y %H:%M:%S"),
        ],
    )
    outcome = print_ticket(page, spec, label="test-page")
    log.info("printer test on %s: %s %s", spec.target, outcome.status, outcome.reason or "")
    return PrinterCheck(spec.kind, spec.target, status, outcome)


class TicketNotFound(KioskError):
    pass


@dataclass(frozen=True)
class TicketResult:
    """A stored ticket, what it shows, and whether it came out of the printer."""

    ticket: IssuedTicket
    content: TicketContent
    help_request_ids: tuple[int, ...] = ()

    @property
    def printed(self) -> bool:
        return self.ticket.print_status is PrintStatus.PRINTED


@dataclass(frozen=True)
class ChecklistResult:
    """A checklist slip and how its print went (a fault also went to the help desk)."""

    content: ChecklistContent
    status: PrintStatus
    error: str | None = None
    help_request_ids: tuple[int, ...] = ()

    @property
    def printed(self) -> bool:
        return self.status is PrintStatus.PRINTED


class TicketDesk:
    """Issues and prints tickets for one kiosk."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        catalog: Catalog,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """``monotonic`` (seconds) paces the clock check; tests pass a clock they move."""
        self.database = database
        self.settings = settings
        self.catalog = catalog
        self.fonts = bundled_fonts()
        self.follow_links = FollowLinks(database, settings)
        self._monotonic = monotonic
        self._clock_fault_told = False
        self._clock_checked_at = -CLOCK_CHECK_SECONDS

    def ticket_content(self, ticket: IssuedTicket, language: str) -> TicketContent:
        """The texts on the ticket in the citizen's language."""
        words = words_for(language)
        procedure = self.catalog.procedure(ticket.procedure_code)
        documents = (
            tuple(document.text(language) for document in procedure.documents)
            if self.settings.printer.documents_on_ticket
            else ()
        )
        return TicketContent(
            centre_name=self.settings.centre.name,
            number_caption=words.number_caption,
            number_label=ticket.label,
            procedure_name=procedure.name(language),
            priority_label=words.priority[ticket.priority] if ticket.priority else None,
            queue_line=queue_line(words, ticket.people_ahead, ticket.estimated_wait_minutes),
            issued_at_text=issued_at_text(ticket.issued_at, self.settings.centre.zone),
            where_to_wait=self.settings.kiosk.where_to_wait,
            documents_heading=words.documents_heading,
            documents=documents,
            more_documents_format=words.more_documents,
            qr_url=procedure.portal_url if self.settings.printer.qr_on_ticket else None,
            qr_caption=words.qr_caption,
            footer=words.footer,
            follow_url=self.follow_links.url(ticket.id, ticket.service_day),
            follow_caption=words.follow_caption,
        )

    def issue_and_print(
        self, procedure_code: str, priority: Priority | None, language: str
    ) -> TicketResult:
        """Store a ticket (and the help request of a flagged citizen), then print it."""
        self._tell_help_desk_if_clock_behind()
        ticket = issue_for_procedure(
            self.database,
            self.settings,
            self.catalog,
            procedure_code=procedure_code,
            priority=priority,
            call_volunteer=True,
        )
        log.info("ticket %s issued for %s", ticket.label, ticket.procedure_code)
        result = self.print(ticket, language)
        if ticket.help_request_id is None:
            return result
        return replace(result, help_request_ids=(ticket.help_request_id, *result.help_request_ids))

    def _tell_help_desk_if_clock_behind(self) -> None:
        """A clock behind the last ticket numbers tickets on the wrong day: staff must know.

        Told once (a help request the panel shows in its fault banner) until the clock is right;
        looked at no more than once a minute, which keeps it off the path of most tickets.
        """
        if self._monotonic() - self._clock_checked_at < CLOCK_CHECK_SECONDS:
            return
        self._clock_checked_at = self._monotonic()
        now = datetime.now(UTC)
        latest = last_ticket_after(self.database, now)
        if latest is None:
            self._clock_fault_told = False
            return
        if self._clock_fault_told:
            return
        warning = ClockCheck(now, latest).warning
        log.warning("kiosk %s: %s", self.settings.kiosk.id, warning)
        create_help_request(
            self.database,
            reason=HelpReason.CLOCK_FAULT,
            kiosk_id=self.settings.kiosk.id,
            detail=warning,
        )
        self._clock_fault_told = True

    def print(self, ticket: IssuedTicket, language: str) -> TicketResult:
        """Print a stored ticket and record the outcome; a fault goes to the help desk."""
        content = self.ticket_content(ticket, language)
        from printer import render_ticket_bitmap

        image = render_ticket_bitmap(content, self.settings.printer_spec.width_dots, self.fonts)
        outcome = self._send(image, ticket.label)
        status = PrintStatus(outcome.status)
        record_print_outcome(self.database, ticket.id, status, outcome.reason)
        printed = replace(ticket, print_status=status, print_error=outcome.reason)
        if status is PrintStatus.PRINTED:
            return TicketResult(printed, content)
        log.warning("ticket %s: print %s: %s", ticket.label, status.value, outcome.reason)
        fault = self._report_fault(outcome, ticket.procedure_code, ticket.id)
        return TicketResult(printed, content, (fault,))

    def print_checklist(self, procedure_code: str, language: str) -> ChecklistResult:
        """Print a procedure's checklist slip (no queue number) and count it for the report."""
        procedure = self.catalog.procedure(procedure_code)
        content = checklist_content(procedure, self.settings, language, datetime.now(UTC))
        from printer import render_checklist_bitmap

        width = self.settings.printer_spec.width_dots
        image = render_checklist_bitmap(content, width, self.fonts)
        outcome = self._send(image, f"checklist-{procedure_code}")
        status = PrintStatus(outcome.status)
        record_checklist_print(
            self.database, self.settings, procedure_code, status=status, error=outcome.reason
        )
        log.info("checklist of %s: print %s", procedure_code, status.value)
        if status is PrintStatus.PRINTED:
            return ChecklistResult(content, status)
        fault = self._report_fault(outcome, procedure_code, None)
        return ChecklistResult(content, status, outcome.reason, (fault,))

    def _send(self, image: Image.Image, label: str) -> PrintOutcome:
        from printer import print_ticket

        return print_ticket(image, self.settings.printer_spec, label=label)

    def _report_fault(
        self, outcome: PrintOutcome, procedure_code: str, ticket_id: int | None
    ) -> int:
        """A "printer fault" help request naming this kiosk, so that someone comes."""
        return create_help_request(
            self.database,
            reason=HelpReason.PRINTER_FAULT,
            kiosk_id=self.settings.kiosk.id,
            ticket_id=ticket_id,
            procedure_code=procedure_code,
            detail=outcome.reason,
        )

    def reprint(self, day: date, prefix: str, number: int, language: str) -> TicketResult:
        """Print a stored ticket again, with its place in the queue as it is now."""
        with self.database.read() as session:
            row = session.scalar(
                select(Ticket).where(
                    Ticket.service_day == day, Ticket.prefix == prefix, Ticket.number == number
                )
            )
            if row is None:
                raise TicketNotFound(f"no ticket {prefix}{number:03d} on {day.isoformat()}")
            ticket = stored_ticket(session, row, self.settings)
        return self.print(ticket, language)
