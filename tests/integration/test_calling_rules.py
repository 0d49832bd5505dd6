"""Each calling action's rules, on the real databases: what is allowed, what is refused."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config import Settings, settings_from_mapping
from kiosk.queue.calling import (
    CallRefused,
    call_next,
    cancel,
    mark_no_show,
    mark_served,
    recall,
    return_no_show,
    transfer,
)
from kiosk.queue.counters import (
    CounterError,
    UnknownCounter,
    add_counter,
    check_counter_pin,
    parse_queues,
    set_counter_open,
    set_counter_pin,
)
from kiosk.queue.events import events_after, hall_state
from kiosk.queue.service_day import service_day
from kiosk.queue.tickets import issue_ticket
from kiosk.staff.pin import PinOutcome
from kiosk.storage.db import Database
from kiosk.storage.models import Priority, Ticket

START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 08:00 at the centre


def _issue(database: Database, settings: Settings, count: int, prefix: str = "A", **kw: object):
    return [
        issue_ticket(
            database,
            settings,
            procedure_code="1.001193",
            prefix=prefix,
            now=START + timedelta(minutes=len(prefix) * n),
            **kw,  # type: ignore[arg-type]
        )
        for n in range(count)
    ]


def _call(database: Database, settings: Settings, counter: int = 1) -> str:
    called = call_next(database, settings, counter, now=START + timedelta(hours=1))
    assert called is not None
    return called.label


@pytest.fixture
def counter(database: Database) -> int:
    add_counter(database, 1, queues=parse_queues("A,B"))
    return 1


def test_call_next_is_oldest_first_and_refused_while_a_ticket_is_in_service(
    database: Database, settings: Settings, counter: int
) -> None:
    _issue(database, settings, 3)

    assert _call(database, settings) == "A001"
    with pytest.raises(CallRefused, match="still serving A001"):
        call_next(database, settings, counter)
    mark_served(database, counter)
    assert _call(database, settings) == "A002"


def test_nobody_waiting_gives_none_and_a_closed_or_unknown_counter_is_refused(
    database: Database, settings: Settings, counter: int
) -> None:
    assert call_next(database, settings, counter) is None
    set_counter_open(database, counter, False)
    with pytest.raises(CallRefused, match="closed"):
        call_next(database, settings, counter)
    with pytest.raises(UnknownCounter):
        call_next(database, settings, 9)


def test_strict_policy_calls_a_later_priority_ticket_first(
    database: Database, settings: Settings, counter: int
) -> None:
    _issue(database, settings, 2)
    issue_ticket(
        database,
        settings,
        procedure_code="1.001193",
        prefix="A",
        priority=Priority.ELDERLY,
        now=START + timedelta(minutes=10),
    )
    assert _call(database, settings) == "A003"


def test_no_show_is_refused_before_a_recall_then_allowed(
    database: Database, settings: Settings, counter: int
) -> None:
    _issue(database, settings, 1)
    _call(database, settings)

    with pytest.raises(CallRefused, match="recall it 1 more"):
        mark_no_show(database, settings, counter)
    recalled = recall(database, counter)
    assert recalled.recalls == 1
    assert mark_no_show(database, settings, counter).state == "no_show"


def test_a_returned_no_show_keeps_its_original_place(
    database: Database, settings: Settings, counter: int
) -> None:
    first, *_ = _issue(database, settings, 3)
    _call(database, settings)
    recall(database, counter)
    mark_no_show(database, settings, counter)
    assert _call(database, settings) == "A002"
    mark_served(database, counter)

    back = return_no_show(database, first.id, counter)

    assert back.state == "waiting"
    assert _call(database, settings) == "A001"  # before A003, issued later
    with pytest.raises(CallRefused, match="not a no-show"):
        return_no_show(database, first.id, counter)


def test_transfer_before_service_keeps_the_issue_time(
    database: Database, settings: Settings, counter: int
) -> None:
    _issue(database, settings, 1)  # A001 at 08:00
    _issue(database, settings, 2, prefix="BB")  # BB001 08:00, BB002 08:02
    add_counter(database, 2, queues=parse_queues("BB"))
    assert _call(database, settings) == "A001"

    moved = transfer(database, counter, "BB", after_service=False)

    assert (moved.label, moved.queue, moved.state) == ("A001", "BB", "waiting")
    # A001 was issued at 08:00 like BB001, and stored before it: it goes first in BB.
    assert _call(database, settings, 2) == "A001"


def test_transfer_after_service_joins_the_end_with_the_same_number(
    database: Database, settings: Settings, counter: int
) -> None:
    _issue(database, settings, 1)
    _issue(database, settings, 2, prefix="BB")
    add_counter(database, 2, queues=parse_queues("BB"))
    _call(database, settings)

    follow_up = transfer(
        database, counter, "BB", after_service=True, now=START + timedelta(hours=2)
    )

    assert (follow_up.label, follow_up.queue, follow_up.state) == ("A001", "BB", "waiting")
    with database.read() as session:
        rows = session.scalars(select(Ticket).where(Ticket.prefix == "A")).all()
    first = next(t for t in rows if t.transferred_from_id is None)
    assert first.state == "served"
    assert next(t for t in rows if t.id == follow_up.id).transferred_from_id == first.id
    assert _call(database, settings, 2) == "BB001"
    mark_served(database, 2)
    assert _call(database, settings, 2) == "BB002"
    mark_served(database, 2)
    assert _call(database, settings, 2) == "A001"


def test_cancel_the_ticket_in_service_or_a_waiting_one(
    database: Database, settings: Settings, counter: int
) -> None:
    first, second = _issue(database, settings, 2)
    _call(database, settings)

    assert cancel(database, counter).state == "cancelled"
    assert cancel(database, counter, ticket_id=second.id).state == "cancelled"
    assert call_next(database, settings, counter, now=START + timedelta(hours=1)) is None
    with pytest.raises(CallRefused, match="cancelled already"):
        cancel(database, counter, ticket_id=first.id)
    with pytest.raises(CallRefused, match="no ticket in service"):
        recall(database, counter)


def test_every_action_is_an_event_and_the_hall_state_shows_the_counter(
    database: Database, settings: Settings, counter: int
) -> None:
    _issue(database, settings, 3)
    _call(database, settings)
    recall(database, counter)

    events = events_after(database, 0)
    assert [(e.label, e.kind.value, e.counter_number) for e in events] == [
        ("A001", "called", 1),
        ("A001", "recalled", 1),
    ]
    assert events_after(database, events[0].id) == events[1:]
    state = hall_state(database, service_day(events[0].at, settings.centre.zone))
    assert [(c.counter_number, c.label, c.recalls) for c in state.counters] == [(1, "A001", 1)]
    assert state.waiting == {"A": 2}
    assert state.last_event_id == events[-1].id


def test_counter_pin_locks_after_five_wrong_tries(database: Database, counter: int) -> None:
    assert check_counter_pin(database, counter, "1234").outcome is PinOutcome.NOT_SET
    set_counter_pin(database, counter, "2468")
    outcomes = [check_counter_pin(database, counter, "0000").outcome for _ in range(5)]

    assert outcomes == [PinOutcome.WRONG] * 4 + [PinOutcome.LOCKED]
    assert check_counter_pin(database, counter, "2468").outcome is PinOutcome.LOCKED
    later = datetime.now(UTC) + timedelta(minutes=6)
    assert check_counter_pin(database, counter, "2468", now=later).outcome is PinOutcome.ACCEPTED


def test_queues_are_checked(database: Database) -> None:
    with pytest.raises(CounterError, match="listed twice"):
        parse_queues("A,a")
    with pytest.raises(CounterError, match="expected prefixes"):
        parse_queues("A,1")


def test_no_show_waits_for_the_configured_recalls(
    database: Database, database_url: str, tmp_path: Path, counter: int
) -> None:
    twice = settings_from_mapping(
        {"database": {"url": database_url}, "queue": {"no_show_after_recalls": 2}},
        data_dir=tmp_path,
    )
    _issue(database, twice, 1)
    _call(database, twice)
    recall(database, counter)

    with pytest.raises(CallRefused, match="recall it 1 more"):
        mark_no_show(database, twice, counter)
    recall(database, counter)
    assert mark_no_show(database, twice, counter).state == "no_show"


def test_a_ticket_that_waits_again_starts_its_recalls_again(
    database: Database, settings: Settings, counter: int
) -> None:
    first, _ = _issue(database, settings, 2)
    _issue(database, settings, 1, prefix="BB")
    add_counter(database, 2, queues=parse_queues("BB"))
    _call(database, settings)
    recall(database, counter)
    mark_no_show(database, settings, counter)
    return_no_show(database, first.id, counter)

    assert call_next(database, settings, counter).recalls == 0  # type: ignore[union-attr]
    with pytest.raises(CallRefused, match="recall it 1 more"):
        mark_no_show(database, settings, counter)
    recall(database, counter)
    before = transfer(database, counter, "BB", after_service=False)
    assert before.recalls == 0
    assert call_next(database, settings, 2).recalls == 0  # type: ignore[union-attr]
    recall(database, 2)
    after = transfer(database, 2, "A", after_service=True)
    assert after.recalls == 0


def test_each_counter_acts_on_its_own_ticket_in_service(
    database: Database, settings: Settings
) -> None:
    for number in (1, 2, 3):
        add_counter(database, number, queues=parse_queues("A"))
    _issue(database, settings, 4)
    labels = {number: _call(database, settings, number) for number in (1, 2, 3)}

    assert recall(database, 2).label == labels[2]
    assert mark_served(database, 2).label == labels[2]
    assert recall(database, 3).label == labels[3]
    assert recall(database, 1).label == labels[1]
    with pytest.raises(CallRefused, match="counter 2 has no ticket in service"):
        recall(database, 2)
    assert _call(database, settings, 2) == "A004"  # counters 1, 2 and 3 serving again
    assert cancel(database, 2).label == "A004"
