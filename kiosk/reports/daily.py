"""The figures a centre reports, per service day: tickets, help requests, waits, checklists.

A day is the service day at the centre (its time zone), as for ticket numbering. Help requests
count on the day they were created, with the outcomes they were closed with.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kiosk.config import QueueSettings
from kiosk.printing.checklist import checklists_printed_by_day
from kiosk.queue.service_day import service_day
from kiosk.reports.calling import DayCalling, calling_by_day
from kiosk.storage.db import Database
from kiosk.storage.models import DailyReport, HelpOutcome, HelpReason, HelpRequest, Ticket

CSV_COLUMNS = (
    "day",
    "measure",
    "procedure",
    "priority",
    "reason",
    "outcome",
    "value",
    "queue",
    "counter",
)
# The CSV's name for tickets without priority (JSON says null).
NO_PRIORITY = "none"


@dataclass(frozen=True)
class HelpCounts:
    """Help requests of one day: how many per reason, how many closed with each outcome."""

    by_reason: dict[HelpReason, int]
    by_outcome: dict[HelpOutcome, int]
    closed: int

    @property
    def total(self) -> int:
        return sum(self.by_reason.values())


@dataclass(frozen=True)
class DayReport:
    day: date
    # (procedure code, priority or None) -> tickets issued
    tickets: dict[tuple[str, str | None], int]
    help: HelpCounts
    median_wait_to_claim_seconds: float | None
    # Checklist slips that came out of a kiosk's printer that day.
    checklists_printed: int = 0
    calling: DayCalling = field(default_factory=lambda: DayCalling({}, {}))

    def as_json(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "tickets_total": sum(self.tickets.values()),
            "tickets": [
                {"procedure": procedure, "priority": priority, "count": count}
                for (procedure, priority), count in sorted(self.tickets.items(), key=_ticket_key)
            ],
            "help_requests_total": self.help.total,
            "help_requests_closed": self.help.closed,
            "help_requests_by_reason": {r.value: n for r, n in self.help.by_reason.items()},
            "help_requests_by_outcome": {o.value: n for o, n in self.help.by_outcome.items()},
            "median_wait_to_claim_seconds": self.median_wait_to_claim_seconds,
            "checklists_printed": self.checklists_printed,
            **self.calling.as_json(),
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> DayReport:
        """The report of a day whose tickets and requests are gone, from its kept figures."""
        reasons, outcomes = record["help_requests_by_reason"], record["help_requests_by_outcome"]
        median = record["median_wait_to_claim_seconds"]
        return cls(
            day=date.fromisoformat(record["day"]),
            tickets={(t["procedure"], t["priority"]): t["count"] for t in record["tickets"]},
            help=HelpCounts(
                by_reason={reason: reasons.get(reason.value, 0) for reason in HelpReason},
                by_outcome={outcome: outcomes.get(outcome.value, 0) for outcome in HelpOutcome},
                closed=record["help_requests_closed"],
            ),
            median_wait_to_claim_seconds=median,
            # Figures kept before checklists were counted have none.
            checklists_printed=record.get("checklists_printed", 0),
            calling=DayCalling.from_json(record),
        )


def _ticket_key(item: tuple[tuple[str, str | None], int]) -> tuple[str, str]:
    (procedure, priority), _count = item
    return procedure, priority or ""


def utc_span(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """From the first moment of service day ``first`` to the first moment after ``last``."""
    start = datetime.combine(first, time(), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
    return start, end


def tally_help(requests: Iterable[HelpRequest]) -> HelpCounts:
    reasons: Counter[HelpReason] = Counter()
    outcomes: Counter[HelpOutcome] = Counter()
    closed = 0
    for request in requests:
        reasons[HelpReason(request.reason)] += 1
        if request.closed_at is not None:
            closed += 1
            outcomes.update(HelpOutcome(outcome) for outcome in request.outcomes)
    return HelpCounts(
        by_reason={reason: reasons[reason] for reason in HelpReason},
        by_outcome={outcome: outcomes[outcome] for outcome in HelpOutcome},
        closed=closed,
    )


def _help_requests_between(database: Database, start: datetime, end: datetime) -> list[HelpRequest]:
    with database.read() as session:
        return list(
            session.scalars(
                select(HelpRequest).where(
                    HelpRequest.created_at >= start, HelpRequest.created_at < end
                )
            )
        )


def help_counts_on(database: Database, day: date, zone: ZoneInfo) -> HelpCounts:
    """The help requests of one service day, counted (the panel's figures of today)."""
    return tally_help(_help_requests_between(database, *utc_span(day, day, zone)))


def daily_report(
    database: Database,
    first: date,
    last: date,
    zone: ZoneInfo,
    target_wait_minutes: float = QueueSettings.target_wait_minutes,
) -> list[DayReport]:
    """One report per service day from ``first`` to ``last``, days without activity included."""
    if last < first:
        raise ValueError("the last day comes before the first")
    start, end = utc_span(first, last, zone)
    with database.read() as session:
        ticket_rows = session.execute(
            select(Ticket.service_day, Ticket.procedure_code, Ticket.priority, func.count())
            .where(
                Ticket.service_day >= first,
                Ticket.service_day <= last,
                # A ticket transferred after service is the same citizen, not a new ticket.
                Ticket.transferred_from_id.is_(None),
            )
            .group_by(Ticket.service_day, Ticket.procedure_code, Ticket.priority)
        ).all()
    tickets: dict[date, dict[tuple[str, str | None], int]] = {}
    for day, procedure, priority, count in ticket_rows:
        tickets.setdefault(day, {})[(procedure, priority)] = int(count)
    requests_by_day: dict[date, list[HelpRequest]] = {}
    for request in _help_requests_between(database, start, end):
        requests_by_day.setdefault(service_day(request.created_at, zone), []).append(request)
    with database.read() as session:
        kept = {
            row.service_day: DayReport.from_json(row.figures)
            for row in session.scalars(
                select(DailyReport).where(
                    DailyReport.service_day >= first, DailyReport.service_day <= last
                )
            )
        }
    checklists = checklists_printed_by_day(database, first, last)
    calling = calling_by_day(database, first, last, target_wait_minutes)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    # Kept figures stand for rows that are gone; a day whose rows still exist is counted from
    # them, so figures stored too early (a clock that ran ahead) never hide a ticket.
    live = tickets.keys() | requests_by_day.keys()
    return [
        (kept.get(day) if day not in live else None)
        or DayReport(
            day=day,
            tickets=tickets.get(day, {}),
            help=tally_help(requests_by_day.get(day, [])),
            calling=calling.get(day, DayCalling({}, {})),
            median_wait_to_claim_seconds=_median_wait(requests_by_day.get(day, [])),
            checklists_printed=checklists.get(day, 0),
        )
        for day in days
    ]


def _median_wait(requests: Sequence[HelpRequest]) -> float | None:
    waits = [
        (request.claimed_at - request.created_at).total_seconds()
        for request in requests
        if request.claimed_at is not None
    ]
    return round(statistics.median(waits), 1) if waits else None


def report_as_csv(reports: Sequence[DayReport]) -> str:
    """Long format, one figure per row (columns `CSV_COLUMNS`), ready for a pivot table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for report in reports:
        day = report.day.isoformat()
        for (procedure, priority), count in sorted(report.tickets.items(), key=_ticket_key):
            writer.writerow([day, "tickets", procedure, priority or NO_PRIORITY, "", "", count])
        for reason, count in report.help.by_reason.items():
            writer.writerow([day, "help_requests_by_reason", "", "", reason.value, "", count])
        for outcome, count in report.help.by_outcome.items():
            writer.writerow([day, "help_requests_by_outcome", "", "", "", outcome.value, count])
        median = report.median_wait_to_claim_seconds
        writer.writerow(
            [day, "median_wait_to_claim_seconds", "", "", "", "", "" if median is None else median]
        )
        writer.writerow([day, "checklists_printed", "", "", "", "", report.checklists_printed])
        for key, groups in (
            ("queue", report.calling.by_queue),
            ("counter", report.calling.by_counter),
        ):
            for name, figures in sorted(groups.items()):
                where = [name, ""] if key == "queue" else ["", name]
                for measure, value in figures.as_json().items():
                    shown = "" if value is None else value
                    writer.writerow([day, measure, "", "", "", "", shown, *where])
    return out.getvalue()
