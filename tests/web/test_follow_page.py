"""The follow-your-turn page through the ASGI app in-process, on real SQLite and PostgreSQL."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.queue.follow_links import KEY_NAME, follow_token
from kiosk.queue.issuing import issue_for_procedure
from kiosk.queue.tickets import IssuedTicket, list_tickets
from kiosk.storage.db import Database
from kiosk.storage.models import Priority
from kiosk.storage.secrets import service_secret
from tests.support.web_app import csrf_token_in, token_for, web_client, web_settings

BIRTH = "1.001193"  # Đăng ký khai sinh
RESIDENCE = "1.004194"


@pytest.fixture
def follow_settings(settings: Settings) -> Settings:
    return web_settings(settings)


def issue(database: Database, settings: Settings, code: str = BIRTH, **kwargs) -> IssuedTicket:
    catalog = load_catalog(settings.catalog_overlay_path)
    return issue_for_procedure(database, settings, catalog, procedure_code=code, **kwargs)


def live_text(html: str) -> str:
    """The page's words without tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_page_shows_number_procedure_and_people_ahead(
    database: Database, follow_settings: Settings
) -> None:
    issue(database, follow_settings)
    issue(database, follow_settings)
    mine = issue(database, follow_settings)
    with web_client(follow_settings, database) as client:
        page = client.get(f"/t/{token_for(database, mine)}")
    assert page.status_code == 200
    text = live_text(page.text)
    assert "A003" in text
    assert "Đăng ký khai sinh" in text
    assert "Trước bạn: 2 người" in text
    assert "Chờ khoảng 10 phút" in text
    assert "Chưa có quầy nào gọi số." in text


def test_english_from_the_browser_and_the_switch(
    database: Database, follow_settings: Settings
) -> None:
    mine = issue(database, follow_settings)
    token = token_for(database, mine)
    with web_client(follow_settings, database) as client:
        english = client.get(f"/t/{token}", headers={"Accept-Language": "en-GB,en;q=0.9"})
        switched = client.get(f"/t/{token}?lang=vi", headers={"Accept-Language": "en"})
        unknown = client.get(f"/t/{token}", headers={"Accept-Language": "fr, en;q=0.5"})
    assert '<html lang="en">' in english.text
    assert "You are next" in live_text(english.text)
    assert "Birth registration" in live_text(english.text)
    assert f'href="/t/{token}?lang=vi"' in english.text
    assert "Bạn là người tiếp theo" in live_text(switched.text)
    assert '<html lang="en">' in unknown.text


def test_state_json_matches_the_page(database: Database, follow_settings: Settings) -> None:
    issue(database, follow_settings)
    mine = issue(database, follow_settings)
    with web_client(follow_settings, database) as client:
        state = client.get(f"/t/{token_for(database, mine)}/state?lang=en")
    assert state.status_code == 200
    body = state.json()
    assert (body["label"], body["state"], body["people_ahead"]) == ("A002", "waiting", 1)
    assert body["estimated_wait_minutes"] == 5
    assert (body["counter"], body["calling"]) == (None, [])
    assert "Ahead of you: 1" in live_text(body["html"])
    assert state.headers["cache-control"] == "no-store"


def test_every_answer_carries_the_security_headers(
    database: Database, follow_settings: Settings
) -> None:
    mine = issue(database, follow_settings)
    token = token_for(database, mine)
    with web_client(follow_settings, database) as client:
        answers = [
            client.get(f"/t/{token}"),
            client.get(f"/t/{token}/state"),
            client.get(f"/t/{token}/leave"),
            client.post(f"/t/{token}/leave"),
            client.get("/t/nonsense"),
            client.get("/static/follow.js"),
            client.get("/static/web.css"),
            client.get("/sounds/called.wav"),
            client.get("/openapi.json"),
        ]
    assert [a.status_code for a in answers] == [200, 200, 200, 403, 404, 200, 200, 200, 200]
    for answer in answers:
        headers = answer.headers
        assert headers["content-security-policy"].startswith("default-src 'self';")
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"


def test_page_loads_nothing_from_elsewhere_and_runs_no_inline_script(
    database: Database, follow_settings: Settings
) -> None:
    mine = issue(database, follow_settings)
    with web_client(follow_settings, database) as client:
        page = client.get(f"/t/{token_for(database, mine)}").text
        assets = re.findall(r'(?:src|href)="([^"]+)"', page)
        sizes = [len(page.encode())]
        for asset in assets:
            assert asset.startswith("/"), f"{asset} is not served by kiosk-web"
            if asset.startswith("/static/"):
                sizes.append(len(client.get(asset).content))
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert " on" not in re.sub(r"<(p|a|h2|html|section|main|footer|title)[ >]", "", page)
    # Page, style and script together (the sound is fetched only when the ticket is called).
    assert sum(sizes) < 50_000


