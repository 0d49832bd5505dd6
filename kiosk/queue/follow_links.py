"""Follow-your-turn links: the address a ticket's second QR code opens on a phone.

The token in ``<web.public_url>/t/<token>`` names the ticket and proves it: the ticket id
followed by an HMAC-SHA256 of (id, service day) under a key kept in the database, cut to
128 bits. It holds nothing personal, cannot be guessed or altered, and is checked against
the current service day only, so yesterday's ticket stops opening at the centre's midnight.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import threading
from datetime import date

from kiosk.config import Settings
from kiosk.storage.db import Database
from kiosk.storage.secrets import service_secret

KEY_NAME = "follow_links"
MAC_BYTES = 16  # 128 bits
_ID_BYTES = 4  # ticket ids are 32-bit integers on PostgreSQL
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{27}")


def _mac(key: bytes, ticket_id: int, day: date) -> bytes:
    message = f"follow-ticket:{ticket_id}:{day.isoformat()}".encode()
    return hmac.new(key, message, hashlib.sha256).digest()[:MAC_BYTES]


def follow_token(key: bytes, ticket_id: int, day: date) -> str:
    """The URL-safe token (27 characters) for a ticket of a service day."""
    raw = ticket_id.to_bytes(_ID_BYTES, "big") + _mac(key, ticket_id, day)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def ticket_id_for_token(key: bytes, token: str, day: date) -> int | None:
    """The ticket a token names if it was made for ``day`` with ``key``; None otherwise."""
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=")
    except (binascii.Error, ValueError):
        return None
    # One spelling per token: the last character's two spare bits must be zero as made.
    if base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") != token:
        return None
    ticket_id = int.from_bytes(raw[:_ID_BYTES], "big")
    if not hmac.compare_digest(raw[_ID_BYTES:], _mac(key, ticket_id, day)):
        return None
    return ticket_id


def follow_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/t/{token}"


class FollowLinks:
    """Makes the follow addresses of tickets; the key is read (or made) once, when first needed.

    Safe to share between threads: the kiosk prints on a worker thread.
    """

    def __init__(self, database: Database, settings: Settings) -> None:
        self._database = database
        self._public_url = settings.web.public_url
        self._key: bytes | None = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return bool(self._public_url)

    def key(self) -> bytes:
        with self._lock:
            if self._key is None:
                self._key = service_secret(self._database, KEY_NAME)
            return self._key

    def url(self, ticket_id: int, day: date) -> str | None:
        """The ticket's follow address; None when ``web.public_url`` is not set."""
        if not self.enabled:
            return None
        return follow_url(self._public_url, follow_token(self.key(), ticket_id, day))
