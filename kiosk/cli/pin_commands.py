"""`kiosk-admin set-pin`: the PIN that opens the staff screen on every kiosk."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.errors import KioskError
from kiosk.staff.pin import set_pin


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "set-pin", help="set the staff PIN (4 to 12 digits) that opens the kiosk's staff screen"
    )
    parser.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from the first line of stdin"
    )
    parser.set_defaults(run=run_set_pin)


def read_new_pin(from_stdin: bool, what: str = "staff") -> str:
    """A new PIN from stdin's first line, or typed twice without echo."""
    if from_stdin:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            raise KioskError("no PIN on standard input (it is empty or closed); nothing changed")
        return line.strip()
    if not _typed_at_a_terminal():
        raise KioskError("no terminal to type the PIN at: use --pin-stdin; nothing changed")
    try:
        pin = getpass.getpass(f"New {what} PIN: ")
        again = getpass.getpass("Type it again: ")
    except EOFError:
        raise KioskError("no PIN typed; nothing changed") from None
    if again != pin:
        raise KioskError("the two PINs differ; nothing was changed")
    return pin


def _typed_at_a_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def run_set_pin(args: argparse.Namespace, context: CliContext) -> int:
    set_pin(context.database(), read_new_pin(args.pin_stdin))
    context.emit("staff PIN set; wrong PINs lock the staff screen of every kiosk for 5 minutes")
    return 0
