"""Counters as staff keep them (add, edit, open, close, remove, PIN) and tickets found by their
label, on the real databases: what is stored, what is refused and what the refusal says."""

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config import Settings, settings_from_mapping
from kiosk.queue.calling import (
    CallRefused,
    call_next,
    cancel,
    find_ticket,
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
    edit_counter,
    get_counter,
    list_counters,
    parse_queues,
    remove_counter,
    set_counter_open,
    set_counter_pin,
)
from kiosk.queue.events import events_after
from kiosk.queue.tickets import issue_ticket
from kiosk.staff.pin import PinOutcome
from kiosk.storage.change_watch import ChangeWatch, change_watch_for
from kiosk.storage.db import Database
from kiosk.storage.models import Priority, Ticket

START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 08:00 at the centre, 1 December
LATER = START + timedelta(hours=1)


def _issue(database: Database, settings: Settings, prefix: str = "A", **kw: object) -> int:
    return issue_ticket(
        database, settings, procedure_code="1.001193", prefix=prefix, now=START, **kw
    ).id  # type: ignore[arg-type]


def test_a_new_counter_is_open_named_after_its_number_and_listed_in_order(
    database: Database,
) -> None:
    added = add_counter(database, 12, queues=("B", "A"))
    add_counter(database, 3, queues=("A",), name="  Quầy hộ tịch  ", is_open=False)

    assert added.as_json() == {
        "number": 12,
        "name": "Quầy 12",
        "queues": ["B", "A"],
        "open": True,
        "has_pin": False,
    }
    assert [(c.number, c.name, c.is_open) for c in list_counters(database)] == [
        (3, "Quầy hộ tịch", False),
        (12, "Quầy 12", True),
    ]
    assert get_counter(database, 12) == added


@pytest.mark.parametrize("number", [1, 999])
def test_counter_numbers_from_1_to_999_are_accepted(database: Database, number: int) -> None:
    assert add_counter(database, number, queues=("A",)).number == number


@pytest.mark.parametrize("number", [0, 1000, -1])
def test_a_counter_number_out_of_range_is_refused_and_nothing_stored(
    database: Database, number: int
) -> None:
    with pytest.raises(CounterError, match=f"counter number {number}: expected 1 to 999"):
        add_counter(database, number, queues=("A",))
    assert list_counters(database) == []


def test_a_counter_cannot_be_added_twice_nor_named_empty_or_too_long(database: Database) -> None:
    add_counter(database, 1, queues=("A",), name="Một")

    with pytest.raises(CounterError, match="counter 1 exists already: use `counters edit`"):
        add_counter(database, 1, queues=("B",))
    with pytest.raises(CounterError, match="1 to 80 characters"):
        add_counter(database, 2, queues=("A",), name="   ")
    with pytest.raises(CounterError, match="1 to 80 characters"):
        add_counter(database, 2, queues=("A",), name="x" * 81)
    assert add_counter(database, 2, queues=("A",), name="x" * 80).name == "x" * 80
    assert [(c.number, c.name, c.queues) for c in list_counters(database)] == [
        (1, "Một", ("A",)),
        (2, "x" * 80, ("A",)),
    ]


def test_editing_changes_only_what_is_given(database: Database) -> None:
    add_counter(database, 4, queues=("A",), name="Quầy bốn")

    renamed = edit_counter(database, 4, name=" Quầy đất đai ")
    assert (renamed.name, renamed.queues) == ("Quầy đất đai", ("A",))
    moved = edit_counter(database, 4, queues=("C", "A"))
    assert (moved.name, moved.queues) == ("Quầy đất đai", ("C", "A"))
    assert get_counter(database, 4) == moved
    with pytest.raises(CounterError, match="1 to 80 characters"):
        edit_counter(database, 4, name="")
    assert get_counter(database, 4).name == "Quầy đất đai"


def test_an_unknown_counter_is_named_in_every_refusal(database: Database) -> None:
    for action in (
        lambda: get_counter(database, 7),
        lambda: edit_counter(database, 7, name="Bảy"),
        lambda: remove_counter(database, 7),
        lambda: set_counter_open(database, 7, True),
        lambda: set_counter_pin(database, 7, "2468"),
        lambda: check_counter_pin(database, 7, "2468"),
    ):
        with pytest.raises(UnknownCounter, match="there is no counter 7") as refused:
            action()
        assert refused.value.number == 7


