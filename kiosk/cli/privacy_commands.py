"""`kiosk-admin privacy purge`: delete what is older than the retention period now."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.staff.retention import purge_expired


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("privacy", help="retention of tickets and help requests")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    purge = actions.add_parser(
        "purge",
        help="delete tickets and help requests older than privacy.retention_days"
        " (each day's figures are kept); kiosks also do this when they start",
    )
    purge.add_argument("--json", action="store_true", help="print one JSON object")
    purge.set_defaults(run=run_purge)


def run_purge(args: argparse.Namespace, context: CliContext) -> int:
    purge = purge_expired(context.database(), context.settings)
    record: dict[str, object] = {
        "kept_from": purge.kept_from.isoformat(),
        "days_summarised": purge.days_summarised,
        "tickets_deleted": purge.tickets_deleted,
        "help_requests_deleted": purge.help_requests_deleted,
    }
    if args.json:
        context.emit_json(record)
    else:
        context.emit(
            f"kept everything from {record['kept_from']}; deleted {purge.tickets_deleted} tickets"
            f" and {purge.help_requests_deleted} help requests; figures of"
            f" {purge.days_summarised} days kept"
        )
    return 0
