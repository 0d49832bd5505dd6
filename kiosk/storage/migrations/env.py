"""Alembic environment: migrations run on the connection `kiosk.storage.db.Database` hands over."""

from alembic import context
from sqlalchemy import text

from kiosk.storage.models import Base

# Any number that no other application on the centre's PostgreSQL uses for an advisory lock.
_MIGRATION_LOCK_ID = 7_345_101

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    # Kiosks and panels may start together against one empty database: one migrates, the
    # others wait here and then find nothing left to do. (SQLite: BEGIN IMMEDIATE does this.)
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
    context.run_migrations()
