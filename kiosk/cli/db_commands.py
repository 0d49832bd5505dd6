"""`kiosk-admin db ...`: the database schema."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="database schema")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="apply all pending migrations")
    upgrade.set_defaults(run=run_upgrade)


def run_upgrade(args: argparse.Namespace, context: CliContext) -> int:
    database = context.database()
    context.emit(f"database {database.describe()} is at the latest schema")
    return 0
