"""The counter page through the ASGI app in-process, on real SQLite and PostgreSQL: sign-in,
every action, refusals as messages, the lockout, CSRF and session refusals, the rate limit."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.queue.calling import call_next
from kiosk.queue.counters import add_counter, parse_queues, set_counter_open, set_counter_pin
from kiosk.queue.issuing import issue_for_procedure
from kiosk.queue.tickets import IssuedTicket
from kiosk.storage.db import Database
from kiosk.storage.models import Priority, Ticket, TicketEvent
from tests.support.web_app import csrf_token_in, web_client, web_settings

BIRTH = "1.001193"  # Đăng ký khai sinh, queue A
PIN = "2468"


@pytest.fixture
def counter_settings(settings: Settings) -> Settings:
    return web_settings(settings)


@pytest.fixture
def counters(database: Database) -> None:
    add_counter(database, 3, queues=parse_queues("A,B"), name="Quầy 3")
    set_counter_pin(database, 3, PIN)
    add_counter(database, 4, queues=parse_queues("A"), name="Quầy 4")
    set_counter_pin(database, 4, "1357")


def issue(database: Database, settings: Settings, **kwargs) -> IssuedTicket:
    catalog = load_catalog(settings.catalog_overlay_path)
    return issue_for_procedure(database, settings, catalog, procedure_code=BIRTH, **kwargs)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def sign_in(client: TestClient, counter: int = 3, pin: str = PIN):
    page = client.get("/counter")
    return client.post(
        "/counter/sign-in",
        data={"counter": str(counter), "pin": pin, "csrf_token": csrf_token_in(page.text)},
    )


def act(client: TestClient, action: str, **fields: str) -> str:
    """Press a button on the desk; the page the redirect leads to, as text."""
    page = client.get("/counter")
    posted = client.post(
        "/counter/act",
        data={"action": action, "csrf_token": csrf_token_in(page.text), **fields},
    )
    assert posted.status_code == 303, posted.text
    return text_of(client.get(posted.headers["location"]).text)


def states(database: Database) -> list[tuple[int, str, int | None]]:
    with database.read() as session:
        rows = session.execute(
            select(Ticket.number, Ticket.state, Ticket.counter_number).order_by(Ticket.id)
        ).all()
    return [tuple(row) for row in rows]


def event_count(database: Database) -> int:
    with database.read() as session:
        return len(session.scalars(select(TicketEvent.id)).all())


def test_sign_in_page_lists_counters_and_sets_a_strict_http_only_session(
    database: Database, counter_settings: Settings, counters: None
) -> None:
    with web_client(counter_settings, database) as client:
        page = client.get("/counter")
        assert page.status_code == 200
        assert "Đăng nhập quầy" in text_of(page.text)
        assert '<option value="3">Quầy 3</option>' in page.text
        cookie = page.headers["set-cookie"].lower()
        assert "httponly" in cookie
        assert "samesite=strict" in cookie
        assert "default-src 'self'" in page.headers["content-security-policy"]
        signed = sign_in(client)
        assert signed.status_code == 303
        counter_cookie = signed.headers["set-cookie"].lower()
        assert counter_cookie.startswith("kiosk_counter=")
        assert "httponly" in counter_cookie
        assert "samesite=strict" in counter_cookie
        desk = text_of(client.get("/counter").text)
        assert "Chưa gọi số nào." in desk
        assert "Hàng A: 0 người" in desk
        english = text_of(client.get("/counter?lang=en").text)
        assert "Call next" in english
        assert "No ticket called yet." in english


def test_call_recall_no_show_bring_back_done_and_transfer(
    database: Database, counter_settings: Settings, counters: None
) -> None:
    issue(database, counter_settings)
    issue(database, counter_settings, priority=Priority.ELDERLY)
    issue(database, counter_settings)
    with web_client(counter_settings, database) as client:
        sign_in(client)
        page = act(client, "call")
        # Strict policy: the elderly citizen's A002 is called before A001.
        assert "Đã gọi A002." in page
        assert "Đăng ký khai sinh" in page
        assert "Ưu tiên: Người cao tuổi" in page
        assert "Hàng A: 2 người" in page
        assert "Cần gọi lại ít nhất 1 lần" in act(client, "no_show")
        assert "Đã gọi lại 1 lần" in act(client, "recall")
        assert "A002 vắng mặt." in act(client, "no_show")
        assert "Không còn" not in act(client, "call")
        assert (2, "no_show", 3) in states(database)
        with database.read() as session:
            skipped = session.scalar(select(Ticket.id).where(Ticket.number == 2))
        page = act(client, "done")
        assert "Đã xong A001." in page
        assert "Vắng mặt hôm nay A002" in page
        assert "A002 được trả lại hàng chờ." in act(client, "return", ticket=str(skipped))
        assert "Đã gọi A002." in act(client, "call")
        page = act(client, "transfer", queue="B", after_service="false")
        assert "Đã chuyển A002 sang hàng B." in page
        assert "Hàng B: 1 người" in page
    assert states(database) == [(1, "served", 3), (2, "waiting", 3), (3, "waiting", None)]


def test_refusals_are_messages_not_errors(
    database: Database, counter_settings: Settings, counters: None
) -> None:
    with web_client(counter_settings, database) as client:
        sign_in(client)
        assert "Không còn ai đang chờ." in act(client, "call")
        assert "Quầy chưa có số nào đang phục vụ" in act(client, "done")
        issue(database, counter_settings)
        issue(database, counter_settings)
        act(client, "call")
        assert "Quầy còn đang phục vụ một số" in act(client, "call")
        set_counter_open(database, 3, False)
        act(client, "done")
        page = act(client, "call")
        assert "Quầy đang đóng" in page
    assert states(database) == [(1, "served", 3), (2, "waiting", None)]


def test_a_ticket_called_before_the_page_was_closed_is_shown_again(
    database: Database, counter_settings: Settings, counters: None
) -> None:
    issue(database, counter_settings)
    call_next(database, counter_settings, 3)  # another process, then it died
    with web_client(counter_settings, database) as client:
        sign_in(client)
        page = text_of(client.get("/counter").text)
    assert "Đang phục vụ A001" in page


def test_five_wrong_pins_lock_the_counter(
    database: Database, counter_settings: Settings, counters: None
) -> None:
    with web_client(counter_settings, database) as client:
        first = sign_in(client, pin="0000")
        assert first.status_code == 401
        assert "Sai mã PIN. Còn 4 lần thử." in text_of(first.text)
        for _ in range(4):
            last = sign_in(client, pin="0000")
        assert "bị khóa do nhập sai 5 lần" in text_of(last.text)
        right = sign_in(client)
        assert right.status_code == 401
        assert "bị khóa do nhập sai 5 lần" in text_of(right.text)
        assert "Chưa gọi số nào." not in text_of(client.get("/counter").text)
        # Another counter is not locked.
        assert sign_in(client, counter=4, pin="1357").status_code == 303


def test_posts_without_token_or_session_change_nothing(
    database: Database, counter_settings: Settings, counters: None
) -> None:
    issue(database, counter_settings)
    before = (states(database), event_count(database))
    with web_client(counter_settings, database) as client:
        sign_in(client)
        token = csrf_token_in(client.get("/counter").text)
        no_token = client.post("/counter/act", data={"action": "call"})
        wrong_token = client.post("/counter/act", data={"action": "call", "csrf_token": "x" * 43})
        assert (no_token.status_code, wrong_token.status_code) == (403, 403)
        no_pin_token = client.post("/counter/sign-in", data={"counter": "3", "pin": PIN})
        assert no_pin_token.status_code == 403
    with web_client(counter_settings, database) as stranger:
        # A session of its own and its token, but never signed in at a counter.
        own = csrf_token_in(stranger.get("/counter").text)
        assert (
            stranger.post("/counter/act", data={"action": "call", "csrf_token": own}).status_code
            == 401
        )
        # Another browser's token with no session cookie at all.
        stranger.cookies.clear()
        assert (
            stranger.post("/counter/act", data={"action": "call", "csrf_token": token}).status_code
            == 403
        )
        assert stranger.get("/counter/events").status_code == 401
    assert (states(database), event_count(database)) == before


def test_rate_limit_applies_to_the_counter_page(
    database: Database, settings: Settings, counters: None
) -> None:
    limited = web_settings(settings, rate_per_second=0.1, rate_burst=5)
    with web_client(limited, database) as client:
        codes = [client.get("/counter").status_code for _ in range(8)]
    assert codes[:5] == [200] * 5
    assert codes[5:] == [429] * 3
