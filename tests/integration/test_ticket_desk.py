"""The ticket desk end to end: stored first, printed on a fake network printer, faults kept."""

import logging
import re
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import ImageChops
from sqlalchemy import select

from kiosk.catalog.loader import load_catalog
from kiosk.catalog.procedures import Catalog
from kiosk.config import settings_from_mapping
from kiosk.helpdesk.requests import open_requests
from kiosk.printing.desk import TicketDesk, TicketNotFound, check_printer
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import HelpReason, PrintStatus, Priority, Ticket
from printer import render_ticket_bitmap
from tests.support.fake_printer import FakeMode, FakeNetworkPrinter

BIRTH_REGISTRATION = "1.001193"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


@pytest.fixture
def desk_on(
    database: Database, database_url: str, tmp_path: Path, catalog: Catalog
) -> Callable[[int], TicketDesk]:
    """A ticket desk printing to a network printer on 127.0.0.1 at the given port."""

    def make(port: int) -> TicketDesk:
        printer = {"kind": "network", "host": "127.0.0.1", "port": port, "timeout_seconds": 1.0}
        settings = settings_from_mapping(
            {"database": {"url": database_url}, "printer": printer, "kiosk": {"id": "sanh-1"}},
            data_dir=tmp_path,
        )
        return TicketDesk(database, settings, catalog)

    return make


@pytest.fixture
def fake_printer(request: pytest.FixtureRequest) -> Iterator[FakeNetworkPrinter]:
    mode: FakeMode = getattr(request, "param", "normal")
    with FakeNetworkPrinter(mode, close_after_bytes=2000) as fake:
        yield fake


def _stored(database: Database, ticket_id: int) -> Ticket:
    with database.read() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return ticket


def test_a_printed_ticket_is_the_rendered_one_pixel_for_pixel(
    database: Database,
    desk_on: Callable[[int], TicketDesk],
    fake_printer: FakeNetworkPrinter,
) -> None:
    desk = desk_on(fake_printer.port)

    result = desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")

    job = fake_printer.wait_for_job()
    expected = render_ticket_bitmap(result.content, 576, desk.fonts)
    assert job.image is not None
    assert ImageChops.difference(job.image.convert("1"), expected).getbbox() is None
    assert result.printed
    assert result.content.procedure_name == "Đăng ký khai sinh"
    assert _stored(database, result.ticket.id).print_status == "printed"
    assert open_requests(database) == []
    assert result.help_request_ids == ()


def test_an_elderly_citizen_gets_a_flagged_ticket_and_a_volunteer(
    database: Database,
    desk_on: Callable[[int], TicketDesk],
    fake_printer: FakeNetworkPrinter,
) -> None:
    desk = desk_on(fake_printer.port)

    result = desk.issue_and_print(BIRTH_REGISTRATION, Priority.ELDERLY, "en")

    assert result.content.priority_label == "PRIORITY · ELDERLY"
    assert result.content.procedure_name == "Birth registration"
    (request,) = open_requests(database)
    assert request.reason is HelpReason.ELDERLY
    assert request.ticket_label == result.ticket.label
    assert request.kiosk_id == "sanh-1"
    assert result.help_request_ids == (request.id,)


@pytest.mark.parametrize("documents_on_ticket", [True, False])
def test_the_documents_to_bring_are_on_the_ticket_only_when_the_centre_wants_them(
    database: Database,
    database_url: str,
    tmp_path: Path,
    fake_printer: FakeNetworkPrinter,
    documents_on_ticket: bool,
) -> None:
    printer = {
        "kind": "network",
        "host": "127.0.0.1",
        "port": fake_printer.port,
        "documents_on_ticket": documents_on_ticket,
    }
    settings = settings_from_mapping(
        {"database": {"url": database_url}, "printer": printer}, data_dir=tmp_path
    )
    desk = TicketDesk(database, settings, load_catalog(None))

    result = desk.issue_and_print(BIRTH_REGISTRATION, None, "en")

    wanted = tuple(d.text("en") for d in desk.catalog.procedure(BIRTH_REGISTRATION).documents)
    assert wanted
    assert result.content.documents == (wanted if documents_on_ticket else ())


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("fake_printer", "statuses", "reason"),
    [
        ("paper-out", {PrintStatus.FAILED}, "paper"),
        ("close-after-bytes", {PrintStatus.FAILED}, "closed the connection"),
        # The kernel may take the whole ticket into its buffers (sent, never confirmed:
        # unknown) or stall the send (failed); never "printed".
        ("never-read", {PrintStatus.UNKNOWN, PrintStatus.FAILED}, "did not answer|stopped taking"),
    ],
    indirect=["fake_printer"],
)
def test_a_printer_fault_keeps_the_ticket_and_calls_the_help_desk(
    database: Database,
    desk_on: Callable[[int], TicketDesk],
    fake_printer: FakeNetworkPrinter,
    statuses: set[PrintStatus],
    reason: str,
) -> None:
    desk = desk_on(fake_printer.port)

    first = desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")
    second = desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")

    assert not first.printed
    assert first.ticket.print_status in statuses
    assert re.search(reason, first.ticket.print_error or "")
    stored = _stored(database, first.ticket.id)
    assert (stored.print_status, stored.number) == (first.ticket.print_status.value, 1)
    assert second.ticket.number == 2
    faults = [r for r in open_requests(database) if r.reason is HelpReason.PRINTER_FAULT]
    assert [f.ticket_label for f in faults] == [first.ticket.label, second.ticket.label]
    assert faults[0].detail == first.ticket.print_error
    # The citizen's screen shows the whole ticket instead, with its QR code.
    assert first.content.number_label == "A001"
    assert first.content.qr_url


