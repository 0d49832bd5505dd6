"""Protections every page of kiosk-web shares: security headers, a per-address rate limit and
CSRF tokens for forms that change something.

They are plain ASGI middleware and a small helper so that any router (the follow page, the
counter page) gets them by being part of the app; nothing here knows a page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request, Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS = (
    # Scripts, styles and sounds come from kiosk-web itself; no inline script, no framing.
    (
        b"content-security-policy",
        b"default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self';"
        b" frame-ancestors 'none'",
    ),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every HTTP response, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TokenBuckets:
    """A token bucket per client address: ``rate`` requests a second, ``burst`` at once.

    In-process state, right for the single kiosk-web process a centre runs; idle addresses
    are forgotten so that many phones over a day do not grow it without bound.
    """

    MAX_ADDRESSES = 10_000

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.burst = float(burst)
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, address: str) -> bool:
        now = self._clock()
        tokens, stamp = self._buckets.get(address, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        if address not in self._buckets and len(self._buckets) >= self.MAX_ADDRESSES:
            self._forget_idle(now)
        self._buckets[address] = (tokens, now)
        return allowed

    def _forget_idle(self, now: float) -> None:
        refill = self.burst / self.rate
        self._buckets = {
            address: (tokens, stamp)
            for address, (tokens, stamp) in self._buckets.items()
            if now - stamp < refill
        }


class RateLimit:
    """Answers 429 to an address that spends its bucket; other addresses are not affected."""

    def __init__(self, app: ASGIApp, *, rate: float, burst: int) -> None:
        self.app = app
        self.buckets = TokenBuckets(rate, burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            client = scope.get("client")
            address = client[0] if client else "unknown"
            if not self.buckets.allow(address):
                await _too_many_requests(send)
                return
        await self.app(scope, receive, send)


async def _too_many_requests(send: Send) -> None:
    body = "Quá nhiều yêu cầu, vui lòng thử lại sau giây lát / Too many requests, try again shortly"
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"retry-after", b"1"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})


SESSION_COOKIE = "kiosk_session"
CSRF_FIELD = "csrf_token"
_SESSION_PATTERN = re.compile(r"[A-Za-z0-9_-]{22,64}")


class CsrfGuard:
    """Signed double-submit CSRF protection tied to a session cookie.

    The session cookie holds a random id (HttpOnly, SameSite=Strict); a form carries the HMAC
    of that id under a key only the server has. A state-changing POST must bring both, and
    they must agree: another site can neither read the cookie nor compute the token.
    """

    def __init__(self, key: bytes) -> None:
        self._key = key

    @staticmethod
    def session_id(request: Request) -> str | None:
        value = request.cookies.get(SESSION_COOKIE, "")
        return value if _SESSION_PATTERN.fullmatch(value) else None

    def token_for(self, session_id: str) -> str:
        return self.mac(f"csrf:{session_id}")

    def mac(self, message: str) -> str:
        """The server's signature of ``message`` (other signed cookies reuse the key)."""
        mac = hmac.new(self._key, message.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")

    def begin(self, request: Request) -> tuple[str, bool]:
        """(the request's session id, whether it is new and must be set as a cookie)."""
        existing = self.session_id(request)
        if existing is not None:
            return existing, False
        return secrets.token_urlsafe(24), True

    @staticmethod
    def set_cookie(request: Request, response: Response, session_id: str) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            session_id,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )

    def check(self, request: Request, submitted: str | None) -> str:
        """The session id when ``submitted`` is its token; 403 otherwise (nothing is done)."""
        session_id = self.session_id(request)
        if session_id is None or not submitted:
            raise HTTPException(status_code=403, detail="missing session or form token")
        if not hmac.compare_digest(submitted.encode(), self.token_for(session_id).encode()):
            raise HTTPException(status_code=403, detail="form token does not match the session")
        return session_id
