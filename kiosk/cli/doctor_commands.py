"""`kiosk-admin doctor`: can this machine run the kiosk? One line per check, with the fix."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.diagnosis.checkup import any_failed, run_checkup


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor", help="check this machine: display, printer, database, speech... (1 on FAIL)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per check")
    parser.set_defaults(run=run_doctor)


def run_doctor(args: argparse.Namespace, context: CliContext) -> int:
    verdicts = run_checkup(context.settings)
    for verdict in verdicts:
        if args.json:
            context.emit_json(verdict.as_json())
        else:
            context.emit(verdict.line())
    return 1 if any_failed(verdicts) else 0
