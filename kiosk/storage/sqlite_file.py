"""The embedded SQLite file: made only on purpose, watched while open, looked at before use.

SQLite opens a deleted file happily through a handle already open, and creates an empty one
when asked to open a path where there is none; either way tickets go where nobody will find
them and numbering starts again at 1 on a day that already handed those numbers out. So:

- connections open the file with ``mode=rw``, which never creates it;
- a marker file beside the database says a database was made here: without the database,
  only ``kiosk-admin db init`` (or a restore) makes one again, never a kiosk starting up;
- the file's identity (device, inode) is taken once open and compared before and after every
  write, so a file deleted or replaced under a running process stops it with a message;
- the header is read before use, so a truncated or overwritten file is named as such;
- every process using the file holds a shared lock on ``<file>.lock``, which tells
  ``kiosk-admin db restore`` whether anyone is still using it.
"""

from __future__ import annotations

import fcntl
import sqlite3
import struct
from datetime import UTC, datetime
from pathlib import Path
from typing import IO
from urllib.parse import quote

from kiosk.errors import DatabaseFileGone, DatabaseUnusable

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
RESTORE_HINT = "restore it from a backup (kiosk-admin db restore PATH)"
INIT_HINT = "or start an empty one with `kiosk-admin db init` (ticket numbers start again at 1)"


def marker_path(path: Path) -> Path:
    """The file that says a database was made at ``path`` (kept when the database goes)."""
    return path.with_name(path.name + ".created")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def connect_existing(path: Path, timeout_seconds: float) -> sqlite3.Connection:
    """A connection to the file at ``path`` that fails rather than create an empty file there."""
    uri = f"file:{quote(str(path.resolve()))}?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=timeout_seconds, check_same_thread=False)


def damage(path: Path) -> str | None:
    """What is wrong with the file's header (not SQLite, or shorter than it says), or None."""
    size = path.stat().st_size
    if size == 0:
        return None
    with path.open("rb") as file:
        header = file.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return "is not an SQLite database (damaged or overwritten)"
    (page_size,) = struct.unpack_from(">H", header, 16)
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack_from(">II", header, 24)
    (valid_for,) = struct.unpack_from(">I", header, 92)
    # The page count in the header is trusted by SQLite only when it was written by a version
    # that keeps it (it then matches the change counter); so is it here.
    if pages and change_counter == valid_for and size < pages * page_size:
        return f"is truncated ({size} bytes where its header says {pages * page_size})"
    return None


class SqliteFile:
    """One database file as a process uses it: made on purpose, checked, watched, locked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity: tuple[int, int] | None = None
        self._lock: IO[bytes] | None = None

    def prepare(self, *, create: bool) -> None:
        """Check the file before use; make an empty one only where none was ever made.

        ``create`` (`kiosk-admin db init`) makes one even where the marker says a database
        was made before.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            self._check_contents()
            return
        if marker_path(self.path).exists() and not create:
            made = marker_path(self.path).read_text(encoding="utf-8", errors="replace").strip()
            raise DatabaseUnusable(
                f"the database file {self.path} is missing, though a database was made there"
                f" ({made.splitlines()[0] if made else 'see its .created file'}): {RESTORE_HINT},"
                f" {INIT_HINT}"
            )
        remove_leftovers(self.path)
        sqlite3.connect(self.path).close()

    def _check_contents(self) -> None:
        fault = damage(self.path)
        if fault is not None:
            raise DatabaseUnusable(f"the database file {self.path} {fault}: {RESTORE_HINT}")
        if self.path.stat().st_size == 0 and marker_path(self.path).exists():
            raise DatabaseUnusable(
                f"the database file {self.path} is empty, though a database was made there:"
                f" {RESTORE_HINT}, {INIT_HINT}"
            )

    def opened(self) -> None:
        """The file is in use: remember which file it is, mark it as made, share its lock."""
        stat = self.path.stat()
        self._identity = (stat.st_dev, stat.st_ino)
        marker = marker_path(self.path)
        if not marker.exists():
            made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            marker.write_text(
                f"a kiosk database was made here at {made}\n"
                "While this file exists, a kiosk never makes a new empty database in place of\n"
                "a missing one: restore a backup (kiosk-admin db restore PATH) or run\n"
                "kiosk-admin db init.\n",
                encoding="utf-8",
            )
        if self._lock is None:
            self._lock = lock_path(self.path).open("ab")
            # Shared: kiosks, panels and kiosk-admin all use the file at once; only a restore
            # asks for it alone.
            fcntl.flock(self._lock, fcntl.LOCK_SH)

    def ensure_same(self) -> None:
        """Raise `DatabaseFileGone` when the file opened is no longer the one at its path."""
        if self._identity is None:
            return
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise DatabaseFileGone(self.gone_message("was deleted")) from None
        if (stat.st_dev, stat.st_ino) != self._identity:
            raise DatabaseFileGone(self.gone_message("was replaced by another file"))

    def gone_message(self, what: str) -> str:
        return (
            f"the database file {self.path} {what} while in use; nothing more is stored:"
            f" stop the kiosks, then {RESTORE_HINT} or run `kiosk-admin db init`"
        )

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def remove_leftovers(path: Path) -> None:
    """Delete the WAL and journal of a database file that is gone, before a new one is made.

    SQLite would otherwise read the old database's pages from them into the new file.
    """
    for leftover in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + leftover).unlink(missing_ok=True)


def lock_alone(path: Path) -> IO[bytes] | None:
    """The lock on the file for one process alone, or None while another process uses it."""
    lock = lock_path(path).open("ab")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    return lock
