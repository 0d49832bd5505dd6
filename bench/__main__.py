"""Every benchmark in one run: ``python -m bench`` (or ``./dev bench``).

Writes each benchmark's JSON under bench/results/, then bench/results/all.json and a
Markdown table (bench/results/table.md) of every figure against its target.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from bench.common import RESULTS, machine

# Each runs in a process of its own, as a kiosk or panel would: no benchmark inherits the
# windows, timers, caches or memory of another.
BENCHMARKS = (
    "cold_start",
    "tap_latency",
    "ticket_print",
    "search",
    "numbering",
    "calling",
    "panel_latency",
    "display_latency",
    "simulated_day",
    "follow",
    "counters_web",
)


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
    for backend, rates in results["calling"]["calls_per_second"].items():
        rows.append(
            (
                f"calling on {backend}, 1 / 4 / 8 counters (call next + done)",
                " / ".join(f"{rate:.0f}" for rate in rates.values()) + " calls/s",
                "-",
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
    display = results["display_latency"]
    for backend, figures in display["latency_commit_to_display_painted"].items():
        rows.append(
            (
                f"hall display, call committed to painted, {backend}",
                f"median {figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms",
                f"p95 < {display['targets_ms'][backend]} ms",
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
    follow = results["follow"]
    for backend in ("sqlite", "postgresql"):
        if backend in follow:
            figures = follow[backend]
            timing = figures["commit_to_update"]
            rows.append(
                (
                    f"{follow['phones']} phones following, {backend}: commit to page update",
                    f"median {timing['median_ms']:.0f} ms, p95 {timing['p95_ms']:.0f} ms;"
                    f" kiosk-web {figures['memory_peak_mb']} MB",
                    follow["target"],
                )
            )
    counters = results["counters_web"]
    for backend in ("sqlite", "postgresql"):
        if backend in counters:
            figures = counters[backend]
            click = figures["call_click_to_response"]
            kiosk = figures["call_click_to_kiosk_people_ahead"]
            rows.append(
                (
                    f"{counters['counters']} counters calling through kiosk-web, {backend}",
                    f"click to response median {click['median_ms']:.0f} ms,"
                    f" p95 {click['p95_ms']:.0f} ms; to the kiosk's people ahead"
                    f" median {kiosk['median_ms']:.0f} ms, p95 {kiosk['p95_ms']:.0f} ms",
                    counters["target"],
                )
            )
    return rows


def main() -> None:
    results: dict[str, dict] = {}
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", f"bench.bench_{name}"], check=True)
        seconds[name] = round(time.perf_counter() - began, 1)
        results[name] = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
    rows = _rows(results)
    table = ["| measure | figure | target |", "| --- | --- | --- |"]
    table += [f"| {measure} | {figure} | {target} |" for measure, figure, target in rows]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "table.md").write_text("\n".join(table) + "\n", encoding="utf-8")
    total = round(time.perf_counter() - started)
    record = {"machine": machine(), "seconds": total, "seconds_each": seconds, **results}
    (RESULTS / "all.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print("\n".join(table))
    print(f"{total} s in all; results: {RESULTS / 'all.json'}; table: {RESULTS / 'table.md'}")


if __name__ == "__main__":
    main()
