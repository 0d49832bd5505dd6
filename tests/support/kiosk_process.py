"""The real `kiosk` command in a process of its own, as a technician starts it."""

from __future__ import annotations

import subprocess
import sys
import time


def kiosk_left_running(env: dict[str, str], until: str, settle_seconds: float) -> tuple[bool, str]:
    """Start the kiosk, read its log until a line holding ``until`` (however long a busy
    machine takes), wait ``settle_seconds`` more, stop it: (whether it was still running
    then, everything it wrote on stderr). The wait is no timing assertion: a kiosk that
    were to end would have ended by then."""
    with subprocess.Popen(
        [sys.executable, "-m", "ui.kiosk.main"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as kiosk:
        assert kiosk.stderr is not None
        errors = ""
        while until not in errors and (line := kiosk.stderr.readline()):
            errors += line
        time.sleep(settle_seconds)
        still_running = kiosk.poll() is None
        kiosk.terminate()
        errors += kiosk.communicate(timeout=30)[1]
    return still_running, errors
