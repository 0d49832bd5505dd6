"""Counters calling at the same moment, in real processes, on SQLite and PostgreSQL."""

import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.queue.calling import CallRefused, call_next, mark_served, recall
from kiosk.queue.counters import add_counter, parse_queues
from kiosk.queue.events import hall_state
from kiosk.queue.service_day import service_day
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import Priority, Ticket, TicketEvent

REPO = Path(__file__).resolve().parents[2]
COUNTERS = 8
CALLS_EACH = 200


def _start_counters(url: str, policy: str, numbers: list[int], calls: int, *extra: str):
    start_at = time.time() + 4.0
    return [
        subprocess.Popen(
            [
                sys.executable, "-m", "tests.support.counter_worker",
                url, str(number), str(calls), str(start_at), policy, *extra,
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in numbers
    ]  # fmt: skip


def _fill_queues(database: Database, settings: Settings, count: int) -> None:
    """``count`` waiting tickets over queues A and B, one in four for a citizen with priority."""
    for n in range(count):
        issue_ticket(
            database,
            settings,
            procedure_code="1.001193",
            prefix="AB"[n % 2],
            priority=Priority.ELDERLY if n % 4 == 3 else None,
        )


def _expected_calls_obey_the_policy(
    database: Database, queues_of: dict[int, tuple[str, ...]], every: int | None
) -> None:
    """Replay the calls in event order and check each against the policy, call by call."""
    with database.read() as session:
        waiting = {t.id: t for t in session.scalars(select(Ticket))}
        calls = session.execute(
            select(TicketEvent.counter_number, TicketEvent.ticket_id)
            .where(TicketEvent.kind == "called")
            .order_by(TicketEvent.id)
        ).all()
    normals_since_priority: dict[int, int] = defaultdict(int)
    for position, (counter, ticket_id) in enumerate(calls):
        queues = queues_of[counter]

        def oldest(priority: bool, queues: tuple[str, ...] = queues) -> Ticket | None:
            candidates = [
                t
                for t in waiting.values()
                if t.queue in queues and (t.priority is not None) == priority
            ]
            return min(
                candidates,
                key=lambda t: (t.issued_at, queues.index(t.queue), t.id),
                default=None,
            )

        priority_head, normal_head = oldest(True), oldest(False)
        rhythm = normals_since_priority[counter]
        priority_due = every is None or rhythm >= every or normal_head is None
        expected = priority_head if priority_head is not None and priority_due else normal_head
        assert expected is not None, f"call {position}: counter {counter} called from nothing"
        assert ticket_id == expected.id, (
            f"call {position} at counter {counter}: got ticket {ticket_id},"
            f" policy says {expected.id} (rhythm {rhythm})"
        )
        normals_since_priority[counter] = 0 if expected.priority else rhythm + 1
        del waiting[ticket_id]


@pytest.mark.slow
# 3,200 transactions from 8 processes take 1 to 6 minutes on the shared 2-core machine.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("policy", ["strict", "interleave:3"])
def test_eight_counters_call_1600_tickets_each_once_in_policy_order(
    database: Database, database_url: str, settings: Settings, policy: str
) -> None:
    queues_of = {n: parse_queues("A,B" if n % 2 else "B,A") for n in range(1, COUNTERS + 1)}
    for number, queues in queues_of.items():
        add_counter(database, number, queues=queues)
    _fill_queues(database, settings, COUNTERS * CALLS_EACH)

    processes = _start_counters(database_url, policy, list(queues_of), CALLS_EACH)
    reported: list[str] = []
    for process in processes:
        out, err = process.communicate(timeout=850)
        assert process.returncode == 0, err
        reported += out.split()

    assert "none" not in reported
    with database.read() as session:
        states = Counter(session.scalars(select(Ticket.state)))
        called = list(
            session.scalars(select(TicketEvent.ticket_id).where(TicketEvent.kind == "called"))
        )
    assert states == {"served": 1600}
    assert len(called) == len(set(called)) == 1600
    every = None if policy == "strict" else int(policy.split(":")[1])
    _expected_calls_obey_the_policy(database, queues_of, every)


def test_a_counter_killed_between_call_and_done_keeps_its_ticket_in_service(
    database: Database, database_url: str, settings: Settings
) -> None:
    add_counter(database, 3, queues=("A",))
    _fill_queues(database, settings, 2)

    (process,) = _start_counters(database_url, "strict", [3], 1, "hold")
    with process:
        assert process.stdout is not None
        label = process.stdout.readline().strip()
        process.send_signal(signal.SIGKILL)

    assert label == "A001"
    state = hall_state(database, service_day(datetime.now(UTC), settings.centre.zone))
    assert [(c.counter_number, c.label) for c in state.counters] == [(3, "A001")]
    with pytest.raises(CallRefused, match="still serving A001"):
        call_next(database, settings, 3)
    assert recall(database, 3).label == "A001"


@pytest.mark.parametrize("priority", [None, Priority.ELDERLY])
def test_two_presses_at_once_at_one_counter_call_one_ticket(
    database: Database, settings: Settings, priority: Priority | None
) -> None:
    """Two browsers of one counter press "call next" at the same moment, round after round:
    one ticket is called and the other press is refused as busy. A priority call leaves the
    counter's rhythm as it was, so there only the one-ticket-in-service index tells them apart.
    """
    add_counter(database, 1, queues=("A",))
    rounds = 10
    for _ in range(2 * rounds):
        issue_ticket(database, settings, procedure_code="1.001193", prefix="A", priority=priority)

    called: list[str] = []
    for _ in range(rounds):
        start = threading.Barrier(2)
        outcomes: list[str] = []

        def press(start: threading.Barrier = start, outcomes: list[str] = outcomes) -> None:
            start.wait()
            try:
                ticket = call_next(database, settings, 1)
                outcomes.append(ticket.label if ticket else "none")
            except CallRefused as refused:
                outcomes.append(refused.reason)

        presses = [threading.Thread(target=press) for _ in range(2)]
        for thread in presses:
            thread.start()
        for thread in presses:
            thread.join(timeout=60)
        assert sorted(outcome == "busy" for outcome in outcomes) == [False, True], outcomes
        called += [outcome for outcome in outcomes if outcome != "busy"]
        mark_served(database, 1)

    assert called == [f"A{n:03d}" for n in range(1, rounds + 1)]
