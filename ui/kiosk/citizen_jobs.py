"""What the citizen asks of the centre that blocks: a ticket, a checklist slip, a volunteer.

Each runs on the background runner, never the GUI thread. The window decides what the citizen
sees next from the signals; a failed ticket or help request also emits `problem`, after which
the citizen reads "please ask at the help desk".
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.helpdesk.requests import create_help_request
from kiosk.printing.desk import ChecklistResult, TicketDesk, TicketResult
from kiosk.storage.models import HelpReason, Priority
from ui.common.background import BackgroundRunner

log = logging.getLogger(__name__)


class CitizenJobs(QObject):
    """The citizen's background jobs, one ticket at a time; a ticket that arrives after the
    citizen left (`forget_citizen`) is stored and printed but never shown to the next one."""

    ticket_issued = Signal(object)  # TicketResult, for the citizen still at the kiosk
    ticket_failed = Signal()  # the ticket job ended without a ticket for this citizen
    checklist_printed = Signal(bool)  # printed or not
    help_failed = Signal()  # the help request was not stored
    problem = Signal()  # a ticket or help request failed: send the citizen to the help desk

    def __init__(
        self, desk: TicketDesk, runner: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._generation = 0
        self.issuing = False

    def forget_citizen(self) -> None:
        """The citizen left: whatever their running jobs bring back is not theirs to show."""
        self._generation += 1

    def issue_ticket(self, code: str, priority: Priority | None, language: str) -> None:
        # One ticket at a time, whatever else happens meanwhile: only the end of this job
        # (printed, failed or given up) lets the priority answers issue again.
        self.issuing = True
        generation = self._generation
        self._run(
            lambda: self._desk.issue_and_print(code, priority, language),
            lambda result: self._ticket_done(result, generation),
            "issue a ticket",
            on_failed=lambda: self._ticket_given_up(generation),
        )

    def _ticket_given_up(self, generation: int) -> None:
        self.issuing = False
        if generation == self._generation:
            self.ticket_failed.emit()

    def _ticket_done(self, result: object, generation: int) -> None:
        assert isinstance(result, TicketResult)
        self.issuing = False
        if generation != self._generation:
            log.info("ticket %s issued after the citizen left; not shown", result.ticket.label)
            return
        self.ticket_issued.emit(result)

    def print_checklist(self, code: str, language: str) -> None:
        desk = self._desk

        def failed(error: Exception) -> None:
            log.error("could not print the checklist: %s", error, exc_info=error)
            self.checklist_printed.emit(False)

        self._runner.run(lambda: desk.print_checklist(code, language), self._slip_printed, failed)

    def _slip_printed(self, result: ChecklistResult) -> None:
        self.checklist_printed.emit(result.printed)

    def ask_for_help(self, kiosk_id: str, ticket_id: int | None, procedure: str | None) -> None:
        database = self._desk.database
        self._run(
            lambda: create_help_request(
                database,
                reason=HelpReason.ASKED_FOR_HELP,
                kiosk_id=kiosk_id,
                ticket_id=ticket_id,
                procedure_code=procedure,
            ),
            lambda request_id: log.info("help request %s sent to the help desk", request_id),
            "ask for help",
            # Nothing was stored: the citizen reads "ask at the help desk", and a later tap
            # on "I need help" tries again instead of pretending a volunteer is coming.
            on_failed=self.help_failed.emit,
        )

    def _run(
        self,
        work: Callable[[], object],
        on_done: Callable[[object], None],
        what: str,
        on_failed: Callable[[], None],
    ) -> None:
        """``work`` in the background; if it fails, ``on_failed`` undoes what this job alone
        had started and then `problem` sends the citizen to the help desk."""

        def failed(error: Exception) -> None:
            log.error("could not %s: %s", what, error, exc_info=error)
            on_failed()
            self.problem.emit()

        self._runner.run(work, on_done, failed)
