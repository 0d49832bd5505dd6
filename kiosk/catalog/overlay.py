"""Importing a file into a centre's overlay: judging every row, then writing the overlay.

The overlay keeps its format (a CSV overlay stays CSV), its permissions and, beside it, the
version it replaced.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalog.building import (
    _build,
    _builtin_layers,
    _Layers,
    apply_entry,
    builtin_catalog,
    catalog_with,
)
from kiosk.catalog.entries import CatalogSource, Entry, Kind, Problem, Status
from kiosk.catalog.formats import parse_toml, read_source
from kiosk.catalog.rules import (
    name_clash,
    validate_field,
    validate_procedure,
    validate_synonym,
)
from kiosk.catalog.search import fold
from kiosk.catalog.writing import render_overlay, render_overlay_as, write_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RowOutcome:
    row: int
    kind: Kind
    code: str | None
    status: Status
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What importing a file does (or would do) to the catalogue in use."""

    source: str
    rows: tuple[RowOutcome, ...]
    written: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for row in self.rows for p in row.problems)


def plan_import(path: Path, overlay: Path | None) -> tuple[ImportReport, CatalogSource]:
    """Check every row of `path` against the catalogue in use (built-in + `overlay`).

    Returns the report and the overlay that accepting every non-rejected row would give.
    """
    current_layers = _builtin_layers()
    current_overlay = CatalogSource(str(overlay))
    if overlay is not None and overlay.exists():
        current_overlay = read_source(overlay, builtin_catalog())
        current_layers.add(current_overlay)
    current = _build(current_layers)
    incoming = read_source(path, current)
    unreadable: dict[int, list[Problem]] = {}
    for problem in incoming.problems:
        unreadable.setdefault(problem.row or 0, []).append(problem)
    rows = [
        RowOutcome(row, "procedure", found[0].code, "rejected", tuple(found))
        for row, found in unreadable.items()
    ]
    accepted: list[Entry] = []
    trial = _Layers(dict(current_layers.fields), dict(current_layers.procedures))
    seen: dict[tuple[Kind, str], int] = {}
    # Fields first, so that procedures may use a field the same file adds.
    for entry in sorted(
        incoming.entries, key=lambda e: ("field", "procedure", "synonym").index(e.kind)
    ):
        outcome = _judge(entry, trial, seen)
        rows.append(outcome)
        if outcome.status != "rejected":
            accepted.append(entry)
            if entry.kind != "synonym" and entry.code is not None:
                table = trial.table(entry.kind)
                previous = table.get(entry.code)
                table[entry.code] = (
                    apply_entry(previous[0], entry.data) if previous else dict(entry.data),
                    entry,
                )
    rows.sort(key=lambda r: r.row)
    report = ImportReport(str(path), tuple(rows))
    return report, _combine(current_overlay, accepted)


def _judge(entry: Entry, trial: _Layers, seen: dict[tuple[Kind, str], int]) -> RowOutcome:
    def rejected(*problems: Problem) -> RowOutcome:
        return RowOutcome(entry.row, entry.kind, entry.code, "rejected", problems)

    if entry.kind == "synonym":
        group, problems = validate_synonym(entry.data, entry, frozenset(trial.procedures))
        return (
            rejected(*problems)
            if group is None
            else RowOutcome(entry.row, entry.kind, None, "added")
        )
    code = entry.code
    if code is None:
        return rejected(entry.problem("code", "missing or not text"))
    first = seen.setdefault((entry.kind, code), entry.row)
    if first != entry.row:
        return rejected(entry.problem("code", f"duplicate code (also at row {first})"))
    previous = trial.table(entry.kind).get(code)
    merged = apply_entry(previous[0], entry.data) if previous else dict(entry.data)
    if entry.kind == "field":
        built, problems = validate_field(merged, entry)
        if built is not None:
            taken = {
                str(data.get("queue_prefix")): other
                for other, (data, _) in trial.fields.items()
                if other != code
            }
            if built.queue_prefix in taken:
                problems = [
                    entry.problem(
                        "queue_prefix",
                        f"{built.queue_prefix!r} is also field {taken[built.queue_prefix]}'s",
                    )
                ]
    else:
        built, problems = validate_procedure(merged, entry, frozenset(trial.fields))
        if built is not None:
            clash = name_clash(code, built.names, _folded_names(trial))
            problems = [entry.problem("name", clash)] if clash else []
    if problems:
        return rejected(*problems)
    if previous is None:
        status: Status = "added"
    else:
        before = (
            validate_field(previous[0], entry)[0]
            if entry.kind == "field"
            else validate_procedure(previous[0], entry, frozenset(trial.fields))[0]
        )
        status = "unchanged" if before == built else "changed"
    return RowOutcome(entry.row, entry.kind, code, status)


def _folded_names(trial: _Layers) -> dict[str, str]:
    """Folded Vietnamese name -> code, of every procedure in `trial` that has one."""
    folded: dict[str, str] = {}
    for code, (data, _) in trial.procedures.items():
        name = data.get("name")
        if isinstance(name, dict) and isinstance(name.get("vi"), str):
            folded.setdefault(fold(name["vi"]), code)
    return folded


def _combine(current: CatalogSource, accepted: Iterable[Entry]) -> CatalogSource:
    """The overlay after import: the current overlay's entries updated by the accepted ones."""
    keyed: dict[tuple[Kind, str], dict[str, object]] = {}
    synonyms: list[dict[str, object]] = []
    for entry in (*current.entries, *accepted):
        if entry.kind == "synonym":
            if dict(entry.data) not in synonyms:
                synonyms.append(dict(entry.data))
            continue
        assert entry.code is not None
        key = (entry.kind, entry.code)
        keyed[key] = apply_entry(keyed[key], entry.data) if key in keyed else dict(entry.data)
    entries = [Entry(kind, current.name, 0, data) for (kind, _), data in keyed.items()]
    entries += [Entry("synonym", current.name, 0, data) for data in synonyms]
    return CatalogSource(current.name, tuple(entries))


def import_file(path: Path, overlay: Path, *, skip_rejected: bool = False) -> ImportReport:
    """Import `path` into the centre overlay at `overlay`.

    Writes nothing when a row is rejected, unless `skip_rejected`; then only the accepted
    rows are kept. The overlay is replaced atomically and re-read before it is replaced.
    """
    report, combined = plan_import(path, overlay)
    if report.count("rejected") and not skip_rejected:
        log.warning(
            "catalogue import of %s refused: %d rows rejected", path, report.count("rejected")
        )
        return report
    as_toml = catalog_with(parse_toml(render_overlay(combined, origin=path.name), str(overlay)))
    text = render_overlay_as(overlay, combined, path.name, builtin_catalog(), as_toml)
    write_atomically(overlay, text)
    log.info(
        "catalogue import of %s: %d added, %d changed, %d rejected; overlay written to %s",
        path,
        report.count("added"),
        report.count("changed"),
        report.count("rejected"),
        overlay,
    )
    return ImportReport(report.source, report.rows, written=True)
