"""What the hall display shows and announces, read from a real database (no Qt)."""

from datetime import UTC, datetime, timedelta

from kiosk.config import Settings
from kiosk.hall.board import ANNOUNCE_WITHIN, RECENT_CALLS, HallBoard, read_hall
from kiosk.queue.calling import call_next, mark_served, recall
from kiosk.queue.service_day import service_day
from kiosk.storage.db import Database
from tests.support.hall import issue_tickets, open_counters


def _read(board: HallBoard, database: Database, now: datetime) -> list[str]:
    read = read_hall(database, service_day(now, board.zone), board.last_event_id)
    return [f"{call.label}>{call.counter_number}" for call in board.apply(read, now)]


def test_every_call_since_the_last_read_is_announced_in_order_even_in_the_same_second(
    database: Database, settings: Settings
) -> None:
    open_counters(database, range(1, 4))
    issue_tickets(database, settings, 5)
    board = HallBoard(settings.centre.zone)
    now = datetime.now(UTC)
    assert _read(board, database, now) == []
    for counter in (1, 2, 3):
        call_next(database, settings, counter, now=now)

    assert _read(board, database, now) == ["A001>1", "A002>2", "A003>3"]
    assert [call.label for call in board.recent] == ["A003", "A002", "A001"]
    assert board.newest is not None
    assert board.newest.label == "A003"
    assert [(c.counter_number, c.label) for c in board.state.counters] == [
        (1, "A001"),
        (2, "A002"),
        (3, "A003"),
    ]
    assert board.state.waiting == {"A": 2}
    # Nothing new: nothing said again.
    assert _read(board, database, now) == []


def test_a_recall_is_announced_again_and_listed_once_at_the_top(
    database: Database, settings: Settings
) -> None:
    open_counters(database, range(1, 3))
    issue_tickets(database, settings, 3)
    board = HallBoard(settings.centre.zone)
    now = datetime.now(UTC)
    call_next(database, settings, 1, now=now)
    call_next(database, settings, 2, now=now)
    _read(board, database, now)
    recall(database, 1, now=now)

    assert _read(board, database, now) == ["A001>1"]
    assert [call.label for call in board.recent] == ["A001", "A002"]


def test_after_a_start_only_calls_of_the_last_30_seconds_are_announced(
    database: Database, settings: Settings
) -> None:
    open_counters(database, range(1, 3))
    issue_tickets(database, settings, 3)
    now = datetime.now(UTC)
    call_next(database, settings, 1, now=now - ANNOUNCE_WITHIN - timedelta(seconds=5))
    call_next(database, settings, 2, now=now - timedelta(seconds=5))
    board = HallBoard(settings.centre.zone)

    assert _read(board, database, now) == ["A002>2"]
    assert [call.label for call in board.recent] == ["A002", "A001"]


def test_the_last_calls_are_eight_of_today_and_a_served_ticket_frees_its_counter(
    database: Database, settings: Settings
) -> None:
    open_counters(database, range(1, 3))
    issue_tickets(database, settings, 12)
    now = datetime.now(UTC)
    board = HallBoard(settings.centre.zone)
    for _ in range(5):
        for counter in (1, 2):
            call_next(database, settings, counter, now=now)
            mark_served(database, counter, now=now)
    call_next(database, settings, 1, now=now)
    _read(board, database, now)

    assert len(board.recent) == RECENT_CALLS
    assert [call.label for call in board.recent][:3] == ["A011", "A010", "A009"]
    assert [(c.counter_number, c.label) for c in board.state.counters] == [(1, "A011"), (2, None)]
    tomorrow = now + timedelta(days=1)
    _read(board, database, tomorrow)
    assert board.recent == []
