"""Pictures of the panel for the documentation: empty, busy with 12 requests, reconnecting.

Built on a throw-away SQLite database with a fixed clock, so the pictures are the same on
every run. Needs a QApplication with the bundled fonts loaded (`ui.common.app_setup`).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings, settings_from_mapping
from kiosk.helpdesk.requests import claim_request, create_help_request
from kiosk.helpdesk.volunteers import add_volunteer
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database, open_database
from kiosk.storage.models import HelpReason, Priority
from ui.panel.labels import procedure_namer
from ui.panel.window import PanelWindow

# 10:30 on a Monday morning at the centre.
NOW = datetime(2026, 11, 23, 3, 30, tzinfo=UTC)
# The smallest screen the panel is built for (a volunteer's laptop).
SIZE = QSize(1366, 768)
VOLUNTEERS = ("Nguyễn Thị Lan", "Trần Văn Minh", "Lê Hoàng Anh", "Phạm Thu Hà")
# (minutes waited, reason, procedure or None, kiosk, volunteer who is on the way)
BUSY = (
    (9.5, HelpReason.ELDERLY, "1.001193", "sanh-1", "Nguyễn Thị Lan"),
    (7.2, HelpReason.PRINTER_FAULT, None, "sanh-2", None),
    (6.1, HelpReason.DISABILITY, "2.000815", "sanh-1", None),
    (4.8, HelpReason.ASKED_FOR_HELP, None, "tang-2", "Trần Văn Minh"),
    (4.0, HelpReason.PREGNANT_OR_CHILD, "1.001193", "sanh-2", None),
    (3.3, HelpReason.ELDERLY, "2.000815", "sanh-1", None),
    (2.6, HelpReason.ASKED_FOR_HELP, None, "sanh-1", None),
    (1.9, HelpReason.ELDERLY, "1.001193", "tang-2", None),
    (1.2, HelpReason.DISABILITY, None, "sanh-2", None),
    (0.8, HelpReason.ELDERLY, "2.000815", "sanh-1", None),
    (0.4, HelpReason.ASKED_FOR_HELP, None, "tang-2", None),
    (0.1, HelpReason.PREGNANT_OR_CHILD, "1.001193", "sanh-1", None),
)
PRIORITY_OF = {
    HelpReason.ELDERLY: Priority.ELDERLY,
    HelpReason.DISABILITY: Priority.DISABILITY,
    HelpReason.PREGNANT_OR_CHILD: Priority.PREGNANT_OR_CHILD,
}


def fill_busy_morning(database: Database, settings: Settings) -> None:
    """The roster and the 12 open requests of the "busy" picture (also used by tests)."""
    for name in VOLUNTEERS:
        add_volunteer(database, name)
    for minutes, reason, procedure, kiosk, volunteer in BUSY:
        created = NOW - timedelta(minutes=minutes)
        ticket_id = None
        if procedure is not None:
            ticket_id = issue_ticket(
                database,
                settings,
                procedure_code=procedure,
                prefix="A" if procedure == "1.001193" else "C",
                priority=PRIORITY_OF.get(reason),
                kiosk_id=kiosk,
                now=created,
            ).id
        request_id = create_help_request(
            database,
            reason=reason,
            kiosk_id=kiosk,
            ticket_id=ticket_id,
            procedure_code=procedure,
            now=created,
        )
        if volunteer is not None:
            claim_request(database, request_id, volunteer, now=created + timedelta(seconds=70))


def _picture(window: PanelWindow, path: Path) -> Path:
    QApplication.processEvents()
    while window.busy:
        QApplication.processEvents()
    window.grab().save(str(path))
    return path


def render_panel_screenshots(out_dir: Path, size: QSize = SIZE) -> list[Path]:
    """Write panel-empty.png, panel-busy.png and panel-reconnecting.png into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog(None)
    zone = ZoneInfo("Asia/Ho_Chi_Minh")

    with tempfile.TemporaryDirectory(prefix="panel-screenshots-") as scratch:
        url = f"sqlite:///{Path(scratch) / 'panel.sqlite3'}"
        settings = settings_from_mapping({"database": {"url": url}}, data_dir=Path(scratch))
        database = open_database(url)
        window = PanelWindow(
            database,
            change_watch_for(database),
            zone=zone,
            procedure_name=procedure_namer(catalog),
            clock=lambda: NOW,
        )
        window.resize(size)
        window.show()
        try:
            window.start()
            window.reload()
            paths = [_picture(window, out_dir / "panel-empty.png")]
            fill_busy_morning(database, settings)
            window.reload()
            paths.append(_picture(window, out_dir / "panel-busy.png"))
            window.feed.connection_lost("the database server stopped answering")
            paths.append(_picture(window, out_dir / "panel-reconnecting.png"))
        finally:
            window.close()
            window.deleteLater()
            database.dispose()
    return paths
