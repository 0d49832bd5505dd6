"""`kiosk-admin printer ...`: is the ticket printer working?"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.ticket_printing import bundled_fonts
from printer import print_ticket, query_status, render_test_page


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("printer", help="ticket printer")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    test = actions.add_parser("test", help="print a test page and report the printer's status")
    test.add_argument("--json", action="store_true", help="print one JSON object")
    test.set_defaults(run=run_test)


def run_test(args: argparse.Namespace, context: CliContext) -> int:
    settings = context.settings
    spec = settings.printer_spec
    status = query_status(spec)
    moment = datetime.now(UTC).astimezone(settings.centre.zone)
    page = render_test_page(
        spec.width_dots,
        bundled_fonts(),
        [
            settings.centre.name,
            f"Kiosk {settings.kiosk.id} · {spec.kind} {spec.target}",
            moment.strftime("%d/%m/%Y %H:%M:%S"),
        ],
    )
    outcome = print_ticket(page, spec, label="test-page")
    record: dict[str, object] = {
        "printer": spec.kind,
        "target": spec.target,
        "online": status.online,
        "paper": status.paper,
        "status_note": status.reason,
        "print_status": outcome.status,
        "print_error": outcome.reason,
    }
    if args.json:
        context.emit_json(record)
    else:
        for key, value in record.items():
            context.emit(f"{key}: {'-' if value is None else value}")
    return 0 if outcome.status == "printed" else 1
