"""The volunteer roster: names only, edited by staff, picked from on the help-desk panel.

Removing a volunteer only hides the name from the panel: the requests they handled keep it.
"""

from __future__ import annotations

from sqlalchemy import select

from kiosk.errors import KioskError
from kiosk.storage.change_notice import announce_change
from kiosk.storage.db import Database
from kiosk.storage.models import Volunteer

TOPIC = "volunteers"
NAME_LENGTH = 80


class RosterError(KioskError):
    """A name that cannot be added or removed; the message says why."""


def _clean(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise RosterError("a volunteer needs a name")
    if len(cleaned) > NAME_LENGTH:
        raise RosterError(f"a volunteer's name has at most {NAME_LENGTH} characters")
    return cleaned


def roster(database: Database) -> list[str]:
    """The active volunteers' names, in alphabetical order."""
    with database.read() as session:
        names = session.scalars(select(Volunteer.name).where(Volunteer.active.is_(True)))
        return sorted(names, key=str.casefold)


def add_volunteer(database: Database, name: str) -> str:
    """Put a name on the roster (again, if it was removed); returns the name as stored."""
    cleaned = _clean(name)
    with database.write() as session:
        volunteer = session.scalar(select(Volunteer).where(Volunteer.name == cleaned))
        if volunteer is not None and volunteer.active:
            raise RosterError(f"{cleaned!r} is already on the roster")
        if volunteer is None:
            session.add(Volunteer(name=cleaned, active=True))
        else:
            volunteer.active = True
        announce_change(session, TOPIC)
    return cleaned


def remove_volunteer(database: Database, name: str) -> None:
    cleaned = _clean(name)
    with database.write() as session:
        volunteer = session.scalar(
            select(Volunteer).where(Volunteer.name == cleaned, Volunteer.active.is_(True))
        )
        if volunteer is None:
            raise RosterError(f"{cleaned!r} is not on the roster")
        volunteer.active = False
        announce_change(session, TOPIC)
