"""Which ticket each counter is calling now: what the phone page and hall displays show.

Counters and their calls come with the counters issue (#11); until then no counter calls
anybody and `now_calling` is empty. It is the one place the follow-your-turn page reads calls
from, so filling it in (from the counters and `ticket_events`) makes every page show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CounterCall:
    """A counter and the ticket it has called (and not yet finished)."""

    counter_number: int
    counter_name: str  # as the centre named it, e.g. "Quầy 3"
    ticket_id: int
    label: str  # e.g. "A012"


def now_calling(session: Session, day: date) -> list[CounterCall]:
    """The ticket each counter calls or serves now on ``day``, by counter number."""
    return []