def tampered(token: str) -> str:
    """The token with one character of its MAC changed (never to the same one)."""
    return token[:20] + ("B" if token[20] == "A" else "A") + token[21:]


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(
            lambda key, t: tampered(follow_token(key, t.id, t.service_day)), id="tampered"
        ),
        pytest.param(
            lambda key, t: follow_token(key, t.id, t.service_day - timedelta(days=1)),
            id="other-day",
        ),
        pytest.param(lambda key, t: follow_token(b"another key", t.id, t.service_day), id="key"),
        pytest.param(lambda key, t: "Zm9sbG93LW15LXR1cm4tcmFuZG9t", id="random"),
        pytest.param(lambda key, t: "x" * 400, id="long"),
        pytest.param(lambda key, t: follow_token(key, t.id + 1, t.service_day), id="no-ticket"),
    ],
)
def test_bad_tokens_get_the_same_friendly_404(
    database: Database, follow_settings: Settings, make_token
) -> None:
    mine = issue(database, follow_settings)
    token = make_token(service_secret(database, KEY_NAME), mine)
    with web_client(follow_settings, database) as client:
        reference = client.get("/no/such/page")
        answers = [
            client.get(f"/t/{token}"),
            client.get(f"/t/{token}/state"),
            client.get(f"/t/{token}/events"),
            client.get(f"/t/{token}/leave"),
        ]
    for answer in answers:
        assert answer.status_code == 404
        assert answer.text == reference.text
        assert "A001" not in answer.text
        assert "khai sinh" not in answer.text.lower()
    assert "Không tìm thấy trang này" in reference.text


def test_a_page_never_shows_another_tickets_procedure_or_priority(
    database: Database, follow_settings: Settings
) -> None:
    other = issue(database, follow_settings, RESIDENCE, priority=Priority.ELDERLY)
    mine = issue(database, follow_settings)
    with web_client(follow_settings, database) as client:
        page = client.get(f"/t/{token_for(database, mine)}?lang=en").text
        state = client.get(f"/t/{token_for(database, mine)}/state?lang=en").text
    other_name = load_catalog(follow_settings.catalog_overlay_path).procedure(RESIDENCE)
    for shown in (page, state):
        assert other_name.name("en") not in shown
        assert other_name.name("vi") not in shown
        assert "elderly" not in shown.lower()
        assert "cao tuổi" not in shown
        assert other.label not in shown


def leave_form(client, token: str) -> str:
    return csrf_token_in(client.get(f"/t/{token}/leave").text)


def test_leaving_cancels_the_ticket_and_the_next_one_has_one_fewer_ahead(
    database: Database, follow_settings: Settings
) -> None:
    issue(database, follow_settings)
    mine = issue(database, follow_settings)
    token = token_for(database, mine)
    assert issue(database, follow_settings).people_ahead == 2
    with web_client(follow_settings, database) as client:
        confirm = client.get(f"/t/{token}/leave?lang=en")
        assert "Are you leaving?" in live_text(confirm.text)
        cookie = confirm.headers["set-cookie"].lower()
        assert "httponly" in cookie
        assert "samesite=strict" in cookie
        done = client.post(
            f"/t/{token}/leave?lang=en", data={"csrf_token": csrf_token_in(confirm.text)}
        )
        assert done.status_code == 303
        assert done.headers["location"] == f"/t/{token}?lang=en"
        after = client.get(done.headers["location"])
    assert "This ticket has been cancelled." in live_text(after.text)
    assert "I am leaving" not in after.text
    states = {t.number: t.state for t in list_tickets(database, mine.service_day)}
    assert states == {1: "waiting", 2: "cancelled", 3: "waiting"}
    assert issue(database, follow_settings).people_ahead == 2  # A001 and A003 only


@pytest.mark.parametrize(
    ("cookie", "field"),
    [
        pytest.param(True, None, id="no-token"),
        pytest.param(False, "good", id="no-session"),
        pytest.param(True, "forged", id="wrong-token"),
        pytest.param("other", "good", id="other-session"),
    ],
)
def test_leaving_without_a_valid_csrf_token_is_refused_and_changes_nothing(
    database: Database, follow_settings: Settings, cookie, field
) -> None:
    mine = issue(database, follow_settings)
    token = token_for(database, mine)
    with web_client(follow_settings, database) as client:
        good = leave_form(client, token)
        if cookie is not True:
            client.cookies.clear()
        if cookie == "other":
            client.cookies.set("kiosk_session", "A" * 32)
        data = {} if field is None else {"csrf_token": good if field == "good" else "x" * 43}
        refused = client.post(f"/t/{token}/leave", data=data)
        page = client.get(f"/t/{token}")
    assert refused.status_code == 403
    assert [t.state for t in list_tickets(database, mine.service_day)] == ["waiting"]
    assert "Trước bạn" in live_text(page.text) or "tiếp theo" in live_text(page.text)


def test_a_thousand_requests_a_second_from_one_address_are_limited(
    database: Database, follow_settings: Settings
) -> None:
    mine = issue(database, follow_settings)
    path = f"/t/{token_for(database, mine)}/state"
    web = follow_settings.web
    with web_client(follow_settings, database) as client:
        started = time.monotonic()
        responses = [client.get(path) for _ in range(1_000)]
        elapsed = time.monotonic() - started
    with web_client(follow_settings, database, address="192.0.2.99") as neighbour:
        other_address = neighbour.get(path)
    statuses = [response.status_code for response in responses]
    assert statuses[:60] == [200] * 60  # the burst a page load and its polling need
    # No more get through than the bucket holds plus what refills meanwhile. (Bound by the
    # time the requests really took, not by "a second": on a loaded machine they take longer.)
    assert statuses.count(200) <= web.rate_burst + web.rate_per_second * elapsed + 1
    assert set(statuses) == {200, 429}
    limited = responses[statuses.index(429)]
    assert limited.headers["retry-after"] == "1"
    assert other_address.status_code == 200
