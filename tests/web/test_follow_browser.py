"""The follow page in a real headless Chromium at 360x740 against a real kiosk-web process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.web_server import running_kiosk_web

pytestmark = pytest.mark.slow
WAIT_MS = 15_000


def test_the_page_follows_the_queue_without_reload_and_leaving_cancels(
    phone_page,
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    page = phone_page
    with running_kiosk_web(tmp_path, f"sqlite:///{tmp_path / 'kiosk.sqlite3'}") as server:
        first = server.issue()
        second = server.issue()
        mine = server.issue()
        page.goto(str(mine["follow_url"]))
        number = page.locator(".number")
        expect(number).to_have_text("A003")
        expect(page.locator(".ahead")).to_have_text("Trước bạn: 2 người")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, "the page scrolls sideways on a 360 px phone"
        page.evaluate("window.notReloaded = true")

        # Another process cancels a ticket ahead; one more is issued behind.
        server.cancel(int(first["id"]), str(first["service_day"]))
        server.issue()
        expect(page.locator(".ahead")).to_have_text("Trước bạn: 1 người", timeout=WAIT_MS)
        server.cancel(int(second["id"]), str(second["service_day"]))
        expect(page.locator(".ahead")).to_have_text("Bạn là người tiếp theo", timeout=WAIT_MS)
        assert page.evaluate("window.notReloaded") is True
        # Counters calling is followed in test_counters_calling_reach_the_page_and_call_this_one.

        page.get_by_role("link", name="English").click()
        expect(page.locator(".ahead")).to_have_text("You are next")
        page.get_by_role("link", name="I am leaving").click()
        expect(page.get_by_role("heading", name="Are you leaving?")).to_be_visible()
        page.get_by_role("button", name="Yes, cancel my ticket").click()
        expect(page.locator(".outcome")).to_have_text("This ticket has been cancelled.")
        expect(page.get_by_role("link", name="I am leaving")).to_have_count(0)

        after = server.issue()
        assert after["people_ahead"] == 1  # only the A004 issued behind mine still waits


def test_counters_calling_reach_the_page_and_call_this_one(phone_page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = phone_page
    with running_kiosk_web(tmp_path, f"sqlite:///{tmp_path / 'kiosk.sqlite3'}") as server:
        server.add_counter(3, "A", "2468")
        server.issue()
        server.issue()
        mine = server.issue()
        page.goto(str(mine["follow_url"]))
        expect(page.locator(".ahead")).to_have_text("Trước bạn: 2 người")
        page.evaluate("window.notReloaded = true")

        # The counter calls two tickets: the page follows without reload (cells run together).
        server.admin("counter", "call", "--counter", "3")
        calling = page.locator(".calling tbody tr")
        expect(calling).to_have_text(["Quầy 3A001"], timeout=WAIT_MS)
        expect(page.locator(".ahead")).to_have_text("Trước bạn: 1 người", timeout=WAIT_MS)
        server.admin("counter", "done", "--counter", "3")
        server.admin("counter", "call", "--counter", "3")
        expect(calling).to_have_text(["Quầy 3A002"], timeout=WAIT_MS)
        expect(page.locator(".ahead")).to_have_text("Bạn là người tiếp theo", timeout=WAIT_MS)
        expect(page.locator(".called")).to_have_count(0)

        server.admin("counter", "done", "--counter", "3")
        server.admin("counter", "call", "--counter", "3")
        expect(page.locator(".called")).to_have_text("Mời bạn đến Quầy 3", timeout=WAIT_MS)
        expect(calling.filter(has_text="A003")).to_have_class("mine")
        assert page.evaluate("window.notReloaded") is True
        assert int(page.evaluate("document.body.getAttribute('data-alerts')")) == 1

        page.get_by_role("link", name="English").click()
        expect(page.locator(".called")).to_have_text("Please go to Counter 3")
