"""What a counter's desk shows: the counter, its ticket in service, its queues' waiting counts
and the day's no-shows it may bring back.

Read in one transaction so the page never shows a ticket in service beside counts from another
moment. The ticket in service is read whatever its day: a counter that closed its browser (or
whose process was killed) between call and done finds its citizen still there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, bindparam, func, select

from kiosk.queue.counters import Counter, UnknownCounter, stored_queues
from kiosk.queue.ticket_label import format_label
from kiosk.storage.db import Database
from kiosk.storage.models import ServiceCounter, Ticket, TicketEvent, TicketEventKind, TicketState

# The no-shows a desk offers to bring back: the latest few of the day, newest first.
NO_SHOWS_SHOWN = 8


@dataclass(frozen=True)
class ServingTicket:
    """The ticket at the desk now, with what the official needs to serve it."""

    id: int
    label: str
    queue: str
    procedure_code: str
    priority: str | None
    issued_at: datetime
    called_at: datetime | None
    recalls: int


@dataclass(frozen=True)
class NoShow:
    id: int
    label: str


@dataclass(frozen=True)
class Desk:
    counter: Counter
    serving: ServingTicket | None
    waiting: dict[str, int]  # per queue the counter serves, in its order of preference
    no_shows: list[NoShow]


_TICKETS = Ticket.__table__
_COUNTERS = ServiceCounter.__table__
_EVENTS = TicketEvent.__table__
_COUNTER = bindparam("counter", type_=Integer())
_DAY = bindparam("day")
# Prebuilt: a desk is read after every press of every counter and on every change.
_DESK_QUERY = (
    select(
        _COUNTERS.c.name,
        _COUNTERS.c.queues,
        _COUNTERS.c.is_open,
        _COUNTERS.c.pin_hash.is_not(None).label("has_pin"),
        _TICKETS.c.id,
        _TICKETS.c.prefix,
        _TICKETS.c.number,
        _TICKETS.c.queue,
        _TICKETS.c.procedure_code,
        _TICKETS.c.priority,
        _TICKETS.c.issued_at,
        _TICKETS.c.called_at,
        _TICKETS.c.recalls,
    )
    .select_from(
        _COUNTERS.outerjoin(
            _TICKETS,
            (_TICKETS.c.counter_number == _COUNTERS.c.number)
            & (_TICKETS.c.state == TicketState.CALLED.value),
        )
    )
    .where(_COUNTERS.c.number == _COUNTER)
)
_WAITING_QUERY = (
    select(_TICKETS.c.queue, func.count())
    .where(
        _TICKETS.c.service_day == _DAY,
        _TICKETS.c.queue.in_(bindparam("queues", expanding=True)),
        _TICKETS.c.state == TicketState.WAITING.value,
    )
    .group_by(_TICKETS.c.queue)
)
# A no-show this counter marked (the event says which counter) and still a no-show.
_NO_SHOWS_QUERY = (
    select(_TICKETS.c.id, _TICKETS.c.prefix, _TICKETS.c.number)
    .join(_EVENTS, _EVENTS.c.ticket_id == _TICKETS.c.id)
    .where(
        _TICKETS.c.service_day == _DAY,
        _TICKETS.c.state == TicketState.NO_SHOW.value,
        _EVENTS.c.kind == TicketEventKind.NO_SHOW.value,
        _EVENTS.c.counter_number == _COUNTER,
    )
    .group_by(_TICKETS.c.id, _TICKETS.c.prefix, _TICKETS.c.number)
    .order_by(func.max(_EVENTS.c.id).desc())
    .limit(NO_SHOWS_SHOWN)
)


def load_desk(database: Database, number: int, day: date) -> Desk:
    """The desk of counter ``number`` on ``day`` (UnknownCounter if there is none)."""
    with database.read() as session:
        connection = session.connection()
        row = connection.execute(_DESK_QUERY, {"counter": number}).one_or_none()
        if row is None:
            raise UnknownCounter(number)
        queues = stored_queues(row.queues)
        counts = dict(
            connection.execute(_WAITING_QUERY, {"day": day, "queues": list(queues)}).all()
        )
        no_shows = connection.execute(_NO_SHOWS_QUERY, {"day": day, "counter": number}).all()
    serving = (
        None
        if row.id is None
        else ServingTicket(
            id=row.id,
            label=format_label(row.prefix, row.number),
            queue=row.queue,
            procedure_code=row.procedure_code,
            priority=row.priority,
            issued_at=row.issued_at,
            called_at=row.called_at,
            recalls=row.recalls,
        )
    )
    return Desk(
        counter=Counter(number, row.name, queues, row.is_open, row.has_pin),
        serving=serving,
        waiting={queue: int(counts.get(queue, 0)) for queue in queues},
        no_shows=[NoShow(id, format_label(prefix, n)) for id, prefix, n in no_shows],
    )
