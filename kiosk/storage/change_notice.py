"""Telling panels on other machines that something changed.

A notice is only a hint to re-query. On PostgreSQL it is a NOTIFY sent inside the writing
transaction, so listeners hear of it exactly when the change becomes visible; on SQLite the
panels watch ``PRAGMA data_version`` instead and nothing needs to be sent.
"""

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

CHANNEL = "kiosk_changes"


def announce_change(session: Session | Connection, topic: str) -> None:
    """Queue a notice for ``topic`` ("tickets", "help_requests", ...) in this transaction."""
    dialect = session.dialect if isinstance(session, Connection) else session.get_bind().dialect
    if dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :topic)"), {"channel": CHANNEL, "topic": topic}
        )
