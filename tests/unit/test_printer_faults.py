"""Printer faults in one sentence naming the printer and the fix, from the errors that
python-escpos, pyusb and pyserial really raise (wrapped as python-escpos wraps them)."""

import errno

import pytest
import serial
import usb.core
from escpos.exceptions import DeviceNotFoundError

from printer import PrinterSpec
from printer.faults import fault_reason, is_expected_fault

USB = PrinterSpec(kind="usb", usb_vendor_id=0x04B8, usb_product_id=0x0202)
SERIAL = PrinterSpec(kind="serial", serial_port="/dev/ttyUSB0")


def wrapped(cause: Exception) -> DeviceNotFoundError:
    """What python-escpos's open() raises while handling ``cause``."""
    try:
        try:
            raise cause
        except Exception:  # as python-escpos does: the cause stays as __context__ only
            raise DeviceNotFoundError("Unable to open USB printer:\nsomething")  # noqa: B904
    except DeviceNotFoundError as error:
        return error


@pytest.mark.parametrize(
    ("cause", "words"),
    [
        (AssertionError("Device not found"), "USB printer 04b8:0202 not found: plug it in"),
        (
            usb.core.USBError("Access denied", errno=errno.EACCES),
            "no permission to use USB printer 04b8:0202: install deploy/udev/",
        ),
        (
            usb.core.USBError("Resource busy", errno=errno.EBUSY),
            "USB printer 04b8:0202 is busy: the usblp driver or CUPS",
        ),
    ],
)
def test_usb_faults_name_the_printer_and_the_fix(cause: Exception, words: str) -> None:
    reason = fault_reason(wrapped(cause), USB)

    assert words in reason
    assert "\n" not in reason


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOENT, "printer port /dev/ttyUSB0 does not exist"),
        (errno.EACCES, "add the kiosk's user to the dialout group"),
        (errno.EBUSY, "/dev/ttyUSB0 is busy: another program holds it"),
    ],
)
def test_serial_faults_name_the_port_and_the_fix(code: int, words: str) -> None:
    cause = serial.SerialException(code, "could not open port /dev/ttyUSB0: [Errno ...]")

    assert words in fault_reason(wrapped(cause), SERIAL)


def test_missing_libusb_names_the_package() -> None:
    error = usb.core.NoBackendError("No backend available")

    assert is_expected_fault(error)
    assert "apt-get install libusb-1.0-0" in fault_reason(error, USB)
