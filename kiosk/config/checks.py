"""Checks of settings whose type is right but whose meaning may not be.

Bounds of single values are in the types (kiosk.config.models); what is here needs a look-up
(time zones, printer profiles) or more than one value.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.config.models import (
    LANGUAGES,
    PAPER_WIDTHS_DOTS,
    DisplaySettings,
    DoctorSettings,
    QueueSettings,
    Settings,
    WebSettings,
)
from kiosk.errors import ConfigError

# The database drivers the kiosk ships with (SQLAlchemy names; bare postgresql means psycopg 3).
DATABASE_SCHEMES = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
FIELD_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def check(settings: Settings) -> None:
    """Raise ConfigError naming the first key whose value cannot work."""
    try:
        ZoneInfo(settings.centre.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"centre.time_zone: unknown time zone {settings.centre.time_zone!r};"
            " use an IANA name such as 'Asia/Ho_Chi_Minh'"
        ) from exc
    languages = settings.kiosk.languages
    bad_languages = [lang for lang in languages if lang not in LANGUAGES]
    if bad_languages or not languages or len(set(languages)) != len(languages):
        raise ConfigError(
            f"kiosk.languages: allowed languages are {', '.join(LANGUAGES)}, each once"
        )
    _check_database_url(settings.database.url)
    _check_printer(settings)
    _check_queue(settings.queue)
    _check_display(settings.display)
    _check_web(settings.web)
    _check_doctor(settings.doctor)


def _check_database_url(url: str) -> None:
    if not url:
        return
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in DATABASE_SCHEMES:
        raise ConfigError(
            "database.url: expected a sqlite:/// or postgresql+psycopg:// URL"
            f" (drivers: {', '.join(DATABASE_SCHEMES)}), got {scheme or url!r}"
        )


def _check_printer(settings: Settings) -> None:
    printer = settings.printer
    if printer.width_dots not in PAPER_WIDTHS_DOTS and not printer.profile:
        widths = " or ".join(map(str, PAPER_WIDTHS_DOTS))
        raise ConfigError(
            f"printer.width_dots: must be {widths} or a profile width, got {printer.width_dots}"
        )
    # printer/ knows which combinations a printer needs; its verdict is reported here by key.
    try:
        settings.printer_spec  # noqa: B018
    except ValueError as exc:
        raise ConfigError(f"[printer] {str(exc).removeprefix('printer settings: ')}") from exc


def _check_queue(queue: QueueSettings) -> None:
    policy = queue.priority_policy
    if not re.fullmatch(r"strict|interleave:[1-9][0-9]{0,2}", policy):
        raise ConfigError(
            f"queue.priority_policy: {policy!r} is not allowed; use 'strict' or 'interleave:N'"
            " (N a whole number from 1 to 999)"
        )
    for field_code, prefix in queue.prefixes.items():
        if not FIELD_CODE.fullmatch(field_code):
            raise ConfigError(
                f"queue.prefixes: {field_code!r} is not a field code (lower-case letters,"
                " digits and _)"
            )
        if not re.fullmatch(r"[A-Z]{1,2}", prefix):
            raise ConfigError(
                f"queue.prefixes.{field_code}: {prefix!r} is not allowed;"
                " use one or two capital letters"
            )


def _check_display(display: DisplaySettings) -> None:
    diagonal = display.screen_diagonal_inches
    if diagonal != 0 and not 10 <= diagonal <= 150:
        raise ConfigError(
            "display.screen_diagonal_inches: expected 0 (the screen's own size) or 10 to 150"
        )
    if display.number_reading not in ("words", "digits"):
        raise ConfigError(
            f"display.number_reading: {display.number_reading!r} is not allowed;"
            " use 'words' (A mười hai) or 'digits' (A không một hai)"
        )
    languages = display.languages
    if not languages or len(set(languages)) != len(languages) or set(languages) - set(LANGUAGES):
        raise ConfigError(
            f"display.languages: expected one or more of {', '.join(LANGUAGES)}, each once"
        )


def _check_web(web: WebSettings) -> None:
    if not web.host:
        raise ConfigError("web.host: expected an address to listen on, e.g. 0.0.0.0")
    if web.public_url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", web.public_url):
        raise ConfigError(
            f"web.public_url: {web.public_url!r} is not allowed; use an http:// or https://"
            " address without query, e.g. 'http://10.0.0.5:8080'"
        )


def _check_doctor(doctor: DoctorSettings) -> None:
    if doctor.web_url and not re.match(r"https?://[^/\s]+", doctor.web_url):
        raise ConfigError("doctor.web_url: expected an http:// or https:// address, or empty")
