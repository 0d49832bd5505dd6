"""Issuing queue tickets: numbering, the citizen's place in the queue and the estimated wait.

A number comes from one counter row per (service day, queue prefix), incremented by an upsert
with RETURNING in the same transaction that inserts the ticket, so a number is never handed
out twice nor skipped, and a new service day simply starts a new counter row at 1.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter as CounterTally
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Date, String, bindparam, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.config import QueueSettings, Settings
from kiosk.helpdesk.requests import help_reason_for, insert_help_request
from kiosk.queue.service_day import service_day
from kiosk.queue.ticket_label import format_label
from kiosk.storage.change_notice import CHANNEL, announce_change
from kiosk.storage.db import Database
from kiosk.storage.models import (
    PrintStatus,
    Priority,
    ServiceCounter,
    Ticket,
    TicketCounter,
    TicketState,
    UtcDateTime,
)

# How many recent services of a queue the estimate takes the median of, and how far back.
RECENT_SERVICES = 20
RECENT_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class IssuedTicket:
    """A stored ticket as the citizen and the printer see it."""

    id: int
    service_day: date
    prefix: str
    number: int
    procedure_code: str
    priority: Priority | None
    kiosk_id: str
    issued_at: datetime
    people_ahead: int
    estimated_wait_minutes: int
    print_status: PrintStatus = PrintStatus.PENDING
    print_error: str | None = None
    # The request that calls a volunteer to a flagged citizen, stored with the ticket.
    help_request_id: int | None = None

    @property
    def label(self) -> str:
        """The number as called out and printed, e.g. ``A007``."""
        return format_label(self.prefix, self.number)

    def as_json(self) -> dict[str, object]:
        """The `ticket issue --json` record (keys in the order the README documents)."""
        return {
            **_identity_json(self),
            "priority": self.priority.value if self.priority else None,
            "kiosk": self.kiosk_id,
            "issued_at": self.issued_at.isoformat(),
            "people_ahead": self.people_ahead,
            "estimated_wait_minutes": self.estimated_wait_minutes,
            "print_status": self.print_status.value,
            "print_error": self.print_error,
        }


def people_ahead(
    interleave_every: int | None, *, is_priority: bool, priority_waiting: int, normal_waiting: int
) -> int:
    """How many waiting citizens will be served before a newly issued ticket.

    ``priority_waiting`` and ``normal_waiting`` count the tickets already waiting in the queue.
    Strict policy: every priority ticket goes first. ``interleave:N``: after every N normal
    tickets one priority ticket is called, so a normal ticket with m normal tickets ahead
    also waits for m // N priority ones, and a priority ticket with k priority tickets ahead
    waits for at most N * (k + 1) normal ones.
    """
    if is_priority:
        if interleave_every is None:
            return priority_waiting
        return priority_waiting + min(normal_waiting, interleave_every * (priority_waiting + 1))
    if interleave_every is None:
        return normal_waiting + priority_waiting
    return normal_waiting + min(priority_waiting, normal_waiting // interleave_every)


def people_ahead_in_queue(
    waiting: Sequence[tuple[int, bool]], interleave_every: int | None
) -> dict[int, int]:
    """People ahead of every waiting ticket of one queue at once: {ticket id: people ahead}.

    ``waiting`` holds (id, is priority) of the queue's waiting tickets in the order they were
    issued. The rule is the stored-ticket count of `_queue_position` (earlier tickets of its
    own kind, and for a normal ticket every waiting priority one), done in one pass, so a page
    followed by hundreds of phones costs one query, not one per phone.
    """
    priority_total = sum(1 for _, is_priority in waiting if is_priority)
    earlier = {True: 0, False: 0}
    result: dict[int, int] = {}
    for ticket_id, is_priority in waiting:
        result[ticket_id] = people_ahead(
            interleave_every,
            is_priority=is_priority,
            priority_waiting=earlier[True] if is_priority else priority_total,
            normal_waiting=earlier[False],
        )
        earlier[is_priority] += 1
    return result


def estimated_wait_minutes(
    ahead: int, recent_service_minutes: list[float], fallback: float, counters_open: int = 1
) -> int:
    """Minutes until the citizen is called: people ahead times the recent median service time
    of the queue, shared by the counters open for it (at least one: a closed queue still
    gets an estimate, not zero)."""
    per_ticket = statistics.median(recent_service_minutes) if recent_service_minutes else fallback
    return math.ceil(ahead * per_ticket / max(1, counters_open))


# The hot path runs prebuilt Core statements on a bare connection: building statements and
# going through the ORM cost ten times what the database itself spends on a ticket.
_TICKETS = Ticket.__table__
_COUNTERS = TicketCounter.__table__


def _counter_upsert(insert_for_dialect: Callable[..., Any]) -> Any:
    new = insert_for_dialect(_COUNTERS).values(
        service_day=bindparam("day"), prefix=bindparam("prefix"), last_number=1
    )
    return new.on_conflict_do_update(
        index_elements=[_COUNTERS.c.service_day, _COUNTERS.c.prefix],
        set_={"last_number": _COUNTERS.c.last_number + 1},
    ).returning(_COUNTERS.c.last_number)


_PREFIX = bindparam("prefix", type_=String())
_TICKET_VALUES = {
    "service_day": bindparam("day", type_=Date()),
    "prefix": _PREFIX,
    "queue": _PREFIX,
    "procedure_code": bindparam("procedure_code", type_=String()),
    "priority": bindparam("priority", type_=String()),
    "kiosk_id": bindparam("kiosk_id", type_=String()),
    "state": bindparam("state", type_=String()),
    "print_status": bindparam("print_status", type_=String()),
    "issued_at": bindparam("issued_at", type_=UtcDateTime()),
}
# SQLite: BEGIN IMMEDIATE already serialises whole transactions; count, then insert.
_SQLITE_NEXT_NUMBER = _counter_upsert(sqlite.insert)
_SQLITE_INSERT_TICKET = (
    insert(_TICKETS).values(**_TICKET_VALUES, number=bindparam("number")).returning(_TICKETS.c.id)
)
# PostgreSQL: the counter row stays locked from the upsert until commit, so numbering,
# storing and the change notice are one statement, run as a transaction of its own
# (`Database.run_alone`): the lock is never held while a round trip to a (possibly busy)
# kiosk process is under way, and nothing can be added between numbering and storing.
_POSTGRES_COUNTER = _counter_upsert(postgresql.insert).cte("next_number")
_POSTGRES_INSERT_TICKET = (
    insert(_TICKETS)
    .from_select(
        [*_TICKET_VALUES, "number"],
        select(*_TICKET_VALUES.values(), _POSTGRES_COUNTER.c.last_number),
    )
    .returning(
        _TICKETS.c.id,
        _TICKETS.c.number,
        func.pg_notify(CHANNEL, "tickets"),
    )
)


def _insert_numbered_ticket(connection: Connection, values: dict[str, object]) -> tuple[int, int]:
    """Take the next number of the queue and store the ticket with it, in the caller's
    transaction: (id, number)."""
    if connection.dialect.name == "postgresql":
        ticket_id, number, _ = connection.execute(_POSTGRES_INSERT_TICKET, values).one()
        return int(ticket_id), int(number)
    number = connection.execute(_SQLITE_NEXT_NUMBER, values).scalar_one()
    ticket_id = connection.execute(_SQLITE_INSERT_TICKET, {**values, "number": number})
    return int(ticket_id.scalar_one()), int(number)


_IS_PRIORITY = _TICKETS.c.priority.is_not(None)
_WAITING_IN_QUEUE = (
    _TICKETS.c.service_day == bindparam("day"),
    _TICKETS.c.queue == bindparam("prefix"),
    _TICKETS.c.state == TicketState.WAITING.value,
)
# Counters call oldest first by issue time, which a transfer or a returned no-show keeps.
_ISSUED_AT = bindparam("issued_at", type_=UtcDateTime())
_EARLIER = (_TICKETS.c.issued_at < _ISSUED_AT) | (
    (_TICKETS.c.issued_at == _ISSUED_AT) & (_TICKETS.c.id < bindparam("ticket_id"))
)
_WAITING_COUNTS = {
    # (stored ticket?, priority ticket?) -> which waiting tickets may be called first
    (False, False): _WAITING_IN_QUEUE,
    (False, True): _WAITING_IN_QUEUE,
    (True, True): (*_WAITING_IN_QUEUE, _EARLIER),
    (True, False): (*_WAITING_IN_QUEUE, _EARLIER | _IS_PRIORITY),
}
_WAITING_COUNTS_QUERIES = {
    key: select(_IS_PRIORITY, func.count()).where(*conditions).group_by(_IS_PRIORITY)
    for key, conditions in _WAITING_COUNTS.items()
}
_RECENT_SERVICES_QUERY = (
    select(_TICKETS.c.called_at, _TICKETS.c.served_at)
    .where(
        _TICKETS.c.queue == bindparam("prefix"),
        _TICKETS.c.state == TicketState.SERVED.value,
        _TICKETS.c.called_at.is_not(None),
        _TICKETS.c.served_at >= bindparam("since", type_=UtcDateTime()),
    )
    .order_by(_TICKETS.c.served_at.desc())
    .limit(RECENT_SERVICES)
)
_OPEN_COUNTERS_QUERY = select(ServiceCounter.queues).where(ServiceCounter.is_open.is_(True))


def open_counters(connection: Connection) -> CounterTally[str]:
    """How many open counters serve each queue (what an estimate shares the waiting among)."""
    tally: CounterTally[str] = CounterTally()
    for (queues,) in connection.execute(_OPEN_COUNTERS_QUERY):
        tally.update(queues.split(","))
    return tally


def recent_service_minutes(connection: Connection, prefix: str, now: datetime) -> list[float]:
    """Minutes from call to served of the queue's latest services (what the estimate averages)."""
    rows = connection.execute(
        _RECENT_SERVICES_QUERY, {"prefix": prefix, "since": now - RECENT_WINDOW}
    ).all()
    return [
        (served - called).total_seconds() / 60
        for called, served in rows
        if called is not None and served is not None and served >= called
    ]


