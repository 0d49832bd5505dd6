"""Everything the panel shows, read in one go (off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from kiosk.helpdesk.requests import OpenHelpRequest, open_requests
from kiosk.helpdesk.volunteers import roster
from kiosk.reports.daily import HelpCounts, help_counts_on
from kiosk.storage.db import Database


@dataclass(frozen=True)
class PanelSnapshot:
    requests: list[OpenHelpRequest]
    names: list[str]
    counts: HelpCounts


def read_snapshot(database: Database, today: date, zone: ZoneInfo) -> PanelSnapshot:
    """The open requests, the roster and today's figures (blocking: database reads)."""
    return PanelSnapshot(
        open_requests(database), roster(database), help_counts_on(database, today, zone)
    )
