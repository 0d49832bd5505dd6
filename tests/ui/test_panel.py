"""The help-desk panel, driven by what a volunteer reads and taps."""

import logging
from collections.abc import Callable, Iterator
from functools import cache
from zoneinfo import ZoneInfo

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.helpdesk.requests import claim_request, create_help_request, open_requests
from kiosk.helpdesk.volunteers import add_volunteer
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database
from kiosk.storage.models import HelpReason, Priority
from ui.common.metrics import metrics_for
from ui.panel.labels import procedure_namer
from ui.panel.model import Column
from ui.panel.sound import Chime
from ui.panel.window import PanelWindow

COMING = "Tôi đến"
DONE = "Xong"
SAVE = "Lưu"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.qt_log_ignore(
    # The offscreen platform cannot pass a window's size limits on; a real screen can.
    "This plugin does not support propagateSizeHints",
    # QtMultimedia probing for optional libraries (PipeWire, VA-API) this machine lacks.
    "Couldn't (load|resolve) .*(library|symbols)",
)


@cache
def _procedure_name() -> Callable[[str], str]:
    return procedure_namer(load_catalog(None))


@pytest.fixture
def panel(qtbot: QtBot, database: Database) -> Iterator[PanelWindow]:
    window = PanelWindow(
        database, change_watch_for(database), zone=ZONE, procedure_name=_procedure_name()
    )
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    yield window
    window.close()


def _rows(window: PanelWindow) -> list[list[str]]:
    model = window.model
    return [
        [model.index(row, column).data() for column in Column] for row in range(model.rowCount())
    ]


def _row_with(window: PanelWindow, text: str) -> int:
    for row, texts in enumerate(_rows(window)):
        if text in texts:
            return row
    raise AssertionError(f"no row reads {text!r}: {_rows(window)}")


