"""What the hall display shows and says, kept current from the counters' event log.

The display never asks only for "the latest call": it remembers the last event it has seen and
reads every event after it (`kiosk.queue.events.events_after`), so two calls committed in the
same second both appear and both are spoken. The rest of what it shows (each open counter's
ticket, how many wait) is read whole with `hall_state`, in a transaction that also names the
last event it covers; events after that one are left for the next read, which their change
notice brings.

After a start or a lost connection, calls made while the display was not listening are shown
but only those of the last 30 seconds are spoken: a citizen called minutes ago is at the
counter already, or has been recalled since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.announce.reading import Call
from kiosk.queue.events import HallState, QueueEvent, events_after, hall_state
from kiosk.queue.service_day import service_day
from kiosk.queue.ticket_label import parse_label
from kiosk.storage.db import Database
from kiosk.storage.models import TicketEventKind

# A call older than this when the display first hears of it is shown, not spoken.
ANNOUNCE_WITHIN = timedelta(seconds=30)
# The display's list of last calls.
RECENT_CALLS = 8
# At start, the last calls are found among this many latest events (ids count up in order).
LOOKBACK_EVENTS = 300
_CALL_KINDS = (TicketEventKind.CALLED, TicketEventKind.RECALLED)


@dataclass(frozen=True)
class HallRead:
    """One read of the database: the hall now, and the events since the display's last one."""

    state: HallState
    events: list[QueueEvent]


@dataclass(frozen=True)
class ShownCall:
    """One call as the display lists it."""

    event_id: int
    label: str
    counter_number: int
    at: datetime

    @property
    def call(self) -> Call:
        prefix, number = parse_label(self.label)
        return Call(prefix, number, self.counter_number)


def read_hall(database: Database, day: date, last_event_id: int | None) -> HallRead:
    """The hall on ``day`` and every event after ``last_event_id`` that the state covers.

    ``last_event_id`` None (a display just started): the latest `LOOKBACK_EVENTS` events,
    enough to list the last calls. Blocking: run it off the GUI thread.
    """
    state = hall_state(database, day)
    after = (
        max(0, state.last_event_id - LOOKBACK_EVENTS) if last_event_id is None else last_event_id
    )
    events: list[QueueEvent] = []
    while after < state.last_event_id:
        batch = [e for e in events_after(database, after) if e.id <= state.last_event_id]
        if not batch:
            break
        events += batch
        after = batch[-1].id
    return HallRead(state, events)


@dataclass
class HallBoard:
    """The display's memory between reads: the last event seen and the last calls."""

    zone: ZoneInfo
    state: HallState | None = None
    last_event_id: int | None = None
    recent: list[ShownCall] = field(default_factory=list)

    def apply(self, read: HallRead, now: datetime) -> list[ShownCall]:
        """Take in a read; returns the new calls to announce, in the order they were made."""
        to_announce: list[ShownCall] = []
        for event in read.events:
            if event.kind not in _CALL_KINDS or event.counter_number is None:
                continue
            shown = ShownCall(event.id, event.label, event.counter_number, event.at)
            # The same ticket at the same counter is listed once, at its latest call.
            self.recent = [
                old
                for old in self.recent
                if (old.label, old.counter_number) != (shown.label, shown.counter_number)
            ]
            self.recent.insert(0, shown)
            if now - event.at <= ANNOUNCE_WITHIN:
                to_announce.append(shown)
        today = service_day(now, self.zone)
        self.recent = [call for call in self.recent if service_day(call.at, self.zone) == today][
            :RECENT_CALLS
        ]
        self.state = read.state
        if self.last_event_id is None or read.state.last_event_id > self.last_event_id:
            self.last_event_id = read.state.last_event_id
        return to_announce

    @property
    def newest(self) -> ShownCall | None:
        return self.recent[0] if self.recent else None

    def counter_name(self, number: int) -> str | None:
        """The name the centre gave a counter ("Quầy 3"), if it is open."""
        for counter in self.state.counters if self.state else []:
            if counter.counter_number == number:
                return counter.counter_name
        return None