def test_opening_and_closing_is_stored_and_only_an_open_counter_calls(
    database: Database, settings: Settings
) -> None:
    add_counter(database, 1, queues=("A",), is_open=False)
    _issue(database, settings)

    with pytest.raises(CallRefused, match="counter 1 is closed: open it first") as refused:
        call_next(database, settings, 1, now=LATER)
    assert refused.value.reason == "closed"
    assert set_counter_open(database, 1, True).is_open
    assert get_counter(database, 1).is_open
    assert call_next(database, settings, 1, now=LATER) is not None
    assert not set_counter_open(database, 1, False).is_open
    assert not get_counter(database, 1).is_open


def test_a_counter_serving_a_ticket_cannot_be_removed_until_it_is_served(
    database: Database, settings: Settings
) -> None:
    for number in (1, 2, 3):
        add_counter(database, number, queues=("A",))
    _issue(database, settings)
    call_next(database, settings, 2, now=LATER)

    with pytest.raises(CounterError, match="counter 2 has a ticket in service: finish it first"):
        remove_counter(database, 2)
    remove_counter(database, 1)  # serving nothing, while counter 2 serves
    remove_counter(database, 3)
    mark_served(database, 2)
    remove_counter(database, 2)

    assert list_counters(database) == []
    assert [(e.label, e.counter_number) for e in events_after(database, 0)] == [
        ("A001", 2),
        ("A001", 2),
    ]


def test_setting_a_pin_again_lifts_the_lock_at_once(database: Database) -> None:
    add_counter(database, 1, queues=("A",))
    set_counter_pin(database, 1, "2468")
    assert get_counter(database, 1).has_pin
    for _ in range(5):
        check_counter_pin(database, 1, "0000")
    assert check_counter_pin(database, 1, "2468").outcome is PinOutcome.LOCKED

    set_counter_pin(database, 1, "1357")

    assert check_counter_pin(database, 1, "2468").outcome is PinOutcome.WRONG
    assert check_counter_pin(database, 1, "1357").outcome is PinOutcome.ACCEPTED


def test_queues_are_read_in_upper_case_in_order_and_anything_else_refused() -> None:
    assert parse_queues(" a , bb,C ") == ("A", "BB", "C")
    assert parse_queues("A,,B,") == ("A", "B")
    for text in ("", " , ", "ABC", "A1", "Đ"):
        with pytest.raises(CounterError, match="expected prefixes like A,B"):
            parse_queues(text)


def test_each_change_to_a_counter_is_heard_by_other_machines(database: Database) -> None:
    if not database.is_postgresql:
        pytest.skip("SQLite readers watch the file's data version, not notices")
    watch = change_watch_for(database)
    watch.open()
    try:
        for change in (
            lambda: add_counter(database, 1, queues=("A",)),
            lambda: edit_counter(database, 1, name="Một"),
            lambda: set_counter_open(database, 1, False),
            lambda: remove_counter(database, 1),
        ):
            assert not watch.changed()
            change()
            assert _heard_within(watch, 5.0)  # NOTIFY arrives on its own, a moment later
    finally:
        watch.close()


