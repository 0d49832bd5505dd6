"""Checks of what the kiosk talks to: database, printer, catalogue, kiosk-web (when configured)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.diagnosis.verdict import Verdict, fail, ok, warn
from kiosk.errors import KioskError
from kiosk.storage.db import SCHEMA_REVISION, Database
from kiosk.storage.db import first_line as error_line

WEB_TIMEOUT_SECONDS = 3.0
_HTTP_SERVER_ERROR = 500


def check_database(settings: Settings) -> Verdict:
    """Reachable and at the schema this version of the kiosk writes; changes nothing."""
    database = Database(settings.database_url, busy_timeout_ms=settings.database.busy_timeout_ms)
    where = database.describe()
    if database.is_sqlite and not Path(database.url.database or "").exists():
        database.dispose()
        return ok("database", f"{where} does not exist yet; the kiosk creates it when it starts")
    try:
        revision = database.schema_revision()
    except KioskError as error:
        return fail(
            "database",
            str(error),
            "check database.url, that the server runs and that it accepts this machine",
        )
    finally:
        database.dispose()
    if revision == SCHEMA_REVISION:
        return ok("database", f"{where} reachable, at the latest schema ({revision})")
    return warn(
        "database",
        f"{where} is at schema {revision or 'none'}, this kiosk's is {SCHEMA_REVISION}",
        "kiosk-admin db upgrade (the kiosk also does it when it starts)",
    )


def check_printer(settings: Settings) -> Verdict:
    """The printer's own status (no test page: that is `kiosk-admin printer test`)."""
    from printer import query_status

    spec = settings.printer_spec
    if spec.kind == "preview":
        return warn(
            "printer",
            f"preview printer: tickets go to files in {spec.target}, not on paper",
            "set printer.kind and its connection (docs/printing.md)",
        )
    status = query_status(spec)
    named = f"{spec.kind} printer {spec.target}"
    if not status.reachable:
        reason = status.reason or f"{named} cannot be reached"
        return fail("printer", reason, _printer_fix(spec.kind))
    if status.online is False or status.paper == "out":
        fix = "load paper, close the cover, switch it on"
        return fail("printer", f"{named}: {status.reason}", fix)
    if not status.answered:
        return warn(
            "printer",
            f"{named} reached, but it says nothing of its state ({status.reason})",
            "kiosk-admin printer test, and look at the paper",
        )
    if status.paper == "low":
        return warn("printer", f"{named}: paper low", "load a new roll soon")
    return ok("printer", f"{named} online, paper {status.paper or 'not reported'}")


def _printer_fix(kind: str) -> str:
    if kind == "network":
        return "switch the printer on, check its cable and printer.host/printer.port"
    return "see the reason; then kiosk-admin printer test"


def check_catalog(settings: Settings) -> Verdict:
    """The built-in catalogue with the centre's overlay, as the kiosk will load it."""
    overlay = settings.catalog_overlay_path
    try:
        catalog = load_catalog(overlay)
    except KioskError as error:
        return fail(
            "catalogue",
            error_line(error),
            f"kiosk-admin catalog validate {overlay} names every problem; fix the file",
        )
    source = f"with the overlay {overlay}" if overlay.exists() else "built in"
    return ok(
        "catalogue",
        f"{len(catalog.procedures)} procedures in {len(catalog.fields)} fields, {source}",
    )


def check_web(settings: Settings) -> Verdict | None:
    """kiosk-web answers at doctor.web_url; None (no line) where it is not configured."""
    url = settings.doctor.web_url
    if not url:
        return None
    fix = f"start kiosk-web there (systemctl start kiosk-web) and let this machine reach {url}"
    try:
        with urllib.request.urlopen(url, timeout=WEB_TIMEOUT_SECONDS) as answer:
            code = answer.status
    except urllib.error.HTTPError as error:
        code = error.code
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return fail("kiosk-web", f"cannot reach kiosk-web at {url}: {reason}", fix)
    if code >= _HTTP_SERVER_ERROR:
        detail = f"kiosk-web at {url} answered HTTP {code}"
        return fail("kiosk-web", detail, "journalctl -u kiosk-web on that machine")
    return ok("kiosk-web", f"kiosk-web answers at {url} (HTTP {code})")
