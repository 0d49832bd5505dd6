"""Forgetting on time: tickets and help requests older than the retention period are deleted.

Nothing personal is ever stored, but a centre keeps no more than it needs either; what it
reports (each day's figures) is kept, as `kiosk.reports.daily` computed them, before the rows go.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select

from kiosk.config import Settings
from kiosk.errors import ClockFault
from kiosk.queue.service_day import service_day
from kiosk.reports.daily import daily_report, utc_span
from kiosk.staff.clock import check_clock
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
    """Keep the figures of every day before the retention period, then delete its rows.

    Nothing happens while the clock is doubtful (`ClockFault`). Whatever the clock says, the
    day of the newest stored record and later days are never purged nor summarised: a clock
    that runs ahead must not delete today's live tickets nor freeze figures of days not over.
    """
    zone = settings.centre.zone
    clock = check_clock(database, now)
    if clock.warning is not None:
        log.warning("expired tickets not deleted: %s", clock.warning)
        raise ClockFault(f"nothing deleted: {clock.warning}")
    today = service_day(clock.now, zone)
    newest_day = service_day(clock.newest_record, zone) if clock.newest_record else today
    kept_from = min(today - timedelta(days=settings.privacy.retention_days), newest_day)
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
        for report in reports:
            # A day that still has rows is reported from them (`daily_report`), so figures
            # stored for it earlier, by a purge misled by its clock, are replaced, not kept.
            session.merge(DailyReport(service_day=report.day, figures=report.as_json()))
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
