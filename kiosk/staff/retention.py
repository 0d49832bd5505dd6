"""Forgetting on time: tickets and help requests older than the retention period are deleted.

Nothing personal is ever stored, but a centre keeps no more than it needs either; what it
reports (each day's figures) is kept, as `kiosk.reports.daily` computed them, before the rows go.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import delete, func, select

from kiosk.config import Settings
from kiosk.queue.service_day import service_day
from kiosk.reports.daily import daily_report, utc_span
from kiosk.storage.db import Database
from kiosk.storage.models import ChecklistPrint, DailyReport, HelpRequest, Ticket

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purge:
    """What a purge did: the first day kept, and how many rows went."""

    kept_from: date
    days_summarised: int
    tickets_deleted: int
    help_requests_deleted: int


def purge_expired(database: Database, settings: Settings, now: datetime | None = None) -> Purge:
    """Keep the figures of every day before the retention period, then delete its rows."""
    zone = settings.centre.zone
    kept_from = service_day(now or datetime.now(UTC), zone) - timedelta(
        days=settings.privacy.retention_days
    )
    cutoff, _ = utc_span(kept_from, kept_from, zone)
    with database.read() as session:
        oldest_ticket = session.scalar(select(func.min(Ticket.service_day)))
        oldest_checklist = session.scalar(select(func.min(ChecklistPrint.service_day)))
        oldest_request = session.scalar(select(func.min(HelpRequest.created_at)))
    starts = [day for day in (oldest_ticket, oldest_checklist) if day is not None]
    if oldest_request is not None:
        starts.append(service_day(oldest_request, zone))
    if not starts or min(starts) >= kept_from:
        return Purge(kept_from, 0, 0, 0)
    reports = daily_report(
        database,
        min(starts),
        kept_from - timedelta(days=1),
        zone,
        settings.queue.target_wait_minutes,
    )
    with database.write() as session:
        known = set(session.scalars(select(DailyReport.service_day)))
        for report in reports:
            if report.day not in known:
                session.add(DailyReport(service_day=report.day, figures=report.as_json()))
        requests = session.execute(delete(HelpRequest).where(HelpRequest.created_at < cutoff))
        tickets = session.execute(delete(Ticket).where(Ticket.service_day < kept_from))
        session.execute(delete(ChecklistPrint).where(ChecklistPrint.service_day < kept_from))
    purge = Purge(
        kept_from,
        len(reports),
        tickets.rowcount,  # type: ignore[attr-defined]
        requests.rowcount,  # type: ignore[attr-defined]
    )
    log.info(
        "deleted %d tickets and %d help requests from before %s; their daily figures are kept",
        purge.tickets_deleted,
        purge.help_requests_deleted,
        kept_from.isoformat(),
    )
    return purge
