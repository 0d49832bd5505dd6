"""The database: one code path for embedded SQLite and a centre's shared PostgreSQL.

SQLite runs in WAL mode with a busy timeout, and every writing transaction starts with
``BEGIN IMMEDIATE`` so that two kiosks never both read a counter and then fight over the write.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Executable, Row, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.errors import DatabaseUnavailable, DatabaseUnusable
from kiosk.storage.sqlite_file import RESTORE_HINT, SqliteFile, connect_existing

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

    from kiosk.config import Settings

log = logging.getLogger(__name__)

_WRITE_OPTION = "kiosk_write"
# The newest revision under kiosk/storage/migrations/versions (a test checks they agree).
SCHEMA_REVISION = "0006"


def _normalise_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"database URL {url!r} is not a valid URL") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        # psycopg 3 is the one PostgreSQL driver the kiosk ships with.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _install_sqlite_pragmas(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how each transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """Engine and sessions for one database URL."""

    def __init__(
        self,
        url: str,
        *,
        busy_timeout_ms: int = 10_000,
        echo: bool = False,
        pool_size: int | None = None,
    ) -> None:
        self.url = _normalise_url(url)
        kwargs: dict[str, Any] = {"echo": echo}
        # The SQLite file, watched while in use (None for PostgreSQL and in-memory SQLite).
        self.file: SqliteFile | None = None
        if self.is_sqlite:
            database = self.url.database or ""
            if database and database != ":memory:":
                self.file = SqliteFile(Path(database))
                kwargs["creator"] = partial(
                    connect_existing, self.file.path, busy_timeout_ms / 1000
                )
            kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000}
        else:
            # A pooled connection may have died with a server restart; pinging it on checkout
            # costs a round trip, outside any lock, and saves the first ticket afterwards.
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 5}
        if pool_size is not None and (self.file is not None or not self.is_sqlite):
            # Connections kept open between uses; more are opened for a peak and closed after
            # it, which a server that answers many requests at once (kiosk-web) should avoid.
            kwargs["pool_size"] = pool_size
        self.engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_pragmas(self.engine, busy_timeout_ms)
        self._write_engine = self.engine.execution_options(**{_WRITE_OPTION: True})
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._autocommit_engine = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    def describe(self) -> str:
        """The URL without its password, for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A writing transaction, committed on success and rolled back on any error.

        On SQLite, a file deleted or replaced under the process raises `DatabaseFileGone`
        before the transaction, or after it: what went into a deleted file is not stored.
        """
        with self._watching_file(), self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A bare Core connection in one writing transaction (``BEGIN IMMEDIATE`` on SQLite),
        for the hot paths (issuing, calling): whatever is done on it commits or rolls back
        whole, however many statements a caller adds."""
        with self._watching_file(), self._write_engine.begin() as connection:
            yield connection

    @contextmanager
    def autocommit_connection(self) -> Iterator[Connection]:
        """A bare Core connection on which every statement is a transaction of its own.

        On PostgreSQL the server commits when a statement ends, so the row locks a statement
        takes are never held while a round trip to this (possibly busy) process is under way;
        an action done by one statement is atomic by construction.
        """
        with self._watching_file(), self._autocommit_engine.connect() as connection:
            yield connection

    def run_alone(self, statement: Executable, values: dict[str, object]) -> Row[Any]:
        """Run one statement as a transaction of its own (`autocommit_connection`); its row."""
        with self.autocommit_connection() as connection:
            return connection.execute(statement, values).one()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A reading transaction (deferred on SQLite: it takes no write lock)."""
        if self.file is not None:
            self.file.ensure_same()
        with self._wrap_errors(), self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def _watching_file(self) -> Iterator[None]:
        if self.file is None:
            with self._wrap_errors():
                yield
            return
        self.file.ensure_same()
        with self._wrap_errors():
            yield
        self.file.ensure_same()

    @contextmanager
    def _wrap_errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            fault = self.fault(exc)
            if fault is None:
                raise
            raise fault from exc

    def check_connection(self) -> None:
        """Connect once, so that a wrong URL is reported at start and not at the first ticket."""
        with self.read() as session:
            session.execute(text("SELECT 1"))

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at; None for an empty database."""
        with self.read() as session:
            if not inspect(session.connection()).has_table("alembic_version"):
                return None
            return session.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self) -> None:
        """Apply every Alembic migration not yet applied (safe when several processes start).

        A database already at ``SCHEMA_REVISION`` is left alone without loading Alembic,
        which would cost a kiosk a sixth of its start-up time.
        """
        revision = self.schema_revision()
        if revision == SCHEMA_REVISION:
            return
        from alembic import command

        config = alembic_config(self)
        if revision is not None:
            self._check_known(config, revision)
        try:
            migrating = self.engine.execution_options(**{_WRITE_OPTION: True})
            with migrating.connect() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except DBAPIError as exc:
            raise (self.fault(exc) or DatabaseUnavailable(self._unreachable(exc))) from exc
        log.info("database %s is at the latest schema", self.describe())

    def _check_known(self, config: AlembicConfig, revision: str) -> None:
        """A schema made by a newer kiosk is not touched: stop with what to do instead."""
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        try:
            ScriptDirectory.from_config(config).get_revision(revision)
        except CommandError:
            raise DatabaseUnusable(
                f"{self._where()} is at schema {revision}, which this kiosk does not know (it"
                f" knows up to {SCHEMA_REVISION}): update the kiosk to a version that knows"
                f" schema {revision}"
            ) from None

    def dispose(self) -> None:
        self.engine.dispose()
        if self.file is not None:
            self.file.close()

    def _where(self) -> str:
        return f"the database file {self.url.database}" if self.is_sqlite else self.describe()

    def fault(self, exc: DBAPIError) -> DatabaseUnavailable | None:
        """The database fault behind ``exc`` in words a technician can act on, if it is one."""
        message = str(exc.orig).lower()
        where = self._where()
        if self.file is not None and not self.file.path.exists():
            return DatabaseUnusable(self.file.gone_message("is missing"))
        for phrase, explanation in _DAMAGE_FAULTS:
            if phrase in message:
                return DatabaseUnusable(explanation.format(where=where))
        for phrase, explanation in _STORAGE_FAULTS:
            if phrase in message:
                return DatabaseUnavailable(explanation.format(where=where))
        if exc.connection_invalidated or any(phrase in message for phrase in _CONNECTION_FAULTS):
            return DatabaseUnavailable(self._unreachable(exc))
        return None

    def _unreachable(self, exc: DBAPIError) -> str:
        return f"cannot reach the database {self.describe()}: {first_line(exc.orig)}"


