"""Numbering on the real databases: no duplicate, no gap, a new series each service day."""

import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from kiosk.config import Settings, settings_from_mapping
from kiosk.queue.tickets import issue_ticket, list_tickets, record_print_outcome, stored_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import PrintStatus, Priority, Ticket

REPO = Path(__file__).resolve().parents[2]


def _issue(database: Database, settings: Settings, **kwargs: object):
    return issue_ticket(database, settings, procedure_code="1.001193", **kwargs)  # type: ignore[arg-type]


def test_numbers_follow_each_other_per_queue(database: Database, settings: Settings) -> None:
    labels = [_issue(database, settings, prefix=prefix).label for prefix in "AABAB"]

    assert labels == ["A001", "A002", "B001", "A003", "B002"]


def test_numbering_restarts_on_the_new_service_day_in_the_centre_time_zone(
    database: Database, settings: Settings
) -> None:
    # 23:59:59 and 00:00:01 in Ho Chi Minh City (UTC+7) are both still 23 November in UTC.
    before_midnight = datetime(2026, 11, 23, 16, 59, 59, tzinfo=UTC)
    after_midnight = datetime(2026, 11, 23, 17, 0, 1, tzinfo=UTC)

    first = _issue(database, settings, prefix="A", now=before_midnight)
    second = _issue(database, settings, prefix="A", now=before_midnight)
    next_day = _issue(database, settings, prefix="A", now=after_midnight)

    assert (first.number, second.number) == (1, 2)
    assert str(first.service_day) == "2026-11-23"
    assert next_day.number == 1
    assert str(next_day.service_day) == "2026-11-24"


def test_people_ahead_and_wait_come_from_the_stored_queue(
    database: Database, settings: Settings
) -> None:
    for _ in range(3):
        _issue(database, settings, prefix="A")
    normal = _issue(database, settings, prefix="A")
    elderly = _issue(database, settings, prefix="A", priority=Priority.ELDERLY)

    assert normal.people_ahead == 3
    assert normal.estimated_wait_minutes == 3 * settings.queue.minutes_per_ticket
    # Strict policy: a priority ticket waits only for earlier priority tickets.
    assert elderly.people_ahead == 0
    assert elderly.priority is Priority.ELDERLY


def test_a_stored_ticket_counts_the_priority_tickets_issued_after_it(
    database: Database, settings: Settings
) -> None:
    """A reprint tells the citizen their place as it is now (strict policy): a normal ticket
    has every waiting priority ticket ahead of it, also those issued later, but no later
    normal one; a priority ticket only the earlier priority ones."""
    first = _issue(database, settings, prefix="A")
    _issue(database, settings, prefix="A")
    _issue(database, settings, prefix="A", priority=Priority.ELDERLY)
    last = _issue(database, settings, prefix="A", priority=Priority.DISABILITY)
    _issue(database, settings, prefix="B", priority=Priority.ELDERLY)  # another queue

    with database.read() as session:
        normal, priority = (
            stored_ticket(session, ticket, settings)
            for ticket in (session.get(Ticket, first.id), session.get(Ticket, last.id))
            if ticket is not None
        )

    assert (normal.label, normal.people_ahead) == ("A001", 2)
    assert (priority.label, priority.people_ahead) == ("A004", 1)


def test_interleave_policy_lets_one_priority_ticket_in_after_every_n(
    database: Database, tmp_path: Path
) -> None:
    settings = settings_from_mapping(
        {"database": {"url": str(database.url)}, "queue": {"priority_policy": "interleave:3"}},
        data_dir=tmp_path,
    )
    for priority in (None, None, None, Priority.ELDERLY, Priority.ELDERLY):
        _issue(database, settings, prefix="A", priority=priority)

    # 3 normal ahead: exactly one priority ticket is called before the fourth normal one.
    assert _issue(database, settings, prefix="A").people_ahead == 4
    # 2 priority ahead: this one waits for 3 * 3 normal tickets at most, 4 are waiting.
    assert (
        _issue(database, settings, prefix="A", priority=Priority.PREGNANT_OR_CHILD).people_ahead
        == 6
    )


