"""Every setting of the kiosk, declared once, read from one TOML file plus environment overrides.

This is the only module that reads the environment or the configuration file. A wrong key or
value stops start-up with a message that names the key and what is allowed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from kiosk.errors import ConfigError
from printer.spec import PrinterSpec

APP_NAME = "vn-kiosk"
LANGUAGES = ("vi", "en")
ENV_CONFIG = "KIOSK_CONFIG"
ENV_DATABASE_URL = "KIOSK_DATABASE_URL"
ENV_KIOSK_ID = "KIOSK_ID"
ENV_DATA_DIR = "KIOSK_DATA_DIR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml"


@dataclass(frozen=True)
class CentreSettings:
    name: str = "Trung tâm Phục vụ hành chính công"
    time_zone: str = "Asia/Ho_Chi_Minh"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


@dataclass(frozen=True)
class KioskSettings:
    id: str = "kiosk-1"
    languages: tuple[str, ...] = LANGUAGES
    elderly_age: int = 60
    idle_seconds: int = 60
    idle_warning_seconds: int = 30
    ticket_screen_seconds: int = 20
    # Used when the screen does not report its physical size (many HDMI panels report 0 mm).
    fallback_dpi: float = 96.0
    speech_volume: float = 0.8
    where_to_wait: str = "Khu vực chờ / Waiting area"


@dataclass(frozen=True)
class DatabaseSettings:
    # Empty means the embedded SQLite file in the data directory.
    url: str = ""
    busy_timeout_ms: int = 10_000


@dataclass(frozen=True)
class PrinterSettings:
    kind: str = "preview"
    width_dots: int = 576
    profile: str = ""
    raster_impl: str = "bitImageRaster"
    timeout_seconds: float = 5.0
    host: str = ""
    port: int = 9100
    device_path: str = ""
    serial_port: str = ""
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_baudrate: int = 9600
    cups_printer: str = ""
    # Empty means <data dir>/tickets.
    preview_dir: str = ""
    qr_on_ticket: bool = True


@dataclass(frozen=True)
class QueueSettings:
    # "strict": priority tickets always go first; "interleave:N": one priority after every N others.
    priority_policy: str = "strict"
    minutes_per_ticket: float = 5.0
    # Field code -> queue prefix; fields not listed use the catalogue's prefix.
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def interleave_every(self) -> int | None:
        """N for an ``interleave:N`` policy, None for ``strict``."""
        if self.priority_policy == "strict":
            return None
        return int(self.priority_policy.split(":", 1)[1])


@dataclass(frozen=True)
class CatalogSettings:
    # Empty means <data dir>/catalog-overlay.toml.
    overlay: str = ""


@dataclass(frozen=True)
class PrivacySettings:
    # Tickets and help requests older than this are deleted; each day's figures stay.
    retention_days: int = 90


@dataclass(frozen=True)
class DoctorSettings:
    # What `kiosk-admin doctor` checks besides this machine; empty or 0: not checked.
    # kiosk-web's address as this machine reaches it, e.g. "http://10.0.0.2:8080/".
    web_url: str = ""
    # How many screens this PC drives: 2 when it also shows the hall display.
    screens: int = 0


@dataclass(frozen=True)
class Settings:
    centre: CentreSettings = field(default_factory=CentreSettings)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    queue: QueueSettings = field(default_factory=QueueSettings)
    catalog: CatalogSettings = field(default_factory=CatalogSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    doctor: DoctorSettings = field(default_factory=DoctorSettings)
    data_dir: Path = field(default_factory=default_data_dir)
    source: Path | None = None

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
    def catalog_overlay_path(self) -> Path:
        return (
            Path(self.catalog.overlay)
            if self.catalog.overlay
            else self.data_dir / "catalog-overlay.toml"
        )


_SECTIONS: dict[str, type] = {
    "centre": CentreSettings,
    "kiosk": KioskSettings,
    "database": DatabaseSettings,
    "printer": PrinterSettings,
    "queue": QueueSettings,
    "catalog": CatalogSettings,
    "privacy": PrivacySettings,
    "doctor": DoctorSettings,
}


def _type_name(kind: object) -> str:
    origin = typing.get_origin(kind)
    if origin is tuple:
        return f"a list of {_type_name(typing.get_args(kind)[0])}"
    if origin is dict:
        return "a table of strings"
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}.get(
        kind, str(kind)
    )


def _convert(key: str, value: object, kind: object) -> object:
    origin = typing.get_origin(kind)
    wrong = ConfigError(f"{key}: expected {_type_name(kind)}, got {value!r}")
    if origin is tuple:
        if not isinstance(value, list):
            raise wrong
        (item_kind, _) = typing.get_args(kind)
        return tuple(_convert(key, item, item_kind) for item in value)
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise wrong
        return dict(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, bool):
        raise wrong
    if not isinstance(value, kind):  # type: ignore[arg-type]
        raise wrong
    return value


def _build_section(name: str, table: object) -> object:
    cls = _SECTIONS[name]
    if not isinstance(table, dict):
        raise ConfigError(f"[{name}]: expected a table of settings, got {table!r}")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{name}.{key}: unknown setting; allowed: {', '.join(sorted(known))}")
        values[key] = _convert(f"{name}.{key}", value, hints[key])
    return cls(**values)


def _check(settings: Settings) -> None:
    """Check the values whose type is right but whose meaning may not be."""
    try:
        ZoneInfo(settings.centre.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"centre.time_zone: unknown time zone {settings.centre.time_zone!r};"
            " use an IANA name such as 'Asia/Ho_Chi_Minh'"
        ) from exc
    bad_languages = [lang for lang in settings.kiosk.languages if lang not in LANGUAGES]
    if bad_languages or not settings.kiosk.languages:
        raise ConfigError(f"kiosk.languages: allowed languages are {', '.join(LANGUAGES)}")
    if not 1 <= settings.kiosk.elderly_age <= 120:
        raise ConfigError("kiosk.elderly_age: expected an age between 1 and 120")
    if settings.kiosk.idle_seconds < 10 or settings.kiosk.idle_warning_seconds < 20:
        raise ConfigError(
            "kiosk.idle_seconds must be at least 10 and kiosk.idle_warning_seconds at least 20"
            " (WCAG 2.2.1 asks for at least 20 s of warning)"
        )
    if not 0.0 <= settings.kiosk.speech_volume <= 1.0:
        raise ConfigError("kiosk.speech_volume: expected a number from 0.0 to 1.0")
    if settings.kiosk.fallback_dpi <= 0:
        raise ConfigError("kiosk.fallback_dpi: expected a positive number of dots per inch")
    _check_printer(settings)
    _check_queue(settings.queue)
    if settings.privacy.retention_days < 1:
        raise ConfigError("privacy.retention_days: expected a whole number of days from 1")
    url = settings.database.url
    if url and not url.startswith(("sqlite", "postgresql")):
        raise ConfigError("database.url: expected a sqlite:/// or postgresql+psycopg:// URL")
    _check_doctor(settings.doctor)


def _check_doctor(doctor: DoctorSettings) -> None:
    if doctor.web_url and not re.match(r"https?://[^/\s]+", doctor.web_url):
        raise ConfigError("doctor.web_url: expected an http:// or https:// address, or empty")
    if not 0 <= doctor.screens <= 4:
        raise ConfigError("doctor.screens: expected a whole number from 0 (not checked) to 4")


def _check_printer(settings: Settings) -> None:
    # printer/ knows which combinations a printer needs; its verdict is reported here by key.
    try:
        settings.printer_spec  # noqa: B018
    except ValueError as exc:
        raise ConfigError(f"[printer] {str(exc).removeprefix('printer settings: ')}") from exc


def _check_queue(queue: QueueSettings) -> None:
    policy = queue.priority_policy
    if not re.fullmatch(r"strict|interleave:[1-9][0-9]*", policy):
        raise ConfigError(
            f"queue.priority_policy: {policy!r} is not allowed; use 'strict' or 'interleave:N'"
            " (N a whole number from 1)"
        )
    if queue.minutes_per_ticket <= 0:
        raise ConfigError("queue.minutes_per_ticket: expected a positive number of minutes")
    for field_code, prefix in queue.prefixes.items():
        if not re.fullmatch(r"[A-Z]{1,2}", prefix):
            raise ConfigError(
                f"queue.prefixes.{field_code}: {prefix!r} is not allowed;"
                " use one or two capital letters"
            )


def settings_from_mapping(
    document: Mapping[str, object], *, data_dir: Path | None = None, source: Path | None = None
) -> Settings:
    """Build validated settings from a parsed TOML document."""
    sections: dict[str, object] = {}
    for name, table in document.items():
        if name not in _SECTIONS:
            raise ConfigError(f"[{name}]: unknown section; allowed: {', '.join(_SECTIONS)}")
        sections[name] = _build_section(name, table)
    settings = Settings(
        **sections,  # type: ignore[arg-type]
        data_dir=data_dir or default_data_dir(),
        source=source,
    )
    _check(settings)
    return settings


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Load settings: ``path``, else $KIOSK_CONFIG, else the user config file if it exists.

    With no file at all the embedded defaults apply. $KIOSK_DATABASE_URL and $KIOSK_ID
    override the file.
    """
    env = os.environ if environ is None else environ
    explicit = path or (Path(env[ENV_CONFIG]) if env.get(ENV_CONFIG) else None)
    chosen = explicit or default_config_path()
    document: dict[str, object] = {}
    source = chosen if explicit is not None or chosen.exists() else None
    if source is not None:
        try:
            document = tomllib.loads(chosen.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{chosen}: configuration file not found") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{chosen}: not valid TOML: {exc}") from exc
    for env_name, section, key in (
        (ENV_DATABASE_URL, "database", "url"),
        (ENV_KIOSK_ID, "kiosk", "id"),
    ):
        if env.get(env_name):
            table = document.setdefault(section, {})
            if isinstance(table, dict):
                table[key] = env[env_name]
    data_dir = Path(env[ENV_DATA_DIR]) if env.get(ENV_DATA_DIR) else None
    try:
        return settings_from_mapping(document, data_dir=data_dir, source=source)
    except ConfigError as exc:
        raise ConfigError(f"{chosen}: {exc}") from exc


def settings_as_dict(settings: Settings) -> dict[str, object]:
    """The effective settings as plain data, for `kiosk-admin config show`."""
    result: dict[str, object] = {}
    for name in _SECTIONS:
        section = dataclasses.asdict(getattr(settings, name))
        result[name] = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in section.items()
        }
    result["effective"] = {
        "config_file": str(settings.source) if settings.source else None,
        "data_dir": str(settings.data_dir),
        "database_url": settings.database_url,
        "preview_dir": str(settings.preview_dir),
        "catalog_overlay": str(settings.catalog_overlay_path),
    }
    return result
