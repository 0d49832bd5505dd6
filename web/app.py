"""The kiosk-web application: routers, protections, static files, and the live board's life."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from importlib import resources

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from kiosk.catalog.procedures import Catalog
from kiosk.config import Settings
from kiosk.queue.follow_board import load_follow_board
from kiosk.queue.follow_links import KEY_NAME as FOLLOW_KEY
from kiosk.storage.change_watch import change_watch_for
from kiosk.storage.db import Database
from kiosk.storage.secrets import service_secret
from web import counter, follow
from web.live import LiveBoard
from web.security import CsrfGuard, RateLimit, SecurityHeaders
from web.services import TEMPLATES, WebServices

log = logging.getLogger(__name__)
SESSION_KEY = "web_sessions"
# Worker threads for blocking (database) work, each with a pooled connection, and one more
# connection for the change watch: a burst of counters pressing at once opens no connection.
# Few threads: more only compete for the interpreter and, on PostgreSQL, wait in a crowd on
# the same row lock (20 counters pressing at once, p95 on PostgreSQL: 4 threads 90 ms, 8 38 ms,
# 12 48 ms, 20 65 ms; a request waiting for a thread costs nothing meanwhile).
WORKER_THREADS = 8
DATABASE_POOL_SIZE = WORKER_THREADS + 1


def create_app(settings: Settings, database: Database, catalog: Catalog) -> FastAPI:
    """The app for one database. Blocking: reads (or makes) the service's keys first."""
    live = LiveBoard(partial(load_follow_board, database, settings), change_watch_for(database))
    services = WebServices(
        settings=settings,
        database=database,
        catalog=catalog,
        live=live,
        follow_key=service_secret(database, FOLLOW_KEY),
        csrf=CsrfGuard(service_secret(database, SESSION_KEY)),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        await live.start()
        try:
            yield
        finally:
            await live.stop()

    app = FastAPI(
        title="kiosk-web",
        summary="Follow your turn and call tickets at the counters over the centre's network",
        version="1",
        lifespan=lifespan,
        # The interactive docs load scripts from a CDN; the description stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    app.include_router(follow.router)
    app.include_router(counter.router)
    app.mount("/static", StaticFiles(packages=[("web", "static")]), name="static")
    app.add_api_route("/sounds/called.wav", _called_sound, include_in_schema=False)
    app.add_exception_handler(HTTPException, _http_error)
    # Outermost last: the headers go on every answer, the rate limit's 429 included.
    app.add_middleware(RateLimit, rate=settings.web.rate_per_second, burst=settings.web.rate_burst)
    app.add_middleware(SecurityHeaders)
    return app


def _called_sound() -> FileResponse:
    """The help desk's chime, played on the phone when its ticket is called."""
    chime = resources.files("resources.sounds") / "chime.wav"
    return FileResponse(str(chime), media_type="audio/wav")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return await _not_found(request, exc)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def _not_found(request: Request, _exc: Exception) -> Response:
    """One friendly page for every unknown address and every bad token: it says nothing more."""
    return HTMLResponse(TEMPLATES.get_template("not_found.html").render(), status_code=404)
