"""`kiosk-admin config ...`: the effective configuration."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.config import settings_as_dict


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("config", help="configuration")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="print the effective settings as JSON")
    show.set_defaults(run=run_show)


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    context.emit_json(settings_as_dict(context.settings))
    return 0
