"""A kiosk window on a fresh SQLite database, and taps by the words the citizen reads."""

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.catalog.loader import builtin_catalog
from kiosk.catalog.procedures import Catalog
from kiosk.config import Settings, settings_from_mapping
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import Database, open_database
from ui.common.app_setup import load_bundled_fonts
from ui.common.metrics import Metrics
from ui.common.theme import apply_theme
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.window import KioskWindow

PORTRAIT = (1080, 1920)
LANDSCAPE = (1920, 1080)
TEST_DPI = 96.0

WindowFactory = Callable[..., KioskWindow]


@pytest.fixture(scope="session", autouse=True)
def kiosk_theme(qapp: QApplication) -> None:
    """What `ui.common.app_setup.create_application` does for the real kiosk, on pytest-qt's app."""
    font = qapp.font()
    font.setFamily(load_bundled_fonts())
    qapp.setFont(font)
    apply_theme(qapp, Metrics(TEST_DPI))


@pytest.fixture
def kiosk_settings(tmp_path: Path) -> Settings:
    return settings_from_mapping(
        {
            "database": {"url": f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"},
            "printer": {"kind": "preview", "preview_dir": str(tmp_path / "tickets")},
            "kiosk": {"id": "sanh-1"},
        },
        data_dir=tmp_path,
    )


@pytest.fixture
def kiosk_database(kiosk_settings: Settings) -> Iterator[Database]:
    database = open_database(kiosk_settings.database_url)
    yield database
    database.dispose()


@pytest.fixture
def catalog() -> Catalog:
    return builtin_catalog()


@pytest.fixture
def make_window(
    qtbot: QtBot, kiosk_settings: Settings, kiosk_database: Database, catalog: Catalog
) -> Iterator[WindowFactory]:
    """Builds and shows a kiosk window; keyword arguments replace [kiosk], [printer] or [web]
    settings."""
    windows: list[KioskWindow] = []

    def build(
        size: tuple[int, int] = PORTRAIT,
        printer: dict | None = None,
        web: dict | None = None,
        **kiosk,
    ) -> KioskWindow:
        settings = replace(
            kiosk_settings,
            kiosk=replace(kiosk_settings.kiosk, **kiosk),
            printer=replace(kiosk_settings.printer, **(printer or {})),
            web=replace(kiosk_settings.web, **(web or {})),
        )
        window = KioskWindow(
            settings,
            catalog,
            TicketDesk(kiosk_database, settings, catalog),
            Metrics(TEST_DPI),
            speech_engine="mock",
        )
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.runner.wait()
        window.idle.stop()


def visible_button(window: KioskWindow, text: str) -> TapButton:
    """The one button on show whose text is `text`."""
    found = [
        button
        for button in window.findChildren(TapButton)
        if button.isVisible() and button.text() == text
    ]
    assert len(found) == 1, f"expected one visible button {text!r}, found {len(found)}"
    return found[0]


def tap(qtbot: QtBot, window: KioskWindow, text: str) -> None:
    """Tap the button the citizen reads as `text`."""
    qtbot.mouseClick(visible_button(window, text), Qt.MouseButton.LeftButton)


def visible_texts(window: KioskWindow) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def hold_corner(qtbot: QtBot, window: KioskWindow) -> None:
    """The staff way in: a 3-second press in the top-left corner."""
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    with qtbot.waitSignal(window.corner_hold.held, timeout=4000):
        pass
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def enter_pin(qtbot: QtBot, window: KioskWindow, pin: str) -> None:
    for digit in pin:
        tap(qtbot, window, digit)
    tap(qtbot, window, "Đồng ý")
    qtbot.waitUntil(lambda: not window.runner.busy)
