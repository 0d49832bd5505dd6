"""Argument types shared by the `kiosk-admin` subjects: each value checked against its range.

A value outside its range is an argparse error (one line, status 2) here, not an overflow
deep in the database or a date library.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from datetime import date

# Days the kiosk can have served: dates beyond are typing mistakes, and day arithmetic on
# them (date.max + 1 day) overflows.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2999, 12, 31)


def service_day(text: str) -> date:
    """A day like 2026-11-23, between `FIRST_DAY` and `LAST_DAY`."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-11-23") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            f"{text}: expected a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
        )
    return day


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value}: expected {low} to {high}")
        return value

    return parse


def number(low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a finite number from ``low`` to ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"{text}: expected a number from {low} to {high}")
        return value

    return parse
