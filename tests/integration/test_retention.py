"""Retention: rows past the period are deleted, their days' figures stay in the report."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from kiosk.config import PrivacySettings, Settings
from kiosk.helpdesk.requests import claim_request, close_request, create_help_request
from kiosk.queue.tickets import issue_ticket, list_tickets
from kiosk.reports.daily import daily_report
from kiosk.staff.retention import purge_expired
from kiosk.storage.db import Database
from kiosk.storage.models import HelpOutcome, HelpReason, Priority

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 at the centre


def _day_of_activity(database: Database, settings: Settings, moment: datetime) -> None:
    ticket = issue_ticket(
        database,
        settings,
        procedure_code="1.001193",
        prefix="A",
        priority=Priority.ELDERLY,
        now=moment,
    )
    issue_ticket(database, settings, procedure_code="2.000815", prefix="C", now=moment)
    request = create_help_request(
        database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1", ticket_id=ticket.id, now=moment
    )
    claim_request(database, request, "Lan", now=moment + timedelta(minutes=2))
    close_request(database, request, [HelpOutcome.VNEID], now=moment + timedelta(minutes=9))


def test_expired_rows_go_and_their_figures_stay(database: Database, settings: Settings) -> None:
    settings = replace(settings, privacy=PrivacySettings(retention_days=30))
    old, recent = NOW - timedelta(days=31), NOW - timedelta(days=29)
    _day_of_activity(database, settings, old)
    _day_of_activity(database, settings, recent)
    zone = settings.centre.zone
    before = [r.as_json() for r in daily_report(database, old.date(), recent.date(), zone)]

    purge = purge_expired(database, settings, now=NOW)

    assert (purge.tickets_deleted, purge.help_requests_deleted) == (2, 1)
    assert str(purge.kept_from) == "2026-10-24"
    assert list_tickets(database, old.astimezone(zone).date()) == []
    assert len(list_tickets(database, recent.astimezone(zone).date())) == 2
    after = [r.as_json() for r in daily_report(database, old.date(), recent.date(), zone)]
    assert after == before
    assert after[0]["tickets_total"] == 2
    assert after[0]["help_requests_by_outcome"]["vneid"] == 1
    assert after[0]["median_wait_to_claim_seconds"] == 120.0
    # Nothing left to do the second time.
    assert purge_expired(database, settings, now=NOW).tickets_deleted == 0
