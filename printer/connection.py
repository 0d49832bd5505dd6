"""Opening the python-escpos printer class that a :class:`PrinterSpec` names."""

import socket

from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import CupsPrinter, File, Network, Serial, Usb

from printer.escpos_job import set_paper_width
from printer.spec import PrinterSpec


class _Network(Network):
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
            return Usb(
                spec.usb_vendor_id,
                spec.usb_product_id,
                timeout=round(spec.timeout_seconds * 1000),
                profile=spec.profile,
            )
        case "serial":
            return Serial(
                spec.serial_port,
                baudrate=spec.serial_baudrate,
                timeout=spec.status_timeout_seconds,
                profile=spec.profile,
            )
        case "file":
            return File(spec.device_path, profile=spec.profile)
        case "cups":
            return CupsPrinter(spec.cups_printer, profile=spec.profile)
        case _:
            raise ValueError(f"printer kind {spec.kind!r} has no python-escpos device")
