"""The hall display as the hall sees it: sizes in millimetres on a 43-inch TV, colours, texts."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.config import Settings, settings_from_mapping
from kiosk.queue.calling import call_next
from kiosk.storage.db import Database, open_database
from tests.support.hall import LANDSCAPE, PORTRAIT, issue_tickets, open_counters, tv_display
from ui.common.contrast import parse_rules, text_colour_pairs
from ui.common.metrics import Metrics, diagonal_dpi, tv_metrics
from ui.display.window import HIGHLIGHT_MS, DisplayWindow

SMALLEST_CALLED_CAP_MM = 80.0
# WCAG 2.3.1: nothing may flash more than three times in a second.
MOST_FLASHES_PER_SECOND = 3

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "Couldn't (load|resolve) .*(library|symbols)",
)


def _settings(tmp_path: Path, **display: object) -> Settings:
    return settings_from_mapping(
        {"database": {"url": f"sqlite:///{tmp_path / 'hall.sqlite3'}"}, "display": display},
        data_dir=tmp_path,
    )


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[tuple[Settings, Database]]:
    settings = _settings(tmp_path)
    database = open_database(settings.database_url)
    open_counters(database, range(1, 4))
    issue_tickets(database, settings, 6)
    yield settings, database
    database.dispose()


def _shown(qtbot: QtBot, window: DisplayWindow) -> DisplayWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.updated, timeout=5000):
        window.read()
    return window


def _call(qtbot: QtBot, window: DisplayWindow, settings: Settings, database: Database, n: int):
    called = call_next(database, settings, n)
    assert called is not None
    with qtbot.waitSignal(window.updated, timeout=5000):
        window.read()
    return called


def _visible_texts(window: DisplayWindow) -> list[str]:
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisibleTo(window) and label.text()
    ]


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_the_called_number_has_capitals_of_80_mm_on_a_43_inch_tv_and_fits_on_it(
    qtbot: QtBot, hall: tuple[Settings, Database], size: tuple[int, int]
) -> None:
    settings, database = hall
    window = _shown(qtbot, tv_display(settings, database, size=size))
    _call(qtbot, window, settings, database, 3)
    QApplication.processEvents()
    metrics = Metrics(diagonal_dpi(*size, 43))

    number, counter = window.hero.number, window.hero.counter
    assert number.text() == "A001"
    assert counter.text() in ("→ Quầy 3", "Quầy 3")
    for label in (number, counter):
        font = QFontMetricsF(label.font())
        assert metrics.mm(font.capHeight()) >= SMALLEST_CALLED_CAP_MM, label.text()
        # Whole on the screen: not cut by its label nor by the window's edge.
        assert label.width() >= font.horizontalAdvance(label.text()), label.text()
        top_left = label.mapTo(window, QPoint(0, 0))
        assert window.rect().contains(QRect(top_left, label.size())), label.text()
    assert window.size().toTuple() == size


def test_every_text_colour_of_the_display_reaches_7_to_1() -> None:
    sheet = (resources.files("resources.styles") / "display.qss").read_text(encoding="utf-8")
    pairs = text_colour_pairs(parse_rules(sheet))
    assert len(pairs) >= 10
    low = [
        (p.selector, p.foreground, p.background, round(p.ratio, 2)) for p in pairs if p.ratio < 7
    ]
    assert low == []


class _Toggles(QObject):
    """Counts every change of the calling band's highlight."""

    def __init__(self, watched: QObject) -> None:
        super().__init__()
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DynamicPropertyChange:
            self.count += 1
        return False


def test_the_newest_call_is_highlighted_steadily_for_a_few_seconds_then_rests(
    qtbot: QtBot, hall: tuple[Settings, Database]
) -> None:
    settings, database = hall
    window = _shown(qtbot, tv_display(settings, database))
    assert not window.highlighted
    toggles = _Toggles(window.hero)
    started = datetime.now(UTC)
    _call(qtbot, window, settings, database, 2)
    assert window.highlighted
    assert window.tiles[2].property("highlighted") is True
    assert window.tiles[1].property("highlighted") is False

    qtbot.waitUntil(lambda: not window.highlighted, timeout=HIGHLIGHT_MS + 5000)
    seconds = (datetime.now(UTC) - started).total_seconds()
    assert toggles.count == 2
    assert toggles.count / seconds < MOST_FLASHES_PER_SECOND
    assert window.tiles[2].property("highlighted") is False


def test_vietnamese_alone_by_default_and_english_beside_it_when_configured(
    qtbot: QtBot, hall: tuple[Settings, Database]
) -> None:
    settings, database = hall
    vietnamese = _shown(qtbot, tv_display(settings, database))
    texts = _visible_texts(vietnamese)
    assert "Đang phục vụ" in texts
    assert "Chưa gọi số nào" in texts
    assert not any("Now" in text or "Last calls" in text for text in texts)
    assert not vietnamese.notice.isVisible()

    both = replace(
        settings,
        display=replace(settings.display, languages=("vi", "en"), notice="Giờ làm việc 7:30"),
    )
    bilingual = _shown(qtbot, tv_display(both, database))
    _call(qtbot, bilingual, both, database, 1)
    texts = _visible_texts(bilingual)
    assert "Mời công dân có số  ·  Now calling" in texts
    assert "Đang phục vụ  ·  Now serving" in texts
    assert "Vừa gọi  ·  Last calls" in texts
    assert "A001 → Quầy 1" in texts
    assert "Đang chờ  ·  Waiting:     A: 5" in texts
    assert "Giờ làm việc 7:30" in texts


def test_the_configured_diagonal_sizes_the_display_whatever_the_screen_reports(
    qapp: QApplication,
) -> None:
    screen = qapp.primaryScreen()
    size = screen.size()
    assert tv_metrics(screen, 43.0, 96.0).dpi == pytest.approx(
        diagonal_dpi(size.width(), size.height(), 43.0)
    )
    assert tv_metrics(screen, 0.0, 96.0).dpi == pytest.approx(screen.physicalDotsPerInch())
