"""Starting a Qt application of the kiosk: display check, logging, bundled fonts."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from importlib import resources

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FONT_FAMILY = "Be Vietnam Pro"
FONT_FILES = (
    "BeVietnamPro-Regular.ttf",
    "BeVietnamPro-Medium.ttf",
    "BeVietnamPro-SemiBold.ttf",
    "BeVietnamPro-Bold.ttf",
)


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why Qt cannot show a window here, or None when a display seems available.

    Checked before Qt starts, because Qt's own answer is an abort with a plugin traceback.
    """
    environ = os.environ if environ is None else environ
    if environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return None
    if environ.get("WAYLAND_DISPLAY") or environ.get("DISPLAY"):
        return None
    return (
        "no display found (neither WAYLAND_DISPLAY nor DISPLAY is set): start it inside a"
        " graphical session or under the cage kiosk compositor (see README), or set"
        " QT_QPA_PLATFORM=offscreen to try it without a screen"
    )


def configure_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        # python-escpos configures the root logger when imported; ours must win.
        force=True,
    )


def load_bundled_fonts() -> str:
    """Register the bundled Vietnamese font with Qt, before any widget exists; return the family."""
    fonts = resources.files("resources.fonts")
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFontFromData((fonts / name).read_bytes())
        if font_id < 0:
            log.error("could not load the bundled font %s; text may lack Vietnamese marks", name)
    return FONT_FAMILY


def create_application(program: str, argv: list[str]) -> QApplication:
    """The QApplication with the bundled font set as the default font."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(program)
    # The Wayland app_id: lets a compositor (deploy/sway/two-screens.conf) tell the kiosk from
    # the hall display, which would otherwise both be "python3".
    app.setDesktopFileName(program)
    family = load_bundled_fonts()
    font = QGuiApplication.font()
    font.setFamily(family)
    app.setFont(font)
    return app
