"""Help requests: a citizen who needs a volunteer, and what the volunteer did for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from kiosk.errors import KioskError
from kiosk.queue.ticket_label import format_label
from kiosk.storage.change_notice import announce_change
from kiosk.storage.db import Database
from kiosk.storage.models import (
    HelpOutcome,
    HelpReason,
    HelpRequest,
    Priority,
    ServiceCounter,
    Ticket,
    TicketState,
)

TOPIC = "help_requests"


class AlreadyTaken(KioskError):
    """Another volunteer claimed (or closed) the request first."""


@dataclass(frozen=True)
class OpenHelpRequest:
    """An open request as the help desk shows it."""

    id: int
    reason: HelpReason
    kiosk_id: str
    created_at: datetime
    ticket_label: str | None
    procedure_code: str | None
    detail: str | None
    volunteer: str | None
    claimed_at: datetime | None
    # The counter that has called the request's ticket, so the volunteer takes them there.
    called_to: str | None = None


def help_reason_for(priority: Priority) -> HelpReason:
    return HelpReason(priority.value)


def create_help_request(
    database: Database,
    *,
    reason: HelpReason,
    kiosk_id: str,
    ticket_id: int | None = None,
    procedure_code: str | None = None,
    detail: str | None = None,
    now: datetime | None = None,
) -> int:
    """Store a new open request and tell the panels; returns its id."""
    with database.write() as session:
        return insert_help_request(
            session.connection(),
            reason=reason,
            kiosk_id=kiosk_id,
            ticket_id=ticket_id,
            procedure_code=procedure_code,
            detail=detail,
            now=now or datetime.now(UTC),
        )


_INSERT_REQUEST = insert(HelpRequest.__table__).returning(HelpRequest.__table__.c.id)


def insert_help_request(
    connection: Connection,
    *,
    reason: HelpReason,
    kiosk_id: str,
    now: datetime,
    ticket_id: int | None = None,
    procedure_code: str | None = None,
    detail: str | None = None,
) -> int:
    """Store a request within the caller's transaction (e.g. with the ticket it is for)."""
    request_id = connection.execute(
        _INSERT_REQUEST,
        {
            "reason": reason.value,
            "kiosk_id": kiosk_id,
            "ticket_id": ticket_id,
            "procedure_code": procedure_code,
            "detail": detail,
            "created_at": now,
            "outcomes": [],
        },
    ).scalar_one()
    announce_change(connection, TOPIC)
    return int(request_id)


def open_requests(database: Database) -> list[OpenHelpRequest]:
    """Every request not yet closed, oldest first."""
    with database.read() as session:
        rows = session.execute(
            select(HelpRequest, Ticket.prefix, Ticket.number, ServiceCounter.name)
            .outerjoin(Ticket, Ticket.id == HelpRequest.ticket_id)
            .outerjoin(
                ServiceCounter,
                (ServiceCounter.number == Ticket.counter_number)
                & (Ticket.state == TicketState.CALLED.value),
            )
            .where(HelpRequest.closed_at.is_(None))
            .order_by(HelpRequest.created_at, HelpRequest.id)
        ).all()
    return [
        OpenHelpRequest(
            id=request.id,
            reason=HelpReason(request.reason),
            kiosk_id=request.kiosk_id,
            created_at=request.created_at,
            ticket_label=format_label(prefix, number) if prefix is not None else None,
            procedure_code=request.procedure_code,
            detail=request.detail,
            volunteer=request.volunteer,
            claimed_at=request.claimed_at,
            called_to=counter_name,
        )
        for request, prefix, number, counter_name in rows
    ]


def claim_request(
    database: Database, request_id: int, volunteer: str, now: datetime | None = None
) -> None:
    """Claim an open, unclaimed request; exactly one of two simultaneous volunteers wins."""
    with database.write() as session:
        result = session.execute(
            update(HelpRequest)
            .where(
                HelpRequest.id == request_id,
                HelpRequest.claimed_at.is_(None),
                HelpRequest.closed_at.is_(None),
            )
            .values(claimed_at=now or datetime.now(UTC), volunteer=volunteer)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise AlreadyTaken(f"help request {request_id} is already taken by another volunteer")
        announce_change(session, TOPIC)


def close_request(
    database: Database,
    request_id: int,
    outcomes: list[HelpOutcome],
    volunteer: str | None = None,
    now: datetime | None = None,
) -> None:
    """Close a request with what was done; a request closed twice is an error, not a no-op."""
    moment = now or datetime.now(UTC)
    with database.write() as session:
        request = session.get(HelpRequest, request_id)
        if request is None or request.closed_at is not None:
            raise AlreadyTaken(f"help request {request_id} is already closed")
        request.closed_at = moment
        request.claimed_at = request.claimed_at or moment
        request.volunteer = request.volunteer or volunteer
        request.outcomes = sorted(outcome.value for outcome in outcomes)
        announce_change(session, TOPIC)
