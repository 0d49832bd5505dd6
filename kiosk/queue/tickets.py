"""Issuing queue tickets: numbering, storing, and the ticket records (the place in the queue
and the estimated wait come from position.py).

A number comes from one counter row per (service day, queue prefix), incremented by an upsert
with RETURNING in the same transaction that inserts the ticket, so a number is never handed
out twice nor skipped, and a new service day simply starts a new counter row at 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Date, String, bindparam, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.config import QueueSettings, Settings
from kiosk.helpdesk.requests import help_reason_for, insert_help_request
from kiosk.queue.position import queue_position
from kiosk.queue.service_day import service_day
from kiosk.queue.ticket_label import format_label
from kiosk.storage.change_notice import CHANNEL, announce_change
from kiosk.storage.db import Database
from kiosk.storage.models import (
    PrintStatus,
    Priority,
    Ticket,
    TicketCounter,
    TicketState,
    UtcDateTime,
)


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


def stored_ticket(session: Session, ticket: Ticket, settings: Settings) -> IssuedTicket:
    """A stored ticket with its place in the queue and estimated wait as they are now."""
    ahead, minutes = queue_position(
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
            ahead, minutes = queue_position(session.connection(), settings, **position)
        ticket_id, number, _ = database.run_alone(_POSTGRES_INSERT_TICKET, values)
    else:
        with database.write_connection() as connection:
            ahead, minutes = queue_position(connection, settings, **position)
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
