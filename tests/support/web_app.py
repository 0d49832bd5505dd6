"""kiosk-web for tests: the app in-process on a test database, and its follow links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from fastapi.testclient import TestClient

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.queue.follow_links import KEY_NAME, follow_token
from kiosk.queue.tickets import IssuedTicket
from kiosk.storage.db import Database
from kiosk.storage.secrets import service_secret
from web.app import create_app

PUBLIC_URL = "http://phones.example"


def web_settings(settings: Settings, **web: object) -> Settings:
    """``settings`` with a public address for follow links (and any other web.* given)."""
    return replace(settings, web=replace(settings.web, public_url=PUBLIC_URL, **web))


@contextmanager
def web_client(
    settings: Settings, database: Database, address: str = "192.0.2.10"
) -> Iterator[TestClient]:
    """The app with its live board running, reached from ``address``."""
    app = create_app(settings, database, load_catalog(settings.catalog_overlay_path))
    with TestClient(app, client=(address, 50_000), follow_redirects=False) as client:
        yield client


def token_for(database: Database, ticket: IssuedTicket) -> str:
    return follow_token(service_secret(database, KEY_NAME), ticket.id, ticket.service_day)


def csrf_token_in(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)
