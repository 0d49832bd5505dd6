"""The last tickets a kiosk issued, for the staff page's "Reprint" list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from kiosk.queue.ticket_label import format_label
from kiosk.storage.db import Database
from kiosk.storage.models import Ticket

RECENT_TICKETS = 10


@dataclass(frozen=True)
class RecentTicket:
    """What staff need to recognise a ticket and reprint it (nothing about the citizen)."""

    service_day: date
    prefix: str
    number: int
    procedure_code: str
    issued_at: datetime
    print_status: str

    @property
    def label(self) -> str:
        return format_label(self.prefix, self.number)


def recent_tickets(
    database: Database, kiosk_id: str, limit: int = RECENT_TICKETS
) -> list[RecentTicket]:
    """The ``limit`` newest tickets of kiosk ``kiosk_id``, newest first (any service day)."""
    with database.read() as session:
        rows = session.scalars(
            select(Ticket)
            .where(Ticket.kiosk_id == kiosk_id)
            .order_by(Ticket.id.desc())
            .limit(limit)
        )
        return [
            RecentTicket(
                service_day=row.service_day,
                prefix=row.prefix,
                number=row.number,
                procedure_code=row.procedure_code,
                issued_at=row.issued_at,
                print_status=row.print_status,
            )
            for row in rows
        ]
