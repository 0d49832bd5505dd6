"""Which counter a browser is signed in at: a second cookie, signed and tied to the session.

The cookie holds ``<counter>.<day>.<signature>``; the signature covers the session id, so it
cannot be moved to another browser, and the service day, so a sign-in ends at midnight. It is
HttpOnly and SameSite=Strict like the session cookie; nothing is kept in the server's memory,
so a restarted kiosk-web keeps its counters signed in.
"""

from __future__ import annotations

import hmac
import re
from datetime import date

from fastapi import Request, Response

from web.security import CsrfGuard

COUNTER_COOKIE = "kiosk_counter"
_COOKIE_PATTERN = re.compile(r"(\d{1,3})\.(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]{43})")


def _signature(guard: CsrfGuard, session_id: str, number: int, day: date) -> str:
    return guard.mac(f"counter:{session_id}:{number}:{day.isoformat()}")


def signed_in_counter(guard: CsrfGuard, request: Request, day: date) -> int | None:
    """The counter this browser signed in at today, or None."""
    session_id = guard.session_id(request)
    found = _COOKIE_PATTERN.fullmatch(request.cookies.get(COUNTER_COOKIE, ""))
    if session_id is None or found is None or found.group(2) != day.isoformat():
        return None
    number = int(found.group(1))
    expected = _signature(guard, session_id, number, day)
    return number if hmac.compare_digest(found.group(3), expected) else None


def sign_in(
    guard: CsrfGuard,
    request: Request,
    response: Response,
    *,
    session_id: str,
    number: int,
    day: date,
) -> None:
    value = f"{number}.{day.isoformat()}.{_signature(guard, session_id, number, day)}"
    response.set_cookie(
        COUNTER_COOKIE,
        value,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/counter",
    )


def sign_out(response: Response) -> None:
    response.delete_cookie(COUNTER_COOKIE, path="/counter", httponly=True, samesite="strict")
