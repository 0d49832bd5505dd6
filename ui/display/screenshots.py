"""Pictures of the hall display for the documentation, as a 43-inch TV shows them.

Landscape and portrait, Vietnamese alone and with English: a quiet hall (three counters open,
nobody called yet), a busy one (eight counters serving, people waiting, the newest call
highlighted) and the notice shown while the database is out of reach. Built on throw-away
SQLite databases with a fixed clock, so the pictures are the same on every run; the calls are
made with the counters' own functions. Needs a QApplication with the bundled fonts loaded.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.announce.render import configured_announcer
from kiosk.config import Settings, settings_from_mapping
from kiosk.queue.calling import call_next
from kiosk.queue.counters import add_counter
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database, open_database
from ui.common.metrics import Metrics, diagonal_dpi
from ui.display.window import DisplayWindow

# 10:30 on a Monday morning at the centre.
NOW = datetime(2026, 11, 23, 3, 30, tzinfo=UTC)
DIAGONAL_INCHES = 43.0
ORIENTATIONS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
LANGUAGES = {"vi": ["vi"], "en": ["vi", "en"]}
CENTRE = "Trung tâm Phục vụ hành chính công phường Hòa Cường"
NOTICE = "Giờ làm việc: 7:30 - 11:30, 13:30 - 17:00 · Thứ Bảy: 7:30 - 11:30"
# (counter, queues it serves); the first three are open in the quiet hall.
COUNTERS = ((1, "A"), (2, "A"), (3, "B"), (4, "B"), (5, "C"), (6, "C"), (7, "D"), (8, "A,D"))
# Tickets issued this morning per queue (procedure, prefix, how many).
ISSUED = (("1.001193", "A", 23), ("2.000815", "B", 14), ("1.001193", "C", 9), ("2.000815", "D", 6))


def _settings(work: Path, language: str) -> Settings:
    url = f"sqlite:///{work / 'display.sqlite3'}"
    return settings_from_mapping(
        {
            "database": {"url": url},
            "centre": {"name": CENTRE},
            "display": {"languages": LANGUAGES[language], "notice": NOTICE},
        },
        data_dir=work,
    )


QUIET_COUNTERS = 3


def _open_counters(database: Database, counters: tuple[tuple[int, str], ...]) -> None:
    for number, queues in counters:
        add_counter(database, number, queues=tuple(queues.split(",")))


def _busy_morning(database: Database, settings: Settings) -> None:
    """The other counters open, tickets since 7:30, then every counter calls (the last 2 s ago)."""
    _open_counters(database, COUNTERS[QUIET_COUNTERS:])
    start = NOW - timedelta(hours=3)
    for procedure, prefix, count in ISSUED:
        for n in range(count):
            issue_ticket(
                database,
                settings,
                procedure_code=procedure,
                prefix=prefix,
                now=start + timedelta(minutes=7 * n),
            )
    for order, (number, _queues) in enumerate(COUNTERS):
        call_next(database, settings, number, now=NOW - timedelta(seconds=2 + 45 * (7 - order)))


def _picture(window: DisplayWindow, path: Path) -> Path:
    window.read()
    QApplication.processEvents()
    while window.busy:
        QApplication.processEvents()
    # Lay out what the read changed before taking the picture.
    QApplication.processEvents()
    window.grab().save(str(path))
    return path


def render_display_screenshots(out_dir: Path) -> list[Path]:
    """Write display-<orientation>-<language>-<scene>.png into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for orientation, size in ORIENTATIONS.items():
        metrics = Metrics(diagonal_dpi(*size, DIAGONAL_INCHES))
        for language in LANGUAGES:
            with tempfile.TemporaryDirectory(prefix="display-screenshots-") as scratch:
                settings = _settings(Path(scratch), language)
                database = open_database(settings.database_url)
                window = DisplayWindow(
                    settings,
                    database,
                    change_watch_for(database),
                    metrics,
                    configured_announcer(settings),
                    # Pictures are silent, even on a machine with speakers.
                    play=lambda pcm: pcm.duration_seconds,
                    clock=lambda: NOW,
                )
                window.resize(*size)
                window.show()
                name = f"display-{orientation}-{language}"
                try:
                    _open_counters(database, COUNTERS[:QUIET_COUNTERS])
                    paths.append(_picture(window, out_dir / f"{name}-01-quiet.png"))
                    _busy_morning(database, settings)
                    paths.append(_picture(window, out_dir / f"{name}-02-busy-newest-call.png"))
                    window.feed.connection_lost("the database server stopped answering")
                    paths.append(_picture(window, out_dir / f"{name}-03-reconnecting.png"))
                finally:
                    window.close()
                    window.deleteLater()
                    database.dispose()
    return paths
