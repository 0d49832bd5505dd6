"""Calling tickets at a counter: call next, recall, done, no-show, return, transfer, cancel.

Each action is one transaction that changes the ticket, appends a ``ticket_events`` row and
sends a change notice. The database decides races: SQLite runs every writer under
``BEGIN IMMEDIATE``; on PostgreSQL the counter's row is locked and a ticket is taken with a
conditional update (``... WHERE state = 'waiting'``) whose row count says whether another
counter took it first, in which case the next candidate is read again. A partial unique
index allows one ticket in service per counter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.errors import KioskError
from kiosk.queue.counters import CounterError, locked_counter, parse_queues
from kiosk.queue.events import append_event
from kiosk.queue.policy import calls_priority_next, rhythm_after_call
from kiosk.queue.service_day import service_day
from kiosk.queue.ticket_label import format_label
from kiosk.storage.db import Database
from kiosk.storage.models import Ticket, TicketEventKind, TicketState

_WAITING = TicketState.WAITING.value
_CALLED = TicketState.CALLED.value
_LABEL = re.compile(r"([A-Z]{1,2})(\d{1,6})")


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


def _result(ticket: Ticket, event_id: int) -> CalledTicket:
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


def _in_service(session: Session, counter_number: int) -> Ticket | None:
    return session.scalars(
        select(Ticket)
        .where(Ticket.counter_number == counter_number, Ticket.state == _CALLED)
        .with_for_update()
    ).one_or_none()


def _serving(session: Session, counter_number: int) -> Ticket:
    """The counter's ticket in service (row locked), or CallRefused."""
    locked_counter(session, counter_number)
    ticket = _in_service(session, counter_number)
    if ticket is None:
        raise CallRefused(
            f"counter {counter_number} has no ticket in service: call one first", "idle"
        )
    return ticket


def _oldest_waiting(
    session: Session, day: date, queues: tuple[str, ...], priority: bool
) -> int | None:
    """The oldest waiting ticket of these queues (issue time; ties: the preferred queue)."""
    kind = Ticket.priority.is_not(None) if priority else Ticket.priority.is_(None)
    preference = case({queue: rank for rank, queue in enumerate(queues)}, value=Ticket.queue)
    return session.scalar(
        select(Ticket.id)
        .where(Ticket.service_day == day, Ticket.queue.in_(queues), Ticket.state == _WAITING, kind)
        .order_by(Ticket.issued_at, preference, Ticket.id)
        .limit(1)
    )


def call_next(
    database: Database, settings: Settings, counter_number: int, now: datetime | None = None
) -> CalledTicket | None:
    """Call the next ticket for a counter by the priority policy; None when nobody waits.

    Refused (CallRefused) while the counter has a ticket in service or is closed;
    UnknownCounter for a counter that does not exist.
    """
    moment = now or datetime.now(UTC)
    day = service_day(moment, settings.centre.zone)
    with database.write() as session:
        counter = locked_counter(session, counter_number)
        if not counter.is_open:
            raise CallRefused(f"counter {counter_number} is closed: open it first", "closed")
        busy = _in_service(session, counter_number)
        if busy is not None:
            raise CallRefused(
                f"counter {counter_number} is still serving"
                f" {format_label(busy.prefix, busy.number)}: finish or skip it first",
                "busy",
            )
        queues = parse_queues(counter.queues)
        while True:
            heads = {flag: _oldest_waiting(session, day, queues, flag) for flag in (True, False)}
            priority = calls_priority_next(
                settings.queue.interleave_every,
                counter.normals_since_priority,
                priority_waiting=heads[True] is not None,
                normal_waiting=heads[False] is not None,
            )
            if priority is None:
                return None
            ticket_id = heads[priority]
            taken = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id, Ticket.state == _WAITING)
                .values(state=_CALLED, counter_number=counter_number, called_at=moment)
                .execution_options(synchronize_session=False)
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                break
            # Another counter called it between our read and our update: read again.
        counter.normals_since_priority = rhythm_after_call(
            counter.normals_since_priority, called_priority=priority
        )
        ticket = session.get_one(Ticket, ticket_id, populate_existing=True)
        if ticket.first_called_at is None:
            ticket.first_called_at = moment
        event_id = append_event(
            session,
            ticket_id=ticket.id,
            counter_number=counter_number,
            kind=TicketEventKind.CALLED,
            at=moment,
        )
        return _result(ticket, event_id)


def recall(database: Database, counter_number: int, now: datetime | None = None) -> CalledTicket:
    """Call the counter's ticket in service again (the display announces it again)."""
    moment = now or datetime.now(UTC)
    with database.write() as session:
        ticket = _serving(session, counter_number)
        ticket.recalls += 1
        return _finish(session, ticket, counter_number, TicketEventKind.RECALLED, moment)


def mark_served(
    database: Database, counter_number: int, now: datetime | None = None
) -> CalledTicket:
    """The counter has served its ticket in service (the service time ends here)."""
    moment = now or datetime.now(UTC)
    with database.write() as session:
        ticket = _serving(session, counter_number)
        ticket.state = TicketState.SERVED.value
        ticket.served_at = moment
        return _finish(session, ticket, counter_number, TicketEventKind.SERVED, moment)


