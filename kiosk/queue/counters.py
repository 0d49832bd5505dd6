"""Counters (quầy): the desks that call tickets, which queues each serves, open or closed, PIN.

A counter is a database row, so every kiosk, panel and browser of the centre agrees on it. Its
PIN (for the counter page) is an Argon2 hash with the same lockout as the staff PIN: five
wrong PINs lock that counter's sign-in for five minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.errors import KioskError
from kiosk.staff.pin import PinCheck, PinOutcome, hash_pin, judge_attempt
from kiosk.storage.change_notice import announce_change
from kiosk.storage.db import Database
from kiosk.storage.models import ServiceCounter, Ticket, TicketState

TOPIC = "counters"
_QUEUE_PATTERN = re.compile(r"[A-Z]{1,2}")


class CounterError(KioskError):
    """A counter command that cannot be done; the message says why."""


class UnknownCounter(CounterError):
    def __init__(self, number: int) -> None:
        super().__init__(f"there is no counter {number}: see `kiosk-admin counters list`")
        self.number = number


@dataclass(frozen=True)
class Counter:
    """A counter as pages and the command line show it."""

    number: int
    name: str
    queues: tuple[str, ...]
    is_open: bool
    has_pin: bool

    def as_json(self) -> dict[str, object]:
        """The `counters list --json` record."""
        return {
            "number": self.number,
            "name": self.name,
            "queues": list(self.queues),
            "open": self.is_open,
            "has_pin": self.has_pin,
        }


def parse_queues(text: str) -> tuple[str, ...]:
    """``"A,B"`` -> ``("A", "B")``: queue prefixes in order of preference, each once."""
    queues = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    if not queues or not all(_QUEUE_PATTERN.fullmatch(q) for q in queues):
        raise CounterError(f"queues {text!r}: expected prefixes like A,B (one or two letters)")
    if len(set(queues)) != len(queues):
        raise CounterError(f"queues {text!r}: a queue is listed twice")
    return queues


def stored_queues(text: str) -> tuple[str, ...]:
    """A counter's queues as stored (``parse_queues`` checked them when they were written)."""
    return tuple(text.split(","))


def counter_from_row(row: ServiceCounter) -> Counter:
    return Counter(
        number=row.number,
        name=row.name,
        queues=stored_queues(row.queues),
        is_open=row.is_open,
        has_pin=row.pin_hash is not None,
    )


def locked_counter(session: Session, number: int) -> ServiceCounter:
    """The counter's row, locked until the transaction ends (PostgreSQL; SQLite locks all)."""
    row = session.get(ServiceCounter, number, with_for_update=True)
    if row is None:
        raise UnknownCounter(number)
    return row


def list_counters(database: Database) -> list[Counter]:
    """Every counter, by number."""
    with database.read() as session:
        rows = session.scalars(select(ServiceCounter).order_by(ServiceCounter.number))
        return [counter_from_row(row) for row in rows]


def get_counter(database: Database, number: int) -> Counter:
    with database.read() as session:
        row = session.get(ServiceCounter, number)
        if row is None:
            raise UnknownCounter(number)
        return counter_from_row(row)


def add_counter(
    database: Database,
    number: int,
    *,
    queues: tuple[str, ...],
    name: str | None = None,
    is_open: bool = True,
) -> Counter:
    """Store a new counter (open unless told otherwise); its name defaults to "Quầy N"."""
    if not 1 <= number <= 999:
        raise CounterError(f"counter number {number}: expected 1 to 999")
    with database.write() as session:
        if session.get(ServiceCounter, number) is not None:
            raise CounterError(f"counter {number} exists already: use `counters edit`")
        row = ServiceCounter(
            number=number,
            name=_checked_name(name or f"Quầy {number}"),
            queues=",".join(queues),
            is_open=is_open,
        )
        session.add(row)
        announce_change(session, TOPIC)
        return counter_from_row(row)


def edit_counter(
    database: Database,
    number: int,
    *,
    name: str | None = None,
    queues: tuple[str, ...] | None = None,
) -> Counter:
    """Rename a counter or change the queues it serves."""
    with database.write() as session:
        row = locked_counter(session, number)
        if name is not None:
            row.name = _checked_name(name)
        if queues is not None:
            row.queues = ",".join(queues)
        announce_change(session, TOPIC)
        return counter_from_row(row)


def remove_counter(database: Database, number: int) -> None:
    """Delete a counter; refused while it has a ticket in service. Past events keep its number."""
    with database.write() as session:
        row = locked_counter(session, number)
        in_service = session.scalar(
            select(Ticket.id).where(
                Ticket.counter_number == number, Ticket.state == TicketState.CALLED.value
            )
        )
        if in_service is not None:
            raise CounterError(f"counter {number} has a ticket in service: finish it first")
        session.delete(row)
        announce_change(session, TOPIC)


def set_counter_open(database: Database, number: int, is_open: bool) -> Counter:
    """Open or close a counter: only open counters call, and they shorten the wait estimate."""
    with database.write() as session:
        row = locked_counter(session, number)
        row.is_open = is_open
        announce_change(session, TOPIC)
        return counter_from_row(row)


def set_counter_pin(database: Database, number: int, pin: str) -> None:
    """Store the hash of the counter's PIN (4 to 12 digits, else InvalidPin) and clear any lock."""
    hashed = hash_pin(pin)
    with database.write() as session:
        row = locked_counter(session, number)
        row.pin_hash = hashed
        row.failed_attempts = 0
        row.locked_until = None


def check_counter_pin(
    database: Database, number: int, pin: str, now: datetime | None = None
) -> PinCheck:
    """Check a PIN typed to sign in at a counter (UnknownCounter if there is none).

    Outcomes: ACCEPTED, WRONG (with attempts left), LOCKED (with the time it ends; five wrong
    PINs lock this counter five minutes), NOT_SET (no PIN yet: nobody may sign in).
    """
    with database.write() as session:
        row = locked_counter(session, number)
        if row.pin_hash is None:
            return PinCheck(PinOutcome.NOT_SET)
        return judge_attempt(
            row, row.pin_hash, pin, now or datetime.now(UTC), what=f"counter {number}"
        )


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80:
        raise CounterError("a counter's name must have 1 to 80 characters")
    return name
