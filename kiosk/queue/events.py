"""What happened at the counters, for the hall display and the counter pages to catch up with.

Every calling action appends one row to ``ticket_events`` in its own transaction. The ids
increase in commit order (PostgreSQL: the row is written last, under a transaction-level
advisory lock; SQLite: every writer is serialised anyway), so a reader that remembers the
last id it saw and asks for the ones after it never misses an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Insert, Integer, Select, String, bindparam, func, insert, select
from sqlalchemy.orm import Session

from kiosk.queue.ticket_label import format_label
from kiosk.storage.change_notice import CHANNEL
from kiosk.storage.db import Database
from kiosk.storage.models import (
    ServiceCounter,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketState,
    UtcDateTime,
)

TOPIC = "tickets"
# Any number no other application on the centre's PostgreSQL uses for an advisory lock.
_EVENT_ORDER_LOCK_ID = 7_345_102
_EVENTS = TicketEvent.__table__
# What every event row holds besides its ticket, as parameters of the statements below.
EVENT_VALUES = {
    "counter_number": bindparam("event_counter", type_=Integer()),
    "kind": bindparam("event_kind", type_=String()),
    "at": bindparam("event_at", type_=UtcDateTime()),
    "detail": bindparam("event_detail", type_=String()),
}


def event_parameters(
    counter_number: int | None, kind: TicketEventKind, at: datetime, detail: str | None = None
) -> dict[str, object]:
    """The values of `EVENT_VALUES` for one action."""
    return {
        "event_counter": counter_number,
        "event_kind": kind.value,
        "event_at": at,
        "event_detail": detail,
    }


def postgres_events(ticket_ids: Select[tuple[int]]) -> Insert:
    """An event for each ticket id that ``ticket_ids`` selects (labelled ``ticket_id``), written
    last under the event-order lock, returning its id with the change notice queued.

    Ids come from a sequence when the row is written, not when it commits; writing the row
    under a transaction-level lock (held to the commit) makes id order commit order. The lock
    is taken after ``ticket_ids`` has run, so after every row lock it waits for.
    """
    ordered = (
        ticket_ids.add_columns(func.pg_advisory_xact_lock(_EVENT_ORDER_LOCK_ID).label("ordered"))
        .cte("in_commit_order")
        .prefix_with("MATERIALIZED")
    )
    return (
        insert(_EVENTS)
        .from_select(
            ["ticket_id", *EVENT_VALUES], select(ordered.c.ticket_id, *EVENT_VALUES.values())
        )
        .returning(_EVENTS.c.id, func.pg_notify(CHANNEL, TOPIC))
    )


_ONE_TICKET = bindparam("event_ticket", type_=Integer())
_POSTGRES_APPEND = postgres_events(select(_ONE_TICKET.label("ticket_id")))
_SQLITE_APPEND = (
    insert(_EVENTS).values(ticket_id=_ONE_TICKET, **EVENT_VALUES).returning(_EVENTS.c.id)
)


@dataclass(frozen=True)
class QueueEvent:
    """One row of ``ticket_events`` with the ticket's label and queue."""

    id: int
    ticket_id: int
    label: str
    queue: str
    counter_number: int | None
    kind: TicketEventKind
    at: datetime
    detail: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "event": self.id,
            "ticket_id": self.ticket_id,
            "label": self.label,
            "queue": self.queue,
            "counter": self.counter_number,
            "kind": self.kind.value,
            "at": self.at.isoformat(),
            "detail": self.detail,
        }


@dataclass(frozen=True)
class InService:
    """A counter and the ticket it serves now (None: free)."""

    counter_number: int
    counter_name: str
    queues: tuple[str, ...]
    ticket_id: int | None
    label: str | None
    recalls: int
    called_at: datetime | None


@dataclass(frozen=True)
class HallState:
    """The current state: every open counter with its ticket, and how many wait per queue."""

    counters: list[InService]
    waiting: dict[str, int]
    last_event_id: int


def append_event(
    session: Session | Connection,
    *,
    ticket_id: int,
    counter_number: int | None,
    kind: TicketEventKind,
    at: datetime,
    detail: str | None = None,
) -> int:
    """Record an action as the last write of the caller's transaction and notify; its id.

    One statement on either database (SQLite serialises every writer anyway).
    """
    dialect = session.dialect if isinstance(session, Connection) else session.get_bind().dialect
    statement = _POSTGRES_APPEND if dialect.name == "postgresql" else _SQLITE_APPEND
    values = {"event_ticket": ticket_id, **event_parameters(counter_number, kind, at, detail)}
    return int(session.execute(statement, values).scalar_one())


def events_after(database: Database, last_event_id: int, limit: int = 500) -> list[QueueEvent]:
    """The events after ``last_event_id`` (0: from the start), oldest first, at most ``limit``."""
    with database.read() as session:
        rows = session.execute(
            select(TicketEvent, Ticket.prefix, Ticket.number, Ticket.queue)
            .join(Ticket, Ticket.id == TicketEvent.ticket_id)
            .where(TicketEvent.id > last_event_id)
            .order_by(TicketEvent.id)
            .limit(limit)
        ).all()
    return [
        QueueEvent(
            id=event.id,
            ticket_id=event.ticket_id,
            label=format_label(prefix, number),
            queue=queue,
            counter_number=event.counter_number,
            kind=TicketEventKind(event.kind),
            at=event.at,
            detail=event.detail,
        )
        for event, prefix, number, queue in rows
    ]


def hall_state(database: Database, day: date) -> HallState:
    """Each open counter's ticket in service and the waiting count of every queue on ``day``.

    ``last_event_id`` is read in the same transaction: a reader that starts from this state
    then follows `events_after(last_event_id)` misses nothing.
    """
    with database.read() as session:
        last_event_id = session.scalar(select(func.coalesce(func.max(TicketEvent.id), 0)))
        serving = session.execute(
            select(ServiceCounter, Ticket)
            .outerjoin(
                Ticket,
                (Ticket.counter_number == ServiceCounter.number)
                & (Ticket.state == TicketState.CALLED.value)
                & (Ticket.service_day == day),
            )
            .where(ServiceCounter.is_open.is_(True))
            .order_by(ServiceCounter.number)
        ).all()
        waiting = session.execute(
            select(Ticket.queue, func.count())
            .where(Ticket.service_day == day, Ticket.state == TicketState.WAITING.value)
            .group_by(Ticket.queue)
        ).all()
    return HallState(
        counters=[
            InService(
                counter_number=counter.number,
                counter_name=counter.name,
                queues=tuple(counter.queues.split(",")),
                ticket_id=ticket.id if ticket else None,
                label=format_label(ticket.prefix, ticket.number) if ticket else None,
                recalls=ticket.recalls if ticket else 0,
                called_at=ticket.called_at if ticket else None,
            )
            for counter, ticket in serving
        ],
        waiting={queue: int(count) for queue, count in waiting},
        last_event_id=int(last_event_id or 0),
    )