def _queue_position(
    connection: Connection,
    settings: Settings,
    *,
    day: date,
    prefix: str,
    is_priority: bool,
    now: datetime,
    ticket_id: int | None = None,
    issued_at: datetime | None = None,
) -> tuple[int, int]:
    """(people ahead, estimated minutes) for a ticket of this queue.

    ``ticket_id`` None means a ticket about to be issued: every waiting ticket is earlier.
    For a stored ticket, earlier tickets of its own kind count, and for a normal ticket
    every waiting priority one as well.
    """
    query = _WAITING_COUNTS_QUERIES[(ticket_id is not None, is_priority)]
    rows = connection.execute(
        query, {"day": day, "prefix": prefix, "ticket_id": ticket_id, "issued_at": issued_at}
    ).all()
    counts = {bool(flag): int(count) for flag, count in rows}
    ahead = people_ahead(
        settings.queue.interleave_every,
        is_priority=is_priority,
        priority_waiting=counts.get(True, 0),
        normal_waiting=counts.get(False, 0),
    )
    recent = recent_service_minutes(connection, prefix, now)
    return ahead, estimated_wait_minutes(
        ahead, recent, settings.queue.minutes_per_ticket, open_counters(connection)[prefix]
    )


def stored_ticket(session: Session, ticket: Ticket, settings: Settings) -> IssuedTicket:
    """A stored ticket with its place in the queue and estimated wait as they are now."""
    ahead, minutes = _queue_position(
        session.connection(),
        settings,
        day=ticket.service_day,
        prefix=ticket.queue,
        is_priority=ticket.priority is not None,
        now=datetime.now(UTC),
        ticket_id=ticket.id,
        issued_at=ticket.issued_at,
    )
    return IssuedTicket(
        id=ticket.id,
        service_day=ticket.service_day,
        prefix=ticket.prefix,
        number=ticket.number,
        procedure_code=ticket.procedure_code,
        priority=Priority(ticket.priority) if ticket.priority else None,
        kiosk_id=ticket.kiosk_id,
        issued_at=ticket.issued_at,
        people_ahead=ahead,
        estimated_wait_minutes=minutes,
        print_status=PrintStatus(ticket.print_status),
        print_error=ticket.print_error,
    )


