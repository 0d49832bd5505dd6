"""Two presses at once that meet for sure, on PostgreSQL.

A third connection holds a row (the counter's, or the ticket's) while both presses get as far
as waiting for its lock; once it lets go, the database lets one press through and the other
is refused with its reason. (The slow multi-process tests press at random moments; these
make the presses meet.) SQLite has nothing to meet: it runs one writer at a time under
``BEGIN IMMEDIATE``.
"""

import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from kiosk.config import Settings, settings_from_mapping
from kiosk.queue.called_ticket import CalledTicket
from kiosk.queue.calling import CallRefused, call_next, mark_no_show, recall, return_no_show
from kiosk.queue.counters import add_counter, check_counter_pin, set_counter_pin
from kiosk.queue.events import events_after
from kiosk.queue.tickets import issue_ticket
from kiosk.staff.pin import PinCheck
from kiosk.storage.db import Database, open_database
from kiosk.storage.models import Priority, Ticket, TicketState
from tests.support.databases import postgres_schema_url

pytestmark = pytest.mark.postgres

Press = Callable[[], CalledTicket | PinCheck | None]
START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


@dataclass
class Desk:
    settings: Settings
    presses: Database  # the connections the two presses use, named ``name``
    holder: Database  # the connection that holds a row until both presses wait for it
    name: str  # the presses' application name in pg_stat_activity

    def issue(self, priority: Priority | None, minute: int) -> int:
        return issue_ticket(
            self.presses,
            self.settings,
            procedure_code="1.001193",
            prefix="A",
            priority=priority,
            now=START + timedelta(minutes=minute),
        ).id

    def two_at_once(self, hold: str, first: Press, second: Press | None = None) -> list[str]:
        """``first`` then ``second`` (default: ``first`` again) as soon as the other waits
        for the row ``hold`` locks; the two outcomes in the order the presses were made."""
        with ThreadPoolExecutor(2) as pool:
            with self.holder.write_connection() as holding:
                holding.execute(text(hold))
                presses = [pool.submit(first)]
                self._wait_until_waiting(1)
                presses.append(pool.submit(second or first))
                self._wait_until_waiting(2)
            return [_outcome(lambda f=f: f.result(timeout=30)) for f in presses]

    def _wait_until_waiting(self, count: int) -> None:
        deadline = time.monotonic() + 30  # generous: on a loaded machine a thread starts late
        while time.monotonic() < deadline:
            with self.holder.read() as session:
                waiting = session.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE application_name = :name AND wait_event_type = 'Lock'"
                    ),
                    {"name": self.name},
                )
            if waiting == count:
                return
            time.sleep(0.02)
        raise AssertionError(f"{count} press(es) never waited for the held row")


def _named(url: str, name: str) -> str:
    """``url`` with an application name, to find its connections in ``pg_stat_activity``."""
    return (
        make_url(url)
        .update_query_dict({"application_name": name})
        .render_as_string(hide_password=False)
    )


def _outcome(press: Press) -> str:
    try:
        done = press()
    except CallRefused as refused:
        return refused.reason
    if isinstance(done, PinCheck):
        return f"{done.outcome.value}, {done.attempts_left} left"
    assert done is not None
    return f"{done.label} {done.state.value}"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    with postgres_schema_url() as url:
        settings = settings_from_mapping({"database": {"url": url}}, data_dir=tmp_path)
        # A name of this test's own: another run on the same server has presses waiting too.
        name = f"presses-{uuid.uuid4().hex}"
        presses = open_database(_named(url, name))
        holder = open_database(_named(url, f"holder-{name}"))
        try:
            yield Desk(settings, presses, holder, name)
        finally:
            presses.dispose()
            holder.dispose()


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
def test_two_presses_of_call_next_at_one_counter_call_one_ticket_and_say_busy(
    desk: Desk, priority: Priority | None
) -> None:
    add_counter(desk.presses, 1, queues=("A",))
    desk.issue(priority, 0)
    desk.issue(priority, 1)

    outcomes = desk.two_at_once(
        "SELECT number FROM counters FOR UPDATE",
        lambda: call_next(desk.presses, desk.settings, 1),
    )

    assert outcomes == ["A001 called", "busy"]
    with desk.presses.read() as session:
        called = session.scalar(
            select(func.count()).where(Ticket.state == TicketState.CALLED.value)
        )
    assert called == 1


def test_two_counters_bringing_back_one_no_show_bring_it_back_once(desk: Desk) -> None:
    for number in (1, 2):
        add_counter(desk.presses, number, queues=("A",))
    ticket = desk.issue(None, 0)
    call_next(desk.presses, desk.settings, 1)
    recall(desk.presses, 1)
    mark_no_show(desk.presses, desk.settings, 1)

    outcomes = desk.two_at_once(
        f"SELECT id FROM tickets WHERE id = {ticket} FOR UPDATE",
        lambda: return_no_show(desk.presses, ticket, 1),
        lambda: return_no_show(desk.presses, ticket, 2),
    )

    assert outcomes == ["A001 waiting", "not_no_show"]
    kinds = [event.kind.value for event in events_after(desk.presses, 0)]
    assert kinds == ["called", "recalled", "no_show", "returned"]


def test_a_no_show_pressed_while_a_recall_commits_waits_for_it_and_is_taken(desk: Desk) -> None:
    add_counter(desk.presses, 1, queues=("A",))
    desk.issue(None, 0)
    call_next(desk.presses, desk.settings, 1)

    # The no-show's statement starts before the recall commits and finds no recall; it reads
    # the counter again rather than refusing with "recall it 0 more".
    outcomes = desk.two_at_once(
        "SELECT number FROM counters FOR UPDATE",
        lambda: recall(desk.presses, 1),
        lambda: mark_no_show(desk.presses, desk.settings, 1),
    )

    assert outcomes == ["A001 called", "A001 no_show"]


def test_wrong_pins_typed_at_once_each_count_towards_the_lock(desk: Desk) -> None:
    add_counter(desk.presses, 1, queues=("A",))
    set_counter_pin(desk.presses, 1, "2468")

    # Two browsers guessing at once must not both be told "4 tries left": the lock would
    # then never come however many guesses are made in parallel.
    outcomes = desk.two_at_once(
        "SELECT number FROM counters FOR UPDATE",
        lambda: check_counter_pin(desk.presses, 1, "1111"),
        lambda: check_counter_pin(desk.presses, 1, "2222"),
    )

    assert outcomes == ["wrong, 4 left", "wrong, 3 left"]
