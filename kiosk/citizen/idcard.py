"""Reading the QR code of a Vietnamese ID card (CCCD / căn cước) for the citizen's age only.

A USB scanner types the QR text like a keyboard. The text is one line of fields separated by
``|``: ID number (12 digits), old CMND number, full name, date of birth (ddmmyyyy), sex,
address, issue date, sometimes more. Only the age leaves this module; the text is not kept.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from kiosk.errors import KioskError

ID_FIELDS_MIN = 7
_ID_NUMBER = re.compile(r"\d{12}")
_DATE = re.compile(r"(\d{2})(\d{2})(\d{4})")
# Health-insurance (BHYT) cards: a 15-character code of two letters and 13 digits comes first,
# the name is hex-encoded and the text ends with "$".
_HEALTH_INSURANCE_CODE = re.compile(r"[A-Z]{2}\d{13}")
_HEX_TEXT = re.compile(r"(?:[0-9a-f]{2})+")
# The 4th digit of the ID number: sex and century of birth (0/1: 1900s, 2/3: 2000s, 4/5: 2100s).
_CENTURY_BY_DIGIT = {"0": 1900, "1": 1900, "2": 2000, "3": 2000, "4": 2100, "5": 2100}


class ScanProblem(enum.StrEnum):
    HEALTH_INSURANCE_CARD = "health_insurance_card"
    NOT_AN_ID_CARD = "not_an_id_card"


class NotAnIdCard(KioskError):
    """The scanned text is not an ID card's QR code; `problem` says what it looked like."""

    def __init__(self, problem: ScanProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem


@dataclass(frozen=True)
class AgeCheck:
    """All that a scan leaves behind."""

    age: int
    is_elderly: bool


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _looks_like_health_insurance(fields: list[str]) -> bool:
    return bool(
        _HEALTH_INSURANCE_CODE.fullmatch(fields[0])
        or (len(fields) > 1 and _HEX_TEXT.fullmatch(fields[1]) and fields[-1].endswith("$"))
    )


def _birth_date(text: str) -> date | None:
    found = _DATE.fullmatch(text)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def check_age(scanned: str, *, today: date, elderly_age: int) -> AgeCheck:
    """The age from an ID card's QR text, and whether it reaches `elderly_age`.

    Raises NotAnIdCard for a health-insurance card and for anything else that is not a
    well-formed ID card code (a partial or garbled scan, another barcode).
    """
    fields = [part.strip() for part in scanned.strip().split("|")]
    if _looks_like_health_insurance(fields):
        raise NotAnIdCard(
            ScanProblem.HEALTH_INSURANCE_CARD, "a health-insurance card, not an ID card"
        )
    if len(fields) < ID_FIELDS_MIN or not _ID_NUMBER.fullmatch(fields[0]):
        raise NotAnIdCard(ScanProblem.NOT_AN_ID_CARD, "not the QR code of an ID card")
    birth = _birth_date(fields[3])
    century = _CENTURY_BY_DIGIT.get(fields[0][3])
    if (
        birth is None
        or century is None
        # The ID number carries the birth year too; a mismatch means a misread code.
        or century + int(fields[0][4:6]) != birth.year
        or birth > today
    ):
        raise NotAnIdCard(ScanProblem.NOT_AN_ID_CARD, "the ID card code was not read correctly")
    age = age_on(birth, today)
    return AgeCheck(age=age, is_elderly=age >= elderly_age)
