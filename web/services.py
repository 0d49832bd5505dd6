"""What every route of kiosk-web needs, made once at start and reached through the app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources

from fastapi import Request
from fastapi.templating import Jinja2Templates

from kiosk.catalog.procedures import Catalog
from kiosk.config import Settings
from kiosk.queue.follow_board import FollowBoard
from kiosk.queue.service_day import service_day
from kiosk.storage.db import Database
from web.live import LiveBoard
from web.security import CsrfGuard

TEMPLATES = Jinja2Templates(directory=str(resources.files("web") / "templates"))


@dataclass
class WebServices:
    settings: Settings
    database: Database
    catalog: Catalog
    live: LiveBoard[FollowBoard]
    follow_key: bytes
    csrf: CsrfGuard

    def today(self) -> date:
        return service_day(datetime.now(UTC), self.settings.centre.zone)


async def services(request: Request) -> WebServices:
    """The app's services; a coroutine, so FastAPI does not hop to a worker thread for it."""
    return request.app.state.services
