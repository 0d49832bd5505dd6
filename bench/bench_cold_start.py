"""Cold start: from launching `kiosk` to the Welcome screen first painted, and peak memory.

Run from the repository root: ``.venv/bin/python -m bench.bench_cold_start``. Starts the
real kiosk command (offscreen, embedded defaults, an existing database) several times and
reads, from inside it, when the Welcome screen was first painted. Target: under 1.0 s.
Records which speech engines the machine has (asked after the paint, so not counted): with
speech-dispatcher installed the speechd engine exists, and a kiosk that set it up before its
first screen would start slower.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from bench.common import summary_ms, write_result

RUNS = 7
TARGET_S = 1.0


def probe() -> None:
    """Inside the kiosk process: run `kiosk --windowed`, report the first Welcome paint, exit."""
    import resource

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    import ui.kiosk.main
    from ui.kiosk.screens.welcome import WelcomeScreen

    class FirstWelcomePaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, WelcomeScreen):
                painted_at = time.time()
                peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                from PySide6.QtTextToSpeech import QTextToSpeech

                engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
                report = {"painted_at": painted_at, "peak_kb": peak_kb, "speech_engines": engines}
                print(json.dumps(report), flush=True)
                app = QApplication.instance()
                assert app is not None
                app.exit(0)
            return False

    create_application = ui.kiosk.main.create_application

    def create_watched_application(*args: object) -> QApplication:
        app = create_application(*args)  # type: ignore[arg-type]
        app.installEventFilter(FirstWelcomePaint(app))
        return app

    ui.kiosk.main.create_application = create_watched_application  # type: ignore[assignment]
    sys.exit(ui.kiosk.main.main(["--windowed"]))


def launch(data_dir: str) -> tuple[float, float, list[str]]:
    """(seconds from launch to the first Welcome paint, peak resident MB, speech engines)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": data_dir}
    env.pop("KIOSK_CONFIG", None)
    launched_at = time.time()
    finished = subprocess.run(
        [sys.executable, "-m", "bench.bench_cold_start", "--probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    report = json.loads(finished.stdout.splitlines()[-1])
    return (
        report["painted_at"] - launched_at,
        report["peak_kb"] / 1024,
        report["speech_engines"],
    )


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as data_dir:
        # The first start after installation also creates the database and compiles
        # bytecode; a kiosk starting in the morning has both already. Not counted.
        _, _, speech_engines = launch(data_dir)
        samples = [launch(data_dir) for _ in range(RUNS)]
    figures = summary_ms([seconds for seconds, _, _ in samples])
    peak_mb = max(mb for _, mb, _ in samples)
    speech = ", ".join(speech_engines) or "none"
    print(
        f"cold start to the Welcome screen painted: median {figures['median_ms']:.0f} ms, "
        f"p95 {figures['p95_ms']:.0f} ms over {RUNS} starts; peak memory {peak_mb:.0f} MB; "
        f"speech engines: {speech} (target < {TARGET_S:g} s)"
    )
    return {
        "to_welcome_painted": figures,
        "peak_resident_mb": round(peak_mb, 1),
        "speech_engines": speech_engines,
        "speech_engine_present": bool(speech_engines),
        "target": f"< {TARGET_S:g} s",
    }


def main() -> None:
    if "--probe" in sys.argv:
        probe()
    else:
        write_result("cold_start", run())


if __name__ == "__main__":
    main()
