"""`kiosk-admin`: the staff command line for what is done rarely."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path

from kiosk.cli import (
    catalog_commands,
    config_commands,
    counter_commands,
    counters_commands,
    db_commands,
    doctor_commands,
    pin_commands,
    printer_commands,
    privacy_commands,
    report_commands,
    ticket_commands,
    voice_commands,
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
    counters_commands,
    counter_commands,
    report_commands,
    privacy_commands,
    voice_commands,
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
    """Run one command: its result, or one line on stderr with status 1 or 2, never a traceback."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:
        # argparse has printed its one line (or the help); in-process callers get the status.
        return exit_request.code if isinstance(exit_request.code, int) else 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        # python-escpos configures the root logger when imported; ours must win.
        force=True,
    )
    context = CliContext(config_path=args.config)
    try:
        status = int(args.run(args, context))
        context.out.flush()
        return status
    except BrokenPipeError:
        # The reader of our output went away (`kiosk-admin ticket list | head -1`).
        _drop_stdout()
        return 1
    except (KioskError, OSError) as exc:
        log.info("kiosk-admin failed", exc_info=True)
        return _fail(str(exc), 2)
    except Exception as exc:
        log.info("kiosk-admin failed", exc_info=True)
        return _fail(f"unexpected fault ({type(exc).__name__}: {exc}); run with -v for details", 1)
    finally:
        context.close()


def _fail(message: str, status: int) -> int:
    # With stderr closed too, the status alone tells.
    with contextlib.suppress(OSError, ValueError):
        print(f"kiosk-admin: {message}", file=sys.stderr)
    return status


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail a second time."""
    # Not a real file (tests capture it): then nothing is flushed at exit either.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
