"""Search time per keystroke on a synthetic catalogue of 5,000 procedures.

Run from the repository root: ``.venv/bin/python -m bench.bench_search``.
Types each query below one character at a time, as a citizen does on the kiosk keyboard,
and times the search after every keystroke. Prints the median and 95th percentile and
writes them as JSON under bench/results/. Target: median under 2 ms per keystroke.
"""

import json
import platform
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from kiosk.catalog import Catalog, LocalizedText, Procedure
from kiosk.catalog_loader import builtin_catalog
from kiosk.search import ProcedureSearch

PROCEDURES = 5_000
TARGET_MEDIAN_MS = 2.0
RESULTS = Path(__file__).resolve().parent / "results"
QUERIES = [
    "dang ky khai sinh",
    "xác nhận cư trú",
    "cccd",
    "chung thuc ban sao",
    "cap lai the can cuoc",
    "khai snh",
    "giấy chứng nhận quyền sử dụng đất",
    "tam tru",
    "ho kinh doanh",
    "tro cap xa hoi hang thang",
    "sao y",
    "đăng ký kết hôn",
]


def synthetic_catalog(size: int, seed: int = 2026) -> Catalog:
    """`size` procedures whose names and documents recombine the real catalogue's words."""
    real = builtin_catalog()
    rng = random.Random(seed)
    words = sorted({w for p in real.procedures for w in p.name("vi").split()})
    documents = [d for p in real.procedures for d in p.documents]
    template = real.procedures[0]
    procedures = []
    for number in range(size):
        base = rng.choice(real.procedures)
        extra = " ".join(rng.sample(words, 3))
        procedures.append(
            Procedure(
                code=f"{rng.choice('123')}.{number:06d}",
                field=base.field,
                names=LocalizedText.of(
                    {"vi": f"{base.name('vi')} {extra}", "en": f"{base.name('en')} {number}"}
                ),
                documents=(*rng.sample(documents, 4), base.documents[0]),
                fee_text=template.fee_text,
                fee_set_by_province=False,
                processing_time_text=template.processing_time_text,
                handled_at_text=template.handled_at_text,
                channels=("in_person",),
                portal_url=None,
                portal_url_generic=False,
                legal_basis=(),
                note_text=None,
                unverified=frozenset(),
            )
        )
    return Catalog(real.fields, tuple(procedures), real.synonyms)


def main() -> None:
    catalog = synthetic_catalog(PROCEDURES)
    started = time.perf_counter()
    search = ProcedureSearch(catalog)
    build_ms = (time.perf_counter() - started) * 1000
    timings_ms: list[float] = []
    for query in QUERIES:
        for length in range(1, len(query) + 1):
            started = time.perf_counter()
            search.search(query[:length])
            timings_ms.append((time.perf_counter() - started) * 1000)
    timings_ms.sort()
    median = statistics.median(timings_ms)
    p95 = timings_ms[int(len(timings_ms) * 0.95) - 1]
    result = {
        "benchmark": "search_per_keystroke",
        "procedures": PROCEDURES,
        "keystrokes": len(timings_ms),
        "index_build_ms": round(build_ms, 1),
        "median_ms": round(median, 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(timings_ms[-1], 3),
        "target_median_ms": TARGET_MEDIAN_MS,
        "met": median < TARGET_MEDIAN_MS,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    print(
        f"search on {PROCEDURES} procedures, {len(timings_ms)} keystrokes: "
        f"median {median:.3f} ms, p95 {p95:.3f} ms, max {timings_ms[-1]:.3f} ms "
        f"(index built in {build_ms:.0f} ms; target median < {TARGET_MEDIAN_MS} ms: "
        f"{'met' if result['met'] else 'NOT met'})"
    )
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"search-{stamp}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
