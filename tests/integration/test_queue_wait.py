"""The wait a ticket announces and the queue it joins, from what is stored.

Services are recorded here as a counter would record them (state, called and served times);
the estimate must take the recent ones of the same queue only.
"""

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings, settings_from_mapping
from kiosk.helpdesk.requests import open_requests
from kiosk.queue.counters import add_counter, set_counter_open
from kiosk.queue.issuing import issue_for_procedure
from kiosk.queue.tickets import issue_ticket, list_tickets, record_print_outcome, stored_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import PrintStatus, Priority, Ticket, TicketState

NOW = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 11:00 in Ho Chi Minh City
BIRTH_REGISTRATION = "1.001193"


def _served(
    database: Database,
    settings: Settings,
    *,
    minutes: float,
    ago: timedelta,
    prefix: str = "A",
    state: TicketState = TicketState.SERVED,
) -> None:
    """A ticket called ``ago`` before NOW and served ``minutes`` later."""
    called = NOW - ago
    ticket = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix=prefix, now=called
    )
    with database.write() as session:
        session.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id)
            .values(
                state=state.value,
                called_at=called,
                served_at=called + timedelta(minutes=minutes),
            )
        )


def test_the_wait_is_the_mean_of_the_recent_services_of_the_same_queue(
    database: Database, settings: Settings
) -> None:
    _served(database, settings, minutes=2, ago=timedelta(hours=1))
    _served(database, settings, minutes=4, ago=timedelta(days=6, hours=23))
    _served(database, settings, minutes=60, ago=timedelta(days=7, hours=2))  # too long ago
    _served(database, settings, minutes=30, ago=timedelta(hours=1), prefix="B")  # other queue
    _served(database, settings, minutes=45, ago=timedelta(hours=1), state=TicketState.CALLED)
    issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW)
    issue_ticket(  # still waiting, but yesterday's
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW - timedelta(1)
    )

    ticket = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW
    )

    # Served, called and yesterday's tickets are not ahead; the mean of 2 and 4 minutes is 3.
    assert (ticket.people_ahead, ticket.estimated_wait_minutes) == (1, 3)
    today = list_tickets(database, ticket.service_day)
    assert [(t.prefix, t.number) for t in today] == [
        ("A", 1),
        ("B", 1),
        ("A", 2),
        ("A", 3),
        ("A", 4),
    ]


def test_a_service_older_than_a_week_no_longer_counts(
    database: Database, settings: Settings
) -> None:
    _served(database, settings, minutes=2, ago=timedelta(days=6, hours=12))
    _served(database, settings, minutes=20, ago=timedelta(days=7, hours=12))
    _served(database, settings, minutes=0, ago=timedelta(hours=1))  # served at once: counts
    _served(database, settings, minutes=4, ago=timedelta(days=7, minutes=4))  # a week ago: counts
    # Served "before" it was called (two counters' clocks apart): not a service time at all.
    _served(database, settings, minutes=-5, ago=timedelta(hours=2))
    issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW)

    ticket = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW
    )

    assert ticket.estimated_wait_minutes == 2  # (2 + 0 + 4) / 3


def test_the_wait_takes_the_20_latest_services(database: Database, settings: Settings) -> None:
    for n in range(11):  # the 21st to 31st latest: long services that must no longer count
        _served(database, settings, minutes=60, ago=timedelta(hours=30, minutes=n))
    for n in range(20):  # the 20 latest: ten of 2 minutes and ten of 4
        _served(database, settings, minutes=2 + 2 * (n % 2), ago=timedelta(hours=20 - n / 2))
    issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW)

    ticket = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW
    )

    # The median of the 20 latest is 3 minutes; with the older ones it would be 4.
    assert ticket.estimated_wait_minutes == 3


def test_each_queue_has_its_own_people_ahead_and_service_times(
    database: Database, settings: Settings
) -> None:
    _served(database, settings, minutes=10, ago=timedelta(hours=1), prefix="A")
    _served(database, settings, minutes=1.5, ago=timedelta(hours=1), prefix="B")
    for prefix in "AAB":
        issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix=prefix, now=NOW)

    ticket = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="B", now=NOW
    )

    # One B ticket ahead (not the A ones), at B's 1.5 minutes rounded up (not A's 10).
    assert (ticket.people_ahead, ticket.estimated_wait_minutes) == (1, 2)


def test_a_reprint_of_yesterdays_ticket_counts_yesterdays_queue_only(
    database: Database, settings: Settings
) -> None:
    yesterday = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW - timedelta(1)
    )
    for _ in range(2):
        issue_ticket(
            database,
            settings,
            procedure_code=BIRTH_REGISTRATION,
            prefix="A",
            priority=Priority.ELDERLY,
            now=NOW,
        )

    with database.read() as session:
        stored = session.get(Ticket, yesterday.id)
        assert stored is not None
        assert stored_ticket(session, stored, settings).people_ahead == 0


def test_no_volunteer_unless_asked(database: Database, settings: Settings) -> None:
    flagged = issue_ticket(
        database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", priority=Priority.ELDERLY
    )
    also_flagged = issue_for_procedure(
        database,
        settings,
        load_catalog(None),
        procedure_code=BIRTH_REGISTRATION,
        priority=Priority.ELDERLY,
    )

    assert (flagged.help_request_id, also_flagged.help_request_id) == (None, None)
    assert open_requests(database) == []


