"""What a counter's desk shows: the counter, its ticket in service, its queues' waiting counts
and the day's no-shows it may bring back.

Read in one transaction so the page never shows a ticket in service beside counts from another
moment. The ticket in service is read whatever its day: a counter that closed its browser (or
whose process was killed) between call and done finds its citizen still there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from kiosk.queue.counters import Counter, UnknownCounter, counter_from_row
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


def load_desk(database: Database, number: int, day: date) -> Desk:
    """The desk of counter ``number`` on ``day`` (UnknownCounter if there is none)."""
    with database.read() as session:
        row = session.get(ServiceCounter, number)
        if row is None:
            raise UnknownCounter(number)
        counter = counter_from_row(row)
        ticket = session.scalars(
            select(Ticket).where(
                Ticket.counter_number == number, Ticket.state == TicketState.CALLED.value
            )
        ).one_or_none()
        counts = dict(
            session.execute(
                select(Ticket.queue, func.count())
                .where(
                    Ticket.service_day == day,
                    Ticket.queue.in_(counter.queues),
                    Ticket.state == TicketState.WAITING.value,
                )
                .group_by(Ticket.queue)
            ).all()
        )
        # A no-show this counter marked (the event says which counter) and still a no-show.
        no_shows = session.execute(
            select(Ticket.id, Ticket.prefix, Ticket.number)
            .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
            .where(
                Ticket.service_day == day,
                Ticket.state == TicketState.NO_SHOW.value,
                TicketEvent.kind == TicketEventKind.NO_SHOW.value,
                TicketEvent.counter_number == number,
            )
            .group_by(Ticket.id, Ticket.prefix, Ticket.number)
            .order_by(func.max(TicketEvent.id).desc())
            .limit(NO_SHOWS_SHOWN)
        ).all()
        serving = (
            ServingTicket(
                id=ticket.id,
                label=format_label(ticket.prefix, ticket.number),
                queue=ticket.queue,
                procedure_code=ticket.procedure_code,
                priority=ticket.priority,
                issued_at=ticket.issued_at,
                called_at=ticket.called_at,
                recalls=ticket.recalls,
            )
            if ticket is not None
            else None
        )
    return Desk(
        counter=counter,
        serving=serving,
        waiting={queue: int(counts.get(queue, 0)) for queue in counter.queues},
        no_shows=[NoShow(id, format_label(prefix, n)) for id, prefix, n in no_shows],
    )
