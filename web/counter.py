"""The counter page ``/counter``: an official signs in with the counter's PIN and calls,
recalls, finishes, skips, transfers and brings back tickets.

Plain forms posted and redirected (POST-redirect-GET), so it works without JavaScript; with
it, counter.js adds keyboard shortcuts and replaces the desk when Server-Sent Events say the
queues changed. Every form carries the CSRF token; every change needs the signed counter
cookie; every database call runs in the thread pool. A refusal of the queue's rules comes
back as a message on the page, never an error page.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from functools import partial
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from kiosk.errors import UnknownProcedure
from kiosk.queue import calling
from kiosk.queue.counter_desk import Desk, load_desk
from kiosk.queue.counters import UnknownCounter, check_counter_pin, list_counters
from kiosk.staff.pin import PinOutcome
from web.counter_session import sign_in, sign_out, signed_in_counter
from web.counter_words import COUNTER_WORDS, PRIORITY_WORDS
from web.language import choose_language
from web.security import CSRF_FIELD
from web.services import TEMPLATES, WebServices, services

router = APIRouter(prefix="/counter")
Services = Annotated[WebServices, Depends(services)]
Language = Annotated[str | None, Query(alias="lang", max_length=8)]
NO_STORE = {"Cache-Control": "no-store"}
KEEPALIVE_SECONDS = 15.0
ACTIONS = ("call", "recall", "done", "no_show", "transfer", "return")
_LABEL = re.compile(r"[A-Z]{1,2}\d{1,6}")
_QUEUE = re.compile(r"[A-Z]{1,2}")


def _language(request: Request, asked: str | None) -> str:
    return choose_language(asked, request.headers.get("accept-language"))


def _here(lang: str, **notice: str) -> str:
    return "/counter?" + urlencode({"lang": lang, **notice})


def _notice(words: dict[str, str], request: Request, needed_recalls: int) -> tuple[str, str]:
    """("ok" | "refused", text) for the message a redirect carries, or ("", "")."""
    query = request.query_params
    label = query.get("label", "")
    queue = query.get("queue", "")
    label = label if _LABEL.fullmatch(label) else ""
    queue = queue if _QUEUE.fullmatch(queue) else ""
    done = query.get("done", "")
    if done in ("called", "recalled", "served", "marked_no_show", "transferred", "returned"):
        return "ok", words[done].format(label=label, queue=queue)
    refused = query.get("refused", "")
    if f"refused_{refused}" in words:
        return "refused", words[f"refused_{refused}"].format(n=needed_recalls)
    return "", ""


def _desk_view(web: WebServices, desk: Desk, lang: str, session_id: str) -> dict[str, Any]:
    words = COUNTER_WORDS[lang]
    serving = desk.serving
    ticket: dict[str, Any] | None = None
    if serving is not None:
        try:
            procedure = web.catalog.procedure(serving.procedure_code).name(lang)
        except UnknownProcedure:
            procedure = serving.procedure_code
        waited_until = serving.called_at or datetime.now(UTC)
        ticket = {
            "label": serving.label,
            "procedure": procedure,
            "priority": PRIORITY_WORDS[lang].get(serving.priority or "", serving.priority),
            "waited": words["waited"].format(
                m=max(0, int((waited_until - serving.issued_at).total_seconds() // 60))
            ),
            "recalls": words["recalls"].format(n=serving.recalls) if serving.recalls else "",
        }
    queues = sorted({*desk.counter.queues, *_known_queues(web)})
    return {
        "desk": desk,
        "ticket": ticket,
        "words": words,
        "lang": lang,
        "transfer_queues": queues,
        "csrf_field": CSRF_FIELD,
        "csrf_token": web.csrf.token_for(session_id),
    }


def _known_queues(web: WebServices) -> set[str]:
    """Every queue a ticket can be transferred to: the catalogue's prefixes."""
    return {field.queue_prefix for field in web.catalog.fields}


def _render_desk(view: dict[str, Any]) -> str:
    return TEMPLATES.get_template("counter_desk.html").render(view)


