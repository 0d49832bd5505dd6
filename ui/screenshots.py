"""`kiosk-admin screenshots DIR`: every kiosk screen as PNG, in each language and orientation,
the staff page, the help-desk panel (1366x768), the hall display (as on a 43-inch TV, whatever
``--dpi`` says), and the printed ticket and checklist slip at both paper widths.

Renders offscreen (no display needed) on a throw-away database with a preview printer, and a
printer that fails for the "ticket not printed" screen. Joins kiosk-admin through the
`kiosk_admin.subjects` entry-point group.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.catalog.loader import load_catalog
from kiosk.catalog.procedures import Catalog
from kiosk.cli.arguments import number
from kiosk.cli.context import CliContext
from kiosk.config import Settings
from kiosk.errors import KioskError
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import Database, open_database
from kiosk.storage.models import Priority
from printer import render_checklist_bitmap, render_ticket_bitmap

log = logging.getLogger(__name__)

ORIENTATIONS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
EXAMPLE_FIELD = "civil_status"
EXAMPLE_PROCEDURE = "1.001193"
EXAMPLE_QUERY = "khai sinh"
GARBLED_SCAN = "049050#@!"
TICKET_WAIT_SECONDS = 30.0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshots",
        help="render every kiosk screen, the panel, the hall display and the printed ticket to PNG",
    )
    parser.add_argument("directory", type=Path, help="where the PNG files go (created if needed)")
    parser.add_argument(
        "--dpi",
        type=number(48.0, 600.0),
        default=96.0,
        help="screen density to size for (default: 96)",
    )
    parser.set_defaults(run=run_screenshots)


def run_screenshots(args: argparse.Namespace, context: CliContext) -> int:
    args.directory.mkdir(parents=True, exist_ok=True)
    settings = context.settings
    catalog = load_catalog(settings.catalog_overlay_path)
    with tempfile.TemporaryDirectory(prefix="kiosk-screenshots-") as scratch:
        work = Path(scratch)
        settings = replace(
            settings,
            data_dir=work,
            database=replace(settings.database, url=f"sqlite:///{work / 'kiosk.sqlite3'}"),
            printer=replace(settings.printer, kind="preview", preview_dir=str(work / "tickets")),
        )
        database = open_database(settings.database_url)
        try:
            written = render_all(args.directory, settings, catalog, database, args.dpi)
            written += render_printed_tickets(args.directory, settings, catalog, database)
        finally:
            database.dispose()
    # Qt is imported only when screenshots are taken, not whenever kiosk-admin starts.
    from ui.display.screenshots import render_display_screenshots
    from ui.panel.screenshots import render_panel_screenshots

    written += render_panel_screenshots(args.directory)
    written += render_display_screenshots(args.directory)
    for path in written:
        context.emit(str(path))
    return 0


# The printed (compact) ticket at both paper widths: the longest procedure name, and an
# elderly citizen; both with the priority mark, as tickets are longest with it.
PRINTED_TICKETS = (
    ("long-name", "3.000722", Priority.ELDERLY),
    ("elderly", EXAMPLE_PROCEDURE, Priority.ELDERLY),
)


def render_printed_tickets(
    directory: Path, settings: Settings, catalog: Catalog, database: Database
) -> list[Path]:
    """The paper tickets and the checklist slip as the printer receives them (1-bit, at the
    printer's dot width)."""
    written: list[Path] = []
    for width in (384, 576):
        wide = replace(settings, printer=replace(settings.printer, width_dots=width))
        desk = TicketDesk(database, wide, catalog)
        for name, code, priority in PRINTED_TICKETS:
            result = desk.issue_and_print(code, priority, "vi")
            image = render_ticket_bitmap(result.content, width, desk.fonts)
            path = directory / f"ticket-{width}-{name}.png"
            image.save(path)
            written.append(path)
        checklist = desk.print_checklist(EXAMPLE_PROCEDURE, "vi")
        path = directory / f"checklist-{width}.png"
        render_checklist_bitmap(checklist.content, width, desk.fonts).save(path)
        written.append(path)
    return written


def render_all(
    directory: Path, settings: Settings, catalog: Catalog, database: Database, dpi: float
) -> list[Path]:
    from ui.common.app_setup import create_application
    from ui.common.metrics import Metrics
    from ui.common.theme import apply_theme
    from ui.kiosk.window import KioskWindow

    app = create_application("kiosk-admin", ["kiosk-admin", "-platform", "offscreen"])
    metrics = Metrics(dpi)
    apply_theme(app, metrics)
    broken = replace(
        settings,
        printer=replace(
            settings.printer, kind="file", device_path=str(directory / "no-such-dir" / "printer")
        ),
    )
    written: list[Path] = []
    for orientation, size in ORIENTATIONS.items():
        for language in settings.kiosk.languages:
            window = KioskWindow(
                settings, catalog, TicketDesk(database, settings, catalog), metrics
            )
            window.resize(*size)
            window.show()
            failing = TicketDesk(database, broken, catalog)
            for name in _walk(window, language, failing):
                app.processEvents()
                path = directory / f"kiosk-{orientation}-{language}-{name}.png"
                if not window.grab().save(str(path)):
                    raise KioskError(f"could not write {path}")
                written.append(path)
            window.runner.wait()
            window.deleteLater()
            app.processEvents()
    return written


def _walk(window: Any, language: str, failing: TicketDesk) -> Iterator[str]:
    """Moves the window through every screen, naming each one as it shows."""
    window.go_home()
    if language != window.session.language:
        window.switch_language(language)
    yield "01-welcome"
    window.welcome.start_requested.emit(language)
    yield "02-fields"
    window.fields.field_chosen.emit(EXAMPLE_FIELD)
    yield "03-procedures"
    window.procedures.procedure_chosen.emit(EXAMPLE_PROCEDURE)
    yield "04-details"
    window.details.ticket_requested.emit()
    yield "05-priority"
    window.priority.read_scan(GARBLED_SCAN)
    yield "06-priority-bad-scan"
    window.priority.priority_chosen.emit(Priority.ELDERLY)
    _wait_for_ticket(window)
    yield "07-ticket-volunteer-coming"
    window.go_home()
    window.switch_language(language)
    window.desk, working = failing, window.desk
    window.welcome.start_requested.emit(language)
    window.fields.field_chosen.emit(EXAMPLE_FIELD)
    window.procedures.procedure_chosen.emit(EXAMPLE_PROCEDURE)
    window.details.ticket_requested.emit()
    window.priority.priority_chosen.emit(None)
    _wait_for_ticket(window)
    window.desk = working
    yield "08-ticket-not-printed"
    window.go_home()
    window.welcome.start_requested.emit(language)
    window.fields.search_chosen.emit()
    window.search.show_query(EXAMPLE_QUERY)
    yield "09-search"
    window.help_button.click()
    yield "10-help-coming"
    window.idle.warning_started.emit()
    window.idle.seconds_left.emit(window.settings.kiosk.idle_warning_seconds)
    yield "11-idle-warning"
    window.idle.stop()
    window.staff.show_menu()
    window.staff_menu.reload_requested.emit()
    _wait_until_idle(window)
    yield "12-staff"


def _wait_until_idle(window: Any) -> None:
    """Until the window's background work (database, printer) has come back."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + TICKET_WAIT_SECONDS
    while window.runner.busy:
        if time.monotonic() > deadline:
            raise KioskError("the staff page did not load within 30 s")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _wait_for_ticket(window: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + TICKET_WAIT_SECONDS
    while window.current_screen is not window.ticket:
        if time.monotonic() > deadline:
            raise KioskError("the ticket screen did not show within 30 s")
        QCoreApplication.processEvents()
        time.sleep(0.01)
