"""`kiosk-admin volunteers ...`: the roster of names the help-desk panel offers."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.helpdesk.volunteers import add_volunteer, remove_volunteer, roster


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("volunteers", help="the help-desk volunteer roster")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="the names on the roster")
    listing.add_argument("--json", action="store_true", help="one JSON object per volunteer")
    listing.set_defaults(run=run_list)

    add = actions.add_parser("add", help="put one or more names on the roster")
    add.add_argument("names", nargs="+", metavar="NAME")
    add.set_defaults(run=run_add)

    remove = actions.add_parser("remove", help="take a name off the roster (history keeps it)")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=run_remove)


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    for name in roster(context.database()):
        if args.json:
            context.emit_json({"name": name})
        else:
            context.emit(name)
    return 0


def run_add(args: argparse.Namespace, context: CliContext) -> int:
    for name in args.names:
        context.emit(f"added {add_volunteer(context.database(), name)}")
    return 0


def run_remove(args: argparse.Namespace, context: CliContext) -> int:
    remove_volunteer(context.database(), args.name)
    context.emit(f"removed {args.name}")
    return 0
