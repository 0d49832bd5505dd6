"""The staff PIN that opens the kiosk's staff screen: a slow hash, and a lockout shared by all.

The hash is Argon2id (argon2-cffi). The failed-attempt count and the lock live in the
`staff_secrets` row, so five wrong PINs on any kiosk of the centre lock every kiosk.
"""

from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from kiosk.errors import KioskError
from kiosk.storage.db import Database
from kiosk.storage.models import StaffSecret

log = logging.getLogger(__name__)

SECRET_NAME = "admin_pin"
MAX_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
PIN_PATTERN = re.compile(r"\d{4,12}")
_HASHER = PasswordHasher()


class InvalidPin(KioskError):
    """A PIN that staff may not set (not 4 to 12 digits)."""


class PinOutcome(enum.StrEnum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not_set"


@dataclass(frozen=True)
class PinCheck:
    outcome: PinOutcome
    attempts_left: int = MAX_ATTEMPTS
    locked_until: datetime | None = None


class LockoutState(Protocol):
    """A stored PIN's lockout columns (`StaffSecret`, `ServiceCounter`)."""

    failed_attempts: int
    locked_until: datetime | None


def hash_pin(pin: str) -> str:
    """The Argon2id hash of a PIN staff may set; InvalidPin otherwise."""
    if not PIN_PATTERN.fullmatch(pin):
        raise InvalidPin("the PIN must be 4 to 12 digits")
    return _HASHER.hash(pin)


def set_pin(database: Database, pin: str) -> None:
    """Store the hash of a new PIN and clear any lock."""
    hashed = hash_pin(pin)
    with database.write() as session:
        secret = session.get(StaffSecret, SECRET_NAME)
        if secret is None:
            session.add(StaffSecret(name=SECRET_NAME, value=hashed, failed_attempts=0))
        else:
            secret.value = hashed
            secret.failed_attempts = 0
            secret.locked_until = None
    log.info("staff PIN changed")


def _matches(hashed: str, pin: str) -> bool:
    try:
        return _HASHER.verify(hashed, pin)
    except VerificationError:
        return False
    except InvalidHashError:
        log.error("the stored staff PIN is not an Argon2 hash; set it again: kiosk-admin set-pin")
        return False


def check_pin(database: Database, pin: str, now: datetime | None = None) -> PinCheck:
    """Check a PIN typed on a kiosk, counting wrong ones; five wrong lock all kiosks 5 minutes."""
    moment = now or datetime.now(UTC)
    with database.write() as session:
        secret = session.scalars(
            select(StaffSecret).where(StaffSecret.name == SECRET_NAME).with_for_update()
        ).one_or_none()
        if secret is None:
            return PinCheck(PinOutcome.NOT_SET)
        return judge_attempt(secret, secret.value, pin, moment, what="the staff screen")


def judge_attempt(
    state: LockoutState, hashed: str, pin: str, moment: datetime, *, what: str
) -> PinCheck:
    """Check ``pin`` against ``hashed`` and update ``state`` (in the caller's transaction,
    with its row locked): five wrong PINs in a row lock ``what`` for five minutes."""
    if state.locked_until is not None and state.locked_until > moment:
        return PinCheck(PinOutcome.LOCKED, 0, state.locked_until)
    if _matches(hashed, pin):
        state.failed_attempts = 0
        state.locked_until = None
        return PinCheck(PinOutcome.ACCEPTED)
    state.failed_attempts = 1 if state.locked_until is not None else state.failed_attempts + 1
    state.locked_until = None
    if state.failed_attempts >= MAX_ATTEMPTS:
        state.locked_until = moment + LOCK_DURATION
        log.warning("five wrong PINs: %s is locked for five minutes", what)
        return PinCheck(PinOutcome.LOCKED, 0, state.locked_until)
    return PinCheck(PinOutcome.WRONG, MAX_ATTEMPTS - state.failed_attempts)
