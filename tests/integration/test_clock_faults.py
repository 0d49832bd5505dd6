"""A clock that lies: the purge keeps today's tickets and stores no figures for days not over."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.catalog.loader import load_catalog
from kiosk.config import PrivacySettings, Settings
from kiosk.errors import ClockFault
from kiosk.helpdesk.requests import create_help_request, open_requests
from kiosk.printing.desk import TicketDesk
from kiosk.queue.tickets import issue_ticket, list_tickets
from kiosk.reports.daily import daily_report
from kiosk.staff.clock import clock_warning, last_ticket_after
from kiosk.staff.retention import purge_expired
from kiosk.storage.db import Database
from kiosk.storage.models import DailyReport, HelpReason

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 at the centre
TODAY = NOW.date()


def _issue(database: Database, settings: Settings, moment: datetime, count: int) -> None:
    for _ in range(count):
        issue_ticket(database, settings, procedure_code="1.001193", prefix="A", now=moment)


def _stored_figure_days(database: Database) -> list[object]:
    with database.read() as session:
        return list(session.scalars(select(DailyReport.service_day)))


def test_a_clock_400_days_ahead_deletes_nothing_and_stores_no_figures(
    database: Database, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    _issue(database, settings, NOW - timedelta(days=100), 2)
    _issue(database, settings, NOW, 3)
    create_help_request(database, reason=HelpReason.ASKED_FOR_HELP, kiosk_id="k", now=NOW)

    with pytest.raises(ClockFault, match="more than 31 days ahead"):
        purge_expired(database, settings, now=NOW + timedelta(days=400))

    assert "expired tickets not deleted" in caplog.text
    assert len(list_tickets(database, TODAY)) == 3
    assert len(list_tickets(database, TODAY - timedelta(days=100))) == 2
    assert _stored_figure_days(database) == []
    (today,) = daily_report(database, TODAY, TODAY, settings.centre.zone)
    assert today.as_json()["tickets_total"] == 3
    assert today.help.total == 1


def test_a_clock_ahead_within_the_limit_never_purges_the_newest_day(
    database: Database, settings: Settings
) -> None:
    settings = replace(settings, privacy=PrivacySettings(retention_days=1))
    _issue(database, settings, NOW - timedelta(days=1), 2)
    _issue(database, settings, NOW, 3)

    purge = purge_expired(database, settings, now=NOW + timedelta(days=20))

    assert purge.kept_from == TODAY
    assert purge.tickets_deleted == 2
    assert len(list_tickets(database, TODAY)) == 3
    assert max(_stored_figure_days(database)) == TODAY - timedelta(days=1)
    (today,) = daily_report(database, TODAY, TODAY, settings.centre.zone)
    assert today.as_json()["tickets_total"] == 3


def test_a_clock_behind_the_newest_record_purges_nothing(
    database: Database, settings: Settings
) -> None:
    _issue(database, settings, NOW, 1)
    earlier = NOW - timedelta(hours=2)

    with pytest.raises(ClockFault, match="behind the newest stored record"):
        purge_expired(database, settings, now=earlier)

    warning = clock_warning(database, now=earlier)
    assert warning is not None
    assert "2026-11-23 03:00 UTC" in warning
    assert clock_warning(database, now=NOW + timedelta(minutes=5)) is None
    assert last_ticket_after(database, earlier) == NOW
    assert last_ticket_after(database, NOW + timedelta(minutes=1)) is None


def test_figures_stored_too_early_never_hide_the_days_tickets(
    database: Database, settings: Settings
) -> None:
    # What an older kiosk with a clock ahead left behind: zero figures for a day not yet over.
    with database.write() as session:
        session.add(DailyReport(service_day=TODAY, figures=_zero_figures()))
    _issue(database, settings, NOW, 4)

    (today,) = daily_report(database, TODAY, TODAY, settings.centre.zone)
    assert today.as_json()["tickets_total"] == 4

    # When the day's tickets go at last, their real figures replace the early ones.
    later = replace(settings, privacy=PrivacySettings(retention_days=1))
    _issue(database, later, NOW + timedelta(days=2), 1)
    purge_expired(database, later, now=NOW + timedelta(days=2))
    assert list_tickets(database, TODAY) == []
    (kept,) = daily_report(database, TODAY, TODAY, settings.centre.zone)
    assert kept.as_json()["tickets_total"] == 4


def _zero_figures() -> dict[str, object]:
    return {
        "day": TODAY.isoformat(),
        "tickets_total": 0,
        "tickets": [],
        "help_requests_total": 0,
        "help_requests_closed": 0,
        "help_requests_by_reason": {},
        "help_requests_by_outcome": {},
        "median_wait_to_claim_seconds": None,
    }


def test_a_kiosk_whose_clock_went_back_tells_the_help_desk_once(
    database: Database, settings: Settings
) -> None:
    settings = replace(settings, kiosk=replace(settings.kiosk, id="sanh-2"))
    # Another kiosk, whose clock is right, issued a ticket an hour "later" than ours reads.
    _ticket_from_a_kiosk_an_hour_ahead(database, settings)
    desk = TicketDesk(database, settings, load_catalog(None))

    first = desk.issue_and_print("1.001193", None, "vi")
    desk.issue_and_print("1.001193", None, "vi")

    assert first.ticket.label == "A002"
    faults = [r for r in open_requests(database) if r.reason is HelpReason.CLOCK_FAULT]
    assert [(r.kiosk_id, r.ticket_label) for r in faults] == [("sanh-2", None)]


class _MovedClock:
    """A monotonic clock (seconds) that the test moves by hand."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self) -> float:
        return self.seconds


def _clock_faults(database: Database) -> list[str]:
    return [r.kiosk_id for r in open_requests(database) if r.reason is HelpReason.CLOCK_FAULT]


def _ticket_from_a_kiosk_an_hour_ahead(database: Database, settings: Settings) -> None:
    issue_ticket(
        database,
        settings,
        procedure_code="1.001193",
        prefix="A",
        now=datetime.now(UTC) + timedelta(hours=1),
    )


def test_a_kiosk_just_started_after_a_power_cut_tells_at_its_first_ticket(
    database: Database, settings: Settings
) -> None:
    # Its clock lost the time in the power cut; its monotonic clock starts near zero.
    _ticket_from_a_kiosk_an_hour_ahead(database, settings)
    desk = TicketDesk(database, settings, load_catalog(None), monotonic=_MovedClock(5.0))

    desk.issue_and_print("1.001193", None, "vi")

    assert _clock_faults(database) == [settings.kiosk.id]


def test_the_clock_is_looked_at_once_a_minute_and_a_fault_told_once(
    database: Database, settings: Settings
) -> None:
    clock = _MovedClock(1000.0)
    desk = TicketDesk(database, settings, load_catalog(None), monotonic=clock)
    desk.issue_and_print("1.001193", None, "vi")  # clock right: looked at, nothing to tell

    def issue_after_a_kiosk_ahead(seconds: float) -> None:
        # The check compares with the ticket stored last: the other kiosk's, each time.
        _ticket_from_a_kiosk_an_hour_ahead(database, settings)
        clock.seconds = seconds
        desk.issue_and_print("1.001193", None, "vi")

    issue_after_a_kiosk_ahead(1059.9)
    assert _clock_faults(database) == []  # not looked at again within the minute

    issue_after_a_kiosk_ahead(1060.0)
    assert _clock_faults(database) == [settings.kiosk.id]

    for seconds in (1200.0, 1400.0):  # still behind, looked at again: not told again
        issue_after_a_kiosk_ahead(seconds)
    assert _clock_faults(database) == [settings.kiosk.id]