def issue_ticket(
    database: Database,
    settings: Settings,
    *,
    procedure_code: str,
    prefix: str,
    priority: Priority | None = None,
    kiosk_id: str | None = None,
    now: datetime | None = None,
    call_volunteer: bool = False,
) -> IssuedTicket:
    """Store a new ticket with the next number of its queue and return it.

    The ticket is committed before this returns, so it survives whatever happens to the
    printer or the process afterwards. With ``call_volunteer``, a flagged ticket is stored
    together with the help request for it, in one transaction: never one without the other.
    """
    moment = now or datetime.now(UTC)
    day = service_day(moment, settings.centre.zone)
    kiosk = kiosk_id or settings.kiosk.id
    help_reason = help_reason_for(priority) if call_volunteer and priority else None
    values = {
        "day": day,
        "prefix": prefix,
        "procedure_code": procedure_code,
        "priority": priority.value if priority else None,
        "kiosk_id": kiosk,
        "state": TicketState.WAITING.value,
        "print_status": PrintStatus.PENDING.value,
        "issued_at": moment,
    }
    position = {"day": day, "prefix": prefix, "is_priority": priority is not None, "now": moment}
    help_request_id = None
    if database.is_postgresql and help_reason is None:
        # The hot path: the queue is read first, in a transaction of its own, then the ticket
        # numbered and stored by one statement (the estimate may miss a ticket issued in the
        # same millisecond).
        with database.read() as session:
            ahead, minutes = _queue_position(session.connection(), settings, **position)
        ticket_id, number, _ = database.run_alone(_POSTGRES_INSERT_TICKET, values)
    else:
        with database.issuing_connection() as connection:
            ahead, minutes = _queue_position(connection, settings, **position)
            ticket_id, number = _insert_numbered_ticket(connection, values)
            if help_reason is not None:
                help_request_id = insert_help_request(
                    connection,
                    reason=help_reason,
                    kiosk_id=kiosk,
                    ticket_id=ticket_id,
                    procedure_code=procedure_code,
                    now=moment,
                )
    return IssuedTicket(
        id=ticket_id,
        service_day=day,
        prefix=prefix,
        number=number,
        procedure_code=procedure_code,
        priority=priority,
        kiosk_id=kiosk,
        issued_at=moment,
        people_ahead=ahead,
        estimated_wait_minutes=minutes,
        help_request_id=help_request_id,
    )


