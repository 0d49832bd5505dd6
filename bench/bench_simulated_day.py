"""A simulated day: 2,000 citizens walk through the kiosk offscreen; memory at start and end.

Run from the repository root: ``.venv/bin/python -m bench.bench_simulated_day [CITIZENS]``.
Each citizen taps the five steps to a ticket (stored in SQLite, printed on the fake
network printer), one in four as a citizen aged 60 or over, then "Xong". Resident memory is read
after the first 50 citizens (caches warm) and at the end: growth would mean a leak.
Target: under 20 MB of growth.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.common import write_result
from bench.kiosk_harness import OffscreenKiosk
from tests.support.fake_printer import FakeNetworkPrinter

CITIZENS = 2_000
WARM_UP = 50
TARGET_GROWTH_MB = 20.0
WALKS = (
    ("Hộ tịch", "Đăng ký khai sinh"),
    ("Chứng thực", "Chứng thực bản sao từ bản chính"),
    ("Cư trú", "Xác nhận thông tin về cư trú"),
)


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def walk(kiosk: OffscreenKiosk, citizen: int) -> None:
    window = kiosk.window
    field, procedure = WALKS[citizen % len(WALKS)]
    kiosk.tap("Chạm để bắt đầu")
    kiosk.tap(field)
    kiosk.tap(procedure)
    kiosk.tap("Lấy số thứ tự")
    kiosk.tap("60 tuổi trở lên" if citizen % 4 == 0 else "Không")
    kiosk.wait_until(lambda: window.current_screen is window.ticket)
    kiosk.tap("Xong")
    kiosk.wait_until(lambda: window.current_screen is window.welcome)


def run(citizens: int = CITIZENS) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder, FakeNetworkPrinter(keep_jobs=False) as printer:
        kiosk = OffscreenKiosk(
            Path(folder), {"kind": "network", "host": printer.host, "port": printer.port}
        )
        started = time.perf_counter()
        for citizen in range(citizens):
            walk(kiosk, citizen)
            if citizen + 1 == WARM_UP:
                at_start = resident_mb()
        at_end = resident_mb()
        elapsed = time.perf_counter() - started
        kiosk.close()
    growth = at_end - at_start
    print(
        f"simulated day: {citizens} citizens in {elapsed:.0f} s; resident memory "
        f"{at_start:.1f} MB after {WARM_UP}, {at_end:.1f} MB at the end: growth {growth:.1f} MB "
        f"(target < {TARGET_GROWTH_MB:g} MB)"
    )
    return {
        "citizens": citizens,
        "seconds": round(elapsed, 1),
        "resident_mb_after_warm_up": round(at_start, 1),
        "resident_mb_at_end": round(at_end, 1),
        "growth_mb": round(growth, 1),
        "target": f"growth < {TARGET_GROWTH_MB:g} MB",
    }


def main() -> None:
    citizens = int(sys.argv[1]) if len(sys.argv) > 1 else CITIZENS
    write_result("simulated_day", run(citizens))


if __name__ == "__main__":
    main()
