"""The follow-your-turn page behind the second QR code of a ticket: ``/t/<token>``.

Read-only except leaving the queue. Every token that is wrong, altered, of another day or of
a ticket that no longer exists gets the same friendly 404, and a page shows only its own
ticket's procedure; other tickets appear as numbers called at counters, nothing more.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from kiosk.errors import UnknownProcedure
from kiosk.queue.follow_board import FollowBoard, FollowedTicket, leave_queue
from kiosk.queue.follow_links import ticket_id_for_token
from kiosk.storage.models import TicketState
from web.language import WORDS, choose_language, counter_words
from web.live_fragment import live_fragment
from web.security import CSRF_FIELD
from web.services import TEMPLATES, WebServices, services

router = APIRouter()
Services = Annotated[WebServices, Depends(services)]
# Any other value falls back to the browser's language, like no value at all.
Language = Annotated[str | None, Query(alias="lang", max_length=8)]
# A comment line this often keeps proxies and phones from closing a quiet stream.
KEEPALIVE_SECONDS = 15.0
NO_STORE = {"Cache-Control": "no-store"}


class CounterNow(BaseModel):
    counter: str
    label: str


class FollowState(BaseModel):
    """What the page shows now; ``html`` is the live part of the page, already rendered."""

    label: str
    state: Literal["waiting", "called", "served", "no_show", "cancelled"]
    people_ahead: int | None
    estimated_wait_minutes: int | None
    counter: str | None
    calling: list[CounterNow]
    html: str


async def _followed(web: WebServices, token: str) -> tuple[FollowedTicket, FollowBoard]:
    """The ticket a token opens on the current board, or the one 404 for everything else."""
    today = web.today()
    ticket_id = ticket_id_for_token(web.follow_key, token, today)
    if ticket_id is None:
        raise HTTPException(status_code=404)
    board = await web.live.board()
    if board.day != today or board.ticket(ticket_id) is None:
        # A ticket issued a moment ago, or the first page after midnight: read again once.
        board = await web.live.reload()
    ticket = board.ticket(ticket_id)
    if ticket is None:
        raise HTTPException(status_code=404)
    return ticket, board


def _language(request: Request, asked: str | None) -> str:
    return choose_language(asked, request.headers.get("accept-language"))


def _view(
    web: WebServices, ticket: FollowedTicket, board: FollowBoard, lang: str
) -> dict[str, Any]:
    try:
        procedure = web.catalog.procedure(ticket.procedure_code).name(lang)
    except UnknownProcedure:
        procedure = ticket.procedure_code
    counter = ticket.counter
    return {
        "ticket": ticket,
        "procedure": procedure,
        "counter": counter_words(lang, counter.counter_number, counter.counter_name)
        if counter
        else None,
        "calling": [
            {"counter": counter_words(lang, c.counter_number, c.counter_name), "label": c.label}
            for c in board.calling
        ],
        "words": WORDS[lang],
        "lang": lang,
    }


def _state(
    web: WebServices, ticket: FollowedTicket, board: FollowBoard, lang: str, token: str
) -> FollowState:
    view = _view(web, ticket, board, lang)
    html = live_fragment(token=token, **view)
    return FollowState(
        label=ticket.label,
        state=ticket.state.value,
        people_ahead=ticket.people_ahead,
        estimated_wait_minutes=ticket.estimated_wait_minutes,
        counter=view["counter"],
        calling=[CounterNow(**call) for call in view["calling"]],
        html=html,
    )


@router.get("/t/{token}", response_class=HTMLResponse, summary="The follow-your-turn page")
async def follow_page(request: Request, token: str, web: Services, lang: Language = None):
    ticket, board = await _followed(web, token)
    chosen = _language(request, lang)
    view = _view(web, ticket, board, chosen)
    live_html = live_fragment(token=token, **view)
    return TEMPLATES.TemplateResponse(
        request,
        "follow.html",
        {"token": token, "centre": web.settings.centre.name, "live": live_html, **view},
        headers=NO_STORE,
    )


@router.get("/t/{token}/state", response_model=FollowState, summary="The page's state (polling)")
async def follow_state(request: Request, token: str, web: Services, lang: Language = None):
    ticket, board = await _followed(web, token)
    state = _state(web, ticket, board, _language(request, lang), token)
    return Response(state.model_dump_json(), media_type="application/json", headers=NO_STORE)


@router.get("/t/{token}/events", include_in_schema=False)
async def follow_events(request: Request, token: str, web: Services, lang: Language = None):
    """Server-Sent Events: the page's state now, then whenever it changes."""
    ticket, _ = await _followed(web, token)
    chosen = _language(request, lang)
    live = web.live

    async def stream() -> AsyncIterator[str]:
        yield "retry: 3000\n\n"
        sent = None
        generation = -1
        while not live.closing:
            if generation != live.generation:
                generation = live.generation
                board = await live.board()
                current = board.ticket(ticket.id)
                if current is None:
                    return
                payload = _state(web, current, board, chosen, token).model_dump_json()
                if payload != sent:
                    sent = payload
                    yield f"event: state\ndata: {payload}\n\n"
            if await live.next_change(generation, KEEPALIVE_SECONDS) == generation:
                yield ": keep-alive\n\n"

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={**NO_STORE, "X-Accel-Buffering": "no"},
    )


@router.get("/t/{token}/leave", response_class=HTMLResponse, summary="Confirm leaving the queue")
async def leave_page(request: Request, token: str, web: Services, lang: Language = None):
    ticket, board = await _followed(web, token)
    chosen = _language(request, lang)
    session_id, new_session = web.csrf.begin(request)
    response = TEMPLATES.TemplateResponse(
        request,
        "leave.html",
        {
            "token": token,
            "centre": web.settings.centre.name,
            "csrf_field": CSRF_FIELD,
            "csrf_token": web.csrf.token_for(session_id),
            **_view(web, ticket, board, chosen),
        },
        headers=NO_STORE,
    )
    if new_session:
        web.csrf.set_cookie(request, response, session_id)
    return response


@router.post("/t/{token}/leave", summary="Leave the queue: the ticket is cancelled")
async def leave(
    request: Request,
    token: str,
    web: Services,
    csrf_token: Annotated[str | None, Form()] = None,
    lang: Language = None,
):
    web.csrf.check(request, csrf_token)
    ticket, _ = await _followed(web, token)
    if ticket.state is TicketState.WAITING:
        await run_in_threadpool(leave_queue, web.database, ticket.id, web.today())
        await web.live.reload()
    query = f"?lang={lang}" if lang else ""
    return RedirectResponse(f"/t/{token}{query}", status_code=303)
