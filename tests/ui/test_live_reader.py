"""The live reader of the panel and the display: one read at a time, one more for what came."""

import logging
import threading
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk.errors import DatabaseUnavailable
from kiosk.helpdesk.requests import create_help_request, open_requests
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database
from kiosk.storage.models import HelpReason
from ui.common.live_reader import LiveReader

WAIT_S = 5
FAULT = "the test reader could not read the help requests"


class Reads:
    """The reads a `LiveReader` ran (each, in turn, the next of ``answers``) and what it showed."""

    def __init__(self, database: Database, answers: list[Callable[[], list[str]]]) -> None:
        self.answers = answers
        self.shown: list[list[str]] = []
        self.threads: list[threading.Thread] = []
        self.lost: list[str] = []
        self.live = LiveReader[list[str]](
            change_watch_for(database),
            self._next_read,
            self.shown.append,
            every_second=lambda: None,
            fault=FAULT,
        )
        self.live.feed.lost.connect(self.lost.append)

    def _next_read(self) -> Callable[[], list[str]]:
        answer = self.answers.pop(0)

        def read() -> list[str]:
            self.threads.append(threading.current_thread())
            return answer()

        return read


@pytest.fixture
def held() -> Iterator[threading.Event]:
    release = threading.Event()
    yield release
    release.set()


def test_reads_asked_for_during_a_read_make_exactly_one_more_which_sees_what_came_meanwhile(
    qtbot: QtBot, database: Database, held: threading.Event
) -> None:
    queried = threading.Event()

    def kiosks() -> list[str]:
        return [request.kiosk_id for request in open_requests(database)]

    def first_read_held() -> list[str]:
        found = kiosks()
        queried.set()
        assert held.wait(WAIT_S)
        return found

    reads = Reads(database, [first_read_held, kiosks, kiosks])
    reads.live.read()
    assert queried.wait(WAIT_S)
    create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    for _ in range(3):
        reads.live.read()
    assert reads.live.busy

    held.set()
    qtbot.waitUntil(lambda: not reads.live.busy, timeout=WAIT_S * 1000)
    reads.live.stop()

    assert reads.shown == [[], ["sanh-1"]]
    assert len(reads.threads) == 2
    assert threading.main_thread() not in reads.threads


def test_a_read_that_fails_is_logged_and_the_next_read_runs(
    qtbot: QtBot, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> list[str]:
        raise ValueError("a bug in the read")

    reads = Reads(database, [broken, lambda: ["sanh-2"]])
    with caplog.at_level(logging.ERROR, logger="ui.common.live_reader"):
        reads.live.read()
        qtbot.waitUntil(lambda: not reads.live.busy, timeout=WAIT_S * 1000)
    (record,) = caplog.records
    assert record.getMessage() == FAULT
    assert record.exc_info is not None
    assert record.exc_info[0] is ValueError
    assert reads.lost == []

    reads.live.read()
    qtbot.waitUntil(lambda: not reads.live.busy, timeout=WAIT_S * 1000)
    reads.live.stop()
    assert reads.shown == [["sanh-2"]]


def test_a_read_that_finds_the_database_gone_tells_the_feed(
    qtbot: QtBot, database: Database
) -> None:
    def gone() -> list[str]:
        raise DatabaseUnavailable("the database server stopped answering")

    reads = Reads(database, [gone])
    with qtbot.waitSignal(reads.live.feed.lost, timeout=WAIT_S * 1000):
        reads.live.read()
    qtbot.waitUntil(lambda: not reads.live.busy, timeout=WAIT_S * 1000)
    reads.live.stop()

    assert reads.lost == ["the database server stopped answering"]
    assert reads.shown == []
