"""`kiosk-display`: the hall display, full screen on a TV (or `--windowed` to try it)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.announce.render import configured_announcer
from kiosk.config import load_settings
from kiosk.errors import KioskError
from kiosk.storage.db import open_configured_database
from ui.common.app_setup import configure_logging, create_application, display_problem

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1280, 720)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="kiosk-display", description="The hall display: every call shown large and spoken."
    )
    parser.add_argument("--config", type=Path, help="configuration file (default: $KIOSK_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log in more detail")
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window instead of full screen"
    )
    parser.add_argument(
        "--screen", help="the output to show on, e.g. HDMI-2 (default: the primary screen)"
    )
    args = parser.parse_args(argv)
    problem = display_problem()
    if problem:
        print(f"kiosk-display: {problem}", file=sys.stderr)
        return 2
    configure_logging(args.verbose)
    try:
        settings = load_settings(args.config)
        database = open_configured_database(settings)
    except KioskError as exc:
        log.debug("start-up failed", exc_info=True)
        print(f"kiosk-display: {exc}", file=sys.stderr)
        return 2
    # Qt is imported only now, so that a fault above never waits for Qt to start.
    from PySide6.QtCore import Qt

    from kiosk.storage.change_watch import change_watch_for
    from ui.common.metrics import tv_metrics
    from ui.display.window import DisplayWindow

    app = create_application("kiosk-display", [sys.argv[0]])
    screens = {screen.name(): screen for screen in app.screens()}
    screen = screens.get(args.screen) if args.screen else app.primaryScreen()
    if screen is None:
        print(
            f"kiosk-display: no screen named {args.screen!r}; this machine has:"
            f" {', '.join(screens) or 'none'}",
            file=sys.stderr,
        )
        database.dispose()
        return 2
    metrics = tv_metrics(
        screen, settings.display.screen_diagonal_inches, settings.kiosk.fallback_dpi
    )
    window = DisplayWindow(
        settings, database, change_watch_for(database), metrics, configured_announcer(settings)
    )
    if args.windowed:
        window.resize(*WINDOWED_SIZE)
        window.move(screen.geometry().topLeft())
        window.show()
    else:
        # Both: some compositors ignore one or the other.
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        window.setCursor(Qt.CursorShape.BlankCursor)
    log.info("hall display started, sizes for %.1f DPI", metrics.dpi)
    window.start()
    try:
        return app.exec()
    finally:
        window.stop()
        database.dispose()


if __name__ == "__main__":
    sys.exit(main())
