"""A kiosk window offscreen, tapped by the words a citizen reads, with paint times observed."""

from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.catalog.loader import load_catalog
from kiosk.config import settings_from_mapping
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import Database, open_database
from ui.common.app_setup import create_application
from ui.common.metrics import Metrics
from ui.common.theme import apply_theme
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.window import KioskWindow

PORTRAIT = (1080, 1920)
TIMEOUT_S = 30.0


class PaintWatch(QObject):
    """Remembers when each watched widget was last painted (perf_counter seconds)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: dict[int, float] = {}

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted_at[id(watched)] = time.perf_counter()
        return False


class OffscreenKiosk:
    """The real kiosk window on an SQLite file in ``folder``; the preview printer unless
    ``printer`` settings say otherwise."""

    def __init__(self, folder: Path, printer: dict[str, object] | None = None) -> None:
        self.app: QApplication = create_application("kiosk-bench", ["kiosk-bench"])
        apply_theme(self.app, Metrics(96.0))
        url = f"sqlite:///{folder / 'kiosk.sqlite3'}"
        settings = settings_from_mapping(
            {
                "database": {"url": url},
                "printer": printer or {"preview_dir": str(folder / "tickets")},
            },
            data_dir=folder,
        )
        catalog = load_catalog(None)
        self.database: Database = open_database(url)
        desk = TicketDesk(self.database, settings, catalog)
        self.window = KioskWindow(settings, catalog, desk, Metrics(96.0), speech_engine="mock")
        self.window.resize(*PORTRAIT)
        self.window.show()
        self.paints = PaintWatch()
        self.wait_until(self.window.isVisible)

    def button(self, text: str) -> TapButton:
        for button in self.window.findChildren(TapButton):
            if button.isVisible() and button.text() == text:
                return button
        raise LookupError(f"no button {text!r} on screen")

    def tap(self, text: str) -> None:
        QTest.mouseClick(self.button(text), Qt.MouseButton.LeftButton)

    def tap_until_painted(self, text: str, screen: QWidget) -> float:
        """Tap ``text`` and return the seconds until ``screen`` has been painted."""
        self.paints.watch(screen)
        self.paints.painted_at.pop(id(screen), None)
        started = time.perf_counter()
        self.tap(text)
        self.wait_until(lambda: id(screen) in self.paints.painted_at)
        return self.paints.painted_at[id(screen)] - started

    def wait_until(self, condition: object) -> None:
        """Run the event loop until ``condition()`` holds, as ``app.exec()`` would.

        Including deferred deletions, which bare ``processEvents()`` leaves queued.
        """
        deadline = time.monotonic() + TIMEOUT_S
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise TimeoutError("the kiosk did not get there in time")
            QCoreApplication.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close(self) -> None:
        self.window.runner.wait()
        self.window.idle.stop()
        self.window._close_allowed = True
        self.window.close()
        self.database.dispose()