def test_a_field_joins_the_queue_the_centre_gave_it(database: Database, tmp_path: Path) -> None:
    settings = settings_from_mapping(
        {"database": {"url": str(database.url)}, "queue": {"prefixes": {"civil_status": "H"}}},
        data_dir=tmp_path,
    )
    catalog = load_catalog(None)

    ours = issue_for_procedure(database, settings, catalog, procedure_code=BIRTH_REGISTRATION)
    residence = issue_for_procedure(database, settings, catalog, procedure_code="1.004222")

    # The centre renamed civil status's queue; residence keeps the catalogue's prefix.
    assert (ours.label, residence.label) == ("H001", "B001")


def test_only_a_flagged_ticket_asked_to_call_a_volunteer_calls_one(
    database: Database, settings: Settings
) -> None:
    def issue(priority: Priority | None, call: bool) -> int | None:
        return issue_ticket(
            database,
            settings,
            procedure_code=BIRTH_REGISTRATION,
            prefix="A",
            priority=priority,
            call_volunteer=call,
            kiosk_id="sanh-2",
        ).help_request_id

    assert issue(None, True) is None
    assert issue(Priority.ELDERLY, False) is None
    request_id = issue(Priority.DISABILITY, True)

    (request,) = open_requests(database)
    assert (request.id, request.kiosk_id, request.ticket_label) == (request_id, "sanh-2", "A003")
    assert (
        issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A").kiosk_id
        == settings.kiosk.id
    )


def test_an_outcome_for_a_ticket_that_is_not_there_is_an_error(database: Database) -> None:
    with pytest.raises(LookupError, match="ticket 404 does not exist"):
        record_print_outcome(database, 404, PrintStatus.PRINTED)


def _stored_people_ahead(database: Database, settings: Settings, ticket_id: int) -> int:
    with database.read() as session:
        return stored_ticket(session, session.get_one(Ticket, ticket_id), settings).people_ahead


def test_counters_call_by_issue_time_then_number_whatever_a_kiosk_clock_says(
    database: Database, settings: Settings
) -> None:
    def issue(at: datetime) -> int:
        return issue_ticket(
            database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=at
        ).id

    first = issue(NOW)
    same_moment = issue(NOW)  # another kiosk, the same second
    clock_behind = issue(NOW - timedelta(minutes=1))  # a kiosk whose clock is a minute slow

    ahead = {t: _stored_people_ahead(database, settings, t) for t in (first, same_moment)}
    ahead[clock_behind] = _stored_people_ahead(database, settings, clock_behind)
    # Oldest issue time first; the same issue time goes by number.
    assert ahead == {clock_behind: 0, first: 1, same_moment: 2}


def test_the_wait_takes_services_to_the_second_and_ignores_a_clock_that_went_back(
    database: Database, settings: Settings
) -> None:
    _served(database, settings, minutes=0, ago=timedelta(hours=3))
    _served(database, settings, minutes=122, ago=timedelta(hours=3))
    _served(database, settings, minutes=-30, ago=timedelta(hours=3))  # served "before" called

    ticket, _, later = (
        issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=NOW)
        for _ in range(3)
    )

    # The median of 0 and 122 minutes is 61 per ticket; the negative service does not count.
    assert (ticket.people_ahead, ticket.estimated_wait_minutes) == (0, 0)
    assert (later.people_ahead, later.estimated_wait_minutes) == (2, 122)


def test_the_wait_is_shared_among_the_open_counters_of_the_queue(
    database: Database, settings: Settings
) -> None:
    for _ in range(6):
        issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A")
    add_counter(database, 1, queues=("A", "B"), name="Quầy 1")
    add_counter(database, 2, queues=("A",), name="Quầy 2")
    add_counter(database, 3, queues=("B",), name="Quầy 3")

    def estimate() -> int:
        return issue_ticket(
            database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A"
        ).estimated_wait_minutes

    minutes = settings.queue.minutes_per_ticket
    assert estimate() == math.ceil(6 * minutes / 2)  # counters 1 and 2 serve A
    set_counter_open(database, 2, False)
    assert estimate() == math.ceil(7 * minutes)  # counter 1 alone
    set_counter_open(database, 1, False)
    assert estimate() == math.ceil(8 * minutes)  # none open: still an estimate, not zero


def test_every_field_issues_into_its_own_queue(database: Database, settings: Settings) -> None:
    catalog = load_catalog(None)
    for field in catalog.fields:
        procedure = next(p for p in catalog.procedures if p.field == field.code)
        ticket = issue_for_procedure(database, settings, catalog, procedure_code=procedure.code)
        assert ticket.label == f"{field.queue_prefix}001", field.code


def test_the_ticket_record_says_its_priority(database: Database, settings: Settings) -> None:
    def issue(priority: Priority | None) -> object:
        return issue_ticket(
            database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", priority=priority
        ).as_json()["priority"]

    assert (issue(Priority.ELDERLY), issue(None)) == ("elderly", None)


def test_a_day_lists_its_own_tickets_only(database: Database, settings: Settings) -> None:
    for at in (NOW - timedelta(days=1), NOW, NOW + timedelta(days=1)):
        issue_ticket(database, settings, procedure_code=BIRTH_REGISTRATION, prefix="A", now=at)

    today = list_tickets(database, datetime(2026, 11, 23).date())
    assert [t.issued_at for t in today] == [NOW]
