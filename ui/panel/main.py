"""`kiosk-panel`: the help-desk panel that volunteers watch."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.catalog.loader import load_catalog
from kiosk.config import load_settings
from kiosk.errors import KioskError
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import open_configured_database
from ui.common.app_setup import configure_logging, create_application, display_problem
from ui.panel.labels import procedure_namer
from ui.panel.window import PanelWindow

log = logging.getLogger(__name__)

# The smallest screen the panel is built for (a volunteer's laptop), for --windowed.
WINDOWED_SIZE = (1366, 768)


def fill_screen(window: QWidget) -> None:
    """The whole screen but its task bar, by itself: without a window manager (a bare X
    server, some kiosk set-ups) nobody maximises the window, so its geometry is set as well."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    window.showMaximized()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-panel", description="The help-desk panel.")
    parser.add_argument("--config", type=Path, help="configuration file (default: $KIOSK_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log in more detail")
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window, not filling the screen"
    )
    args = parser.parse_args(argv)
    problem = display_problem()
    if problem:
        print(f"kiosk-panel: {problem}", file=sys.stderr)
        return 2
    configure_logging(args.verbose)
    try:
        settings = load_settings(args.config)
        database = open_configured_database(settings)
        catalog = load_catalog(settings.catalog_overlay_path)
    except KioskError as exc:
        log.debug("start-up failed", exc_info=True)
        print(f"kiosk-panel: {exc}", file=sys.stderr)
        return 2
    app = create_application("kiosk-panel", [sys.argv[0]])
    window = PanelWindow(
        database,
        change_watch_for(database),
        zone=settings.centre.zone,
        procedure_name=procedure_namer(catalog),
        fallback_dpi=settings.kiosk.fallback_dpi,
    )
    if args.windowed:
        window.resize(*WINDOWED_SIZE)
        window.show()
    else:
        fill_screen(window)
    window.start()
    try:
        return app.exec()
    finally:
        window.stop()
        database.dispose()


if __name__ == "__main__":
    sys.exit(main())
