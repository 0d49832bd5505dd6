"""A kiosk day's worth of background jobs must not crash the interpreter."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# More jobs than a busy kiosk runs in a week; PySide6 6.12.0 aborted after a few thousand.
JOBS = 30_000


def test_many_background_jobs_deliver_every_result_without_crashing() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "tests.support.background_jobs", str(JOBS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )

    assert finished.returncode == 0, finished.stderr[-2000:]
    assert finished.stdout.split()[-1] == str(JOBS)
