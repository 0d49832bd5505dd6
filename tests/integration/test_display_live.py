"""The hall display kept current by counters in another process: calls shown and spoken,
five in one second, a restart, and a server connection killed mid-run."""

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from kiosk.config import Settings
from kiosk.hall.board import ANNOUNCE_WITHIN
from kiosk.queue.calling import call_next
from kiosk.storage.change_watch import ChangeWatch, PostgresChangeListener
from kiosk.storage.db import Database
from tests.support.calling_counters import CallingCounters
from tests.support.databases import postgres_base_url
from tests.support.hall import issue_tickets, open_counters, tv_display
from ui.display.window import DisplayWindow

# Generous waits: the figures the issue asks for (1 s SQLite, 300 ms PostgreSQL) are measured
# by bench/bench_display_latency.py, not asserted here.
WAIT_MS = 5000
# Announcements paced 20 times as fast: five calls of about 12 s each in about 3 s.
ANNOUNCE_SPEED = 20.0
RECONNECTING = "Mất kết nối cơ sở dữ liệu, đang kết nối lại…"

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "Couldn't (load|resolve) .*(library|symbols)",
)


@pytest.fixture
def counters(
    database: Database, settings: Settings, database_url: str
) -> Iterator[CallingCounters]:
    open_counters(database, range(1, 6))
    issue_tickets(database, settings, 12)
    with CallingCounters(database_url) as other:
        yield other


def _started(qtbot: QtBot, window: DisplayWindow) -> DisplayWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.updated, timeout=WAIT_MS):
        window.start()
    return window


def _recent_texts(window: DisplayWindow) -> list[str]:
    return [row.text() for row in window.recent_rows if row.text()]


@pytest.mark.slow
def test_a_call_from_another_process_appears_large_on_its_counter_and_in_the_last_calls(
    qtbot: QtBot, database: Database, settings: Settings, counters: CallingCounters
) -> None:
    window = _started(qtbot, tv_display(settings, database))
    assert window.hero.number.text() == "—"

    [(label, counter, _)] = counters.call(3)

    def shown() -> None:
        assert window.hero.number.text() == label == "A001"
        assert window.hero.counter.text() == "→ Quầy 3"
        assert window.tiles[counter].ticket.text() == "A001"
        assert _recent_texts(window) == ["A001 → Quầy 3"]
        assert window.waiting.text() == "Đang chờ:     A: 11"

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    window.close()


@pytest.mark.slow
def test_five_calls_in_one_second_are_all_shown_and_all_announced_in_order_uncut(
    qtbot: QtBot, database: Database, settings: Settings, counters: CallingCounters
) -> None:
    window = _started(qtbot, tv_display(settings, database, announce_speed=ANNOUNCE_SPEED))

    made = counters.call(1, 2, 3, 4, 5)
    assert made[-1][2] - made[0][2] < 1.0, "the five calls took a second or more"
    expected = [f"{label} → Quầy {counter}" for label, counter, _ in made]

    qtbot.waitUntil(lambda: _recent_texts(window) == expected[::-1], timeout=WAIT_MS)
    assert {n: tile.ticket.text() for n, tile in window.tiles.items()} == {
        counter: label for label, counter, _ in made
    }
    qtbot.waitUntil(lambda: len(window.announcements.queue.history) == 5, timeout=20_000)
    history = window.announcements.queue.history
    assert [(p.call.label, p.call.counter) for p in history] == [(lb, c) for lb, c, _ in made]
    for before, after in itertools.pairwise(history):
        assert after.started_at >= before.ended_at, "an announcement cut another off"
    assert all(p.ended_at - p.started_at > 5 for p in history), "an announcement was cut short"
    window.close()


@pytest.mark.slow
def test_after_a_restart_the_display_shows_the_hall_and_says_only_calls_of_the_last_30_s(
    qtbot: QtBot, database: Database, settings: Settings, counters: CallingCounters
) -> None:
    long_ago = datetime.now(UTC) - ANNOUNCE_WITHIN - timedelta(seconds=30)
    call_next(database, settings, 1, now=long_ago)
    [(fresh, _, _)] = counters.call(2)

    window = _started(qtbot, tv_display(settings, database, announce_speed=ANNOUNCE_SPEED))

    assert _recent_texts(window) == [f"{fresh} → Quầy 2", "A001 → Quầy 1"]
    assert window.tiles[1].ticket.text() == "A001"
    assert window.tiles[2].ticket.text() == fresh
    qtbot.waitUntil(lambda: len(window.announcements.queue.history) == 1, timeout=WAIT_MS)
    # Long enough for the queue (20 times as fast) to have said a second call, were there one.
    qtbot.wait(1500)
    assert [p.call.label for p in window.announcements.queue.history] == [fresh]
    window.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_killed_server_connection_is_shown_and_calls_made_meanwhile_all_appear(
    qtbot: QtBot, database: Database, settings: Settings, counters: CallingCounters
) -> None:
    if not database.is_postgresql:
        pytest.skip("only PostgreSQL has a server connection to kill")
    listener = PostgresChangeListener(database.url)
    watch: ChangeWatch = listener
    window = _started(qtbot, tv_display(settings, database, watch=watch))
    killed = listener.backend_pid
    dsn = postgres_base_url().replace("postgresql+psycopg", "postgresql")

    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (killed,))
    qtbot.waitUntil(window.reconnecting_banner.isVisible, timeout=WAIT_MS)
    assert window.reconnecting_banner.text() == RECONNECTING
    meanwhile = counters.call(1, 2)

    def everything_is_back() -> None:
        assert not window.reconnecting_banner.isVisible()
        assert _recent_texts(window) == [f"{lb} → Quầy {c}" for lb, c, _ in meanwhile[::-1]]

    qtbot.waitUntil(everything_is_back, timeout=15_000)
    assert listener.backend_pid not in (None, killed)
    [(label, _, _)] = counters.call(3)
    qtbot.waitUntil(lambda: window.hero.number.text() == label, timeout=WAIT_MS)
    window.close()
