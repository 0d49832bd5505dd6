"""The citizen's place in the queue and the estimated wait: who is served first under the
calling policy, the recent service times of a queue and how many counters share it.

Kept apart from numbering (tickets.py) because the follow board and the ticket records both
read it, and it never writes.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter as CounterTally
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, bindparam, func, select

from kiosk.config import Settings
from kiosk.storage.models import ServiceCounter, Ticket, TicketState, UtcDateTime

# How many recent services of a queue the estimate takes the median of, and how far back.
RECENT_SERVICES = 20
RECENT_WINDOW = timedelta(days=7)


def people_ahead(
    interleave_every: int | None, *, is_priority: bool, priority_waiting: int, normal_waiting: int
) -> int:
    """How many waiting citizens will be served before a newly issued ticket.

    ``priority_waiting`` and ``normal_waiting`` count the tickets already waiting in the queue.
    Strict policy: every priority ticket goes first. ``interleave:N``: after every N normal
    tickets one priority ticket is called, so a normal ticket with m normal tickets ahead
    also waits for m // N priority ones, and a priority ticket with k priority tickets ahead
    waits for at most N * (k + 1) normal ones.
    """
    if is_priority:
        if interleave_every is None:
            return priority_waiting
        return priority_waiting + min(normal_waiting, interleave_every * (priority_waiting + 1))
    if interleave_every is None:
        return normal_waiting + priority_waiting
    return normal_waiting + min(priority_waiting, normal_waiting // interleave_every)


def people_ahead_in_queue(
    waiting: Sequence[tuple[int, bool]], interleave_every: int | None
) -> dict[int, int]:
    """People ahead of every waiting ticket of one queue at once: {ticket id: people ahead}.

    ``waiting`` holds (id, is priority) of the queue's waiting tickets in the order they were
    issued. The rule is the stored-ticket count of `queue_position` (earlier tickets of its
    own kind, and for a normal ticket every waiting priority one), done in one pass, so a page
    followed by hundreds of phones costs one query, not one per phone.
    """
    priority_total = sum(1 for _, is_priority in waiting if is_priority)
    earlier = {True: 0, False: 0}
    result: dict[int, int] = {}
    for ticket_id, is_priority in waiting:
        result[ticket_id] = people_ahead(
            interleave_every,
            is_priority=is_priority,
            priority_waiting=earlier[True] if is_priority else priority_total,
            normal_waiting=earlier[False],
        )
        earlier[is_priority] += 1
    return result


def estimated_wait_minutes(
    ahead: int, recent_service_minutes: list[float], fallback: float, counters_open: int
) -> int:
    """Minutes until the citizen is called: people ahead times the recent median service time
    of the queue, shared by the counters open for it (at least one: a closed queue still
    gets an estimate, not zero)."""
    per_ticket = statistics.median(recent_service_minutes) if recent_service_minutes else fallback
    return math.ceil(ahead * per_ticket / max(1, counters_open))


_TICKETS = Ticket.__table__
_IS_PRIORITY = _TICKETS.c.priority.is_not(None)
_WAITING_IN_QUEUE = (
    _TICKETS.c.service_day == bindparam("day"),
    _TICKETS.c.queue == bindparam("prefix"),
    _TICKETS.c.state == TicketState.WAITING.value,
)
# Counters call oldest first by issue time, which a transfer or a returned no-show keeps.
_ISSUED_AT = bindparam("issued_at", type_=UtcDateTime())
_EARLIER = (_TICKETS.c.issued_at < _ISSUED_AT) | (
    (_TICKETS.c.issued_at == _ISSUED_AT) & (_TICKETS.c.id < bindparam("ticket_id"))
)
_WAITING_COUNTS = {
    # (stored ticket?, priority ticket?) -> which waiting tickets may be called first
    (False, False): _WAITING_IN_QUEUE,
    (False, True): _WAITING_IN_QUEUE,
    (True, True): (*_WAITING_IN_QUEUE, _EARLIER),
    (True, False): (*_WAITING_IN_QUEUE, _EARLIER | _IS_PRIORITY),
}
_WAITING_COUNTS_QUERIES = {
    key: select(_IS_PRIORITY, func.count()).where(*conditions).group_by(_IS_PRIORITY)
    for key, conditions in _WAITING_COUNTS.items()
}
_RECENT_SERVICES_QUERY = (
    select(_TICKETS.c.called_at, _TICKETS.c.served_at)
    .where(
        _TICKETS.c.queue == bindparam("prefix"),
        _TICKETS.c.state == TicketState.SERVED.value,
        _TICKETS.c.called_at.is_not(None),
        _TICKETS.c.served_at >= bindparam("since", type_=UtcDateTime()),
    )
    .order_by(_TICKETS.c.served_at.desc())
    .limit(RECENT_SERVICES)
)
_OPEN_COUNTERS_QUERY = select(ServiceCounter.queues).where(ServiceCounter.is_open.is_(True))


def open_counters(connection: Connection) -> CounterTally[str]:
    """How many open counters serve each queue (what an estimate shares the waiting among)."""
    tally: CounterTally[str] = CounterTally()
    for (queues,) in connection.execute(_OPEN_COUNTERS_QUERY):
        tally.update(queues.split(","))
    return tally


def recent_service_minutes(connection: Connection, prefix: str, now: datetime) -> list[float]:
    """Minutes from call to served of the queue's latest services (what the estimate averages)."""
    rows = connection.execute(
        _RECENT_SERVICES_QUERY, {"prefix": prefix, "since": now - RECENT_WINDOW}
    ).all()
    return [
        (served - called).total_seconds() / 60
        for called, served in rows
        if called is not None and served is not None and served >= called
    ]


def queue_position(
    connection: Connection,
    settings: Settings,
    *,
    day: date,
    prefix: str,
    is_priority: bool,
    now: datetime,
    ticket_id: int | None = None,
    issued_at: datetime | None = None,
) -> tuple[int, int]:
    """(people ahead, estimated minutes) for a ticket of this queue.

    ``ticket_id`` None means a ticket about to be issued: every waiting ticket is earlier.
    For a stored ticket, earlier tickets of its own kind count, and for a normal ticket
    every waiting priority one as well.
    """
    query = _WAITING_COUNTS_QUERIES[(ticket_id is not None, is_priority)]
    rows = connection.execute(
        query, {"day": day, "prefix": prefix, "ticket_id": ticket_id, "issued_at": issued_at}
    ).all()
    counts = {bool(flag): int(count) for flag, count in rows}
    ahead = people_ahead(
        settings.queue.interleave_every,
        is_priority=is_priority,
        priority_waiting=counts.get(True, 0),
        normal_waiting=counts.get(False, 0),
    )
    recent = recent_service_minutes(connection, prefix, now)
    return ahead, estimated_wait_minutes(
        ahead, recent, settings.queue.minutes_per_ticket, open_counters(connection)[prefix]
    )
