"""`kiosk-admin report`: per service day, tickets, help requests and the wait for a volunteer."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.errors import KioskError
from kiosk.reports.daily import daily_report, report_as_csv


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report", help="figures per service day (tickets, help requests, wait to claim)"
    )
    parser.add_argument("--from", dest="first", required=True, type=_day, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, type=_day, metavar="YYYY-MM-DD")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.set_defaults(run=run_report)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-11-23") from exc


def run_report(args: argparse.Namespace, context: CliContext) -> int:
    if args.last < args.first:
        raise KioskError(f"--to {args.last} comes before --from {args.first}")
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
