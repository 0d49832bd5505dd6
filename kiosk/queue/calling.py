"""Calling tickets at a counter: call next, recall, done, no-show, return, transfer, cancel.

Each action is one transaction that changes the ticket, appends a ``ticket_events`` row and
sends a change notice. The database decides races: SQLite runs every writer under
``BEGIN IMMEDIATE``; on PostgreSQL the counter's row is locked and the ticket to call is
locked as it is chosen (``FOR UPDATE``): a counter that wants the ticket another one is taking
waits for that one to commit, then takes the next, so calls follow the queue's order. A
partial unique index allows one ticket in service per counter. The frequent actions (call
next, recall, served, no-show) run the prebuilt statements of `call_statements`.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.queue import call_statements as statements
from kiosk.queue.called_ticket import CalledTicket, CallRefused, called_ticket
from kiosk.queue.counters import (
    CounterError,
    UnknownCounter,
    locked_counter,
    parse_queues,
    stored_queues,
)
from kiosk.queue.events import append_event, event_parameters
from kiosk.queue.policy import priority_first, rhythm_after_call
from kiosk.queue.service_day import service_day
from kiosk.queue.ticket_label import format_label
from kiosk.storage.db import Database
from kiosk.storage.models import Ticket, TicketEventKind, TicketState

_WAITING = TicketState.WAITING.value
_CALLED = TicketState.CALLED.value
_LABEL = re.compile(r"([A-Z]{1,2})(\d{1,6})")


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


def call_next(
    database: Database, settings: Settings, counter_number: int, now: datetime | None = None
) -> CalledTicket | None:
    """Call the next ticket for a counter by the priority policy; None when nobody waits.

    Refused (CallRefused) while the counter has a ticket in service or is closed;
    UnknownCounter for a counter that does not exist.
    """
    moment = now or datetime.now(UTC)
    day = service_day(moment, settings.centre.zone)
    every = settings.queue.interleave_every
    if database.is_postgresql:
        return _call_next_postgres(database, every, counter_number, day, moment)
    with database.write_connection() as connection:
        desk = _open_desk(connection, counter_number)
        values = statements.call_parameters(
            counter_number, day, moment, priority_first(every, desk.normals_since_priority)
        )
        taken = connection.execute(
            statements.take_next(stored_queues(desk.queues)), values
        ).one_or_none()
        if taken is None:
            return None
        rhythm = rhythm_after_call(
            desk.normals_since_priority, called_priority=taken.priority is not None
        )
        connection.execute(statements.SET_RHYTHM, {"counter": counter_number, "rhythm": rhythm})
        event_id = append_event(
            connection,
            ticket_id=taken.id,
            counter_number=counter_number,
            kind=TicketEventKind.CALLED,
            at=moment,
        )
        return called_ticket(taken, event_id)


def _call_next_postgres(
    database: Database, every: int | None, counter_number: int, day: date, moment: datetime
) -> CalledTicket | None:
    """Read the counter, then call in one statement that holds it to what was read."""
    with database.autocommit_connection() as connection:
        while True:
            desk = _open_desk(connection, counter_number)
            seen = desk.normals_since_priority
            values = {
                **statements.call_parameters(
                    counter_number, day, moment, priority_first(every, seen)
                ),
                "rhythm_seen": seen,
                "rhythm_after_priority": rhythm_after_call(seen, called_priority=True),
                "rhythm_after_normal": rhythm_after_call(seen, called_priority=False),
                **event_parameters(counter_number, TicketEventKind.CALLED, moment),
            }
            try:
                row = connection.execute(
                    statements.postgres_call(stored_queues(desk.queues)), values
                ).one_or_none()
            except IntegrityError as exc:
                if "uq_tickets_one_in_service" not in str(exc.orig):
                    raise
                continue  # the same counter called at the same moment: read it again
            if row is not None:
                return None if row.id is None else called_ticket(row, row.event_id)
            # The counter was closed or called in between: read it again.


def _desk(connection: Connection, counter_number: int) -> Row[Any]:
    """The counter's row with its ticket in service (UnknownCounter if there is none)."""
    desk = connection.execute(statements.DESK, {"counter": counter_number}).one_or_none()
    if desk is None:
        raise UnknownCounter(counter_number)
    return desk


