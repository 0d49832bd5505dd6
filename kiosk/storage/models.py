"""The stored records: tickets, their numbering, counters and ticket events, help requests,
volunteers, staff and service secrets, and checklist slips printed.

No names, ID numbers or dates of birth are stored anywhere: a ticket keeps only the reason
for its priority.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    pass


class Priority(enum.StrEnum):
    ELDERLY = "elderly"
    DISABILITY = "disability"
    PREGNANT_OR_CHILD = "pregnant_or_child"


class TicketState(enum.StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVED = "served"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class PrintStatus(enum.StrEnum):
    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"
    UNKNOWN = "unknown"


class HelpReason(enum.StrEnum):
    ELDERLY = "elderly"
    DISABILITY = "disability"
    PREGNANT_OR_CHILD = "pregnant_or_child"
    ASKED_FOR_HELP = "asked_for_help"
    PRINTER_FAULT = "printer_fault"
    # The kiosk's clock is behind the last ticket stored (kiosk.staff.clock).
    CLOCK_FAULT = "clock_fault"


class HelpOutcome(enum.StrEnum):
    DOCUMENTS_GUIDED = "documents_guided"
    FORM_FILLED = "form_filled"
    VNEID = "vneid"
    DIGITAL_SIGNATURE = "digital_signature"
    SIM_CARD = "sim_card"
    ONLINE_FILING = "online_filing"
    OTHER = "other"


def _enum_column(kind: type[enum.StrEnum]) -> String:
    """Enums are stored as plain strings (no native enum types) so SQLite and PostgreSQL agree."""
    return String(max(len(member.value) for member in kind) + 8)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored as naive UTC and read back timezone-aware, alike on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store timezone-aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class TicketEventKind(enum.StrEnum):
    """What happened to a ticket at a counter (`ticket_events.kind`)."""

    CALLED = "called"
    RECALLED = "recalled"
    SERVED = "served"
    NO_SHOW = "no_show"
    RETURNED = "returned"
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"


class TicketCounter(Base):
    """The last number handed out per (service day, queue prefix) (numbering, not a desk)."""

    __tablename__ = "ticket_counters"

    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        # A ticket transferred after service is a second row with the first one's number.
        Index(
            "uq_tickets_day_prefix_number",
            "service_day",
            "prefix",
            "number",
            unique=True,
            sqlite_where=text("transferred_from_id IS NULL"),
            postgresql_where=text("transferred_from_id IS NULL"),
        ),
        Index("ix_tickets_queue", "service_day", "prefix", "state"),
        Index("ix_tickets_waiting", "service_day", "queue", "state", "issued_at"),
        # At most one ticket in service per counter, whatever two browsers press at once.
        Index(
            "uq_tickets_one_in_service",
            "counter_number",
            unique=True,
            sqlite_where=text("state = 'called'"),
            postgresql_where=text("state = 'called'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_day: Mapped[date] = mapped_column(Date)
    prefix: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    # The queue it waits in: its prefix, unless it was transferred to another queue.
    queue: Mapped[str] = mapped_column(String(4))
    procedure_code: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str | None] = mapped_column(_enum_column(Priority))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(_enum_column(TicketState), default=TicketState.WAITING.value)
    print_status: Mapped[str] = mapped_column(
        _enum_column(PrintStatus), default=PrintStatus.PENDING.value
    )
    print_error: Mapped[str | None] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # The call that started the current (or last) service; the first call ends the wait.
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    first_called_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    served_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The counter serving it (state called) or that last served it.
    counter_number: Mapped[int | None] = mapped_column(Integer)
    recalls: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    # The first ticket, for a ticket transferred after service (same prefix and number).
    transferred_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL")
    )


class ServiceCounter(Base):
    """A counter (quầy) where an official calls and serves tickets."""

    __tablename__ = "counters"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(80))
    # Queue prefixes served, in order of preference, comma-separated ("A,B").
    queues: Mapped[str] = mapped_column(String(80))
    is_open: Mapped[bool] = mapped_column(default=False)
    # Normal tickets called since this counter last called a priority one (interleave:N).
    normals_since_priority: Mapped[int] = mapped_column(Integer, default=0)
    pin_hash: Mapped[str | None] = mapped_column(Text)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())


class TicketEvent(Base):
    """One action on a ticket; ``id`` increases in commit order, so readers catch up from it."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket", "ticket_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    counter_number: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(_enum_column(TicketEventKind))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Transfers: the target queue.
    detail: Mapped[str | None] = mapped_column(String(80))


class HelpRequest(Base):
    __tablename__ = "help_requests"
    __table_args__ = (Index("ix_help_requests_open", "closed_at", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(_enum_column(HelpReason))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    procedure_code: Mapped[str | None] = mapped_column(String(32))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    volunteer: Mapped[str | None] = mapped_column(String(80))
    outcomes: Mapped[list[str]] = mapped_column(JSON, default=list)


class Volunteer(Base):
    __tablename__ = "volunteers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    active: Mapped[bool] = mapped_column(default=True)


class StaffSecret(Base):
    """Hashed staff secrets (the admin PIN) and its lockout state, shared by every kiosk."""

    __tablename__ = "staff_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())


class DailyReport(Base):
    """A day's figures (`kiosk.reports.daily.DayReport` as JSON), kept when its tickets and help
    requests are deleted at the end of the retention period."""

    __tablename__ = "daily_reports"

    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    figures: Mapped[dict[str, object]] = mapped_column(JSON)


class ServiceSecret(Base):
    """A random key made once by whichever process needs it first, then shared by all (the
    follow-your-turn links printed by kiosks and checked by kiosk-web must agree)."""

    __tablename__ = "service_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ChecklistPrint(Base):
    """A checklist slip printed at a kiosk: which procedure, when, and how the print went.

    No queue number and nothing about the citizen; kept only to be counted per day.
    """

    __tablename__ = "checklist_prints"
    __table_args__ = (Index("ix_checklist_prints_day", "service_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_day: Mapped[date] = mapped_column(Date)
    procedure_code: Mapped[str] = mapped_column(String(32))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    print_status: Mapped[str] = mapped_column(_enum_column(PrintStatus))
    print_error: Mapped[str | None] = mapped_column(Text)
