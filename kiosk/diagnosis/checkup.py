"""Every check, in the order a technician reads them; checks that need Qt join from ui/.

The Qt checks (display platform and its libraries, screen size, speech, audio) live in ui/ and
join through the ``kiosk_doctor.checks`` entry-point group (pyproject.toml), as Qt subjects
join kiosk-admin, so that kiosk/ never imports Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points

from kiosk.config import Settings
from kiosk.diagnosis.machine_checks import check_clock, check_disk, check_fonts, check_time_zone
from kiosk.diagnosis.service_checks import check_catalog, check_database, check_printer, check_web
from kiosk.diagnosis.verdict import Status, Verdict, fail
from kiosk.storage.db import first_line

log = logging.getLogger(__name__)

CHECK_GROUP = "kiosk_doctor.checks"

# A check gives one verdict, or None when it does not apply here (kiosk-web not configured).
Check = Callable[[Settings], "Verdict | None"]
# A group of checks from an entry point gives any number of verdicts.
CheckGroup = Callable[[Settings], Iterable[Verdict]]

CHECKS: tuple[tuple[str, Check], ...] = (
    ("fonts", check_fonts),
    ("database", check_database),
    ("printer", check_printer),
    ("catalogue", check_catalog),
    ("disk", check_disk),
    ("time zone", check_time_zone),
    ("clock", check_clock),
    ("kiosk-web", check_web),
)


def run_checkup(settings: Settings) -> list[Verdict]:
    """Every verdict; a check that breaks is a FAIL naming it, never a traceback. Blocks."""
    verdicts = [verdict for name, check in CHECKS if (verdict := _run(name, check, settings))]
    for entry_point in entry_points(group=CHECK_GROUP):
        try:
            verdicts.extend(entry_point.load()(settings))
        except Exception as error:  # a broken group must not hide the other checks
            log.warning("checks %s broke", entry_point.name, exc_info=True)
            verdicts.append(_broken(entry_point.name, error))
    return verdicts


def any_failed(verdicts: Iterable[Verdict]) -> bool:
    return any(verdict.status is Status.FAIL for verdict in verdicts)


def _run(name: str, check: Check, settings: Settings) -> Verdict | None:
    try:
        return check(settings)
    except Exception as error:
        log.warning("check %s broke", name, exc_info=True)
        return _broken(name, error)


def _broken(name: str, error: Exception) -> Verdict:
    return fail(name, f"the check itself failed: {first_line(error)}", "kiosk-admin -v doctor")