def _heard_within(watch: ChangeWatch, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not watch.changed():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_ticket_is_found_by_its_label_on_its_day(database: Database, settings: Settings) -> None:
    b = _issue(database, settings, prefix="B")  # before A001 and BB001 sort round it
    first = _issue(database, settings)
    second = _issue(database, settings)
    bb = _issue(database, settings, prefix="BB")
    # A001 of the day before and of the day after, stored later: the day tells them apart.
    yesterday, tomorrow = (
        issue_ticket(
            database, settings, procedure_code="1.001193", prefix="A", now=START + timedelta(days=d)
        )
        for d in (-1, 1)
    )

    assert find_ticket(database, settings, " a002 ", day=START.date()) == second
    assert find_ticket(database, settings, "A1", day=START.date()) == first
    assert find_ticket(database, settings, "bb001", day=START.date()) == bb
    assert find_ticket(database, settings, "B001", day=START.date()) == b
    for other_day in (yesterday, tomorrow):
        assert find_ticket(database, settings, "A001", day=other_day.service_day) == other_day.id
    with pytest.raises(CounterError, match=f"there is no ticket A003 on {START.date()}"):
        find_ticket(database, settings, "A003", day=START.date())
    for label in ("A", "012", "ABC1", "A1234567", "A-12"):
        with pytest.raises(CounterError, match="is not a ticket number like A012"):
            find_ticket(database, settings, label, day=START.date())


def test_a_ticket_transferred_after_service_is_found_as_the_one_still_waiting(
    database: Database, settings: Settings
) -> None:
    add_counter(database, 1, queues=("A",))
    _issue(database, settings)
    call_next(database, settings, 1, now=LATER)
    follow_up = transfer(database, 1, "B", after_service=True, now=LATER)

    assert find_ticket(database, settings, "A001", day=START.date()) == follow_up.id


def test_a_transfer_goes_to_one_queue_only(database: Database, settings: Settings) -> None:
    add_counter(database, 1, queues=("A",))
    _issue(database, settings)
    call_next(database, settings, 1, now=LATER)

    with pytest.raises(CounterError, match="one queue"):
        transfer(database, 1, "B,C", after_service=False)
    assert recall(database, 1).queue == "A"  # still in service at counter 1


def test_refusals_name_their_rule(database: Database, settings: Settings) -> None:
    add_counter(database, 1, queues=("A",))
    first = _issue(database, settings)
    second = _issue(database, settings)

    with pytest.raises(CallRefused, match="counter 1 has no ticket in service") as idle:
        mark_served(database, 1)
    assert idle.value.reason == "idle"
    call_next(database, settings, 1, now=LATER)
    with pytest.raises(CallRefused, match="still serving A001: finish or skip it") as busy:
        call_next(database, settings, 1, now=LATER)
    assert busy.value.reason == "busy"
    with pytest.raises(CallRefused, match="A001 was recalled 0 time") as early:
        mark_no_show(database, settings, 1)
    assert early.value.reason == "recall_first"
    with pytest.raises(CallRefused, match="A001 is called, not a no-show") as called:
        return_no_show(database, first, 1)
    assert called.value.reason == "not_no_show"
    with pytest.raises(CallRefused, match="A002 is waiting, not a no-show"):
        return_no_show(database, second, 1)
    with pytest.raises(CallRefused, match="name the counter or the ticket"):
        cancel(database)
    mark_served(database, 1)
    with pytest.raises(CallRefused, match="A001 is served, not a no-show"):
        return_no_show(database, first, 1)
    with pytest.raises(CallRefused, match="A001 is served already"):
        cancel(database, 1, ticket_id=first)
    with pytest.raises(CounterError, match="there is no ticket with id 999"):
        cancel(database, 1, ticket_id=999)


def test_a_called_ticket_says_where_and_when_and_served_keeps_the_time(
    database: Database, settings: Settings
) -> None:
    add_counter(database, 5, queues=("A",))
    _issue(database, settings)

    called = call_next(database, settings, 5, now=LATER)
    assert called is not None
    assert (called.label, called.state.value, called.counter_number) == ("A001", "called", 5)
    assert (called.called_at, called.issued_at, called.recalls) == (LATER, START, 0)
    again = recall(database, 5, now=LATER + timedelta(minutes=1))
    assert (again.recalls, again.called_at) == (1, LATER)
    served = mark_served(database, 5, now=LATER + timedelta(minutes=4))
    assert served.state.value == "served"
    with database.read() as session:
        stored = session.scalars(select(Ticket)).one()
    assert stored.served_at == LATER + timedelta(minutes=4)
    assert [e.id for e in events_after(database, 0)] == [
        called.event_id,
        again.event_id,
        served.event_id,
    ]


def test_interleave_keeps_each_counters_rhythm_in_the_database(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    every_two = settings_from_mapping(
        {"database": {"url": database_url}, "queue": {"priority_policy": "interleave:2"}},
        data_dir=tmp_path,
    )
    add_counter(database, 1, queues=("A",))
    add_counter(database, 2, queues=("A",))
    kinds = [None] * 6 + [Priority.ELDERLY] * 3
    labels = {
        issue_ticket(
            database,
            every_two,
            procedure_code="1.001193",
            prefix="A",
            priority=priority,
            now=START + timedelta(minutes=n),
        ).label: "P" if priority else "N"
        for n, priority in enumerate(kinds)
    }

    def call(counter: int) -> str:
        called = call_next(database, every_two, counter, now=LATER)
        assert called is not None
        mark_served(database, counter)
        return labels[called.label]

    # Counter 1: two normal tickets, then a priority one; counter 2 keeps its own count.
    assert [call(1), call(1), call(2), call(1), call(2), call(2), call(1)] == [
        "N", "N", "N", "P", "N", "P", "N",
    ]  # fmt: skip
    # Counter 1 would take a normal ticket next, but counter 2 takes the last one: a priority
    # ticket is called when it is all that waits, whatever the rhythm says.
    assert [call(2), call(1)] == ["N", "P"]
