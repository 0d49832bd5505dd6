"""Which printer to use and how to talk to it: one frozen value per configuration."""

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

PrinterKind = Literal["usb", "serial", "network", "file", "cups", "preview"]
RasterImpl = Literal["bitImageRaster", "graphics", "bitImageColumn"]

PRINTER_KINDS: tuple[str, ...] = get_args(PrinterKind)
RASTER_IMPLS: tuple[str, ...] = get_args(RasterImpl)


@dataclass(frozen=True)
class PrinterSpec:
    """A configured printer.

    ``timeout_seconds`` bounds one whole print attempt (connect, status, send);
    ``status_timeout_seconds`` is how long to wait for an answer to a status query
    before calling the status unknown.
    """

    kind: PrinterKind = "preview"
    width_dots: int = 576
    profile: str | None = None
    raster_impl: RasterImpl = "bitImageRaster"
    timeout_seconds: float = 10.0
    status_timeout_seconds: float = 2.0
    host: str = ""
    port: int = 9100
    device_path: str = ""
    usb_vendor_id: int | None = None
    usb_product_id: int | None = None
    serial_port: str = ""
    serial_baudrate: int = 9600
    cups_printer: str = ""
    preview_dir: Path | None = None

    def __post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise ValueError("printer settings: " + "; ".join(problems))

    def _problems(self) -> list[str]:
        problems: list[str] = []
        if self.kind not in PRINTER_KINDS:
            problems.append(f"kind {self.kind!r} is not one of {', '.join(PRINTER_KINDS)}")
        if self.raster_impl not in RASTER_IMPLS:
            problems.append(
                f"raster_impl {self.raster_impl!r} is not one of {', '.join(RASTER_IMPLS)}"
            )
        if self.width_dots <= 0 or self.width_dots % 8:
            problems.append(f"width_dots {self.width_dots} must be a positive multiple of 8")
        if self.timeout_seconds <= 0:
            problems.append("timeout_seconds must be greater than 0")
        if not 0 < self.status_timeout_seconds < self.timeout_seconds:
            problems.append("status_timeout_seconds must be between 0 and timeout_seconds")
        problems.extend(self._profile_problems())
        problems.extend(self._kind_problems())
        return problems

    def _profile_problems(self) -> list[str]:
        if self.profile is None:
            return []
        # Loaded only when a profile is named: the database takes a while to read.
        from escpos.capabilities import CAPABILITIES

        profiles = CAPABILITIES["profiles"]
        if self.profile not in profiles:
            return [f"profile {self.profile!r} is not in the python-escpos profile database"]
        pixels = profiles[self.profile].get("media", {}).get("width", {}).get("pixels")
        if isinstance(pixels, int) and pixels < self.width_dots:
            return [
                f"width_dots {self.width_dots} is wider than the {pixels} dots "
                f"that profile {self.profile!r} prints"
            ]
        return []

    def _kind_problems(self) -> list[str]:
        needed = {
            "network": ("host", self.host),
            "file": ("device_path", self.device_path),
            "serial": ("serial_port", self.serial_port),
            "cups": ("cups_printer", self.cups_printer),
            "preview": ("preview_dir", self.preview_dir),
        }
        if self.kind == "usb" and (self.usb_vendor_id is None or self.usb_product_id is None):
            return ["kind 'usb' needs usb_vendor_id and usb_product_id"]
        if self.kind in needed and not needed[self.kind][1]:
            return [f"kind {self.kind!r} needs {needed[self.kind][0]}"]
        return []

    @property
    def target(self) -> str:
        """Where the printer is, as a technician would name it in a log line."""
        match self.kind:
            case "network":
                return f"{self.host}:{self.port}"
            case "file":
                return self.device_path
            case "serial":
                return self.serial_port
            case "cups":
                return f"CUPS queue {self.cups_printer}"
            case "usb":
                return f"USB {self.usb_vendor_id:04x}:{self.usb_product_id:04x}"
            case _:
                return str(self.preview_dir)
