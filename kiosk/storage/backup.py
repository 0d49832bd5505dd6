"""Backups of the embedded SQLite database, taken while kiosks run, and restoring one.

SQLite's online backup API copies a consistent snapshot page by page while other processes
go on writing, which a file copy cannot promise with a WAL file beside the database. The
running kiosk takes one a day; `kiosk-admin db backup` and `db restore` do it by hand.
A centre on PostgreSQL backs up with pg_dump instead (README).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from kiosk.config import Settings
from kiosk.errors import KioskError
from kiosk.storage.db import Database
from kiosk.storage.sqlite_file import (
    connect_existing,
    damage,
    lock_alone,
    marker_path,
    remove_leftovers,
)

log = logging.getLogger(__name__)

PREFIX = "kiosk-backup-"
SUFFIX = ".sqlite3"
# A backup is due when the newest one is older than this.
BACKUP_INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(KioskError):
    """A backup could not be taken or restored; the message names the file and the fault."""


def sqlite_path(database: Database) -> Path:
    """The database's file; a PostgreSQL centre is told to use pg_dump."""
    if database.file is None:
        raise BackupError(
            f"{database.describe()} is not an SQLite file: back up a PostgreSQL database with"
            " pg_dump (see the README)"
        )
    return database.file.path


def backup_name(moment: datetime) -> str:
    return f"{PREFIX}{moment.astimezone(UTC).strftime(_STAMP)}{SUFFIX}"


def backups_in(folder: Path) -> list[Path]:
    """The backups taken into ``folder`` (by the kiosk or `db backup`), oldest first."""
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}")) if folder.is_dir() else []


def copy_database(database: Database, target: Path) -> Path:
    """Copy the database into the new file ``target`` with the online backup API."""
    source_path = sqlite_path(database)
    if target.exists():
        raise BackupError(f"{target} already exists; name a new file or a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with (
            closing(connect_existing(source_path, timeout_seconds=10)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"could not back up {source_path} to {target}: {exc}") from exc
    log.info("database %s backed up to %s", source_path, target)
    return target


def back_up_into(database: Database, folder: Path, kept: int, now: datetime) -> Path:
    """A new backup in ``folder``; then only the newest ``kept`` backups there stay."""
    target = copy_database(database, folder / backup_name(now))
    for old in backups_in(folder)[:-kept]:
        old.unlink(missing_ok=True)
        log.info("old backup %s deleted (storage.backups_kept = %d)", old, kept)
    return target


def back_up_if_due(
    database: Database, settings: Settings, now: datetime | None = None
) -> Path | None:
    """The kiosk's daily backup: taken when the newest is a day old; None when not due."""
    if database.file is None:
        return None
    moment = now or datetime.now(UTC)
    newest = backups_in(settings.backup_dir)[-1:]
    if newest and moment - _taken_at(newest[0]) < BACKUP_INTERVAL:
        return None
    return back_up_into(database, settings.backup_dir, settings.storage.backups_kept, moment)


def _taken_at(backup: Path) -> datetime:
    stamp = backup.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(backup.stat().st_mtime, UTC)


@dataclass(frozen=True)
class Restored:
    source: Path
    target: Path
    tickets: int


def check_backup(source: Path) -> int:
    """Raise `BackupError` unless ``source`` is a sound kiosk database; its number of tickets."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    fault = damage(source)
    if fault is not None:
        raise BackupError(f"{source} {fault}; nothing restored")
    try:
        with closing(_read_only(source)) as backup:
            verdict = backup.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"{source} fails SQLite's integrity check ({verdict})")
            tickets = backup.execute("SELECT count(*) FROM tickets").fetchone()[0]
    except sqlite3.Error as exc:
        raise BackupError(f"{source} is not a kiosk database ({exc}); nothing restored") from exc
    return int(tickets)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)


def restore(source: Path, target: Path) -> Restored:
    """Put the backup ``source`` in place of the database file ``target``.

    Refused while any kiosk, panel or kiosk-admin has the database open (they hold its lock),
    and before anything is touched when the backup fails SQLite's integrity check.
    """
    tickets = check_backup(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = lock_alone(target)
    if lock is None:
        raise BackupError(
            f"{target} is in use by a kiosk, a panel or kiosk-admin: stop them first"
            " (systemctl stop kiosk), then restore; nothing restored"
        )
    try:
        if not target.exists():
            remove_leftovers(target)
        with closing(_read_only(source)) as backup, closing(sqlite3.connect(target)) as database:
            backup.backup(database)
    except sqlite3.Error as exc:
        raise BackupError(f"could not restore {source} into {target}: {exc}") from exc
    finally:
        lock.close()
    if not marker_path(target).exists():
        marker_path(target).write_text(f"restored from {source}\n", encoding="utf-8")
    log.info("database %s restored from %s (%d tickets)", target, source, tickets)
    return Restored(source, target, tickets)
