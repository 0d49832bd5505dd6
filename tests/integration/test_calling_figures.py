"""What calling changes in the figures: people ahead and the estimate, and the daily report."""

import csv
import io
from datetime import UTC, datetime, timedelta

from kiosk.config import Settings
from kiosk.queue.calling import call_next, mark_no_show, mark_served, recall
from kiosk.queue.counters import add_counter, set_counter_open
from kiosk.queue.tickets import issue_ticket
from kiosk.reports.daily import daily_report, report_as_csv
from kiosk.storage.db import Database

START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 08:00 at the centre


def _issue(database: Database, settings: Settings, at: datetime):
    return issue_ticket(database, settings, procedure_code="1.001193", prefix="A", now=at)


def test_people_ahead_counts_only_who_still_waits_and_closing_a_counter_grows_the_wait(
    database: Database, settings: Settings
) -> None:
    add_counter(database, 1, queues=("A",))
    add_counter(database, 2, queues=("A", "B"))
    add_counter(database, 3, queues=("B",))
    for n in range(10):
        _issue(database, settings, START + timedelta(seconds=n))
    for _ in range(4):
        assert call_next(database, settings, 1, now=START + timedelta(minutes=1)) is not None
        mark_served(database, 1, now=START + timedelta(minutes=1))

    eleventh = _issue(database, settings, START + timedelta(minutes=2))
    assert eleventh.people_ahead == 6


def test_the_estimate_shares_the_median_service_time_among_open_counters(
    database: Database, settings: Settings
) -> None:
    add_counter(database, 1, queues=("A",))
    add_counter(database, 2, queues=("A",))
    for n in range(10):
        _issue(database, settings, START + timedelta(seconds=n))
    for n, minutes in enumerate((4, 4, 6, 10)):  # median 5 minutes
        called_at = START + timedelta(minutes=20 * n + 1)
        call_next(database, settings, 1, now=called_at)
        mark_served(database, 1, now=called_at + timedelta(minutes=minutes))

    later = START + timedelta(hours=2)
    two_open = _issue(database, settings, later)
    set_counter_open(database, 2, False)
    one_open = _issue(database, settings, later)

    assert (two_open.people_ahead, two_open.estimated_wait_minutes) == (6, 15)  # 6 * 5 / 2
    assert (one_open.people_ahead, one_open.estimated_wait_minutes) == (7, 35)  # 7 * 5 / 1


def test_the_report_gives_served_no_shows_waits_and_service_level_per_queue_and_counter(
    database: Database, settings: Settings
) -> None:
    add_counter(database, 1, queues=("A",))
    for n in range(3):
        _issue(database, settings, START + timedelta(minutes=n))
    call_next(database, settings, 1, now=START + timedelta(minutes=10))  # waited 600 s
    mark_served(database, 1, now=START + timedelta(minutes=15))  # served in 300 s
    call_next(database, settings, 1, now=START + timedelta(minutes=30))  # waited 1740 s
    recall(database, 1, now=START + timedelta(minutes=31))
    mark_no_show(database, settings, 1, now=START + timedelta(minutes=32))

    (report,) = daily_report(database, START.date(), START.date(), settings.centre.zone, 15.0)
    record = report.as_json()

    assert record["tickets_total"] == 3
    (queue,) = record["calls_by_queue"]  # type: ignore[misc]
    assert queue == {
        "queue": "A",
        "served": 1,
        "no_shows": 1,
        "median_wait_seconds": 1170.0,
        "p90_wait_seconds": 1626.0,
        "median_service_seconds": 300.0,
        "p90_service_seconds": 300.0,
        "service_level": 0.333,  # one of three called within 15 minutes
    }
    (counter,) = record["calls_by_counter"]  # type: ignore[misc]
    assert (counter["counter"], counter["served"], counter["service_level"]) == (1, 1, 0.5)
    rows = list(csv.DictReader(io.StringIO(report_as_csv([report]))))
    levels = {
        (r["queue"], r["counter"]): r["value"] for r in rows if r["measure"] == "service_level"
    }
    assert levels == {("A", ""): "0.333", ("", "1"): "0.5"}
