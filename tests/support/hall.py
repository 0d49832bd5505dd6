"""A hall for the display's tests and benchmark: counters open, tickets waiting, a display on it."""

from __future__ import annotations

from kiosk.announce.render import configured_announcer
from kiosk.config import Settings
from kiosk.queue.counters import add_counter
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.change_watch import ChangeWatch, change_watch_for
from kiosk.storage.db import Database
from ui.common.metrics import Metrics, diagonal_dpi
from ui.display.window import DisplayWindow

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
TV_INCHES = 43.0
PROCEDURE = "1.001193"


def open_counters(database: Database, numbers: range, queue: str = "A") -> None:
    for number in numbers:
        add_counter(database, number, queues=(queue,))


def issue_tickets(database: Database, settings: Settings, how_many: int, prefix: str = "A") -> None:
    for _ in range(how_many):
        issue_ticket(database, settings, procedure_code=PROCEDURE, prefix=prefix)


def tv_display(
    settings: Settings,
    database: Database,
    *,
    size: tuple[int, int] = LANDSCAPE,
    watch: ChangeWatch | None = None,
    announce_speed: float = 1.0,
) -> DisplayWindow:
    """A display sized as on a 43-inch TV, with its own speaker, not yet shown or started."""
    window = DisplayWindow(
        settings,
        database,
        watch or change_watch_for(database),
        Metrics(diagonal_dpi(*size, TV_INCHES)),
        configured_announcer(settings),
        announce_speed=announce_speed,
    )
    window.resize(*size)
    return window
