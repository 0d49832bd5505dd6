"""One watcher per kiosk-web process turns database changes into a fresh board for every page.

A thread of its own waits on the change watch (PostgreSQL LISTEN on its socket, SQLite
``PRAGMA data_version`` polling), reloads the board once per burst of notices and hands it to
the event loop, where every Server-Sent-Events stream waiting on `LiveBoard.next_change`
wakes up. Five hundred phones therefore cost one database connection and one query per
change (per burst of changes: reads are at least `_RELOAD_GAP_SECONDS` apart). A notice is
only a hint: after a lost connection the board is simply read again.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import select
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from starlette.concurrency import run_in_threadpool

from kiosk.errors import DatabaseUnavailable
from kiosk.storage.change_watch import ChangeWatch

log = logging.getLogger(__name__)

Board = TypeVar("Board")
# Reconnecting after a lost database: 1, 2, 4, then every 8 seconds (as the panel does).
_RETRY_SECONDS = (1.0, 2.0, 4.0, 8.0)
# How often the PostgreSQL wait wakes up to see whether the service is stopping.
_STOP_CHECK_SECONDS = 0.5
# At most one board read this often: a burst of changes (twenty counters pressing at once)
# costs a read or two instead of one per notice, and a page learns of it within this much more.
_RELOAD_GAP_SECONDS = 0.1


class LiveBoard(Generic[Board]):
    """The newest board and a way to wait for the next one."""

    def __init__(self, load: Callable[[], Board], watch: ChangeWatch) -> None:
        self._load = load
        self._watch = watch
        self._loads = itertools.count()
        self._board: Board | None = None
        self._board_load = -1
        self._generation = 0
        self._changed = asyncio.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def generation(self) -> int:
        """Grows by one with every board published."""
        return self._generation

    @property
    def closing(self) -> bool:
        return self._stopping.is_set()

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._changed = asyncio.Event()
        await self.reload()
        self._thread = threading.Thread(target=self._watch_changes, name="change-watch")
        self._thread.daemon = True
        self._thread.start()

    async def stop(self) -> None:
        self._stopping.set()
        self._changed.set()
        if self._thread is not None:
            await run_in_threadpool(self._thread.join, 10)

    async def board(self) -> Board:
        """The newest board (read now if none was read yet)."""
        if self._board is None:
            return await self.reload()
        return self._board

    async def reload(self) -> Board:
        """Read the board now, off the event loop (after this process changed something)."""
        number = next(self._loads)
        board = await run_in_threadpool(self._load)
        self._publish(number, board)
        return board

    async def next_change(self, after: int, timeout: float) -> int:
        """Wait until a board newer than generation ``after`` is out; the generation now."""
        if self._generation == after and not self.closing:
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), timeout)
        return self._generation

    def _publish(self, number: int, board: Board) -> None:
        # Loads run in threads and may finish out of order: an older read never wins.
        if number < self._board_load:
            return
        self._board, self._board_load = board, number
        self._generation += 1
        woken, self._changed = self._changed, asyncio.Event()
        woken.set()

    def _publish_from_thread(self, number: int, board: Board) -> None:
        assert self._loop is not None
        try:
            self._loop.call_soon_threadsafe(self._publish, number, board)
        except RuntimeError:  # the event loop is already closed: the service is stopping
            self._stopping.set()

    def _watch_changes(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                self._watch.open()
                # Notices sent while the watch was closed are gone: read everything again.
                changed = True
                while not self._stopping.is_set():
                    if changed:
                        number = next(self._loads)
                        loaded_at = time.monotonic()
                        self._publish_from_thread(number, self._load())
                        failures = 0
                    self._wait_for_notice()
                    changed = self._watch.changed()
                    if changed:
                        pause = loaded_at + _RELOAD_GAP_SECONDS - time.monotonic()
                        self._stopping.wait(max(0.0, pause))
                        self._watch.changed()  # what came meanwhile is in the next read
            except DatabaseUnavailable as exc:
                failures += 1
                self._pause(failures, str(exc))
            except Exception:  # a fault in reading the board must not end live updates
                failures += 1
                log.exception("reading the board for live updates failed")
                self._pause(failures, "unexpected error")
        self._watch.close()

    def _pause(self, failures: int, reason: str) -> None:
        delay = _RETRY_SECONDS[min(failures - 1, len(_RETRY_SECONDS) - 1)]
        log.warning("live updates paused (%s); trying again in %.0f s", reason, delay)
        self._watch.close()
        self._stopping.wait(delay)

    def _wait_for_notice(self) -> None:
        socket = self._watch.fileno()
        if socket is None:
            self._stopping.wait((self._watch.poll_interval_ms or 200) / 1000)
            return
        try:
            select.select([socket], [], [], _STOP_CHECK_SECONDS)
        except (OSError, ValueError):
            return  # the socket is gone: changed() reports the lost connection
