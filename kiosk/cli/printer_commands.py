"""`kiosk-admin printer ...`: is the ticket printer working?"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.printing.desk import check_printer


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("printer", help="ticket printer")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    test = actions.add_parser("test", help="print a test page and report the printer's status")
    test.add_argument("--json", action="store_true", help="print one JSON object")
    test.set_defaults(run=run_test)


def run_test(args: argparse.Namespace, context: CliContext) -> int:
    result = check_printer(context.settings)
    record = result.as_json()
    if args.json:
        context.emit_json(record)
    elif result.printed:
        for key, value in record.items():
            context.emit(f"{key}: {'-' if value is None else value}")
    else:
        # One line, naming the printer and the fix, as every kiosk-admin error.
        reason = result.outcome.reason or "no reason given"
        named = result.target in reason or result.target.removeprefix("USB ") in reason
        where = "" if named else f"printer {result.target}: "
        print(f"kiosk-admin: test page not printed: {where}{reason}", file=sys.stderr)
    return 0 if result.printed else 1
