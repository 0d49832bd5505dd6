"""A volunteer's tap that cannot be saved says so on the panel (it was only logged).

The fault is real: another session holds a lock on the help requests, and the panel's
connection gives up waiting for it after 0.3 s instead of the usual 10 s.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from kiosk.helpdesk.requests import claim_request, create_help_request, open_requests
from kiosk.helpdesk.volunteers import add_volunteer
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database, open_database
from kiosk.storage.models import HelpReason
from tests.ui.test_panel import (
    COMING,
    DONE,
    SAVE,
    ZONE,
    _labels,
    _procedure_name,
    _start,
    _tap,
    _tap_row,
    pytestmark,  # noqa: F401  (the same Qt messages to ignore)
)
from ui.panel.window import PanelWindow

# The panel speaks Vietnamese first (panel_vi.ts).
NOT_SAVED = "Chưa lưu được, xin thử lại."
LOCK_WAIT_MS = 300


@pytest.fixture
def impatient_database(database_url: str) -> Iterator[Database]:
    """The panel's own connection, waiting 0.3 s for a lock."""
    if database_url.startswith("sqlite"):
        database = open_database(database_url, busy_timeout_ms=LOCK_WAIT_MS)
    else:
        url = make_url(database_url)
        options = f"{url.query['options']} -clock_timeout={LOCK_WAIT_MS}"
        database = open_database(
            url.update_query_dict({"options": options}).render_as_string(hide_password=False)
        )
    yield database
    database.dispose()


@pytest.fixture
def panel(qtbot: QtBot, impatient_database: Database) -> Iterator[PanelWindow]:
    window = PanelWindow(
        impatient_database,
        change_watch_for(impatient_database),
        zone=ZONE,
        procedure_name=_procedure_name(),
    )
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    yield window
    window.close()


@contextmanager
def help_requests_locked(database: Database) -> Iterator[None]:
    """Another session may read the help requests but holds every write on them."""
    if database.is_sqlite:
        assert database.url.database is not None
        other = sqlite3.connect(database.url.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    dsn = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as other:
        other.execute("LOCK TABLE help_requests IN EXCLUSIVE MODE")
        yield
        other.rollback()


def _not_saved_shown(window: PanelWindow) -> bool:
    return any(label.startswith(NOT_SAVED) for label in _labels(window))


def test_a_claim_that_cannot_be_saved_says_so(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    add_volunteer(database, "Lan")
    create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    _start(qtbot, panel, "sanh-1")
    _tap(qtbot, panel, "Chọn tên của bạn")
    _tap(qtbot, panel, "Lan")
    _tap_row(qtbot, panel, "sanh-1")

    with help_requests_locked(database):
        _tap(qtbot, panel, COMING)
        qtbot.waitUntil(lambda: _not_saved_shown(panel), timeout=5000)

    assert [r.volunteer for r in open_requests(database)] == [None]


def test_a_close_that_cannot_be_saved_says_so(
    qtbot: QtBot, panel: PanelWindow, database: Database
) -> None:
    request_id = create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    claim_request(database, request_id, "Lan")
    _start(qtbot, panel, "sanh-1")
    _tap_row(qtbot, panel, "sanh-1")
    _tap(qtbot, panel, DONE)
    _tap(qtbot, panel, "VNeID: cài đặt, mức 2")

    with help_requests_locked(database):
        _tap(qtbot, panel, SAVE)
        qtbot.waitUntil(lambda: _not_saved_shown(panel), timeout=5000)

    assert [r.id for r in open_requests(database)] == [request_id]
