"""Issuing queue tickets: numbering, the citizen's place in the queue and the estimated wait.

A number comes from one counter row per (service day, queue prefix), incremented by an upsert
with RETURNING in the same transaction that inserts the ticket, so a number is never handed
out twice nor skipped, and a new service day simply starts a new counter row at 1.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.change_notice import announce_change
from kiosk.config import QueueSettings, Settings
from kiosk.db import Database
from kiosk.models import PrintStatus, Priority, Ticket, TicketCounter, TicketState
from kiosk.service_day import service_day

# How many recent services of a queue the wait estimate averages, and how far back it looks.
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

    @property
    def label(self) -> str:
        """The number as called out and printed, e.g. ``A007``."""
        return format_label(self.prefix, self.number)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "prefix": self.prefix,
            "number": self.number,
            "service_day": self.service_day.isoformat(),
            "procedure": self.procedure_code,
            "priority": self.priority.value if self.priority else None,
            "kiosk": self.kiosk_id,
            "issued_at": self.issued_at.isoformat(),
            "people_ahead": self.people_ahead,
            "estimated_wait_minutes": self.estimated_wait_minutes,
            "print_status": self.print_status.value,
            "print_error": self.print_error,
        }


def format_label(prefix: str, number: int) -> str:
    return f"{prefix}{number:03d}"


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


def estimated_wait_minutes(ahead: int, recent_service_minutes: list[float], fallback: float) -> int:
    """Minutes until the citizen is called: people ahead times the recent mean service time."""
    per_ticket = statistics.fmean(recent_service_minutes) if recent_service_minutes else fallback
    return math.ceil(ahead * per_ticket)


def _next_number(session: Session, day: date, prefix: str) -> int:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(TicketCounter)
        .values(service_day=day, prefix=prefix, last_number=1)
        .on_conflict_do_update(
            index_elements=[TicketCounter.service_day, TicketCounter.prefix],
            set_={"last_number": TicketCounter.last_number + 1},
        )
        .returning(TicketCounter.last_number)
    )
    return int(session.execute(statement).scalar_one())


def _recent_service_minutes(session: Session, prefix: str, now: datetime) -> list[float]:
    rows = session.execute(
        select(Ticket.called_at, Ticket.served_at)
        .where(
            Ticket.prefix == prefix,
            Ticket.state == TicketState.SERVED.value,
            Ticket.called_at.is_not(None),
            Ticket.served_at.is_not(None),
            Ticket.served_at >= now - RECENT_WINDOW,
        )
        .order_by(Ticket.served_at.desc())
        .limit(RECENT_SERVICES)
    ).all()
    return [
        (served - called).total_seconds() / 60
        for called, served in rows
        if called is not None and served is not None and served >= called
    ]


def _waiting_ahead(session: Session, ticket: Ticket) -> tuple[int, int]:
    """Waiting (priority, normal) tickets that may be called before ``ticket``.

    Earlier tickets of its own kind, and for a normal ticket every waiting priority one.
    """
    is_priority = Ticket.priority.is_not(None)
    earlier = Ticket.id < ticket.id
    rows = session.execute(
        select(is_priority, func.count())
        .where(
            Ticket.service_day == ticket.service_day,
            Ticket.prefix == ticket.prefix,
            Ticket.state == TicketState.WAITING.value,
            Ticket.id != ticket.id,
            earlier | is_priority if ticket.priority is None else earlier,
        )
        .group_by(is_priority)
    ).all()
    counts = {bool(flag): int(count) for flag, count in rows}
    return counts.get(True, 0), counts.get(False, 0)


def stored_ticket(session: Session, ticket: Ticket, settings: Settings) -> IssuedTicket:
    """A stored ticket with its place in the queue and estimated wait as they are now."""
    priority_waiting, normal_waiting = _waiting_ahead(session, ticket)
    ahead = people_ahead(
        settings.queue.interleave_every,
        is_priority=ticket.priority is not None,
        priority_waiting=priority_waiting,
        normal_waiting=normal_waiting,
    )
    recent = _recent_service_minutes(session, ticket.prefix, ticket.issued_at)
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
        estimated_wait_minutes=estimated_wait_minutes(
            ahead, recent, settings.queue.minutes_per_ticket
        ),
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
) -> IssuedTicket:
    """Store a new ticket with the next number of its queue and return it.

    The ticket is committed before this returns, so it survives whatever happens to the
    printer or the process afterwards.
    """
    moment = now or datetime.now(UTC)
    day = service_day(moment, settings.centre.zone)
    with database.write() as session:
        ticket = Ticket(
            service_day=day,
            prefix=prefix,
            number=_next_number(session, day, prefix),
            procedure_code=procedure_code,
            priority=priority.value if priority else None,
            kiosk_id=kiosk_id or settings.kiosk.id,
            state=TicketState.WAITING.value,
            print_status=PrintStatus.PENDING.value,
            issued_at=moment,
        )
        session.add(ticket)
        session.flush()
        issued = stored_ticket(session, ticket, settings)
        announce_change(session, "tickets")
    return issued


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


def ticket_as_json(ticket: Ticket) -> dict[str, object]:
    return {
        "id": ticket.id,
        "label": format_label(ticket.prefix, ticket.number),
        "prefix": ticket.prefix,
        "number": ticket.number,
        "service_day": ticket.service_day.isoformat(),
        "procedure": ticket.procedure_code,
        "priority": ticket.priority,
        "kiosk": ticket.kiosk_id,
        "state": ticket.state,
        "issued_at": ticket.issued_at.isoformat(),
        "print_status": ticket.print_status,
        "print_error": ticket.print_error,
    }
