"""Opening the python-escpos printer class that a :class:`PrinterSpec` names."""

from escpos.escpos import Escpos
from escpos.printer import CupsPrinter, File, Network, Serial, Usb

from printer.escpos_job import set_paper_width
from printer.spec import PrinterSpec


def open_printer(spec: PrinterSpec) -> Escpos:
    """An open connection to the printer (raises what python-escpos raises)."""
    printer = _printer_class_for(spec)
    set_paper_width(printer, spec.width_dots)
    printer.open()
    return printer


def _printer_class_for(spec: PrinterSpec) -> Escpos:
    match spec.kind:
        case "network":
            return Network(spec.host, spec.port, timeout=spec.timeout_seconds, profile=spec.profile)
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
