"""Search time per keystroke on a synthetic catalogue of 5,000 procedures.

Run from the repository root: ``.venv/bin/python -m bench.bench_search``.
Types each query below one character at a time, as a citizen does on the kiosk keyboard,
and times the search after every keystroke. Prints the median and 95th percentile and
writes them as JSON under bench/results/. Target: median under 2 ms per keystroke.
"""

import random
import time

from bench.common import summary_ms, write_result
from kiosk.catalog.loader import builtin_catalog
from kiosk.catalog.procedures import Catalog, LocalizedText, Procedure
from kiosk.catalog.search import ProcedureSearch

PROCEDURES = 5_000
TARGET_MEDIAN_MS = 2.0
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


def run() -> dict[str, object]:
    catalog = synthetic_catalog(PROCEDURES)
    started = time.perf_counter()
    search = ProcedureSearch(catalog)
    build_ms = (time.perf_counter() - started) * 1000
    timings: list[float] = []
    for query in QUERIES:
        for length in range(1, len(query) + 1):
            started = time.perf_counter()
            search.search(query[:length])
            timings.append(time.perf_counter() - started)
    figures = summary_ms(timings)
    print(
        f"search on {PROCEDURES} procedures, {figures['samples']} keystrokes: "
        f"median {figures['median_ms']:.3f} ms, p95 {figures['p95_ms']:.3f} ms "
        f"(index built in {build_ms:.0f} ms; target median < {TARGET_MEDIAN_MS} ms)"
    )
    return {
        "procedures": PROCEDURES,
        "index_build_ms": round(build_ms, 1),
        "per_keystroke": figures,
        "target": f"median < {TARGET_MEDIAN_MS} ms per keystroke",
    }


def main() -> None:
    write_result("search", run())


if __name__ == "__main__":
    main()
