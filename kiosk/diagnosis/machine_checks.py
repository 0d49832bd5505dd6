"""Checks of the PC itself: bundled fonts, free disk, time zone, clock synchronisation."""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources
from pathlib import Path

from kiosk.config import Settings
from kiosk.diagnosis.verdict import Verdict, fail, ok, warn
from kiosk.printing.desk import bundled_fonts

# Below these the data directory (database, preview tickets) is about to fill up.
DISK_FAIL_BYTES = 200 * 1024 * 1024
DISK_WARN_BYTES = 1024 * 1024 * 1024
_TRUETYPE_HEADERS = (b"\x00\x01\x00\x00", b"true", b"OTTO")
_TIMEDATECTL_SECONDS = 5
# systemd-timesyncd creates this file once it has synchronised the clock.
TIMESYNC_FLAG = Path("/run/systemd/timesync/synchronized")
_REINSTALL = "reinstall the kiosk (./dev) from a complete checkout"


def check_fonts(_settings: Settings) -> Verdict:
    """The Be Vietnam Pro files the screen and the tickets use are there and are fonts."""
    folder = resources.files("resources.fonts")
    files = [entry for entry in folder.iterdir() if entry.name.endswith(".ttf")]
    used = bundled_fonts()
    needed = {used.regular.name, used.bold.name}
    missing = sorted(needed - {entry.name for entry in files})
    if missing:
        return fail("fonts", f"bundled font {', '.join(missing)} is missing", _REINSTALL)
    broken = [entry.name for entry in files if entry.read_bytes()[:4] not in _TRUETYPE_HEADERS]
    if broken:
        return fail("fonts", f"{', '.join(broken)} is not a TrueType font", _REINSTALL)
    return ok("fonts", f"{len(files)} Be Vietnam Pro files bundled (Vietnamese marks)")


def check_disk(settings: Settings) -> Verdict:
    """Room left where the database and the preview tickets are written."""
    place = settings.data_dir
    while not place.exists() and place != place.parent:
        place = place.parent
    free = shutil.disk_usage(place).free
    detail = f"{free / 1024**3:.1f} GB free for {settings.data_dir}"
    fix = f"free some space on the disk holding {place} (old files, journalctl --vacuum-size=100M)"
    if free < DISK_FAIL_BYTES:
        return fail("disk", detail, fix)
    if free < DISK_WARN_BYTES:
        return warn("disk", detail, fix)
    return ok("disk", detail)


def check_time_zone(settings: Settings) -> Verdict:
    """The PC's own zone against the centre's (tickets follow centre.time_zone; logs the PC's)."""
    centre = settings.centre.time_zone
    system = _timedatectl("Timezone") or _zone_of_localtime()
    if system == centre:
        return ok("time zone", f"{centre}, as the centre's")
    return warn(
        "time zone",
        f"this PC's clock is in {system or 'an unknown zone'}; the centre's is {centre} "
        "(tickets follow the centre's, logs and screens the PC's)",
        f"timedatectl set-timezone {centre}",
    )


def check_clock(_settings: Settings) -> Verdict:
    """Whether the clock is kept right by NTP: service days and waits come from it."""
    synchronised = _timedatectl("NTPSynchronized")
    fix = "timedatectl set-ntp true (systemd-timesyncd) and let it reach an NTP server"
    if synchronised == "yes" or (synchronised is None and TIMESYNC_FLAG.exists()):
        return ok("clock", "synchronised by NTP")
    if synchronised == "no":
        return warn("clock", "not synchronised: ticket times and service days may be off", fix)
    unknown = "cannot tell whether the clock is synchronised (timedatectl: no answer)"
    return warn("clock", unknown, fix)


def _timedatectl(prop: str) -> str | None:
    """A property of `timedatectl show`, or None where systemd does not answer."""
    try:
        answer = subprocess.run(
            ["timedatectl", "show", "--property", prop, "--value"],
            capture_output=True,
            text=True,
            timeout=_TIMEDATECTL_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = answer.stdout.strip()
    return value if answer.returncode == 0 and value else None


def _zone_of_localtime() -> str | None:
    link = Path("/etc/localtime")
    if not link.is_symlink():
        return None
    return str(link.resolve()).partition("/zoneinfo/")[2] or None
