"""One check's verdict: OK, WARN or FAIL, what was found, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    OK = "OK"
    # The kiosk works, with less than it could (no speech, preview printer, unsynchronised clock).
    WARN = "WARN"
    # Something a citizen or staff will meet: no ticket on paper, no database, no screen.
    FAIL = "FAIL"


@dataclass(frozen=True)
class Verdict:
    check: str
    status: Status
    detail: str
    fix: str | None = None

    def line(self) -> str:
        """One line for a terminal or the staff page."""
        fix = f" — fix: {self.fix}" if self.fix else ""
        return f"{self.status.value:<4} {self.check}: {self.detail}{fix}"

    def as_json(self) -> dict[str, object]:
        return {
            "check": self.check,
            "status": self.status.value,
            "detail": self.detail,
            "fix": self.fix,
        }


def ok(check: str, detail: str) -> Verdict:
    return Verdict(check, Status.OK, detail)


def warn(check: str, detail: str, fix: str) -> Verdict:
    return Verdict(check, Status.WARN, detail, fix)


def fail(check: str, detail: str, fix: str) -> Verdict:
    return Verdict(check, Status.FAIL, detail, fix)
