"""Hearing that the database changed: the listening side of `kiosk.storage.change_notice`.

Two ways behind one interface, `ChangeWatch`:

- `PostgresChangeListener`: a dedicated autocommit connection that LISTENs on the change
  channel. It exposes the socket (`fileno()`) so that an event loop wakes up only when the
  server sends something; `changed()` then reads what arrived without blocking.
- `SqliteDataVersionWatcher`: a dedicated connection whose ``PRAGMA data_version`` moves
  whenever another connection commits; it has no socket, so the caller polls `changed()`
  every `poll_interval_ms`.

A change is only a hint to re-query. When the connection is lost, `changed()` raises
`ChangeWatchLost`; the caller closes the watch, reopens it later and reloads everything,
since notices sent in between are gone.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Protocol

import psycopg
from sqlalchemy.engine import URL

from kiosk.errors import DatabaseUnavailable
from kiosk.storage.change_notice import CHANNEL
from kiosk.storage.db import Database, first_line

log = logging.getLogger(__name__)

# How often the SQLite watcher is asked: PRAGMA data_version costs microseconds, and 200 ms
# keeps a new request well within a second of the panel.
SQLITE_POLL_MS = 200
# Find a silently dead link (cable pulled, server machine off) within about half a minute.
_KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5}


class ChangeWatchLost(DatabaseUnavailable):
    """The connection that carries change notices is gone; reopen it and reload everything."""


class ChangeWatch(Protocol):
    """Tells whether the database changed since it was last asked."""

    @property
    def poll_interval_ms(self) -> int | None:
        """Ask `changed()` this often; None: ask when `fileno()` becomes readable."""

    def open(self) -> None:
        """Connect (again); raises `DatabaseUnavailable` when the database cannot be reached."""

    def fileno(self) -> int | None:
        """The socket to wait on while open, or None for a watch that must be polled."""

    def changed(self) -> bool:
        """True when something changed since the last call; never blocks.

        Raises `ChangeWatchLost` when the connection is gone.
        """

    def close(self) -> None:
        """Release the connection; safe to call twice or on a lost connection."""


class PostgresChangeListener:
    """LISTEN on the change channel over a connection of its own."""

    poll_interval_ms: int | None = None

    def __init__(self, url: URL) -> None:
        # The same URL as the database (with its options, e.g. a search_path), as libpq reads it.
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._description = url.render_as_string(hide_password=True)
        self._connection: psycopg.Connection[tuple[object, ...]] | None = None
        self._socket: int | None = None

    @property
    def backend_pid(self) -> int | None:
        """The server process serving this listener (what a technician would terminate)."""
        return self._connection.info.backend_pid if self._connection is not None else None

    def open(self) -> None:
        self.close()
        try:
            connection = psycopg.connect(
                self._conninfo, autocommit=True, connect_timeout=5, **_KEEPALIVE
            )
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            raise DatabaseUnavailable(
                f"cannot listen for changes on {self._description}: {first_line(exc)}"
            ) from exc
        self._connection = connection
        # Kept apart: once the connection is lost, asking psycopg for the socket raises.
        self._socket = connection.fileno()
        log.info("listening for changes on %s", self._description)

    def fileno(self) -> int | None:
        return self._socket

    def changed(self) -> bool:
        if self._connection is None:
            raise ChangeWatchLost("the change listener is not connected")
        pgconn = self._connection.pgconn
        try:
            # libpq's non-blocking pair: read what the socket holds, then take the notices.
            # A terminated backend first sends its error, then closes: the socket stays
            # readable and the next call fails here.
            pgconn.consume_input()
        except psycopg.OperationalError as exc:
            log.warning("change listener lost its connection: %s", first_line(exc))
            raise ChangeWatchLost(
                f"lost the connection to {self._description}: {first_line(exc)}"
            ) from exc
        heard = False
        while pgconn.notifies() is not None:
            heard = True
        return heard

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._socket = None


class SqliteDataVersionWatcher:
    """Poll ``PRAGMA data_version`` on a connection of its own."""

    poll_interval_ms: int | None = SQLITE_POLL_MS

    def __init__(self, path: str) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    def open(self) -> None:
        self.close()
        try:
            # Autocommit: no read transaction may stay open, or the version would never move.
            # Opened on a worker thread, then read on the GUI thread (never at the same time).
            self._connection = sqlite3.connect(
                self._path, isolation_level=None, check_same_thread=False
            )
            self._version = self._read_version()
        except sqlite3.Error as exc:
            self.close()
            raise DatabaseUnavailable(f"cannot watch {self._path} for changes: {exc}") from exc

    def fileno(self) -> int | None:
        return None

    def changed(self) -> bool:
        try:
            version = self._read_version()
        except sqlite3.Error as exc:
            raise ChangeWatchLost(f"cannot watch {self._path} for changes: {exc}") from exc
        moved = version != self._version
        self._version = version
        return moved

    def _read_version(self) -> int:
        if self._connection is None:
            raise sqlite3.OperationalError("the watcher is not open")
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None


def change_watch_for(database: Database) -> ChangeWatch:
    """The watch that suits the database: LISTEN on PostgreSQL, data_version on SQLite."""
    if database.is_postgresql:
        return PostgresChangeListener(database.url)
    return SqliteDataVersionWatcher(database.url.database or "")
