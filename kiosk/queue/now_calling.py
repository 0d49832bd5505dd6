"""Which ticket each counter is calling now: what the phone page shows.

A ticket is being called or served at a counter while its state is ``called``
(kiosk.queue.calling); the partial unique index on tickets allows one per counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.queue.ticket_label import format_label
from kiosk.storage.models import ServiceCounter, Ticket, TicketState


@dataclass(frozen=True)
class CounterCall:
    """A counter and the ticket it has called (and not yet finished)."""

    counter_number: int
    counter_name: str  # as the centre named it, e.g. "Quầy 3"
    ticket_id: int
    label: str  # e.g. "A012"


def now_calling(session: Session, day: date) -> list[CounterCall]:
    """The ticket each counter calls or serves now on ``day``, by counter number."""
    rows = session.execute(
        select(ServiceCounter.number, ServiceCounter.name, Ticket.id, Ticket.prefix, Ticket.number)
        .join(Ticket, Ticket.counter_number == ServiceCounter.number)
        .where(Ticket.state == TicketState.CALLED.value, Ticket.service_day == day)
        .order_by(ServiceCounter.number)
    ).all()
    return [
        CounterCall(
            counter_number=counter,
            counter_name=name,
            ticket_id=ticket_id,
            label=format_label(prefix, number),
        )
        for counter, name, ticket_id, prefix, number in rows
    ]