def _open_desk(connection: Connection, counter_number: int) -> Row[Any]:
    """The counter's row with its ticket in service; refused unless open and free."""
    desk = _desk(connection, counter_number)
    if not desk.is_open:
        raise CallRefused(f"counter {counter_number} is closed: open it first", "closed")
    if desk.prefix is not None:
        raise CallRefused(
            f"counter {counter_number} is still serving"
            f" {format_label(desk.prefix, desk.number)}: finish or skip it first",
            "busy",
        )
    return desk


def recall(database: Database, counter_number: int, now: datetime | None = None) -> CalledTicket:
    """Call the counter's ticket in service again (the display announces it again)."""
    return _act_in_service(database, counter_number, "recall", TicketEventKind.RECALLED, now)


def mark_served(
    database: Database, counter_number: int, now: datetime | None = None
) -> CalledTicket:
    """The counter has served its ticket in service (the service time ends here)."""
    return _act_in_service(database, counter_number, "served", TicketEventKind.SERVED, now)


def mark_no_show(
    database: Database, settings: Settings, counter_number: int, now: datetime | None = None
) -> CalledTicket:
    """The citizen did not come: allowed after `queue.no_show_after_recalls` recalls."""
    needed = settings.queue.no_show_after_recalls
    return _act_in_service(
        database, counter_number, "no_show", TicketEventKind.NO_SHOW, now, needed
    )


def _act_in_service(  # noqa: PLR0917 (the three public actions above, nothing else)
    database: Database,
    counter_number: int,
    action: str,
    kind: TicketEventKind,
    now: datetime | None,
    needed_recalls: int = 0,
) -> CalledTicket:
    """Change the counter's ticket in service as ``action`` says, with its event (only a
    no-show needs recalls first: ``needed_recalls``)."""
    moment = now or datetime.now(UTC)
    values = {
        "counter": counter_number,
        "now": moment,
        "needed_recalls": needed_recalls,
        **event_parameters(counter_number, kind, moment),
    }
    while True:
        if database.is_postgresql:
            with database.autocommit_connection() as connection:
                row = connection.execute(
                    statements.POSTGRES_IN_SERVICE[action], values
                ).one_or_none()
                if row is not None:
                    return called_ticket(row, row.event_id)
                _refuse_in_service(connection, counter_number, needed_recalls)
            continue
        with database.write_connection() as connection:
            row = connection.execute(statements.CHANGE_IN_SERVICE[action], values).one_or_none()
            if row is not None:
                event_id = append_event(
                    connection,
                    ticket_id=row.id,
                    counter_number=counter_number,
                    kind=kind,
                    at=moment,
                )
                return called_ticket(row, event_id)
            _refuse_in_service(connection, counter_number, needed_recalls)


def _refuse_in_service(connection: Connection, counter_number: int, needed_recalls: int) -> None:
    """Say why the ticket in service could not be changed; return if it now can (a race)."""
    desk = _desk(connection, counter_number)
    if desk.prefix is None:
        raise CallRefused(
            f"counter {counter_number} has no ticket in service: call one first", "idle"
        )
    if desk.recalls < needed_recalls:
        raise CallRefused(
            f"{format_label(desk.prefix, desk.number)} was recalled {desk.recalls}"
            f" time(s); recall it {needed_recalls - desk.recalls} more before marking a"
            " no-show",
            "recall_first",
        )


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
    queues = parse_queues(target_queue)
    if len(queues) != 1:
        raise CounterError(f"transfer to one queue, not {target_queue!r}")
    (queue,) = queues
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
    return called_ticket(ticket, event_id)
