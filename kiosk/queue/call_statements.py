"""The counters' hot path (call next, recall, served, no-show) as prebuilt Core statements.

Building statements and going through the ORM cost several times what the database spends
on a call, so these are built once (the head-of-queue query once per set of queues) and run
on a bare connection by `kiosk.queue.calling`. On SQLite an action is a few statements in one
``BEGIN IMMEDIATE`` transaction. On PostgreSQL the change, its event and its notice are one
statement run as a transaction of its own: the locks it takes (the counter's row, the
ticket's row, the event order) are released by the server the moment it commits, never held
while this process, busy with other requests, sends the next statement.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    CTE,
    Date,
    Integer,
    Select,
    Update,
    bindparam,
    case,
    exists,
    func,
    select,
    true,
    update,
)

from kiosk.queue.events import postgres_events
from kiosk.storage.models import ServiceCounter, Ticket, TicketState, UtcDateTime

_TICKETS = Ticket.__table__
_COUNTERS = ServiceCounter.__table__
_WAITING = TicketState.WAITING.value
_CALLED = TicketState.CALLED.value
_COUNTER = bindparam("counter", type_=Integer())
_NOW = bindparam("now", type_=UtcDateTime())

# What an action returns of its ticket: the fields of `calling.CalledTicket`.
TICKET_COLUMNS = tuple(
    _TICKETS.c[name]
    for name in (
        "id", "prefix", "number", "queue", "procedure_code", "priority", "state",
        "counter_number", "issued_at", "called_at", "recalls",
    )
)  # fmt: skip

# The counter (no row: there is none) and the ticket it serves now (prefix None: free).
DESK = (
    select(
        _COUNTERS.c.is_open,
        _COUNTERS.c.queues,
        _COUNTERS.c.normals_since_priority,
        _TICKETS.c.prefix,
        _TICKETS.c.number,
        _TICKETS.c.recalls,
    )
    .select_from(
        _COUNTERS.outerjoin(
            _TICKETS,
            (_TICKETS.c.counter_number == _COUNTERS.c.number) & (_TICKETS.c.state == _CALLED),
        )
    )
    .where(_COUNTERS.c.number == _COUNTER)
)


def call_parameters(
    counter: int, day: date, now: datetime, priority_first: bool
) -> dict[str, object]:
    """The parameters of `take_next` and `postgres_call` (besides the rhythm's)."""
    return {
        "counter": counter,
        "day": day,
        "now": now,
        "priority_rank": 0 if priority_first else 1,
        "normal_rank": 1 if priority_first else 0,
    }


def _head(queues: tuple[str, ...], desk: CTE | None) -> Select[Any]:
    """The ticket to call: the oldest waiting one of the kind the policy prefers (ranks as
    parameters), ties broken by the counter's order of queues, then by the order of storing.

    Locked on PostgreSQL, waiting for a counter that took it first and, once that one has
    committed, moving on to the next ticket: every call takes the head of the queue as it is
    when the call commits. With ``desk``, only while that counter row was found.
    """
    kind_rank = case(
        (_TICKETS.c.priority.is_(None), bindparam("normal_rank", type_=Integer())),
        else_=bindparam("priority_rank", type_=Integer()),
    )
    preference = case({queue: rank for rank, queue in enumerate(queues)}, value=_TICKETS.c.queue)
    head = select(_TICKETS.c.id).where(
        _TICKETS.c.service_day == bindparam("day", type_=Date()),
        _TICKETS.c.queue.in_(queues),
        _TICKETS.c.state == _WAITING,
    )
    if desk is not None:
        head = head.where(exists(desk.select()))
    return (
        head.order_by(kind_rank, _TICKETS.c.issued_at, preference, _TICKETS.c.id)
        .limit(1)
        .with_for_update()
    )


def _take(queues: tuple[str, ...], desk: CTE | None = None) -> Update:
    return (
        update(_TICKETS)
        .where(_TICKETS.c.id == _head(queues, desk).scalar_subquery(), _TICKETS.c.state == _WAITING)
        .values(
            state=_CALLED,
            counter_number=_COUNTER,
            called_at=_NOW,
            first_called_at=func.coalesce(_TICKETS.c.first_called_at, _NOW),
        )
        .returning(*TICKET_COLUMNS)
    )


@cache
def take_next(queues: tuple[str, ...]) -> Update:
    """SQLite: call the next ticket of ``queues``; its row, none when nobody waits."""
    return _take(queues)


SET_RHYTHM = (
    update(_COUNTERS)
    .where(_COUNTERS.c.number == _COUNTER)
    .values(normals_since_priority=bindparam("rhythm", type_=Integer()))
)


@cache
def postgres_call(queues: tuple[str, ...]) -> Select[Any]:
    """PostgreSQL: the whole call in one statement, for a counter read just before.

    The counter's row is locked, and used only while still open with the rhythm that was read
    (``rhythm_seen``; no row back: read it again). Then the ticket is taken, the rhythm moved
    on (``rhythm_after_priority`` / ``rhythm_after_normal``), the event written and the notice
    queued. One row back: the ticket (columns None when nobody waits) and ``event_id``.
    A second ticket in service for the counter (a double press) breaks the partial unique
    index ``uq_tickets_one_in_service``: nothing is written.
    """
    desk = (
        select(_COUNTERS.c.number)
        .where(
            _COUNTERS.c.number == _COUNTER,
            _COUNTERS.c.is_open.is_(True),
            _COUNTERS.c.normals_since_priority == bindparam("rhythm_seen", type_=Integer()),
        )
        .with_for_update()
        .cte("desk")
    )
    taken = _take(queues, desk).cte("taken")
    rhythm = (
        update(_COUNTERS)
        .where(_COUNTERS.c.number == taken.c.counter_number)
        .values(
            normals_since_priority=case(
                (taken.c.priority.is_(None), bindparam("rhythm_after_normal", type_=Integer())),
                else_=bindparam("rhythm_after_priority", type_=Integer()),
            )
        )
        .cte("rhythm")
    )
    event = postgres_events(select(taken.c.id.label("ticket_id"))).cte("event")
    return (
        select(*taken.c, event.c.id.label("event_id"))
        .select_from(desk.outerjoin(taken, true()).outerjoin(event, true()))
        .add_cte(rhythm)
    )


# What each action on the ticket in service changes, and when it is allowed.
IN_SERVICE_CHANGES: dict[str, tuple[dict[str, Any], tuple[Any, ...]]] = {
    "recall": ({"recalls": _TICKETS.c.recalls + 1}, ()),
    "served": ({"state": TicketState.SERVED.value, "served_at": _NOW}, ()),
    "no_show": (
        {"state": TicketState.NO_SHOW.value},
        (_TICKETS.c.recalls >= bindparam("needed_recalls", type_=Integer()),),
    ),
}


def _change_in_service(action: str) -> Update:
    values, allowed = IN_SERVICE_CHANGES[action]
    return (
        update(_TICKETS)
        .where(_TICKETS.c.counter_number == _COUNTER, _TICKETS.c.state == _CALLED, *allowed)
        .values(**values)
        .returning(*TICKET_COLUMNS)
    )


# SQLite: change the ticket in service (no row: there is none, or the change is not allowed).
CHANGE_IN_SERVICE = {action: _change_in_service(action) for action in IN_SERVICE_CHANGES}


def _postgres_in_service(action: str) -> Select[Any]:
    desk = (select(_COUNTERS.c.number).where(_COUNTERS.c.number == _COUNTER).with_for_update()).cte(
        "desk"
    )
    changed = _change_in_service(action).where(exists(desk.select())).cte("changed")
    event = postgres_events(select(changed.c.id.label("ticket_id"))).cte("event")
    return select(*changed.c, event.c.id.label("event_id")).select_from(changed.join(event, true()))


# PostgreSQL: the same with the counter's row locked first, the event and the notice, in one
# statement; the ticket's row with ``event_id``, or no row.
POSTGRES_IN_SERVICE = {action: _postgres_in_service(action) for action in IN_SERVICE_CHANGES}
