"""The panel on a volunteer's laptop screen (1366x768), filling it by itself, in either language."""

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database
from ui.panel.labels import procedure_namer
from ui.panel.main import fill_screen
from ui.panel.screenshots import NOW, fill_busy_morning
from ui.panel.window import PanelWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "Couldn't (load|resolve) .*(library|symbols)",
)
LAPTOP = (1366, 768)


@pytest.fixture
def busy_panel(qtbot: QtBot, database: Database, settings: Settings) -> Iterator[PanelWindow]:
    fill_busy_morning(database, settings)
    window = PanelWindow(
        database,
        change_watch_for(database),
        zone=ZoneInfo("Asia/Ho_Chi_Minh"),
        procedure_name=procedure_namer(load_catalog(None)),
        clock=lambda: NOW,
    )
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    window.reload()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12 and not window.busy, timeout=5000)
    yield window
    window.close()


def _unclipped(label: QLabel) -> None:
    """The label's words, wrapped as it wraps them, fit inside its padding and border."""
    label.ensurePolished()
    metrics = QFontMetrics(label.font())
    inside = label.contentsRect()
    # The style sheet's padding (mm(2) across, mm(1) down) and 1 px border.
    across, down = label.width() - inside.width(), label.height() - inside.height()
    room = label.width() - max(across, 0)
    needed = metrics.boundingRect(
        QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), label.text()
    )
    assert needed.width() <= room, f"{label.text()!r} is cut at the side"
    assert needed.height() <= label.height() - max(down, 0), f"{label.text()!r} is cut"
    for word in label.text().split():
        assert metrics.horizontalAdvance(word) <= room, f"{word!r} does not fit {label.text()!r}"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_at_1366x768_several_rows_show_and_no_count_box_clips(
    qtbot: QtBot, busy_panel: PanelWindow, language: str
) -> None:
    if language == "en":
        qtbot.mouseClick(_button(busy_panel, "English"), Qt.MouseButton.LeftButton)

    table = busy_panel.table
    whole_rows = table.viewport().height() // table.rowHeight(0)
    assert whole_rows >= 4
    for box in busy_panel.counts.boxes():
        assert box.isVisible()
        _unclipped(box)
    for text in ("Tôi đến", "Xong") if language == "vi" else ("I'm coming", "Done"):
        button = _button(busy_panel, text)
        assert busy_panel.rect().contains(
            QRect(button.mapTo(busy_panel, button.rect().topLeft()), button.size())
        )


def test_the_language_switches_and_back(qtbot: QtBot, busy_panel: PanelWindow) -> None:
    assert busy_panel.model.headerData(0, Qt.Orientation.Horizontal) == "Số vé"
    assert "Hôm nay: 12 yêu cầu" in _labels(busy_panel)

    qtbot.mouseClick(_button(busy_panel, "English"), Qt.MouseButton.LeftButton)

    assert "Today: 12 requests" in _labels(busy_panel)
    assert busy_panel.model.headerData(0, Qt.Orientation.Horizontal) == "Ticket"
    assert "Elderly, 60+" in [busy_panel.model.index(r, 2).data() for r in range(12)]
    qtbot.mouseClick(_button(busy_panel, "Tiếng Việt"), Qt.MouseButton.LeftButton)
    assert "Hôm nay: 12 yêu cầu" in _labels(busy_panel)


def test_the_panel_fills_its_screen_by_itself(qtbot: QtBot, busy_panel: PanelWindow) -> None:
    busy_panel.hide()
    busy_panel.resize(860, 450)

    fill_screen(busy_panel)

    screen = busy_panel.screen() or QGuiApplication.primaryScreen()
    # The size of the screen (the offscreen platform offsets it by a pretend frame).
    qtbot.waitUntil(lambda: busy_panel.size() == screen.availableGeometry().size(), timeout=2000)


def _labels(window: PanelWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def _button(window: PanelWindow, text: str) -> QPushButton:
    (button,) = [b for b in window.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return button
