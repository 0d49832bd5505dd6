"""What an action at a counter gives back: the ticket as it is now, or why it was refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.errors import KioskError
from kiosk.queue.ticket_label import format_label
from kiosk.storage.models import TicketState


class CallRefused(KioskError):
    """An action the queue's rules do not allow now; the message says why, ``reason`` names
    the rule (for pages that say it in their own words)."""

    def __init__(self, message: str, reason: str = "other") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class CalledTicket:
    """A ticket after an action at a counter, with the event that recorded it."""

    id: int
    label: str
    queue: str
    procedure_code: str
    priority: str | None
    state: TicketState
    counter_number: int | None
    issued_at: datetime
    called_at: datetime | None
    recalls: int
    event_id: int

    def as_json(self) -> dict[str, object]:
        """The `kiosk-admin counter ... --json` record."""
        return {
            "id": self.id,
            "label": self.label,
            "queue": self.queue,
            "procedure": self.procedure_code,
            "priority": self.priority,
            "state": self.state.value,
            "counter": self.counter_number,
            "issued_at": self.issued_at.isoformat(),
            "called_at": self.called_at.isoformat() if self.called_at else None,
            "recalls": self.recalls,
            "event": self.event_id,
        }


class TicketFields(Protocol):
    """A ticket as the ORM loads it or as an action's statement returns it."""

    id: int
    prefix: str
    number: int
    queue: str
    procedure_code: str
    priority: str | None
    state: str
    counter_number: int | None
    issued_at: datetime
    called_at: datetime | None
    recalls: int


def called_ticket(ticket: TicketFields, event_id: int) -> CalledTicket:
    """What an action gives back of ``ticket``, recorded by event ``event_id``."""
    return CalledTicket(
        id=ticket.id,
        label=format_label(ticket.prefix, ticket.number),
        queue=ticket.queue,
        procedure_code=ticket.procedure_code,
        priority=ticket.priority,
        state=TicketState(ticket.state),
        counter_number=ticket.counter_number,
        issued_at=ticket.issued_at,
        called_at=ticket.called_at,
        recalls=ticket.recalls,
        event_id=event_id,
    )