def test_a_refused_connection_is_a_failed_print(
    database: Database, desk_on: Callable[[int], TicketDesk]
) -> None:
    desk = desk_on(_closed_port())

    result = desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")

    assert result.ticket.print_status is PrintStatus.FAILED
    assert "refused" in (result.ticket.print_error or "")
    with database.read() as session:
        assert session.scalars(select(Ticket.print_status)).all() == ["failed"]


def test_staff_reprint_a_stored_ticket(
    database: Database,
    desk_on: Callable[[int], TicketDesk],
    fake_printer: FakeNetworkPrinter,
) -> None:
    desk = desk_on(fake_printer.port)
    first = desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")
    desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")

    again = desk.reprint(first.ticket.service_day, "A", 1, "vi")

    assert again.printed
    assert again.ticket.id == first.ticket.id
    assert again.ticket.people_ahead == 0
    assert len(fake_printer.connections) == 3


def test_reprint_finds_the_ticket_of_that_day_queue_and_number_only(
    database: Database,
    desk_on: Callable[[int], TicketDesk],
    fake_printer: FakeNetworkPrinter,
) -> None:
    desk = desk_on(fake_printer.port)
    now = datetime.now(UTC)

    def issue(prefix: str, at: datetime) -> int:
        return issue_ticket(
            database, desk.settings, procedure_code=BIRTH_REGISTRATION, prefix=prefix, now=at
        ).id

    # Neighbours stored first: the same numbers on other days and in queues on either side.
    for at in (now - timedelta(days=1), now + timedelta(days=1)):
        for _ in range(3):
            issue("B", at)
    for prefix in ("A", "A", "C", "C", "C", "B"):
        issue(prefix, now)
    wanted = issue("B", now)
    today = _stored(database, wanted).service_day

    again = desk.reprint(today, "B", 2, "vi")

    assert (again.ticket.id, again.ticket.label, again.printed) == (wanted, "B002", True)
    # Numbers that today's queue B has not given: one that queue C and the next day have,
    # and one below all.
    with pytest.raises(TicketNotFound, match="no ticket B003 on"):
        desk.reprint(today, "B", 3, "vi")
    with pytest.raises(TicketNotFound, match="no ticket B000 on"):
        desk.reprint(today, "B", 0, "vi")


def test_the_printer_test_says_whether_its_page_was_printed(
    desk_on: Callable[[int], TicketDesk],
    fake_printer: FakeNetworkPrinter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.printing.desk")
    working = check_printer(desk_on(fake_printer.port).settings)
    refused = check_printer(desk_on(_closed_port()).settings)
    with FakeNetworkPrinter("no-status") as mute:
        unanswered = check_printer(desk_on(mute.port).settings)

    assert working.printed
    assert fake_printer.wait_for_job().image is not None
    assert working.as_json()["print_status"] == "printed"
    assert not refused.printed
    assert refused.as_json()["print_status"] == "failed"
    assert "refused" in str(refused.as_json()["print_error"])
    # The technician reads why in the log.
    assert re.search(r"printer test on 127\.0\.0\.1:\d+: failed .*refused", caplog.text)
    assert not unanswered.printed  # sent, but the printer never said it printed
    assert unanswered.as_json()["print_status"] == "unknown"