def mark_no_show(
    database: Database, settings: Settings, counter_number: int, now: datetime | None = None
) -> CalledTicket:
    """The citizen did not come: allowed after `queue.no_show_after_recalls` recalls."""
    moment = now or datetime.now(UTC)
    needed = settings.queue.no_show_after_recalls
    with database.write() as session:
        ticket = _serving(session, counter_number)
        if ticket.recalls < needed:
            raise CallRefused(
                f"{format_label(ticket.prefix, ticket.number)} was recalled {ticket.recalls}"
                f" time(s); recall it {needed - ticket.recalls} more before marking a no-show",
                "recall_first",
            )
        ticket.state = TicketState.NO_SHOW.value
        return _finish(session, ticket, counter_number, TicketEventKind.NO_SHOW, moment)


def return_no_show(
    database: Database,
    ticket_id: int,
    counter_number: int | None = None,
    now: datetime | None = None,
) -> CalledTicket:
    """A no-show citizen came back: the ticket waits again in its original place."""
    moment = now or datetime.now(UTC)
    with database.write() as session:
        ticket = _locked_ticket(session, ticket_id)
        if ticket.state != TicketState.NO_SHOW.value:
            raise CallRefused(
                f"{format_label(ticket.prefix, ticket.number)} is {ticket.state}, not a no-show",
                "not_no_show",
            )
        ticket.state = _WAITING
        ticket.recalls = 0
        return _finish(session, ticket, counter_number, TicketEventKind.RETURNED, moment)


def transfer(
    database: Database,
    counter_number: int,
    target_queue: str,
    *,
    after_service: bool,
    now: datetime | None = None,
) -> CalledTicket:
    """Send the counter's ticket in service to another queue; returns the ticket that waits.

    Before service it waits again in ``target_queue`` with its issue time, so its place.
    After service it is marked served and a new ticket with the same number joins the end of
    ``target_queue``, linked to the first one (`transferred_from_id`).
    """
    moment = now or datetime.now(UTC)
    (queue,) = parse_queues(target_queue)
    with database.write() as session:
        ticket = _serving(session, counter_number)
        if not after_service:
            ticket.state = _WAITING
            ticket.queue = queue
            ticket.recalls = 0
            return _finish(
                session, ticket, counter_number, TicketEventKind.TRANSFERRED, moment, queue
            )
        ticket.state = TicketState.SERVED.value
        ticket.served_at = moment
        append_event(
            session,
            ticket_id=ticket.id,
            counter_number=counter_number,
            kind=TicketEventKind.SERVED,
            at=moment,
        )
        follow_up = Ticket(
            service_day=ticket.service_day,
            prefix=ticket.prefix,
            number=ticket.number,
            queue=queue,
            procedure_code=ticket.procedure_code,
            priority=ticket.priority,
            kiosk_id=ticket.kiosk_id,
            state=_WAITING,
            print_status=ticket.print_status,
            issued_at=moment,
            recalls=0,
            transferred_from_id=ticket.transferred_from_id or ticket.id,
        )
        session.add(follow_up)
        session.flush()
        return _finish(
            session, follow_up, counter_number, TicketEventKind.TRANSFERRED, moment, queue
        )


def cancel(
    database: Database,
    counter_number: int | None = None,
    *,
    ticket_id: int | None = None,
    now: datetime | None = None,
) -> CalledTicket:
    """Cancel a ticket: the counter's ticket in service, or ``ticket_id`` (waiting or no-show)."""
    moment = now or datetime.now(UTC)
    with database.write() as session:
        if ticket_id is None:
            if counter_number is None:
                raise CallRefused("name the counter or the ticket to cancel")
            ticket = _serving(session, counter_number)
        else:
            ticket = _locked_ticket(session, ticket_id)
            if ticket.state in (TicketState.SERVED.value, TicketState.CANCELLED.value):
                raise CallRefused(
                    f"{format_label(ticket.prefix, ticket.number)} is {ticket.state} already"
                )
        ticket.state = TicketState.CANCELLED.value
        return _finish(session, ticket, counter_number, TicketEventKind.CANCELLED, moment)


def find_ticket(database: Database, settings: Settings, label: str, day: date | None = None) -> int:
    """The id of the ticket labelled ``label`` (e.g. A012) on ``day`` (default: today).

    A ticket transferred after service has two rows; the one not yet finished is returned.
    """
    match = _LABEL.fullmatch(label.strip().upper())
    if match is None:
        raise CounterError(f"{label!r} is not a ticket number like A012")
    prefix, digits = match.groups()
    on = day or service_day(datetime.now(UTC), settings.centre.zone)
    with database.read() as session:
        found = session.scalar(
            select(Ticket.id)
            .where(Ticket.service_day == on, Ticket.prefix == prefix, Ticket.number == int(digits))
            .order_by(Ticket.id.desc())
            .limit(1)
        )
    if found is None:
        raise CounterError(f"there is no ticket {label} on {on}")
    return int(found)


def _locked_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id, with_for_update=True)
    if ticket is None:
        raise CounterError(f"there is no ticket with id {ticket_id}")
    return ticket


def _finish(  # noqa: PLR0917 (every caller passes the same five, in order)
    session: Session,
    ticket: Ticket,
    counter_number: int | None,
    kind: TicketEventKind,
    moment: datetime,
    detail: str | None = None,
) -> CalledTicket:
    event_id = append_event(
        session,
        ticket_id=ticket.id,
        counter_number=counter_number,
        kind=kind,
        at=moment,
        detail=detail,
    )
    return _result(ticket, event_id)
