"""Opening the python-escpos printer class that a :class:`PrinterSpec` names."""

import contextlib
import socket

from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import CupsPrinter, File, Network, Serial, Usb

from printer.escpos_job import set_paper_width
from printer.spec import PrinterSpec


class _QuietClose:
    """Closes on garbage collection without printing a traceback.

    python-escpos's ``__del__`` calls ``close()``, which raises (and Python prints the
    traceback on stderr) when ``__init__`` or ``open()`` failed half-way: the fault itself
    is already reported once, as a print outcome.
    """

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()  # type: ignore[attr-defined]


class _Usb(_QuietClose, Usb):
    """python-escpos's Usb, failing to open when the printer cannot be claimed.

    python-escpos 3.1 only logs "Could not set configuration" when the device is not
    writable (no udev rule) or busy (usblp, CUPS), and every ticket then fails later with
    an unrelated error; raising here lets the reason name the fix.
    """

    def _check_driver(self) -> None:
        try:
            attached = self.device.is_kernel_driver_active(0)
        except NotImplementedError:  # backends other than libusb1
            return
        if attached:
            self.device.detach_kernel_driver(0)

    def _configure_usb(self) -> None:
        self.device.set_configuration()
        self.device.reset()


class _Serial(_QuietClose, Serial):
    """python-escpos's Serial, taking a status answer as soon as it arrives.

    python-escpos asks pyserial for 16 bytes, and pyserial waits its whole timeout for
    them; a status answer is one byte, so every query took the full timeout.
    """

    def _read(self) -> bytes:
        first = self.device.read(1)
        return first + self.device.read(self.device.in_waiting) if first else first


class _File(_QuietClose, File):
    pass


class _CupsPrinter(_QuietClose, CupsPrinter):
    pass


class _Network(_QuietClose, Network):
    """python-escpos's Network, closing its socket when the connection fails.

    python-escpos 3.1 drops the socket unclosed when connecting fails, which
    leaks a file descriptor per failed ticket on a kiosk that runs for months.
    """

    def open(self, raise_not_found: bool = True) -> None:
        connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        connection.settimeout(self.timeout)
        try:
            connection.connect((self.host, self.port))
        except OSError as error:
            connection.close()
            raise DeviceNotFoundError(f"Could not open socket for {self.host}: {error}") from error
        self.device = connection


def open_printer(spec: PrinterSpec) -> Escpos:
    """An open connection to the printer (raises what python-escpos raises)."""
    printer = _printer_class_for(spec)
    set_paper_width(printer, spec.width_dots)
    printer.open()
    return printer


def _printer_class_for(spec: PrinterSpec) -> Escpos:
    match spec.kind:
        case "network":
            return _Network(
                spec.host, spec.port, timeout=spec.timeout_seconds, profile=spec.profile
            )
        case "usb":
            return _Usb(
                spec.usb_vendor_id,
                spec.usb_product_id,
                timeout=round(spec.timeout_seconds * 1000),
                profile=spec.profile,
            )
        case "serial":
            return _Serial(
                spec.serial_port,
                baudrate=spec.serial_baudrate,
                timeout=spec.status_timeout_seconds,
                profile=spec.profile,
            )
        case "file":
            return _File(spec.device_path, profile=spec.profile)
        case "cups":
            return _CupsPrinter(spec.cups_printer, profile=spec.profile)
        case _:
            raise ValueError(f"printer kind {spec.kind!r} has no python-escpos device")
