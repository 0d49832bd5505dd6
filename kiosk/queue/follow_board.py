"""What the follow-your-turn page shows, for every ticket of the day at once, and leaving.

kiosk-web keeps one `FollowBoard` per change of the database and answers every phone from
it: hundreds of phones following their tickets cost one query per change, not one each.
The board carries, per ticket, only what that ticket's own page may show (its number,
procedure, state, place and wait, its counter); priority reasons are never read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, select, update

from kiosk.config import Settings
from kiosk.queue.events import append_event
from kiosk.queue.now_calling import CounterCall, now_calling
from kiosk.queue.position import (
    estimated_wait_minutes,
    open_counters,
    people_ahead_in_queue,
    recent_service_minutes,
)
from kiosk.queue.service_day import service_day
from kiosk.queue.ticket_label import format_label
from kiosk.storage.db import Database
from kiosk.storage.models import Ticket, TicketEventKind, TicketState

_TICKETS = Ticket.__table__
_DAY_QUERY = (
    select(
        _TICKETS.c.id,
        _TICKETS.c.prefix,
        _TICKETS.c.number,
        _TICKETS.c.procedure_code,
        _TICKETS.c.priority.is_not(None),
        _TICKETS.c.state,
        _TICKETS.c.queue,
    )
    .where(_TICKETS.c.service_day == bindparam("day"))
    # A queue's tickets wait in the order they were issued (a transfer keeps its issue time).
    .order_by(_TICKETS.c.issued_at, _TICKETS.c.id)
)


@dataclass(frozen=True)
class FollowedTicket:
    """One ticket as its own follow page shows it."""

    id: int
    label: str
    procedure_code: str
    state: TicketState
    # Only while waiting: how many are called first and about how long that takes.
    people_ahead: int | None
    estimated_wait_minutes: int | None
    # Only while called: the counter to go to.
    counter: CounterCall | None


@dataclass(frozen=True)
class FollowBoard:
    """Every ticket of one service day and the counters' current calls, as of one moment."""

    day: date
    tickets: dict[int, FollowedTicket]
    calling: tuple[CounterCall, ...]

    def ticket(self, ticket_id: int) -> FollowedTicket | None:
        return self.tickets.get(ticket_id)


def load_follow_board(
    database: Database, settings: Settings, now: datetime | None = None
) -> FollowBoard:
    """Read the day's tickets and calls in one transaction and work out every place in line."""
    moment = now or datetime.now(UTC)
    day = service_day(moment, settings.centre.zone)
    with database.read() as session:
        rows = session.execute(_DAY_QUERY, {"day": day}).all()
        calling = tuple(now_calling(session, day))
        waiting: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        for ticket_id, _, _, _, is_priority, state, queue in rows:
            if state == TicketState.WAITING:
                waiting[queue].append((ticket_id, bool(is_priority)))
        recent = {
            queue: recent_service_minutes(session.connection(), queue, moment) for queue in waiting
        }
        counters_open = open_counters(session.connection())
    ahead: dict[int, int] = {}
    for queue in waiting.values():
        ahead.update(people_ahead_in_queue(queue, settings.queue.interleave_every))
    counters = {call.ticket_id: call for call in calling}
    tickets = {}
    for ticket_id, prefix, number, procedure_code, _, state, queue in rows:
        place = ahead.get(ticket_id)
        tickets[ticket_id] = FollowedTicket(
            id=ticket_id,
            label=format_label(prefix, number),
            procedure_code=procedure_code,
            state=TicketState(state),
            people_ahead=place,
            estimated_wait_minutes=None
            if place is None
            else estimated_wait_minutes(
                place, recent[queue], settings.queue.minutes_per_ticket, counters_open[queue]
            ),
            counter=counters.get(ticket_id),
        )
    return FollowBoard(day=day, tickets=tickets, calling=calling)


def leave_queue(database: Database, ticket_id: int, day: date) -> bool:
    """The citizen gave up waiting: a waiting ticket of ``day`` becomes cancelled.

    False when the ticket was no longer waiting (called, served, already cancelled): nothing
    changes then. The conditional update makes a double tap, or a counter calling the ticket at
    the same moment, harmless.
    """
    with database.write() as session:
        result = session.execute(
            update(Ticket)
            .where(
                Ticket.id == ticket_id,
                Ticket.service_day == day,
                Ticket.state == TicketState.WAITING.value,
            )
            .values(state=TicketState.CANCELLED.value)
        )
        if result.rowcount != 1:
            return False
        # The event (and its change notice) tells hall displays and counter pages as well.
        append_event(
            session,
            ticket_id=ticket_id,
            counter_number=None,
            kind=TicketEventKind.CANCELLED,
            at=datetime.now(UTC),
            detail="left the queue from the phone page",
        )
    return True
