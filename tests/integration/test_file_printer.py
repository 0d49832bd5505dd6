"""The `file` printer kind (a device node) when the device stops taking data: one writer.

A FIFO nobody reads stands for a printer switched off behind /dev/usb/lp0: opening it
blocks until the printer comes back. The first ticket is given up after the timeout; later
ones fail at once as "printer busy" (the help desk is told of each) instead of leaving one
more blocked thread apiece, and when the device comes back nothing stale is written to it.
"""

import threading
from pathlib import Path

from kiosk.catalog.loader import load_catalog
from kiosk.config import settings_from_mapping
from kiosk.helpdesk.requests import open_requests
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import Database
from kiosk.storage.models import HelpReason, PrintStatus
from tests.support.fake_printer import parse_job
from tests.support.fifo_printer import FifoPrinter

BIRTH_REGISTRATION = "1.001193"


def _writers(device: Path) -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == f"printer {device}"]


def test_a_device_nobody_reads_has_one_writer_and_gets_nothing_stale(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    device = FifoPrinter(tmp_path)
    settings = settings_from_mapping(
        {
            "database": {"url": database_url},
            "printer": {"kind": "file", "device_path": str(device.path), "timeout_seconds": 0.5},
            "kiosk": {"id": "sanh-1"},
        },
        data_dir=tmp_path,
    )
    desk = TicketDesk(database, settings, load_catalog(None))
    try:
        results = [desk.issue_and_print(BIRTH_REGISTRATION, None, "vi") for _ in range(3)]

        assert [r.ticket.print_status for r in results] == [
            PrintStatus.UNKNOWN,
            PrintStatus.FAILED,
            PrintStatus.FAILED,
        ]
        busy = f"printer {device.path} is busy: it has not taken the previous job yet"
        assert [r.ticket.print_error for r in results[1:]] == [busy, busy]
        (writer,) = _writers(device.path)
        faults = [r for r in open_requests(database) if r.reason is HelpReason.PRINTER_FAULT]
        assert [f.ticket_label for f in faults] == ["A001", "A002", "A003"]
        assert faults[-1].detail == busy

        # The printer comes back: the given-up writer closes the device without writing.
        device.read_all()
        writer.join(timeout=10)
        assert not writer.is_alive()
        device.wait_closed()
        assert device.received == b""
    finally:
        device.close()

    # And the next ticket prints whole, from a new (single) writer.
    device.read_all()
    fourth = desk.issue_and_print(BIRTH_REGISTRATION, None, "vi")
    device.wait_closed()
    assert fourth.ticket.print_status is PrintStatus.PRINTED
    assert parse_job(bytes(device.received)).names.count("cut") == 1
    assert _writers(device.path) == []
