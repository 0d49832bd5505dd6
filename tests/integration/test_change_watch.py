"""The listening side of change notices, with the change written by another process."""

import time
from collections.abc import Iterator

import psycopg
import pytest

from kiosk.storage.change_watch import ChangeWatch, ChangeWatchLost, change_watch_for
from kiosk.storage.db import Database
from tests.support.databases import postgres_base_url
from tests.support.help_kiosk import HelpingKiosk


@pytest.fixture
def watch(database: Database) -> Iterator[ChangeWatch]:
    change_watch = change_watch_for(database)
    change_watch.open()
    yield change_watch
    change_watch.close()


@pytest.fixture
def kiosk(database_url: str) -> Iterator[HelpingKiosk]:
    with HelpingKiosk(database_url) as other:
        yield other


def _changed_within(watch: ChangeWatch, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watch.changed():
            return True
        time.sleep(0.02)
    return False


def test_a_commit_in_another_process_is_heard_once(watch: ChangeWatch, kiosk: HelpingKiosk) -> None:
    assert not watch.changed()

    kiosk.ask_for_help()

    assert _changed_within(watch, 2.0)
    assert not watch.changed()


@pytest.mark.postgres
def test_a_terminated_listener_reports_the_loss_and_listens_again_once_reopened(
    database: Database, kiosk: HelpingKiosk
) -> None:
    if not database.is_postgresql:
        pytest.skip("only a PostgreSQL listener has a server connection to lose")
    listener = change_watch_for(database)
    listener.open()
    pid = listener.backend_pid  # type: ignore[attr-defined]
    dsn = postgres_base_url().replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    with pytest.raises(ChangeWatchLost, match="lost the connection"):
        _changed_within(listener, 5.0)

    listener.open()
    kiosk.ask_for_help()
    assert _changed_within(listener, 2.0)
    listener.close()
