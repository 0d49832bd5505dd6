"""The settings of the kiosk, one frozen dataclass per section of the TOML file.

Each key's type carries its bounds (kiosk.config.bounds), checked by msgspec when the file and
the environment are read; checks that need more than one value live in kiosk.config.checks.
Constructing a section directly (as tests do) checks nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs

from kiosk.config.bounds import number, text, whole
from printer.spec import PrinterSpec

APP_NAME = "vn-kiosk"
LANGUAGES = ("vi", "en")
# Paper widths in dots of the two thermal rolls the kiosk prints on (58 mm and 80 mm).
PAPER_WIDTHS_DOTS = (384, 576)

# A path or printer name: long enough for any real one, never a control character.
PathText = text(4096, what="a path")
Name = text(120)
# Ticket and help-request rows hold the kiosk id in a 64-character column.
KioskId = text(64, required=True)
HostName = text(253, what="a host name or address")
Seconds = whole(10, 3600, "seconds")
WarningSeconds = whole(20, 600, "seconds")
TicketScreenSeconds = whole(5, 600, "seconds")
Age = whole(1, 120, "years")
Dpi = number(50, 600, "dots per inch")
Volume = number(0, 1)
BusyTimeoutMs = whole(100, 600_000, "milliseconds")
WidthDots = whole(1, 4096, "dots")
PrintTimeout = number(0.5, 120, "seconds")
Port = whole(1, 65535)
UsbId = whole(0, 0xFFFF)
Baudrate = whole(300, 921_600, "bits per second")
Minutes = number(0, 240, "minutes", above_low=True)
RetentionDays = whole(1, 3650, "days")
Policy = text(40)
Language = text(8)
Repeats = whole(1, 5)
Recalls = whole(0, 10)
ScreenCount = whole(0, 4, "screens")
Backups = whole(1, 366, "backups")
NoticeLine = text(200, what="one line on the TV")
Diagonal = number(0, 150, "inches")
TargetMinutes = number(0, 480, "minutes", above_low=True)
ListenPort = whole(1, 65535, noun="a port number")
RequestRate = number(0.1, 10_000, "requests per second")
Burst = whole(1, 100_000)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml"


@dataclass(frozen=True)
class CentreSettings:
    name: Name = "Trung tâm Phục vụ hành chính công"
    time_zone: Name = "Asia/Ho_Chi_Minh"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


@dataclass(frozen=True)
class KioskSettings:
    id: KioskId = "kiosk-1"
    languages: tuple[Language, ...] = LANGUAGES
    elderly_age: Age = 60
    idle_seconds: Seconds = 60
    idle_warning_seconds: WarningSeconds = 30
    ticket_screen_seconds: TicketScreenSeconds = 20
    # Used when the screen does not report its physical size (many HDMI panels report 0 mm).
    fallback_dpi: Dpi = 96.0
    speech_volume: Volume = 0.8
    where_to_wait: Name = "Khu vực chờ / Waiting area"


@dataclass(frozen=True)
class DatabaseSettings:
    # Empty means the embedded SQLite file in the data directory.
    url: PathText = ""
    busy_timeout_ms: BusyTimeoutMs = 10_000


@dataclass(frozen=True)
class PrinterSettings:
    # kind and raster_impl are checked by printer/ (PrinterSpec), which knows them.
    kind: Policy = "preview"
    width_dots: WidthDots = 576
    profile: Name = ""
    raster_impl: Policy = "bitImageRaster"
    timeout_seconds: PrintTimeout = 5.0
    host: HostName = ""
    port: Port = 9100
    device_path: PathText = ""
    serial_port: PathText = ""
    usb_vendor_id: UsbId = 0
    usb_product_id: UsbId = 0
    serial_baudrate: Baudrate = 9600
    cups_printer: Name = ""
    # Empty means <data dir>/tickets.
    preview_dir: PathText = ""
    qr_on_ticket: bool = True
    # The long ticket that lists the documents; by default the compact one (under 100 mm)
    # and the checklist is printed on request from the procedure's details.
    documents_on_ticket: bool = False


@dataclass(frozen=True)
class QueueSettings:
    # "strict": priority tickets always go first; "interleave:N": one priority after every N others.
    priority_policy: Policy = "strict"
    minutes_per_ticket: Minutes = 5.0
    # Field code -> queue prefix; fields not listed use the catalogue's prefix.
    prefixes: dict[str, str] = field(default_factory=dict)
    # A counter may mark a ticket no-show only after recalling it this many times (0: at once).
    no_show_after_recalls: Recalls = 1
    # The service level: the share of tickets called within this many minutes of issue.
    target_wait_minutes: TargetMinutes = 15.0

    @property
    def interleave_every(self) -> int | None:
        """N for an ``interleave:N`` policy, None for ``strict``."""
        if self.priority_policy == "strict":
            return None
        return int(self.priority_policy.split(":", 1)[1])


@dataclass(frozen=True)
class CatalogSettings:
    # Empty means <data dir>/catalog-overlay.toml.
    overlay: PathText = ""


@dataclass(frozen=True)
class PrivacySettings:
    # Tickets and help requests older than this are deleted; each day's figures stay.
    retention_days: RetentionDays = 90


@dataclass(frozen=True)
class DisplaySettings:
    # A folder with vi/ and en/ subfolders of a centre's own clips; empty: the bundled voice only.
    voice_dir: PathText = ""
    # How many times each call's sentence is said (after one chime).
    repeat: Repeats = 2
    # "words": A012 is "A mười hai"; "digits": "A không một hai" (checked in kiosk.config.checks).
    number_reading: Policy = "words"
    # The languages each call is spoken in, in this order; the hall display's fixed words are
    # shown in the same languages (Vietnamese first).
    languages: tuple[Language, ...] = ("vi",)
    # A line the hall display shows at its foot ("Giờ làm việc: 7:30 - 17:00"); empty: none.
    notice: NoticeLine = ""
    # The TV's diagonal, for sizing in millimetres when the screen reports no physical size
    # (most TVs over HDMI); 0: trust the screen, else kiosk.fallback_dpi (10 to 150 otherwise;
    # checked in kiosk.config.checks).
    screen_diagonal_inches: Diagonal = 0.0


@dataclass(frozen=True)
class WebSettings:
    """kiosk-web, the service phones and counter browsers reach."""

    host: HostName = "127.0.0.1"
    port: ListenPort = 8080
    # The address phones use to reach kiosk-web (e.g. "http://10.0.0.5:8080"); empty: tickets
    # carry no follow-your-turn QR code (shape checked in kiosk.config.checks).
    public_url: PathText = ""
    # Requests per second one address may sustain, and the burst it may send at once.
    rate_per_second: RequestRate = 10.0
    rate_burst: Burst = 60


@dataclass(frozen=True)
class StorageSettings:
    # How many daily backups of the embedded SQLite database are kept (the oldest go first).
    backups_kept: Backups = 14
    # Empty means <data dir>/backups.
    backup_dir: PathText = ""


@dataclass(frozen=True)
class DoctorSettings:
    # What `kiosk-admin doctor` checks besides this machine; empty or 0: not checked.
    # kiosk-web's address as this machine reaches it, e.g. "http://10.0.0.2:8080/" (shape
    # checked in kiosk.config.checks).
    web_url: PathText = ""
    # How many screens this PC drives: 2 when it also shows the hall display.
    screens: ScreenCount = 0


SECTIONS: dict[str, type] = {
    "centre": CentreSettings,
    "kiosk": KioskSettings,
    "database": DatabaseSettings,
    "printer": PrinterSettings,
    "queue": QueueSettings,
    "catalog": CatalogSettings,
    "privacy": PrivacySettings,
    "display": DisplaySettings,
    "web": WebSettings,
    "storage": StorageSettings,
    "doctor": DoctorSettings,
}


@dataclass(frozen=True)
class Settings:
    centre: CentreSettings = field(default_factory=CentreSettings)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    queue: QueueSettings = field(default_factory=QueueSettings)
    catalog: CatalogSettings = field(default_factory=CatalogSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    web: WebSettings = field(default_factory=WebSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    doctor: DoctorSettings = field(default_factory=DoctorSettings)
    data_dir: Path = field(default_factory=default_data_dir)
    source: Path | None = None
    # "section.key" -> "file" or "environment"; keys not listed have their default.
    origins: Mapping[str, str] = field(default_factory=dict)

    @property
    def database_url(self) -> str:
        if self.database.url:
            return self.database.url
        return f"sqlite:///{self.data_dir / 'kiosk.sqlite3'}"

    @property
    def preview_dir(self) -> Path:
        return (
            Path(self.printer.preview_dir)
            if self.printer.preview_dir
            else self.data_dir / "tickets"
        )

    @property
    def printer_spec(self) -> PrinterSpec:
        """The configured printer as printer/ takes it; ValueError names what is wrong."""
        printer = self.printer
        return PrinterSpec(
            kind=printer.kind,  # type: ignore[arg-type]
            width_dots=printer.width_dots,
            profile=printer.profile or None,
            raster_impl=printer.raster_impl,  # type: ignore[arg-type]
            timeout_seconds=printer.timeout_seconds,
            status_timeout_seconds=min(2.0, printer.timeout_seconds / 2),
            host=printer.host,
            port=printer.port,
            device_path=printer.device_path,
            serial_port=printer.serial_port,
            serial_baudrate=printer.serial_baudrate,
            usb_vendor_id=printer.usb_vendor_id or None,
            usb_product_id=printer.usb_product_id or None,
            cups_printer=printer.cups_printer,
            preview_dir=self.preview_dir,
        )

    @property
    def backup_dir(self) -> Path:
        return (
            Path(self.storage.backup_dir) if self.storage.backup_dir else self.data_dir / "backups"
        )

    @property
    def voice_dir(self) -> Path | None:
        """The centre's own voice clips (display.voice_dir), None for the bundled voice only."""
        return Path(self.display.voice_dir) if self.display.voice_dir else None

    @property
    def catalog_overlay_path(self) -> Path:
        return (
            Path(self.catalog.overlay)
            if self.catalog.overlay
            else self.data_dir / "catalog-overlay.toml"
        )
