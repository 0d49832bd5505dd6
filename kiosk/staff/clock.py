"""Is this machine's clock believable? Compared with the newest record stored, before acting on it.

A dead CMOS battery or an NTP server not yet reached at boot gives a clock years off. The
retention purge would then delete live tickets and freeze wrong figures for good, and tickets
would be numbered on the wrong day. The stored records are the only witness a kiosk has: a
clock behind the newest of them is wrong for sure, one far ahead of it very likely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from kiosk.storage.db import Database
from kiosk.storage.models import HelpRequest, Ticket

# A centre is not closed for longer than this (Tết is about nine days); a clock further ahead
# of the newest record is taken to be wrong until a ticket has been issued with it.
FAR_AHEAD = timedelta(days=31)
# A clock a few seconds behind another kiosk's clock is ordinary drift, not a fault.
DRIFT = timedelta(seconds=30)


@dataclass(frozen=True)
class ClockCheck:
    """The clock's reading and the newest stored record it is compared with."""

    now: datetime
    newest_record: datetime | None

    @property
    def behind(self) -> bool:
        return self.newest_record is not None and self.now < self.newest_record - DRIFT

    @property
    def far_ahead(self) -> bool:
        return self.newest_record is not None and self.now - self.newest_record > FAR_AHEAD

    @property
    def warning(self) -> str | None:
        """One line for the log and `kiosk-admin doctor`, or None when the clock is believable."""
        if self.newest_record is None:
            return None
        clock, newest = _minute(self.now), _minute(self.newest_record)
        if self.behind:
            return (
                f"the clock of this machine ({clock} UTC) is behind the newest stored record"
                f" ({newest} UTC): set the clock (timedatectl, NTP); tickets issued now are"
                " numbered on the wrong day"
            )
        if self.far_ahead:
            return (
                f"the clock of this machine ({clock} UTC) is more than {FAR_AHEAD.days} days"
                f" ahead of the newest stored record ({newest} UTC): check the clock; old"
                " tickets are not deleted until a ticket has been issued with it"
            )
        return None


def _minute(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def newest_record(database: Database) -> datetime | None:
    """The latest moment any ticket was issued or help request created, None with neither."""
    with database.read() as session:
        moments = [
            session.scalar(select(func.max(Ticket.issued_at))),
            session.scalar(select(func.max(HelpRequest.created_at))),
        ]
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def check_clock(database: Database, now: datetime | None = None) -> ClockCheck:
    return ClockCheck(now or datetime.now(UTC), newest_record(database))


def clock_warning(database: Database, now: datetime | None = None) -> str | None:
    """The clock fault in one line, or None: what `kiosk-admin doctor` shows about the clock."""
    return check_clock(database, now).warning


# The ticket stored last, by its key: one index step however many tickets there are.
_LAST_TICKET = select(Ticket.issued_at).order_by(Ticket.id.desc()).limit(1)


def last_ticket_after(database: Database, now: datetime) -> datetime | None:
    """When the ticket stored last was issued, if that is later than ``now``; else None.

    Later means the clock of this machine went back (or another kiosk's runs ahead): cheap
    enough to ask before every ticket.
    """
    with database.read() as session:
        latest = session.scalar(_LAST_TICKET)
    return latest if latest is not None and now < latest - DRIFT else None
