"""Report arithmetic without a database: service-day bounds, tallies, the CSV shape."""

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from kiosk.reports.daily import CSV_COLUMNS, DayReport, report_as_csv, tally_help, utc_span
from kiosk.storage.models import HelpOutcome, HelpReason, HelpRequest

HCMC = ZoneInfo("Asia/Ho_Chi_Minh")


def _request(reason: HelpReason, outcomes: list[str] | None = None) -> HelpRequest:
    moment = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    return HelpRequest(
        reason=reason.value,
        kiosk_id="k",
        created_at=moment,
        closed_at=moment if outcomes is not None else None,
        outcomes=outcomes or [],
    )


def test_a_service_day_runs_from_local_midnight_to_local_midnight() -> None:
    start, end = utc_span(date(2026, 11, 23), date(2026, 11, 24), HCMC)

    assert start == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 24, 17, 0, tzinfo=UTC)


def test_the_tally_names_every_reason_and_outcome_and_counts_closed_ones() -> None:
    counts = tally_help(
        [
            _request(HelpReason.ELDERLY, ["vneid", "sim_card"]),
            _request(HelpReason.ELDERLY),
            _request(HelpReason.PRINTER_FAULT, ["other"]),
        ]
    )

    assert counts.total == 3
    assert counts.closed == 2
    assert counts.by_reason[HelpReason.ELDERLY] == 2
    assert counts.by_reason[HelpReason.DISABILITY] == 0
    assert counts.by_outcome[HelpOutcome.SIM_CARD] == 1
    assert set(counts.by_outcome) == set(HelpOutcome)


def test_the_csv_has_one_figure_per_row() -> None:
    report = DayReport(
        day=date(2026, 11, 23),
        tickets={("1.001193", None): 4, ("1.001193", "elderly"): 1},
        help=tally_help([_request(HelpReason.ELDERLY, ["vneid"])]),
        median_wait_to_claim_seconds=42.0,
    )

    rows = list(csv.DictReader(io.StringIO(report_as_csv([report]))))

    assert tuple(rows[0]) == CSV_COLUMNS
    tickets = [
        (r["procedure"], r["priority"], r["value"]) for r in rows if r["measure"] == "tickets"
    ]
    assert tickets == [("1.001193", "none", "4"), ("1.001193", "elderly", "1")]
    by_reason = {r["reason"]: r["value"] for r in rows if r["measure"] == "help_requests_by_reason"}
    assert by_reason["elderly"] == "1"
    assert len(by_reason) == len(HelpReason)
    (median,) = [r["value"] for r in rows if r["measure"] == "median_wait_to_claim_seconds"]
    assert median == "42.0"
