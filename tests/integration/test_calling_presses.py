"""Two presses of "call next" at one counter that meet for sure, on PostgreSQL.

A third connection holds the counter's row while both presses read the counter as free and
then wait for its lock; once it lets go, one press calls a ticket and the other is refused as
"busy". (The slow multi-process test presses at random moments; this one makes them meet.)
SQLite has nothing to meet: it runs one writer at a time under ``BEGIN IMMEDIATE``.
"""

import time
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from kiosk.config import settings_from_mapping
from kiosk.queue.called_ticket import CalledTicket
from kiosk.queue.calling import CallRefused, call_next
from kiosk.queue.counters import add_counter
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import open_database
from kiosk.storage.models import Priority, Ticket, TicketState
from tests.support.databases import postgres_schema_url

pytestmark = pytest.mark.postgres

PRESSES = "double-press"
START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def _named(url: str, name: str) -> str:
    """``url`` with an application name, to find its connections in ``pg_stat_activity``."""
    named = make_url(url).update_query_dict({"application_name": name})
    return named.render_as_string(hide_password=False)


@pytest.mark.parametrize(
    "priority",
    [
        # A priority ticket leaves the strict rhythm at 0: the second press passes the
        # counter's check and is stopped by the one-ticket-in-service index.
        Priority.ELDERLY,
        # A normal ticket moves the rhythm on: the second press finds the counter changed.
        None,
    ],
)
def test_two_presses_that_meet_call_one_ticket_and_say_busy_to_the_other(
    tmp_path: Path, priority: Priority | None
) -> None:
    with postgres_schema_url() as url:
        settings = settings_from_mapping({"database": {"url": url}}, data_dir=tmp_path)
        presses = open_database(_named(url, PRESSES))
        holder = open_database(_named(url, "holder"))
        try:
            add_counter(presses, 1, queues=("A",))
            for minute in (0, 1):
                issue_ticket(
                    presses,
                    settings,
                    procedure_code="1.001193",
                    prefix="A",
                    priority=priority,
                    now=START + timedelta(minutes=minute),
                )
            with ThreadPoolExecutor(2) as pool:
                with holder.write_connection() as hold:
                    hold.execute(text("SELECT number FROM counters FOR UPDATE"))
                    both = [pool.submit(call_next, presses, settings, 1) for _ in range(2)]
                    _wait_until_both_wait(holder)
                outcomes = [_outcome(press) for press in both]
            with presses.read() as session:
                in_service = session.scalar(
                    select(func.count()).where(Ticket.state == TicketState.CALLED.value)
                )
        finally:
            presses.dispose()
            holder.dispose()

    assert sorted(outcomes) == ["A001 called", "busy"]
    assert in_service == 1


def _wait_until_both_wait(holder: object) -> None:
    deadline = time.monotonic() + 30  # generous: on a loaded machine a thread starts late
    while time.monotonic() < deadline:
        with holder.read() as session:  # type: ignore[attr-defined]
            waiting = session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE application_name = :name AND wait_event_type = 'Lock'"
                ),
                {"name": PRESSES},
            )
        if waiting == 2:
            return
        time.sleep(0.02)
    raise AssertionError("the two presses never both waited for the counter's lock")


def _outcome(press: Future[CalledTicket | None]) -> str:
    try:
        called = press.result(timeout=30)
    except CallRefused as refused:
        return refused.reason
    assert called is not None
    return f"{called.label} {called.state.value}"
