"""The one queue every call is spoken through: first in, first out, one at a time, never cut off.

Two counters calling in the same second must both be heard in full, so nothing here interrupts
what is playing: a new call waits its turn. A recall of a ticket that is still waiting is merged
into the waiting announcement (keeping its place, taking the newest counter) instead of being
said twice in a row. The queue knows no audio device: it is handed ``play(pcm) -> seconds``,
which starts playback and returns its length, and a ``clock``; the hall display calls `pump()`
after each call and when the delay `pump()` returned has passed (a Qt single-shot timer):

    queue = AnnouncementQueue(render=announcer.render, play=sink.play, clock=time.monotonic)
    delay = queue.add(Call("A", 12, 3))        # and the same with every later call
    if delay is not None:
        QTimer.singleShot(math.ceil(delay * 1000), pump_and_reschedule)

Where no audio device exists, ``play`` logs once and returns the duration all the same, so
the pace of calls (and the record of them) stays the same.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from kiosk.announce.reading import Call
from kiosk.announce.render import Pcm
from kiosk.errors import VoiceClipError

log = logging.getLogger(__name__)

# Silence kept between two announcements, which also absorbs the sink's output latency.
GAP_SECONDS = 0.5
HISTORY_LENGTH = 200


@dataclass(frozen=True)
class Played:
    """One announcement as it was played: what, and from when to when on the queue's clock."""

    call: Call
    started_at: float
    ended_at: float


class AnnouncementQueue:
    """First-in-first-out announcements with merged recalls and a record of when each played."""

    def __init__(
        self,
        *,
        render: Callable[[Call], Pcm],
        play: Callable[[Pcm], float],
        clock: Callable[[], float],
        gap_seconds: float = GAP_SECONDS,
    ) -> None:
        self._render = render
        self._play = play
        self._clock = clock
        self._gap = gap_seconds
        self._waiting: list[Call] = []
        self._history: deque[Played] = deque(maxlen=HISTORY_LENGTH)
        self._free_at = float("-inf")

    @property
    def waiting(self) -> tuple[Call, ...]:
        """Calls not yet started, in the order they will be said."""
        return tuple(self._waiting)

    @property
    def history(self) -> tuple[Played, ...]:
        """The latest announcements started, oldest first (the current one last)."""
        return tuple(self._history)

    def add(self, call: Call) -> float | None:
        """Queue a call (or merge it into the waiting one of the same ticket), then `pump()`."""
        for index, queued in enumerate(self._waiting):
            if (queued.prefix, queued.number) == (call.prefix, call.number):
                log.info("call of %s merged into the waiting one (counter %d)", call.label,
                         call.counter)  # fmt: skip
                self._waiting[index] = replace(queued, counter=call.counter)
                break
        else:
            self._waiting.append(call)
        return self.pump()

    def pump(self) -> float | None:
        """Start the next call if the previous one has ended (plus the gap).

        Returns the seconds after which to call `pump()` again, or None when nothing waits.
        """
        now = self._clock()
        while self._waiting and now >= self._free_at:
            call = self._waiting.pop(0)
            try:
                pcm = self._render(call)
            except VoiceClipError as exc:
                log.error("call of %s to counter %d not spoken: %s", call.label, call.counter, exc)
                continue
            duration = self._play(pcm)
            self._history.append(Played(call, now, now + duration))
            self._free_at = now + duration + self._gap
        if not self._waiting:
            return None
        return self._free_at - now
