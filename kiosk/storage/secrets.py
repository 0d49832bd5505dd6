"""Random keys that every process of a centre must share: made once, kept in the database.

Kiosks sign the follow-your-turn links they print and kiosk-web checks them, possibly on
another machine, so the key cannot live in a file of one machine. Whichever process asks first
creates it; a second process racing it keeps the first one's key (insert-or-ignore, then read).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.storage.db import Database
from kiosk.storage.models import ServiceSecret

KEY_BYTES = 32
_TABLE = ServiceSecret.__table__
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def service_secret(database: Database, name: str) -> bytes:
    """The key called ``name``, created (32 random bytes) if no process has made it yet."""
    with database.read() as session:
        value = session.scalar(select(ServiceSecret.value).where(ServiceSecret.name == name))
    if value is not None:
        return bytes(value)
    insert = _INSERTS[database.url.get_backend_name()]
    with database.write() as session:
        session.execute(
            insert(_TABLE)
            .values(name=name, value=secrets.token_bytes(KEY_BYTES), created_at=datetime.now(UTC))
            .on_conflict_do_nothing(index_elements=[_TABLE.c.name])
        )
        stored = session.scalar(select(ServiceSecret.value).where(ServiceSecret.name == name))
    return bytes(stored)
