"""Issuing a ticket for a procedure of the catalogue: which queue it joins, then the ticket."""

from __future__ import annotations

from datetime import datetime

from kiosk.catalog.procedures import Catalog
from kiosk.config import Settings
from kiosk.queue.tickets import IssuedTicket, issue_ticket, queue_prefix
from kiosk.storage.db import Database
from kiosk.storage.models import Priority


def issue_for_procedure(
    database: Database,
    settings: Settings,
    catalog: Catalog,
    *,
    procedure_code: str,
    priority: Priority | None = None,
    kiosk_id: str | None = None,
    now: datetime | None = None,
    call_volunteer: bool = False,
) -> IssuedTicket:
    """Store a ticket in the queue of its field; an unknown code raises UnknownProcedure."""
    procedure = catalog.procedure(procedure_code)
    field = next(f for f in catalog.fields if f.code == procedure.field)
    return issue_ticket(
        database,
        settings,
        procedure_code=procedure.code,
        prefix=queue_prefix(settings.queue, field.code, field.queue_prefix),
        priority=priority,
        kiosk_id=kiosk_id,
        now=now,
        call_volunteer=call_volunteer,
    )
