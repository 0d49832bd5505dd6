"""`kiosk-admin`: the staff command line for what is done rarely."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path

from kiosk.cli import (
    catalog_commands,
    config_commands,
    db_commands,
    doctor_commands,
    pin_commands,
    printer_commands,
    privacy_commands,
    report_commands,
    ticket_commands,
    volunteer_commands,
)
from kiosk.cli.context import CliContext
from kiosk.errors import KioskError

log = logging.getLogger(__name__)

# One module per subject; each adds its subcommands with `register(subparsers)`.
SUBJECTS = [
    db_commands,
    ticket_commands,
    catalog_commands,
    printer_commands,
    config_commands,
    pin_commands,
    volunteer_commands,
    report_commands,
    privacy_commands,
    doctor_commands,
]
# Subjects that need Qt live in ui/ and join through this entry-point group, so that kiosk/
# never imports ui/ (pyproject.toml: [project.entry-points."kiosk_admin.subjects"]).
PLUGIN_GROUP = "kiosk_admin.subjects"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk-admin", description="Staff tools for the service-centre kiosk."
    )
    parser.add_argument("--config", type=Path, help="configuration file (default: $KIOSK_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    subparsers = parser.add_subparsers(dest="subject", required=True, metavar="SUBJECT")
    for subject in SUBJECTS:
        subject.register(subparsers)
    for entry_point in entry_points(group=PLUGIN_GROUP):
        entry_point.load()(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        # python-escpos configures the root logger when imported; ours must win.
        force=True,
    )
    context = CliContext(config_path=args.config)
    try:
        return int(args.run(args, context))
    except KioskError as exc:
        log.debug("kiosk-admin failed", exc_info=True)
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return 2
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
