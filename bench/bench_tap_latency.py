"""Tap latency: a tap on a field tile until the next screen is painted, 200 times (offscreen).

Run from the repository root: ``.venv/bin/python -m bench.bench_tap_latency``.
Target: 95th percentile under 50 ms.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import summary_ms, write_result
from bench.kiosk_harness import OffscreenKiosk

TAPS = 200
TARGET_P95_MS = 50.0


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        kiosk = OffscreenKiosk(Path(folder))
        window = kiosk.window
        kiosk.tap_until_painted("Chạm để bắt đầu", window.fields)
        timings = []
        for _ in range(TAPS):
            timings.append(kiosk.tap_until_painted("Hộ tịch", window.procedures))
            kiosk.tap_until_painted("← Quay lại", window.fields)
        kiosk.close()
    figures = summary_ms(timings)
    print(
        f"tap on a field tile to the next screen painted: median {figures['median_ms']} ms, "
        f"p95 {figures['p95_ms']} ms over {TAPS} taps (target p95 < {TARGET_P95_MS:g} ms)"
    )
    return {"tap_to_painted": figures, "target": f"p95 < {TARGET_P95_MS:g} ms"}


def main() -> None:
    write_result("tap_latency", run())


if __name__ == "__main__":
    main()