def queue_prefix(queue: QueueSettings, field_code: str, catalogue_prefix: str) -> str:
    """The prefix of a field's queue: the centre's setting if it has one, else the catalogue's."""
    return queue.prefixes.get(field_code, catalogue_prefix)


def record_print_outcome(
    database: Database, ticket_id: int, status: PrintStatus, error: str | None = None
) -> None:
    with database.write() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise LookupError(f"ticket {ticket_id} does not exist")
        ticket.print_status = status.value
        ticket.print_error = error
        announce_change(session, "tickets")


def list_tickets(database: Database, day: date) -> list[Ticket]:
    """The tickets of one service day in the order they were issued."""
    with database.read() as session:
        return list(
            session.scalars(select(Ticket).where(Ticket.service_day == day).order_by(Ticket.id))
        )


def _identity_json(ticket: Ticket | IssuedTicket) -> dict[str, object]:
    """The keys that open every ticket record: which ticket, of which queue and procedure."""
    return {
        "id": ticket.id,
        "label": format_label(ticket.prefix, ticket.number),
        "prefix": ticket.prefix,
        "number": ticket.number,
        "service_day": ticket.service_day.isoformat(),
        "procedure": ticket.procedure_code,
    }


def ticket_as_json(ticket: Ticket) -> dict[str, object]:
    """The `ticket list --json` record."""
    return {
        **_identity_json(ticket),
        "priority": ticket.priority,
        "kiosk": ticket.kiosk_id,
        "state": ticket.state,
        "issued_at": ticket.issued_at.isoformat(),
        "print_status": ticket.print_status,
        "print_error": ticket.print_error,
    }
