"""The service day: the calendar date at the centre, not on the machine's clock or in UTC."""

from datetime import date, datetime
from zoneinfo import ZoneInfo


def service_day(moment: datetime, time_zone: ZoneInfo) -> date:
    """Return the centre's date at ``moment`` (which must be timezone-aware)."""
    if moment.tzinfo is None:
        raise ValueError("service_day needs a timezone-aware datetime")
    return moment.astimezone(time_zone).date()
