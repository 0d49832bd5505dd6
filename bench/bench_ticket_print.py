"""Render + encode + send a ticket to the fake network printer, 200 times.

Run from the repository root: ``.venv/bin/python -m bench.bench_ticket_print``.
Prints the median and 95th percentile and writes them as JSON under bench/results/.
"""

import json
import platform
import statistics
import time
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from printer import FontSet, PrinterSpec, TicketContent, print_ticket, render_ticket_bitmap
from tests.support.fake_printer import FakeNetworkPrinter

TICKETS = 200
TARGET_P95_MS = 100.0
RESULTS = Path(__file__).resolve().parent / "results"


def sample_content(number: int) -> TicketContent:
    return TicketContent(
        centre_name="Trung tâm Phục vụ hành chính công phường Ô Chợ Dừa",
        number_label=f"A{number:03d}",
        procedure_name=(
            "Liên thông: khai sinh, thường trú, thẻ BHYT, thẻ căn cước cho trẻ em dưới 6 tuổi"
        ),
        priority_label="ƯU TIÊN · Người từ 60 tuổi trở lên" if number % 3 == 0 else None,
        queue_line=f"Trước bạn: {number % 17} người · Chờ khoảng {number % 17 * 5} phút",
        issued_at_text="14:05 · Thứ Hai, 23/11/2026",
        where_to_wait="Vui lòng chờ tại: Khu A, quầy 1–4",
        documents_heading="Giấy tờ cần chuẩn bị:",
        documents=(
            "Tờ khai",
            "Giấy chứng sinh",
            "Căn cước của cha hoặc mẹ",
            "Giấy kết hôn",
            "Khác",
        ),
        qr_url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma=1.001193",
        qr_caption="Quét mã để làm trực tuyến",
        footer="Cảm ơn ông/bà đã sử dụng dịch vụ",
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(fonts: FontSet, width: int) -> dict[str, float | int]:
    timings_ms: list[float] = []
    with FakeNetworkPrinter() as fake:
        spec = PrinterSpec(kind="network", host=fake.host, port=fake.port, width_dots=width)
        for number in range(TICKETS):
            started = time.perf_counter()
            image = render_ticket_bitmap(sample_content(number), width, fonts)
            outcome = print_ticket(image, spec)
            timings_ms.append((time.perf_counter() - started) * 1000)
            if outcome.status != "printed":
                raise RuntimeError(f"ticket {number} was not printed: {outcome}")
    return {
        "width_dots": width,
        "tickets": TICKETS,
        "median_ms": round(statistics.median(timings_ms), 2),
        "p95_ms": round(percentile(timings_ms, 0.95), 2),
        "max_ms": round(max(timings_ms), 2),
    }


def main() -> None:
    folder = Path(str(files("resources.fonts")))
    fonts = FontSet(folder / "BeVietnamPro-Regular.ttf", folder / "BeVietnamPro-Bold.ttf")
    runs = [measure(fonts, width) for width in (384, 576)]
    for run in runs:
        verdict = "ok" if run["p95_ms"] < TARGET_P95_MS else "OVER TARGET"
        print(
            f"{run['width_dots']} dots: median {run['median_ms']} ms, "
            f"p95 {run['p95_ms']} ms, max {run['max_ms']} ms over {run['tickets']} tickets "
            f"(target p95 < {TARGET_P95_MS:g} ms: {verdict})"
        )
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"ticket_print-{stamp}.json"
    report = {
        "benchmark": "render + encode + send to the fake network printer",
        "when": stamp,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "target_p95_ms": TARGET_P95_MS,
        "runs": runs,
    }
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
