"""The checklist slip: printed through the desk on a fake network printer, counted per day."""

import json
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import ImageChops

from kiosk.catalog.loader import builtin_catalog
from kiosk.config import settings_from_mapping
from kiosk.helpdesk.requests import open_requests
from kiosk.printing.desk import TicketDesk
from kiosk.queue.service_day import service_day
from kiosk.reports.daily import daily_report, report_as_csv
from kiosk.storage.db import Database
from kiosk.storage.models import HelpReason
from printer import render_checklist_bitmap
from tests.support.fake_printer import FakeNetworkPrinter

BIRTH_REGISTRATION = "1.001193"


def _desk(
    database: Database, database_url: str, tmp_path: Path, port: int, width: int = 576
) -> TicketDesk:
    printer = {
        "kind": "network",
        "host": "127.0.0.1",
        "port": port,
        "timeout_seconds": 1.0,
        "width_dots": width,
    }
    settings = settings_from_mapping(
        {"database": {"url": database_url}, "printer": printer, "kiosk": {"id": "sanh-1"}},
        data_dir=tmp_path,
    )
    return TicketDesk(database, settings, builtin_catalog())


@pytest.mark.parametrize("width", [384, 576])
def test_the_printed_slip_is_the_rendered_one_and_the_report_counts_it(
    database: Database, database_url: str, tmp_path: Path, width: int
) -> None:
    with FakeNetworkPrinter() as fake:
        desk = _desk(database, database_url, tmp_path, fake.port, width)

        result = desk.print_checklist(BIRTH_REGISTRATION, "vi")
        job = fake.wait_for_job()

    expected = render_checklist_bitmap(result.content, width, desk.fonts)
    assert job.image is not None
    assert ImageChops.difference(job.image.convert("1"), expected).getbbox() is None
    assert result.printed
    assert (result.error, result.help_request_ids) == (None, ())
    assert open_requests(database) == []
    assert result.content.procedure_name == "Đăng ký khai sinh"
    assert "Tờ khai đăng ký khai sinh" in " ".join(result.content.documents)
    today = service_day(datetime.now(UTC), desk.settings.centre.zone)
    (report,) = daily_report(database, today, today, desk.settings.centre.zone)
    assert report.checklists_printed == 1
    assert report.as_json()["checklists_printed"] == 1
    assert f"{today.isoformat()},checklists_printed,,,,,1" in report_as_csv([report])
    assert report.tickets == {}
    assert json.loads(json.dumps(report.as_json()))["checklists_printed"] == 1


def test_a_slip_that_did_not_print_is_not_counted_and_calls_the_help_desk(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    desk = _desk(database, database_url, tmp_path, closed_port)

    result = desk.print_checklist(BIRTH_REGISTRATION, "en")

    assert not result.printed
    assert "refused" in (result.error or "")
    (fault,) = open_requests(database)
    assert fault.reason == HelpReason.PRINTER_FAULT
    today = service_day(datetime.now(UTC), desk.settings.centre.zone)
    (report,) = daily_report(database, today, today, desk.settings.centre.zone)
    assert report.checklists_printed == 0


def test_a_slip_the_printer_never_confirmed_is_not_counted_and_calls_the_help_desk(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    with FakeNetworkPrinter("no-status") as mute:
        desk = _desk(database, database_url, tmp_path, mute.port)

        result = desk.print_checklist(BIRTH_REGISTRATION, "vi")

    assert not result.printed
    assert result.status == "unknown"
    (fault,) = open_requests(database)
    assert (fault.reason, fault.procedure_code) == (HelpReason.PRINTER_FAULT, BIRTH_REGISTRATION)
    assert result.help_request_ids == (fault.id,)
    assert fault.detail == result.error
    today = service_day(datetime.now(UTC), desk.settings.centre.zone)
    (report,) = daily_report(database, today, today, desk.settings.centre.zone)
    assert report.checklists_printed == 0
