"""`kiosk-admin db ...`: the database schema, a new empty database, backups and restoring one."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.errors import KioskError
from kiosk.storage.backup import back_up_into, backup_name, copy_database, restore
from kiosk.storage.db import Database, open_configured_database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="database schema, backups")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="apply all pending migrations")
    upgrade.set_defaults(run=run_upgrade)
    init = actions.add_parser(
        "init",
        help="make an empty database where the SQLite file is missing (ticket numbers start"
        " again at 1); a kiosk never does this by itself once a database was made there",
    )
    init.set_defaults(run=run_init)
    backup = actions.add_parser(
        "backup", help="back up the SQLite database (default: into storage.backup_dir)"
    )
    backup.add_argument("path", nargs="?", type=Path, metavar="PATH", help="a new file or a folder")
    backup.set_defaults(run=run_backup)
    restoring = actions.add_parser(
        "restore",
        help="put a backup in place of the SQLite database (stop kiosks and panels first)",
    )
    restoring.add_argument("path", type=Path, metavar="PATH", help="the backup file")
    restoring.set_defaults(run=run_restore)


def run_upgrade(args: argparse.Namespace, context: CliContext) -> int:
    database = context.database()
    context.emit(f"database {database.describe()} is at the latest schema")
    return 0


def _configured(context: CliContext) -> tuple[str, Path | None]:
    """The configured database for messages, and its SQLite file (None for PostgreSQL)."""
    database = Database(context.settings.database_url)
    try:
        return database.describe(), database.file.path if database.file is not None else None
    finally:
        database.dispose()


def run_init(args: argparse.Namespace, context: CliContext) -> int:
    settings = context.settings
    where, path = _configured(context)
    if path is not None and path.exists():
        raise KioskError(
            f"{path} already exists; nothing done (`kiosk-admin db upgrade` updates it)"
        )
    if path is None:
        context.emit(f"making the tables of the database {where} where missing")
    else:
        context.emit(
            f"making an empty database at {path}: ticket numbers start again at 1, so a number"
            " handed out earlier today can be handed out again"
        )
    database = open_configured_database(settings, create=True)
    database.dispose()
    context.emit("done")
    return 0


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    database, settings = context.database(), context.settings
    now = datetime.now(UTC)
    if args.path is None:
        target = back_up_into(database, settings.backup_dir, settings.storage.backups_kept, now)
    elif args.path.is_dir():
        target = copy_database(database, args.path / backup_name(now))
    else:
        target = copy_database(database, args.path)
    context.emit(f"backed up to {target}")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    _, path = _configured(context)
    if path is None:
        raise KioskError(
            "the database is on PostgreSQL: restore a pg_dump backup with pg_restore (README)"
        )
    restored = restore(args.path, path)
    context.emit(f"restored {restored.target} from {restored.source}: {restored.tickets} tickets")
    return 0
