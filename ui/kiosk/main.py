"""`kiosk`: the touchscreen kiosk, full screen and locked down (or in a window for trying it)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings, load_settings
from kiosk.errors import DatabaseUnusable, KioskError
from kiosk.printing.desk import TicketDesk, warm_up_printing
from kiosk.storage.db import Database, open_configured_database
from ui.common.app_setup import configure_logging, create_application, display_problem

if TYPE_CHECKING:
    from ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

EXIT_FAULT = 2
EXIT_NO_DISPLAY = 3
# A window of the portrait shape that most kiosks have, for --windowed.
WINDOWED_SIZE = (720, 1280)
PURGE_DELAY_MS = 60_000
# The daily backup of an SQLite database is looked at every hour (taken when a day old).
BACKUP_CHECK_MS = 3_600_000
# Long enough for the first screen to be drawn, far shorter than a citizen's five taps.
WARM_UP_DELAY_MS = 500


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The service-centre kiosk screen.")
    parser.add_argument("--config", type=Path, help="configuration file (default: $KIOSK_CONFIG)")
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window instead of locked full screen"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    return parser


def _purge_in_background(window: KioskWindow, database: Database, settings: Settings) -> None:
    from kiosk.staff.retention import purge_expired

    window.runner.run(
        lambda: purge_expired(database, settings),
        lambda _purge: None,
        lambda error: log.warning("could not delete expired tickets: %s", error),
    )


def _back_up_in_background(window: KioskWindow, database: Database, settings: Settings) -> None:
    from kiosk.storage.backup import back_up_if_due

    window.runner.run(
        lambda: back_up_if_due(database, settings),
        lambda _backup: None,
        lambda error: log.error("could not back up the database: %s", error),
    )


def _out_of_service(fault: str, windowed: bool) -> int:
    """Stay up showing the fault (a restart loop would not mend it), issuing nothing."""
    from ui.common.metrics import metrics_for
    from ui.common.theme import apply_theme
    from ui.kiosk.screens.notices import OutOfServiceNotice

    log.error("kiosk out of service: %s", fault)
    app = create_application("kiosk", [sys.argv[0]])
    metrics = metrics_for(app.primaryScreen(), 96.0)
    apply_theme(app, metrics)
    notice = OutOfServiceNotice(metrics, fault)
    if windowed:
        notice.resize(*WINDOWED_SIZE)
        notice.show()
    else:
        notice.showFullScreen()
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    problem = display_problem()
    if problem is not None:
        print(f"kiosk: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    configure_logging(args.verbose)
    try:
        settings = load_settings(args.config)
        catalog = load_catalog(settings.catalog_overlay_path)
        database = open_configured_database(settings)
    except DatabaseUnusable as exc:
        return _out_of_service(str(exc), args.windowed)
    except KioskError as exc:
        log.debug("start-up failed", exc_info=True)
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_FAULT
    # Qt is imported only now, so that a fault above never waits for Qt to start.
    from PySide6.QtCore import QTimer

    from ui.common.metrics import metrics_for
    from ui.common.theme import apply_theme
    from ui.kiosk.window import KioskWindow

    app = create_application("kiosk", [sys.argv[0]])
    metrics = metrics_for(app.primaryScreen(), settings.kiosk.fallback_dpi)
    apply_theme(app, metrics)
    window = KioskWindow(settings, catalog, TicketDesk(database, settings, catalog), metrics)
    if args.windowed:
        window.resize(*WINDOWED_SIZE)
        window.show()
    else:
        window.show_locked_down()
    log.info("kiosk %s started, sizes for %.0f DPI", settings.kiosk.id, metrics.dpi)
    # Forget what is past the retention period, off the GUI thread, once the kiosk has
    # settled (not while the first screen is being drawn).
    QTimer.singleShot(PURGE_DELAY_MS, lambda: _purge_in_background(window, database, settings))
    backups = QTimer(window)
    backups.timeout.connect(lambda: _back_up_in_background(window, database, settings))
    backups.start(BACKUP_CHECK_MS)
    QTimer.singleShot(PURGE_DELAY_MS * 2, backups.timeout.emit)
    # The speech engine, likewise, once the first screen is up (it takes a second or more).
    QTimer.singleShot(WARM_UP_DELAY_MS, window.speaker.prepare)
    QTimer.singleShot(
        WARM_UP_DELAY_MS,
        lambda: window.runner.run(
            warm_up_printing,
            lambda _: None,
            lambda error: log.warning("could not load the printer libraries: %s", error),
        ),
    )
    try:
        return app.exec()
    finally:
        database.dispose()


if __name__ == "__main__":
    sys.exit(main())
