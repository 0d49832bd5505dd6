"""The stored records: tickets, their counters, help requests, volunteers and staff secrets.

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
    String,
    Text,
    UniqueConstraint,
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


class TicketCounter(Base):
    """The last number handed out per (service day, queue prefix)."""

    __tablename__ = "ticket_counters"

    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("service_day", "prefix", "number", name="uq_tickets_day_prefix_number"),
        Index("ix_tickets_queue", "service_day", "prefix", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_day: Mapped[date] = mapped_column(Date)
    prefix: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    procedure_code: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str | None] = mapped_column(_enum_column(Priority))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(_enum_column(TicketState), default=TicketState.WAITING.value)
    print_status: Mapped[str] = mapped_column(
        _enum_column(PrintStatus), default=PrintStatus.PENDING.value
    )
    print_error: Mapped[str | None] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    served_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


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
