"""A background job that fails reaches the citizen or the staff member who started it.

Every fault here is real: another connection holds the database's write lock, a table is
gone, a printer refuses the connection, a printer device nobody reads keeps a ticket waiting.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.config import Settings
from kiosk.staff.pin import set_pin
from kiosk.storage.db import Database, open_database
from kiosk.storage.models import HelpRequest, Ticket
from tests.support.fifo_printer import FifoPrinter
from tests.ui.conftest import WindowFactory, tap, visible_texts
from tests.ui.test_scan_staff_printer import TO_PRIORITY, enter_pin, hold_corner

ASK_AT_THE_DESK = "Vui lòng hỏi tại bàn hỗ trợ hoặc tại quầy."
VOLUNTEER_COMING = "Tình nguyện viên sẽ đến hỗ trợ bạn"
PRINTING = "Đang in số thứ tự, xin chờ…"


@pytest.fixture
def kiosk_database(kiosk_settings: Settings) -> Iterator[Database]:
    """The kiosk's database, waiting 0.3 s (not 10 s) for a lock another process holds."""
    database = open_database(kiosk_settings.database_url, busy_timeout_ms=300)
    yield database
    database.dispose()


def _sqlite_path(database: Database) -> str:
    assert database.url.database is not None
    return database.url.database


@contextmanager
def write_lock_held_elsewhere(database: Database) -> Iterator[None]:
    """Another process's connection holds the SQLite write lock (a kiosk stuck mid-write)."""
    other = sqlite3.connect(_sqlite_path(database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def _count(database: Database, model: type[Ticket] | type[HelpRequest]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_help_request_not_stored_says_ask_at_the_desk_and_is_not_remembered(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    window = make_window()
    tap(qtbot, window, "Chạm để bắt đầu")

    with write_lock_held_elsewhere(kiosk_database):
        tap(qtbot, window, "Tôi cần hỗ trợ")
        qtbot.waitUntil(lambda: ASK_AT_THE_DESK in visible_texts(window), timeout=5000)
    assert VOLUNTEER_COMING not in visible_texts(window)
    assert _count(kiosk_database, HelpRequest) == 0
    tap(qtbot, window, "Đồng ý")

    # Not remembered as sent: the next tap stores the request.
    tap(qtbot, window, "Tôi cần hỗ trợ")
    assert VOLUNTEER_COMING in visible_texts(window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    assert _count(kiosk_database, HelpRequest) == 1
    assert ASK_AT_THE_DESK not in visible_texts(window)


def test_two_taps_and_a_failed_help_request_in_between_issue_one_ticket(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database, tmp_path: Path
) -> None:
    printer = FifoPrinter(tmp_path)
    window = make_window(
        printer={"kind": "file", "device_path": str(printer.path), "timeout_seconds": 30.0}
    )
    try:
        with sqlite3.connect(_sqlite_path(kiosk_database)) as other:
            other.execute("DROP TABLE help_requests")  # every help request now fails
        for text in TO_PRIORITY:
            tap(qtbot, window, text)
        tap(qtbot, window, "Không")
        qtbot.waitUntil(lambda: _count(kiosk_database, Ticket) == 1, timeout=5000)

        tap(qtbot, window, "Tôi cần hỗ trợ")
        qtbot.waitUntil(lambda: ASK_AT_THE_DESK in visible_texts(window), timeout=5000)
        tap(qtbot, window, "Đồng ý")

        # The ticket is still being printed: the answers stay away, a second tap does nothing.
        assert PRINTING in visible_texts(window)
        for _ in range(2):
            if "Không" in visible_texts(window):
                tap(qtbot, window, "Không")
        printer.read_all()
        qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=10_000)
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    finally:
        printer.close()

    assert _count(kiosk_database, Ticket) == 1
    assert "A001" in visible_texts(window)
    assert printer.received


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_printer_test_that_fails_shows_why_on_the_staff_page(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    set_pin(kiosk_database, "2468")
    port = _closed_port()
    window = make_window(printer={"kind": "network", "host": "127.0.0.1", "port": port})
    hold_corner(qtbot, window)
    enter_pin(qtbot, window, "2468")

    tap(qtbot, window, "Thử máy in")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)

    texts = visible_texts(window)
    assert "Đang thử máy in…" not in texts
    assert (
        f"Máy in không in được trang thử: printer 127.0.0.1:{port} refused the connection" in texts
    )
