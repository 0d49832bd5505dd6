"""Serial and USB printers: real pyserial to a pseudo-terminal read by the fake printer, and the
one-line faults staff see when a printer is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import ImageChops

from printer import FontSet, PrinterSpec, print_ticket, query_status, render_ticket_bitmap
from tests.integration.test_network_printer import content
from tests.support.fake_printer import FakeMode
from tests.support.fake_serial_printer import FakeSerialPrinter


def serial_spec(port: str) -> PrinterSpec:
    return PrinterSpec(
        kind="serial",
        serial_port=port,
        serial_baudrate=115200,
        width_dots=384,
        timeout_seconds=5.0,
        status_timeout_seconds=0.5,
    )


def test_a_ticket_through_pyserial_decodes_to_the_rendered_image(fonts: FontSet) -> None:
    image = render_ticket_bitmap(content(), 384, fonts)
    with FakeSerialPrinter() as fake:
        outcome = print_ticket(image, serial_spec(fake.port))
        job = fake.wait_for_job()

    assert (outcome.status, outcome.reason) == ("printed", None)
    printed = [name for name in job.names if name != "status"]
    assert (printed[0], printed[-1]) == ("init", "cut")
    assert job.image is not None
    assert ImageChops.difference(job.image.convert("L"), image.convert("L")).getbbox() is None


@pytest.mark.parametrize(
    ("mode", "online", "paper"),
    [("normal", True, "ok"), ("paper-low", True, "low"), ("paper-out", False, "out")],
)
def test_a_serial_printer_answers_its_status(mode: FakeMode, online: bool, paper: str) -> None:
    with FakeSerialPrinter(mode) as fake:
        status = query_status(serial_spec(fake.port))

    assert (status.online, status.paper) == (online, paper)


def test_a_serial_printer_out_of_paper_gets_no_ticket(fonts: FontSet) -> None:
    image = render_ticket_bitmap(content(), 384, fonts)
    with FakeSerialPrinter("paper-out") as fake:
        outcome = print_ticket(image, serial_spec(fake.port))
        received = fake.received.parsed()

    assert (outcome.status, outcome.reason) == ("failed", "paper out")
    assert received.image is None


def kiosk_admin_printer_test(
    tmp_path: Path, printer_section: str
) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[printer]\n{printer_section}\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "--config", str(config), "printer", "test"],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path)},
        timeout=120,
        check=False,
    )


def test_a_usb_printer_not_plugged_in_is_one_line_naming_it(tmp_path: Path) -> None:
    result = kiosk_admin_printer_test(
        tmp_path, 'kind = "usb"\nusb_vendor_id = 0x04b8\nusb_product_id = 0x0202'
    )

    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("kiosk-admin: ")
    assert "04b8:0202" in line
    assert "not found" in line


def test_a_missing_serial_port_is_one_line_naming_it(tmp_path: Path) -> None:
    result = kiosk_admin_printer_test(tmp_path, 'kind = "serial"\nserial_port = "/dev/ttyNONE9"')

    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "/dev/ttyNONE9 does not exist" in line