@router.get("", response_class=HTMLResponse, summary="The counter page (sign-in or the desk)")
async def counter_page(request: Request, web: Services, lang: Language = None):
    chosen = _language(request, lang)
    words = COUNTER_WORDS[chosen]
    session_id, new_session = web.csrf.begin(request)
    number = None if new_session else signed_in_counter(web.csrf, request, web.today())
    desk = None
    if number is not None:
        try:
            desk = await run_in_threadpool(load_desk, web.database, number, web.today())
        except UnknownCounter:  # removed while signed in
            desk = None
    if desk is None:
        counters = await run_in_threadpool(list_counters, web.database)
        response = _sign_in_page(
            request,
            web,
            lang=chosen,
            session_id=session_id,
            counters=counters,
            error="",
            status=200,
        )
        if number is not None:
            sign_out(response)
    else:
        kind, text = _notice(words, request, web.settings.queue.no_show_after_recalls)
        view = _desk_view(web, desk, chosen, session_id)
        response = TEMPLATES.TemplateResponse(
            request,
            "counter.html",
            {**view, "desk_html": _render_desk(view), "notice_kind": kind, "notice": text},
            headers=NO_STORE,
        )
    if new_session:
        web.csrf.set_cookie(request, response, session_id)
    return response


def _sign_in_page(
    request: Request,
    web: WebServices,
    *,
    lang: str,
    session_id: str,
    counters: list,
    error: str,
    status: int,
    chosen_counter: int | None = None,
) -> Response:
    return TEMPLATES.TemplateResponse(
        request,
        "counter_sign_in.html",
        {
            "words": COUNTER_WORDS[lang],
            "lang": lang,
            "counters": counters,
            "chosen_counter": chosen_counter,
            "error": error,
            "centre": web.settings.centre.name,
            "csrf_field": CSRF_FIELD,
            "csrf_token": web.csrf.token_for(session_id),
        },
        status_code=status,
        headers=NO_STORE,
    )


@router.post("/sign-in", summary="Sign in at a counter with its PIN")
async def counter_sign_in(
    request: Request,
    web: Services,
    *,
    counter: Annotated[int, Form(ge=1, le=999)],
    pin: Annotated[str, Form(max_length=64)],
    csrf_token: Annotated[str | None, Form()] = None,
    lang: Language = None,
):
    session_id = web.csrf.check(request, csrf_token)
    chosen = _language(request, lang)
    words = COUNTER_WORDS[chosen]
    try:
        check = await run_in_threadpool(check_counter_pin, web.database, counter, pin)
    except UnknownCounter:
        check = None
    if check is not None and check.outcome is PinOutcome.ACCEPTED:
        response = RedirectResponse(_here(chosen), status_code=303)
        sign_in(web.csrf, request, response, session_id=session_id, number=counter, day=web.today())
        return response
    if check is None:
        error = words["unknown_counter"]
    elif check.outcome is PinOutcome.WRONG:
        error = words["wrong_pin"].format(n=check.attempts_left)
    elif check.outcome is PinOutcome.LOCKED:
        until = check.locked_until or datetime.now(UTC)
        local = until.astimezone(web.settings.centre.zone)
        error = words["locked"].format(time=local.strftime("%H:%M"))
    else:
        error = words["pin_not_set"]
    counters = await run_in_threadpool(list_counters, web.database)
    return _sign_in_page(
        request,
        web,
        lang=chosen,
        session_id=session_id,
        counters=counters,
        error=error,
        status=401,
        chosen_counter=counter,
    )


@router.post("/sign-out", summary="Sign out of the counter")
async def counter_sign_out(
    request: Request,
    web: Services,
    csrf_token: Annotated[str | None, Form()] = None,
    lang: Language = None,
):
    web.csrf.check(request, csrf_token)
    response = RedirectResponse(_here(_language(request, lang)), status_code=303)
    sign_out(response)
    return response


def _signed_in(request: Request, web: WebServices) -> int:
    number = signed_in_counter(web.csrf, request, web.today())
    if number is None:
        raise HTTPException(status_code=401, detail="not signed in at a counter")
    return number


