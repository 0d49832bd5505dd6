"""The calling figures of a day, per queue and per counter: served, no-shows, waits, service.

The wait runs from issue to the first call, the service time from the call to "done". The
service level is the share of the day's tickets called within `queue.target_wait_minutes`;
a ticket never called counts against it, one cancelled before its call does not count.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sqlalchemy import select

from kiosk.storage.db import Database
from kiosk.storage.models import Ticket, TicketState

# The measures, in the order of the JSON objects and of the CSV rows.
MEASURES = (
    "served",
    "no_shows",
    "median_wait_seconds",
    "p90_wait_seconds",
    "median_service_seconds",
    "p90_service_seconds",
    "service_level",
)


@dataclass(frozen=True)
class ServiceFigures:
    served: int
    no_shows: int
    median_wait_seconds: float | None
    p90_wait_seconds: float | None
    median_service_seconds: float | None
    p90_service_seconds: float | None
    # 0.0 to 1.0; None when no ticket counts.
    service_level: float | None

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class DayCalling:
    """A day's figures per queue (prefix) and per counter (number)."""

    by_queue: dict[str, ServiceFigures]
    by_counter: dict[int, ServiceFigures]

    def as_json(self) -> dict[str, object]:
        return {
            "calls_by_queue": [
                {"queue": queue, **figures.as_json()}
                for queue, figures in sorted(self.by_queue.items())
            ],
            "calls_by_counter": [
                {"counter": counter, **figures.as_json()}
                for counter, figures in sorted(self.by_counter.items())
            ],
        }

    @classmethod
    def from_json(cls, record: dict[str, object]) -> DayCalling:
        """From kept figures; days kept before counters existed have none."""

        def figures(row: dict[str, object]) -> ServiceFigures:
            return ServiceFigures(**{m: row[m] for m in MEASURES})  # type: ignore[arg-type]

        queues = record.get("calls_by_queue", [])
        counters = record.get("calls_by_counter", [])
        return cls(
            by_queue={row["queue"]: figures(row) for row in queues},  # type: ignore[union-attr]
            by_counter={row["counter"]: figures(row) for row in counters},  # type: ignore[union-attr]
        )


def _seconds(spans: list[timedelta], quantile: int | None) -> float | None:
    values = sorted(span.total_seconds() for span in spans)
    if not values:
        return None
    if quantile is None:
        return round(statistics.median(values), 1)
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=10, method="inclusive")[quantile // 10 - 1], 1)


def tally_service(tickets: Iterable[Ticket], target: timedelta) -> ServiceFigures:
    """The figures of a group of tickets (one queue or one counter of one day)."""
    tickets = list(tickets)
    waits = [t.first_called_at - t.issued_at for t in tickets if t.first_called_at]
    services = [
        t.served_at - t.called_at
        for t in tickets
        if t.state == TicketState.SERVED.value and t.served_at and t.called_at
    ]
    counted = [t for t in tickets if t.first_called_at or t.state != TicketState.CANCELLED.value]
    in_time = sum(
        1 for t in counted if t.first_called_at and t.first_called_at - t.issued_at <= target
    )
    return ServiceFigures(
        served=sum(1 for t in tickets if t.state == TicketState.SERVED.value),
        no_shows=sum(1 for t in tickets if t.state == TicketState.NO_SHOW.value),
        median_wait_seconds=_seconds(waits, None),
        p90_wait_seconds=_seconds(waits, 90),
        median_service_seconds=_seconds(services, None),
        p90_service_seconds=_seconds(services, 90),
        service_level=round(in_time / len(counted), 3) if counted else None,
    )


def calling_by_day(
    database: Database, first: date, last: date, target_wait_minutes: float
) -> dict[date, DayCalling]:
    """The calling figures of every service day from ``first`` to ``last`` with tickets."""
    with database.read() as session:
        tickets = list(
            session.scalars(
                select(Ticket).where(Ticket.service_day >= first, Ticket.service_day <= last)
            )
        )
    target = timedelta(minutes=target_wait_minutes)
    days: dict[date, list[Ticket]] = {}
    for ticket in tickets:
        days.setdefault(ticket.service_day, []).append(ticket)
    result: dict[date, DayCalling] = {}
    for day, rows in days.items():
        queues: dict[str, list[Ticket]] = {}
        counters: dict[int, list[Ticket]] = {}
        for ticket in rows:
            queues.setdefault(ticket.queue, []).append(ticket)
            if ticket.counter_number is not None:
                counters.setdefault(ticket.counter_number, []).append(ticket)
        result[day] = DayCalling(
            by_queue={q: tally_service(group, target) for q, group in queues.items()},
            by_counter={c: tally_service(group, target) for c, group in counters.items()},
        )
    return result