def _reject_tickets_for(database: Database, procedure_code: str) -> None:
    """A trigger that fails the insert of a ticket for ``procedure_code``, after the counter
    row has already been moved on: what numbering and storing in one go must undo."""
    with database.write() as session:
        if database.is_sqlite:
            session.execute(
                text(
                    "CREATE TRIGGER reject_ticket BEFORE INSERT ON tickets"
                    f" WHEN NEW.procedure_code = '{procedure_code}'"
                    " BEGIN SELECT RAISE(ABORT, 'ticket rejected'); END"
                )
            )
            return
        session.execute(
            text(
                "CREATE FUNCTION reject_ticket() RETURNS trigger LANGUAGE plpgsql AS $$"
                f" BEGIN IF NEW.procedure_code = '{procedure_code}' THEN"
                " RAISE EXCEPTION 'ticket rejected'; END IF; RETURN NEW; END $$"
            )
        )
        session.execute(
            text(
                "CREATE TRIGGER reject_ticket BEFORE INSERT ON tickets"
                " FOR EACH ROW EXECUTE FUNCTION reject_ticket()"
            )
        )


def test_a_ticket_that_cannot_be_stored_takes_no_number(
    database: Database, settings: Settings
) -> None:
    _reject_tickets_for(database, "broken")

    with pytest.raises(DBAPIError, match="ticket rejected"):
        issue_ticket(database, settings, procedure_code="broken", prefix="A")

    assert _issue(database, settings, prefix="A").number == 1


def test_a_flagged_ticket_whose_help_request_cannot_be_stored_is_not_stored(
    database: Database, settings: Settings
) -> None:
    with database.write() as session:
        session.execute(text("DROP TABLE help_requests"))

    with pytest.raises(DBAPIError, match="help_requests"):
        _issue(database, settings, prefix="A", priority=Priority.ELDERLY, call_volunteer=True)

    assert _numbers_in(database) == []
    assert _issue(database, settings, prefix="A").number == 1


def test_print_outcome_is_stored_with_the_ticket(database: Database, settings: Settings) -> None:
    ticket = _issue(database, settings, prefix="A")

    record_print_outcome(database, ticket.id, PrintStatus.FAILED, "paper out")

    (stored,) = list_tickets(database, ticket.service_day)
    assert stored.print_status == "failed"
    assert stored.print_error == "paper out"
    assert stored.priority is None


def _start_workers(url: str, workers: int, count: int, cwd: Path) -> list[subprocess.Popen[str]]:
    start_at = time.time() + 2.0
    return [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.issue_worker", url, str(count), str(start_at)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]


def _numbers_in(database: Database) -> list[int]:
    with database.read() as session:
        return list(session.scalars(select(Ticket.number).order_by(Ticket.number)))


@pytest.mark.slow
def test_eight_processes_issue_1600_tickets_without_duplicate_or_gap(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    processes = _start_workers(database_url, workers=8, count=200, cwd=tmp_path)
    reported: list[str] = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        reported += out.split()

    assert len(reported) == 1600
    assert Counter(reported).most_common(1)[0][1] == 1
    assert _numbers_in(database) == list(range(1, 1601))


@pytest.mark.slow
def test_a_process_killed_while_issuing_loses_no_reported_ticket(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    (process,) = _start_workers(database_url, workers=1, count=100_000, cwd=tmp_path)
    with process:
        assert process.stdout is not None
        reported = [process.stdout.readline().strip() for _ in range(150)]
        process.send_signal(signal.SIGKILL)
        reported += process.stdout.read().split()

    numbers = _numbers_in(database)
    assert {int(label[1:]) for label in reported} <= set(numbers)
    # Whatever was cut off mid-transaction rolled back whole: still no gap.
    assert numbers == list(range(1, len(numbers) + 1))
    with database.read() as session:
        if database.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        counter = session.execute(text("SELECT last_number FROM ticket_counters")).scalar_one()
        assert counter == session.execute(select(func.max(Ticket.number))).scalar_one()
