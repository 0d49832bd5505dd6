"""What every benchmark shares: percentiles, the machine it ran on, and where results go."""

from __future__ import annotations

import json
import os
import platform
import statistics
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

from tests.support.databases import postgres_schema_url

RESULTS = Path(__file__).resolve().parent / "results"
POSTGRES_ENV = "KIOSK_BENCH_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def percentile(samples: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (0.95 for p95) by the inclusive method."""
    if len(samples) == 1:
        return samples[0]
    cut_points = statistics.quantiles(samples, n=100, method="inclusive")
    return cut_points[round(fraction * 100) - 1]


def summary_ms(samples_s: list[float]) -> dict[str, float]:
    """Median and 95th percentile of timings in seconds, as milliseconds."""
    ms = [s * 1000 for s in samples_s]
    return {
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(percentile(ms, 0.95), 3),
        "samples": len(ms),
    }


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def postgres_url() -> str | None:
    """The PostgreSQL server to benchmark on; "" in the variable turns PostgreSQL off."""
    return os.environ.get(POSTGRES_ENV, DEFAULT_POSTGRES_URL) or None


def write_result(name: str, figures: dict[str, object]) -> Path:
    """Write ``{"benchmark", "machine", **figures}`` to bench/results/<name>.json and say where."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {"benchmark": name, "machine": machine(), **figures}
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {path}")
    return path


def _fresh_databases(stack: ExitStack, folder: Path) -> dict[str, Callable[[str], str]]:
    """Per backend, a maker of a fresh database URL (a new SQLite file named by its key, a new
    PostgreSQL schema dropped when ``stack`` closes); PostgreSQL only when configured."""
    backends = {"sqlite": lambda key: f"sqlite:///{folder / f'{key}.sqlite3'}"}
    base = postgres_url()
    if base:
        backends["postgresql"] = lambda key: stack.enter_context(postgres_schema_url(base))
    return backends


def rates_per_backend(
    name: str, processes: tuple[int, ...], measure: Callable[[str, int], float], unit: str
) -> dict[str, dict[str, float]]:
    """``measure(url, n)`` with n processes on a fresh database of each backend for every n;
    the rates per backend, printed as they come."""
    figures: dict[str, dict[str, float]] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for backend, make_url in _fresh_databases(stack, folder).items():
            figures[backend] = {}
            for count in processes:
                rate = measure(make_url(f"{name}-{count}"), count)
                figures[backend][f"{count}_processes_per_s"] = round(rate, 1)
                print(f"{name} {backend:10} {count} processes: {rate:8.1f} {unit}/s")
    return figures


def latencies_per_backend(
    name: str, measure: Callable[[str, Path], list[float]], targets_ms: dict[str, int]
) -> dict[str, dict[str, float]]:
    """``measure(url, folder)`` (seconds per sample) on a fresh database of each backend; the
    median and p95 per backend, printed against their targets as they come."""
    figures: dict[str, dict[str, float]] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for backend, make_url in _fresh_databases(stack, folder).items():
            figure = figures[backend] = summary_ms(measure(make_url(name), folder))
            print(
                f"{name} {backend:10} median {figure['median_ms']:7.1f} ms"
                f"  p95 {figure['p95_ms']:7.1f} ms"
                f"  (target p95 < {targets_ms[backend]} ms, {figure['samples']} samples)"
            )
    return figures