def _labels(window: PanelWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def _button(window: PanelWindow, text: str) -> QPushButton:
    (button,) = [b for b in window.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return button


def _tap(qtbot: QtBot, window: PanelWindow, text: str) -> None:
    button = _button(window, text)
    assert button.isEnabled(), f"{text!r} is greyed out"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # What the tap writes and reloads runs off the GUI thread; the volunteer sees it shortly.
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)


def _tap_row(qtbot: QtBot, window: PanelWindow, text: str) -> None:
    index = window.model.index(_row_with(window, text), Column.KIOSK)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _start(qtbot: QtBot, window: PanelWindow, shows: str) -> None:
    window.start()
    qtbot.waitUntil(lambda: _row_with(window, shows) >= 0, timeout=5000)


def test_a_new_request_appears_with_ticket_procedure_reason_kiosk_and_a_chime(
    qtbot: QtBot, panel: PanelWindow, database: Database, settings: Settings
) -> None:
    create_help_request(database, reason=HelpReason.ASKED_FOR_HELP, kiosk_id="tang-2")
    _start(qtbot, panel, "tang-2")
    ticket = issue_ticket(
        database, settings, procedure_code="1.001193", prefix="A", priority=Priority.ELDERLY
    )

    with qtbot.waitSignal(panel.findChild(Chime).rung, timeout=3000):
        create_help_request(
            database,
            reason=HelpReason.ELDERLY,
            kiosk_id="sanh-1",
            ticket_id=ticket.id,
            procedure_code="1.001193",
        )

    first, second = _rows(panel)
    assert first[:4] == ["Không vé", "—", "Cần hỗ trợ", "tang-2"]
    assert second[:4] == ["A001", "Đăng ký khai sinh", "Người cao tuổi", "sanh-1"]
    assert second[Column.WAITING].startswith("0:0")
    assert second[Column.VOLUNTEER] == "—"
    assert "Hôm nay: 2 yêu cầu" in _labels(panel)


def test_coming_asks_for_the_name_once_then_claims(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    add_volunteer(database, "Lan")
    create_help_request(database, reason=HelpReason.DISABILITY, kiosk_id="sanh-2")
    _start(qtbot, panel, "sanh-2")
    assert not _button(panel, COMING).isEnabled()

    _tap_row(qtbot, panel, "sanh-2")
    _tap(qtbot, panel, COMING)
    assert "Chọn tên của bạn" in _labels(panel)
    _tap(qtbot, panel, "Lan")

    row = _rows(panel)[_row_with(panel, "sanh-2")]
    assert row[Column.VOLUNTEER] == "Lan đang đến"
    assert "Bạn đã nhận yêu cầu. Xin mời đến." in _labels(panel)
    assert _button(panel, "Lan · Đổi").isVisible()
    assert [r.volunteer for r in open_requests(database)] == ["Lan"]


def test_a_request_another_volunteer_took_first_says_so(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    add_volunteer(database, "Lan")
    request_id = create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    _start(qtbot, panel, "sanh-1")
    _tap(qtbot, panel, "Chọn tên của bạn")
    _tap(qtbot, panel, "Lan")
    _tap_row(qtbot, panel, "sanh-1")

    claim_request(database, request_id, "Minh")  # on another panel, a moment earlier
    _tap(qtbot, panel, COMING)

    assert "Người khác đã nhận yêu cầu này." in _labels(panel)
    assert _rows(panel)[0][Column.VOLUNTEER] == "Minh đang đến"


def test_done_records_what_was_done_and_today_counts_it(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    add_volunteer(database, "Lan")
    request_id = create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    claim_request(database, request_id, "Lan")
    _start(qtbot, panel, "sanh-1")

    _tap_row(qtbot, panel, "sanh-1")
    _tap(qtbot, panel, DONE)
    assert not _button(panel, SAVE).isEnabled()
    _tap(qtbot, panel, "VNeID: cài đặt, mức 2")
    _tap(qtbot, panel, "Chữ ký số")
    _tap(qtbot, panel, SAVE)

    labels = _labels(panel)
    assert "Không có ai đang chờ hỗ trợ." in labels
    assert "Đã hỗ trợ: 1" in labels
    assert "1 · VNeID: cài đặt, mức 2" in labels
    assert "1 · Chữ ký số" in labels
    assert "0 · SIM chính chủ" in labels
    assert open_requests(database) == []


def test_a_printer_fault_is_announced_above_everything(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    _start(qtbot, panel, "sanh-1")
    assert not panel.printer_banner.isVisible()

    create_help_request(database, reason=HelpReason.PRINTER_FAULT, kiosk_id="sanh-2")

    qtbot.waitUntil(
        lambda: "Máy in lỗi ở máy: sanh-2" in _labels(panel),
        timeout=3000,
    )


def test_a_kiosk_clock_behind_the_last_ticket_is_announced_with_printer_faults(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    create_help_request(database, reason=HelpReason.PRINTER_FAULT, kiosk_id="sanh-2")
    _start(qtbot, panel, "sanh-2")

    create_help_request(database, reason=HelpReason.CLOCK_FAULT, kiosk_id="sanh-1")

    qtbot.waitUntil(
        lambda: ("Máy in lỗi ở máy: sanh-2\nĐồng hồ sai ở máy: sanh-1") in _labels(panel),
        timeout=3000,
    )


def test_buttons_are_touch_sized(qtbot: QtBot, panel: PanelWindow, database: Database) -> None:
    create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    _start(qtbot, panel, "sanh-1")
    sixteen_mm = metrics_for(QGuiApplication.primaryScreen(), 96.0).px(16)

    for text in (COMING, DONE, "Chọn tên của bạn"):
        assert _button(panel, text).height() >= sixteen_mm
    assert panel.table.rowHeight(0) >= sixteen_mm


def test_without_an_audio_device_the_chime_is_silent_and_says_so_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="ui.panel.sound")
    chime = Chime()

    with qtbot.waitSignal(chime.rung, timeout=1000):
        chime.ring()

    if not chime.audible:
        (record,) = caplog.records
        assert "will not chime" in record.getMessage() or "no sound" in record.getMessage()


def test_the_panel_keeps_answering_while_the_database_hangs(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    if not database.is_postgresql:
        pytest.skip("a table another session locks is a PostgreSQL drill")
    create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    _start(qtbot, panel, "sanh-1")
    dsn = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(1))

    with psycopg.connect(dsn) as other_session:
        # Another session holds the table: every query of the panel waits for it.
        other_session.execute("LOCK TABLE help_requests IN ACCESS EXCLUSIVE MODE")
        panel.reload()
        heartbeat.start(50)
        qtbot.wait(1500)
        assert panel.busy
        # 30 ticks if the GUI thread is free; at most 1 if it blocks on the database. The
        # margin is for a loaded 2-core machine, where a free thread still misses many ticks.
        assert len(ticks) >= 5, "the GUI thread stopped answering while the database hung"
        assert _rows(panel)[0][Column.KIOSK] == "sanh-1"
        other_session.rollback()

    heartbeat.stop()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert [r.kiosk_id for r in open_requests(database)] == ["sanh-1"]