@router.post("/act", summary="An action at the signed-in counter")
async def counter_act(
    request: Request,
    web: Services,
    *,
    action: Annotated[str, Form(max_length=16)],
    csrf_token: Annotated[str | None, Form()] = None,
    queue: Annotated[str | None, Form(max_length=4)] = None,
    after_service: Annotated[bool, Form()] = False,
    ticket: Annotated[int | None, Form(ge=1)] = None,
    lang: Language = None,
):
    web.csrf.check(request, csrf_token)
    number = _signed_in(request, web)
    chosen = _language(request, lang)
    if (
        action not in ACTIONS
        or (action == "transfer" and not queue)
        or (action == "return" and ticket is None)
    ):
        raise HTTPException(status_code=422, detail="unknown action or missing field")
    try:
        async with _writer_turn(request, web):
            notice = await run_in_threadpool(
                partial(
                    _perform,
                    web,
                    number,
                    action,
                    queue=queue or "",
                    after_service=after_service,
                    ticket_id=ticket,
                )
            )
    except calling.CallRefused as refused:
        notice = {"refused": refused.reason}
    except (calling.CounterError, UnknownCounter):
        notice = {"refused": "other"}
    # No board reload here: the redirected page reads the desk itself, and the change watch
    # brings the change to every live page (a reload per press cost 20 counters dearly).
    return RedirectResponse(_here(chosen, **notice), status_code=303)


@asynccontextmanager
async def _writer_turn(request: Request, web: WebServices) -> AsyncIterator[None]:
    """On SQLite, one counter press writes at a time in this process.

    SQLite lets one writer in and makes the others retry with growing sleeps (its busy
    handler), which turned 20 simultaneous presses into a p95 of over a second; queueing them
    here costs each only the writes before it. Correctness does not rest on this: the
    database still decides (other processes write too). PostgreSQL needs no turn.
    """
    if not web.database.is_sqlite:
        yield
        return
    state = request.app.state
    if getattr(state, "counter_writes", None) is None:
        state.counter_writes = asyncio.Lock()
    async with state.counter_writes:
        yield


def _perform(
    web: WebServices,
    number: int,
    action: str,
    *,
    queue: str,
    after_service: bool,
    ticket_id: int | None,
) -> dict[str, str]:
    """Do ``action`` at counter ``number`` (in a worker thread); the notice to show."""
    database, settings = web.database, web.settings
    if action == "call":
        called = calling.call_next(database, settings, number)
        return (
            {"refused": "nobody"} if called is None else {"done": "called", "label": called.label}
        )
    if action == "transfer":
        moved = calling.transfer(database, number, queue, after_service=after_service)
        return {"done": "transferred", "label": moved.label, "queue": moved.queue}
    if action == "return":
        assert ticket_id is not None
        return {
            "done": "returned",
            "label": calling.return_no_show(database, ticket_id, number).label,
        }
    done, result = {
        "recall": ("recalled", lambda: calling.recall(database, number)),
        "done": ("served", lambda: calling.mark_served(database, number)),
        "no_show": ("marked_no_show", lambda: calling.mark_no_show(database, settings, number)),
    }[action]
    return {"done": done, "label": result().label}


@router.get("/events", include_in_schema=False)
async def counter_events(request: Request, web: Services, lang: Language = None):
    """Server-Sent Events: the desk (HTML) now, then whenever the database changes."""
    number = _signed_in(request, web)
    session_id = web.csrf.session_id(request)
    assert session_id is not None
    chosen = _language(request, lang)
    live = web.live

    async def stream() -> AsyncIterator[str]:
        yield "retry: 3000\n\n"
        sent = None
        generation = -1
        while not live.closing:
            if generation != live.generation:
                generation = live.generation
                try:
                    desk = await run_in_threadpool(load_desk, web.database, number, web.today())
                except UnknownCounter:
                    return
                html = _render_desk(_desk_view(web, desk, chosen, session_id))
                if html != sent:
                    sent = html
                    data = "\n".join(f"data: {line}" for line in html.splitlines())
                    yield f"event: desk\n{data}\n\n"
            if await live.next_change(generation, KEEPALIVE_SECONDS) == generation:
                yield ": keep-alive\n\n"

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={**NO_STORE, "X-Accel-Buffering": "no"}
    )