def first_line(error: BaseException | None) -> str:
    """The first line of a driver's message (psycopg adds hints on further lines)."""
    return str(error).strip().splitlines()[0] if error and str(error).strip() else "no reason given"


# What SQLite and PostgreSQL say (lower case) -> what a technician should read.
_STORAGE_FAULTS = (
    ("database or disk is full", "the disk holding {where} is full: free some space"),
    ("disk is full", "the disk holding {where} is full: free some space"),
    ("readonly database", "{where} is read-only: check the file system and its permissions"),
    ("read-only file system", "{where} is on a read-only file system"),
    ("disk i/o error", "{where} cannot be read or written (disk I/O error): check the disk"),
    ("unable to open database", "{where} cannot be opened: is its folder there and writable?"),
    ("database is locked", "{where} stayed locked by another process: is a kiosk stuck?"),
)
# Faults that no retry mends.
_DAMAGE_FAULTS = (
    ("file is not a database", f"{{where}} is not an SQLite database (damaged): {RESTORE_HINT}"),
    ("malformed", f"{{where}} is damaged (malformed): {RESTORE_HINT}"),
    ("database corrupt", f"{{where}} is damaged: {RESTORE_HINT}"),
)
_CONNECTION_FAULTS = ("connection", "could not connect", "server closed", "terminating")


def alembic_config(database: Database) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(resources.files("kiosk.storage") / "migrations"))
    config.attributes["database_is_sqlite"] = database.is_sqlite
    return config


def open_database(
    url: str,
    *,
    busy_timeout_ms: int = 10_000,
    upgrade: bool = True,
    create: bool = False,
    pool_size: int | None = None,
) -> Database:
    """Open the database and bring its schema up to date; faults become `DatabaseUnavailable`.

    An SQLite file is made only where none was made before, or with ``create``
    (`kiosk-admin db init`); a damaged one or one of a newer schema raises `DatabaseUnusable`.
    ``pool_size``: connections kept open (default: SQLAlchemy's five).
    """
    database = Database(url, busy_timeout_ms=busy_timeout_ms, pool_size=pool_size)
    try:
        if database.file is not None:
            database.file.prepare(create=create)
        if upgrade:
            database.upgrade()
        else:
            database.check_connection()
        if database.file is not None:
            database.file.opened()
    except DatabaseUnavailable:
        database.dispose()
        raise
    except OSError as exc:
        # The data directory or the file beside the database cannot be made or read.
        database.dispose()
        raise DatabaseUnavailable(f"{exc.filename or database.describe()}: {exc.strerror}") from exc
    return database


def open_configured_database(
    settings: Settings, *, create: bool = False, pool_size: int | None = None
) -> Database:
    """`open_database` on the configured database (``database.url``, ``busy_timeout_ms``)."""
    return open_database(
        settings.database_url,
        busy_timeout_ms=settings.database.busy_timeout_ms,
        create=create,
        pool_size=pool_size,
    )
