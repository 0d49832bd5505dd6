"""Every benchmark in one run: ``python -m bench`` (or ``./dev bench``).

Writes each benchmark's JSON under bench/results/, then bench/results/all.json and a
Markdown table (bench/results/table.md) of every figure against its target.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from bench import (
    bench_cold_start,
    bench_numbering,
    bench_panel_latency,
    bench_search,
    bench_simulated_day,
    bench_tap_latency,
    bench_ticket_print,
)
from bench.common import RESULTS, machine, write_result

BENCHMARKS: dict[str, Callable[[], dict[str, object]]] = {
    "cold_start": bench_cold_start.run,
    "tap_latency": bench_tap_latency.run,
    "ticket_print": bench_ticket_print.run,
    "search": bench_search.run,
    "numbering": bench_numbering.run,
    "panel_latency": bench_panel_latency.run,
    "simulated_day": bench_simulated_day.run,
}


def _rows(results: dict[str, dict]) -> list[tuple[str, str, str]]:
    """(measure, figure, target) for the table."""
    rows = []
    cold = results["cold_start"]
    start = cold["to_welcome_painted"]
    rows.append(
        (
            "cold start to Welcome painted",
            f"median {start['median_ms']:.0f} ms, p95 {start['p95_ms']:.0f} ms; "
            f"peak {cold['peak_resident_mb']} MB",
            cold["target"],
        )
    )
    tap = results["tap_latency"]["tap_to_painted"]
    rows.append(
        (
            "tap on a field tile to next screen painted",
            f"median {tap['median_ms']:.1f} ms, p95 {tap['p95_ms']:.1f} ms",
            results["tap_latency"]["target"],
        )
    )
    for run in results["ticket_print"]["runs"]:
        rows.append(
            (
                f"ticket, issue to last byte at the printer ({run['width_dots']} dots)",
                f"median {run['median_ms']:.1f} ms, p95 {run['p95_ms']:.1f} ms",
                results["ticket_print"]["target"],
            )
        )
    keys = results["search"]["per_keystroke"]
    rows.append(
        (
            "search per keystroke, 5,000 procedures",
            f"median {keys['median_ms']:.2f} ms, p95 {keys['p95_ms']:.2f} ms",
            results["search"]["target"],
        )
    )
    for backend, rates in results["numbering"]["tickets_per_second"].items():
        rows.append(
            (
                f"numbering on {backend}, 1 / 4 / 8 processes",
                " / ".join(f"{rate:.0f}" for rate in rates.values()) + " tickets/s",
                results["numbering"]["target"],
            )
        )
    panel = results["panel_latency"]
    for backend, figures in panel["latency_commit_to_panel_model"].items():
        rows.append(
            (
                f"panel notification latency, {backend}",
                f"median {figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms",
                f"p95 < {panel['targets_ms'][backend]} ms",
            )
        )
    day = results["simulated_day"]
    rows.append(
        (
            f"simulated day, {day['citizens']} citizens: resident memory",
            f"{day['resident_mb_after_warm_up']} -> {day['resident_mb_at_end']} MB "
            f"(growth {day['growth_mb']} MB, {day['seconds']:.0f} s)",
            day["target"],
        )
    )
    return rows


def main() -> None:
    results: dict[str, dict] = {}
    started = time.perf_counter()
    for name, run in BENCHMARKS.items():
        print(f"== {name}", flush=True)
        results[name] = run()
        write_result(name, results[name])
    rows = _rows(results)
    table = ["| measure | figure | target |", "| --- | --- | --- |"]
    table += [f"| {measure} | {figure} | {target} |" for measure, figure, target in rows]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "table.md").write_text("\n".join(table) + "\n", encoding="utf-8")
    record = {"machine": machine(), "seconds": round(time.perf_counter() - started), **results}
    (RESULTS / "all.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print("\n".join(table))
    print(f"all results: {RESULTS / 'all.json'}; table: {RESULTS / 'table.md'}")


if __name__ == "__main__":
    main()
