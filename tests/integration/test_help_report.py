"""`kiosk-admin report` and `kiosk-admin volunteers` on the real databases."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.config import Settings
from kiosk.helpdesk.requests import claim_request, close_request, create_help_request
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import HelpOutcome, HelpReason, Priority

# 09:00 in Ho Chi Minh City on 23 and 24 November 2026.
MONDAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
TUESDAY = MONDAY + timedelta(days=1)


@pytest.fixture
def config_file(database_url: str, tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[database]\nurl = "{database_url}"\n', encoding="utf-8")
    return path


def _admin(config_file: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--config", str(config_file), *args]) == 0
    return capsys.readouterr().out


def _fill(database: Database, settings: Settings) -> None:
    for priority in (None, None, Priority.ELDERLY):
        issue_ticket(
            database, settings, procedure_code="1.001193", prefix="A", priority=priority, now=MONDAY
        )
    issue_ticket(database, settings, procedure_code="2.000986", prefix="B", now=TUESDAY)
    for wait_seconds, reason in ((30, HelpReason.ELDERLY), (90, HelpReason.ASKED_FOR_HELP)):
        request_id = create_help_request(database, reason=reason, kiosk_id="k", now=MONDAY)
        claim_request(database, request_id, "Lan", now=MONDAY + timedelta(seconds=wait_seconds))
        close_request(database, request_id, [HelpOutcome.VNEID], now=MONDAY + timedelta(minutes=5))
    create_help_request(database, reason=HelpReason.PRINTER_FAULT, kiosk_id="k", now=TUESDAY)


def test_the_json_report_has_one_object_per_day(
    database: Database, settings: Settings, config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(database, settings)

    out = _admin(
        config_file,
        capsys,
        "report",
        "--from",
        "2026-11-22",
        "--to",
        "2026-11-24",
        "--format",
        "json",
    )

    sunday, monday, tuesday = (json.loads(line) for line in out.splitlines())
    assert sunday["tickets_total"] == 0
    assert sunday["median_wait_to_claim_seconds"] is None
    assert monday["day"] == "2026-11-23"
    assert monday["tickets"] == [
        {"procedure": "1.001193", "priority": None, "count": 2},
        {"procedure": "1.001193", "priority": "elderly", "count": 1},
    ]
    assert monday["help_requests_by_reason"]["elderly"] == 1
    assert monday["help_requests_by_reason"]["asked_for_help"] == 1
    assert monday["help_requests_by_outcome"]["vneid"] == 2
    assert monday["median_wait_to_claim_seconds"] == 60.0
    assert tuesday["help_requests_by_reason"]["printer_fault"] == 1
    assert tuesday["help_requests_closed"] == 0


def test_the_csv_report_reads_back_as_a_table(
    database: Database, settings: Settings, config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(database, settings)

    out = _admin(config_file, capsys, "report", "--from", "2026-11-24", "--to", "2026-11-24")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["day"] for r in rows} == {"2026-11-24"}
    assert [(r["procedure"], r["value"]) for r in rows if r["measure"] == "tickets"] == [
        ("2.000986", "1")
    ]


def test_a_report_ending_before_it_starts_is_one_clear_line(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["--config", str(config_file), "report", "--from", "2026-11-24", "--to", "2026-11-01"]
    )

    assert status == 2
    assert capsys.readouterr().err.strip() == (
        "kiosk-admin: --to 2026-11-01 comes before --from 2026-11-24"
    )


def test_staff_edit_the_roster_from_the_command_line(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _admin(config_file, capsys, "volunteers", "add", "Lan", "Minh")
    _admin(config_file, capsys, "volunteers", "remove", "Lan")

    out = _admin(config_file, capsys, "volunteers", "list", "--json")

    assert [json.loads(line) for line in out.splitlines()] == [{"name": "Minh"}]
