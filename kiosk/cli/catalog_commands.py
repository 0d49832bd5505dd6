"""`kiosk-admin catalog ...`: list, search, validate and import the procedure catalogue."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.catalog.loader import ImportReport, import_file, load_catalog, plan_import
from kiosk.catalog.procedures import Catalog, Procedure
from kiosk.catalog.search import ProcedureSearch
from kiosk.cli.context import CliContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("catalog", help="the procedure catalogue")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="fields and procedures in use (built-in + overlay)")
    listing.add_argument("--json", action="store_true", help="one JSON object with every fact")
    listing.set_defaults(run=run_list)

    search = actions.add_parser("search", help="what the kiosk's search finds for QUERY")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=run_search)

    validate = actions.add_parser(
        "validate", help="check a catalogue file (TOML or CSV) against the built-in catalogue"
    )
    validate.add_argument("file", type=Path)
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(run=run_validate)

    importing = actions.add_parser(
        "import", help="merge a centre's file (TOML or CSV) into the catalogue overlay"
    )
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--skip-rejected",
        action="store_true",
        help="keep the good rows even when some are rejected (default: change nothing)",
    )
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(run=run_import)


def _catalog(context: CliContext) -> Catalog:
    return load_catalog(context.settings.catalog_overlay_path)


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    catalog = _catalog(context)
    if args.json:
        context.emit_json(
            {
                "fields": [
                    {
                        "code": f.code,
                        "name": f.names.as_dict(),
                        "order": f.order,
                        "icon": f.icon,
                        "queue_prefix": f.queue_prefix,
                    }
                    for f in catalog.fields
                ],
                "procedures": [procedure_record(p) for p in catalog.procedures],
            }
        )
        return 0
    for field in catalog.fields:
        procedures = catalog.procedures_in(field.code)
        context.emit(f"{field.queue_prefix}  {field.name('vi')} ({len(procedures)})")
        for procedure in procedures:
            context.emit(f"    {procedure.code:<10} {procedure.name('vi')}")
    return 0


def procedure_record(procedure: Procedure) -> dict[str, object]:
    """Every fact of a procedure as plain data, texts per language."""
    return {
        "code": procedure.code,
        "field": procedure.field,
        "name": procedure.names.as_dict(),
        "documents": [d.label.as_dict() for d in procedure.documents],
        "fee": procedure.fee_text.as_dict(),
        "fee_set_by_province": procedure.fee_set_by_province,
        "processing_time": procedure.processing_time_text.as_dict(),
        "handled_at": procedure.handled_at_text.as_dict(),
        "channels": list(procedure.channels),
        "portal_url": procedure.portal_url,
        "portal_url_generic": procedure.portal_url_generic,
        "legal_basis": list(procedure.legal_basis),
        "note": procedure.note_text.as_dict() if procedure.note_text else None,
        "unverified": sorted(procedure.unverified),
    }


def run_search(args: argparse.Namespace, context: CliContext) -> int:
    catalog = _catalog(context)
    hits = ProcedureSearch(catalog).search(args.query, limit=args.limit)
    if args.json:
        context.emit_json(
            {
                "query": args.query,
                "hits": [
                    {
                        "rank": rank,
                        "code": hit.code,
                        "name": catalog.procedure(hit.code).names.as_dict(),
                        "score": hit.score,
                    }
                    for rank, hit in enumerate(hits, start=1)
                ],
            }
        )
        return 0
    for rank, hit in enumerate(hits, start=1):
        context.emit(f"{rank:>2}. {hit.code:<10} {catalog.procedure(hit.code).name('vi')}")
    if not hits:
        context.emit("no procedure matches")
    return 0


def run_validate(args: argparse.Namespace, context: CliContext) -> int:
    report, _ = plan_import(args.file, overlay=None)
    _emit_report(report, context, as_json=args.json)
    return 1 if report.count("rejected") else 0


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    overlay = context.settings.catalog_overlay_path
    report = import_file(args.file, overlay, skip_rejected=args.skip_rejected)
    _emit_report(report, context, as_json=args.json, overlay=overlay)
    return 0 if report.written else 1


def _emit_report(
    report: ImportReport, context: CliContext, *, as_json: bool, overlay: Path | None = None
) -> None:
    counts = {status: report.count(status) for status in ("added", "changed", "unchanged")}
    rejected = [row for row in report.rows if row.status == "rejected"]
    if as_json:
        record: dict[str, object] = {
            "file": report.source,
            **counts,
            "rejected": len(rejected),
            "rows": [
                {
                    "row": row.row,
                    "kind": row.kind,
                    "code": row.code,
                    "status": row.status,
                    "problems": [
                        {"key": p.key, "message": p.message, "text": str(p)} for p in row.problems
                    ],
                }
                for row in report.rows
            ],
        }
        if overlay is not None:
            record["written"] = report.written
            record["overlay"] = str(overlay)
        context.emit_json(record)
        return
    for row in rejected:
        for problem in row.problems:
            context.emit(f"rejected: {problem}")
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    context.emit(f"{report.source}: {summary}, {len(rejected)} rejected")
    if overlay is None:
        return
    if report.written:
        context.emit(f"overlay written to {overlay}")
    else:
        context.emit("nothing changed: fix the rejected rows or use --skip-rejected")
