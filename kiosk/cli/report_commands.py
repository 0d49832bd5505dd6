"""`kiosk-admin report`: per service day, tickets, help requests and the wait for a volunteer."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.arguments import service_day
from kiosk.cli.context import CliContext
from kiosk.errors import KioskError
from kiosk.reports.daily import daily_report, report_as_csv

# Ten years of days: more in one report is a typing mistake.
MAX_DAYS = 3660


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report", help="figures per service day (tickets, help requests, wait to claim)"
    )
    parser.add_argument(
        "--from", dest="first", required=True, type=service_day, metavar="YYYY-MM-DD"
    )
    parser.add_argument("--to", dest="last", required=True, type=service_day, metavar="YYYY-MM-DD")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.set_defaults(run=run_report)


def run_report(args: argparse.Namespace, context: CliContext) -> int:
    if args.last < args.first:
        raise KioskError(f"--to {args.last} comes before --from {args.first}")
    if (args.last - args.first).days >= MAX_DAYS:
        raise KioskError(f"at most {MAX_DAYS} days at once; ask for fewer")
    settings = context.settings
    reports = daily_report(
        context.database(),
        args.first,
        args.last,
        settings.centre.zone,
        settings.queue.target_wait_minutes,
    )
    if args.format == "json":
        for report in reports:
            context.emit_json(report.as_json())
    else:
        context.out.write(report_as_csv(reports))
    return 0
