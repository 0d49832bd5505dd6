"""The doctor's checks that need Qt: display platform and its libraries, the screen's physical
size, the number of screens, speech with a Vietnamese voice, and audio output.

Joins kiosk-admin doctor (and the staff page) through the ``kiosk_doctor.checks`` entry point.
Qt itself runs in a child process (``ui.common.qt_probe``): a platform plugin that cannot
start aborts its process, and the doctor must say so instead of dying.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping

from kiosk.config import Settings
from kiosk.diagnosis.verdict import Verdict, fail, ok, warn
from kiosk.storage.db import first_line
from ui.common.app_setup import display_problem
from ui.common.qt_libraries import missing_libraries

PROBE_TIMEOUT_SECONDS = 60
SPEECH_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng libspeechd2 espeak-ng"


def chosen_platform(environ: Mapping[str, str]) -> str | None:
    """The Qt platform the kiosk would start on here, or None without any display."""
    if environ.get("QT_QPA_PLATFORM"):
        return environ["QT_QPA_PLATFORM"].split(":")[0]
    if environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    if environ.get("DISPLAY"):
        return "xcb"
    return None


def qt_checks(settings: Settings) -> list[Verdict]:
    """Every Qt verdict (blocks up to a minute: Qt and the speech engine start in a child)."""
    platform = chosen_platform(os.environ)
    verdicts: list[Verdict] = []
    if platform is None:
        verdicts.append(
            warn(
                "display",
                f"{display_problem()}; screen not checked",
                "run the doctor in the kiosk's session, or from the kiosk's staff page",
            )
        )
    elif platform in {"xcb", "wayland"} and (missing := missing_libraries((platform,))):
        verdicts.append(
            fail(
                "display",
                f"Qt's {platform} plugin cannot load: {', '.join(sorted(missing))} missing",
                "run ./dev as root (it installs them), or apt-get install the packages holding"
                " them (apt-file search NAME)",
            )
        )
        platform = None
    facts, problem = _probe(platform or "offscreen")
    if facts is None:
        return [*verdicts, _probe_failed(platform, problem)]
    if platform is not None:
        verdicts.extend(_screen_verdicts(facts, settings))
    verdicts.append(_speech_verdict(facts))
    verdicts.append(_audio_verdict(facts))
    return verdicts


def _probe(platform: str) -> tuple[dict[str, object] | None, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": platform}
    try:
        child = subprocess.run(
            [sys.executable, "-m", "ui.common.qt_probe"],
            capture_output=True,
            text=True,
            env=environment,
            timeout=PROBE_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"Qt did not start within {PROBE_TIMEOUT_SECONDS} s"
    if child.returncode != 0:
        errors = child.stderr.strip().splitlines()
        return None, errors[-1] if errors else f"Qt ended with status {child.returncode}"
    try:
        return json.loads(child.stdout.splitlines()[-1]), ""
    except (ValueError, IndexError) as error:
        return None, first_line(error)


def _probe_failed(platform: str | None, problem: str) -> Verdict:
    return fail(
        "display",
        f"Qt could not start on {platform or 'offscreen'}: {problem}",
        "check that the compositor runs and DISPLAY/WAYLAND_DISPLAY point at it;"
        " QT_DEBUG_PLUGINS=1 kiosk says more",
    )


def _screen_verdicts(facts: Mapping[str, object], settings: Settings) -> list[Verdict]:
    platform = str(facts["platform"])
    screens = list(facts["screens"])  # type: ignore[call-overload]
    names = ", ".join(f"{s['name'] or '?'} {s['pixels'][0]}x{s['pixels'][1]}" for s in screens)
    if platform == "offscreen":
        return [
            warn(
                "display",
                "offscreen: Qt draws to no screen (QT_QPA_PLATFORM=offscreen)",
                "unset QT_QPA_PLATFORM and run in the kiosk's graphical session",
            )
        ]
    verdicts = [ok("display", f"{platform}, {len(screens)} screen(s): {names}")]
    if screens:
        verdicts.append(_size_verdict(screens[0], settings.kiosk.fallback_dpi))
    expected = settings.doctor.screens
    if expected and len(screens) < expected:
        verdicts.append(
            fail(
                "screens",
                f"{len(screens)} of the {expected} screens (doctor.screens) are connected",
                "check the hall display's cable and that it is switched on, then restart the kiosk",
            )
        )
    return verdicts


def _size_verdict(screen: Mapping[str, object], fallback_dpi: float) -> Verdict:
    name = screen["name"] or "the screen"
    width_mm, height_mm = screen["mm"]  # type: ignore[misc]
    dpi = float(screen["dpi"])  # type: ignore[arg-type]
    if dpi <= 0:
        return warn(
            "screen size",
            f"{name} reports no usable physical size: sizes use kiosk.fallback_dpi = "
            f"{fallback_dpi:g}",
            "set kiosk.fallback_dpi to the screen's real DPI (pixels across / width in inches)",
        )
    return ok("screen size", f"{name}: {width_mm:.0f} x {height_mm:.0f} mm, {dpi:.0f} DPI")


def _speech_verdict(facts: Mapping[str, object]) -> Verdict:
    install = f"apt-get install {SPEECH_PACKAGES} (./dev installs them)"
    engine = facts["speech_engine"]
    if engine is None:
        return warn("speech", "no speech engine: 'read aloud' is silent", install)
    if facts["speech_error"]:
        return warn("speech", f"{engine} does not work: {facts['speech_error']}", install)
    if not facts["vietnamese_voice"]:
        return warn("speech", f"{engine} has no Vietnamese voice", install)
    return ok("speech", f"{engine} with a Vietnamese voice")


def _audio_verdict(facts: Mapping[str, object]) -> Verdict:
    outputs = list(facts["audio_outputs"])  # type: ignore[call-overload]
    if not outputs:
        return warn(
            "audio",
            "no audio output: 'read aloud' and the panel's chime are silent",
            "connect speakers (or HDMI sound); check PipeWire or PulseAudio runs in this session",
        )
    return ok("audio", f"{len(outputs)} output(s), first: {outputs[0]}")
