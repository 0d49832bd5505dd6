"""The counter page in a real headless Chromium at 1366x768 against a real kiosk-web process:
sign in, call, recall, no-show, bring back, transfer, done by the keyboard, two counters
calling at the same moment, live waiting counts, and the lockout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.web_server import running_kiosk_web

pytestmark = pytest.mark.slow
WAIT_MS = 15_000


def sign_in(page, url: str, counter: str, pin: str) -> None:
    page.goto(f"{url}/counter")
    page.get_by_label("Quầy", exact=True).select_option(label=counter)
    page.get_by_label("Mã PIN của quầy").fill(pin)
    # Until the page it leads to (the desk, or the sign-in with its notice) has loaded: on a
    # loaded machine the next step could otherwise run on the sign-in page still shown.
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()


def assert_fits(page, width: int) -> None:
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    assert scrolled <= width, f"the counter page scrolls sideways at {width} px"


def test_counter_calls_serves_and_a_second_counter_calls_at_once(
    desk_pages, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    one, two = desk_pages
    with running_kiosk_web(tmp_path, f"sqlite:///{tmp_path / 'kiosk.sqlite3'}") as server:
        server.add_counter(3, "A", "2468")
        server.add_counter(4, "A", "1357")
        for _ in range(4):
            server.issue()
        sign_in(one, server.url, "Quầy 3", "2468")
        expect(one.locator(".idle")).to_have_text("Chưa gọi số nào.")
        expect(one.locator(".queue-count")).to_have_text("Hàng A: 4 người")
        assert_fits(one, 1366)

        one.get_by_role("button", name="Gọi số tiếp theo").click()
        expect(one.locator("#serving-number")).to_have_text("A001")
        expect(one.locator(".procedure")).to_have_text("Đăng ký khai sinh")
        one.get_by_role("button", name="Gọi lại").click()
        expect(one.locator(".recalls")).to_have_text("Đã gọi lại 1 lần")
        one.get_by_role("button", name="Vắng mặt").click()
        expect(one.locator(".notice")).to_have_text("A001 vắng mặt.")
        one.get_by_role("button", name="Trả lại").click()
        expect(one.locator(".notice")).to_have_text("A001 được trả lại hàng chờ.")
        one.get_by_role("button", name="Gọi số tiếp theo").click()
        expect(one.locator("#serving-number")).to_have_text("A001")  # its original place
        one.get_by_label("Chuyển sang hàng").select_option("B")
        one.get_by_role("button", name="Chuyển", exact=True).click()
        expect(one.locator(".notice")).to_have_text("Đã chuyển A001 sang hàng B.")
        one.keyboard.press("F1")
        expect(one.locator("#serving-number")).to_have_text("A002")
        one.keyboard.press("F3")
        expect(one.locator(".notice")).to_have_text("Đã xong A002.")
        expect(one.locator(".queue-count")).to_have_text("Hàng A: 2 người")
        one.evaluate("window.notReloaded = true")

        # The second counter PC signs in; both press "call next" at the same moment.
        sign_in(two, server.url, "Quầy 4", "1357")
        press = "document.querySelector('button[data-key=F1]').form.requestSubmit()"
        one.evaluate(press)
        two.evaluate(press)
        numbers = []
        for page in (one, two):
            number = page.locator("#serving-number")
            expect(number).to_have_text(re.compile(r"A00[34]"), timeout=WAIT_MS)
            numbers.append(number.inner_text())
        assert sorted(numbers) == ["A003", "A004"]

        # Counter 3 finishes; counter 4's page shows the empty queue without a reload.
        two.evaluate("window.notReloaded = true")
        one.get_by_role("button", name="Xong").click()
        expect(two.locator(".queue-count")).to_have_text("Hàng A: 0 người", timeout=WAIT_MS)
        server.issue()
        expect(two.locator(".queue-count")).to_have_text("Hàng A: 1 người", timeout=WAIT_MS)
        assert two.evaluate("window.notReloaded") is True
        two.set_viewport_size({"width": 360, "height": 740})
        assert_fits(two, 360)
        expect(two.get_by_role("button", name="Xong")).to_be_in_viewport()

        one.get_by_role("button", name="Đăng xuất").click()
        expect(one.get_by_role("heading", name="Đăng nhập quầy")).to_be_visible()


def test_five_wrong_pins_lock_the_counter_in_the_browser(desk_pages, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page, _ = desk_pages
    with running_kiosk_web(tmp_path, f"sqlite:///{tmp_path / 'kiosk.sqlite3'}") as server:
        server.add_counter(3, "A", "2468")
        sign_in(page, server.url, "Quầy 3", "0000")
        expect(page.locator(".notice")).to_have_text("Sai mã PIN. Còn 4 lần thử.")
        for _ in range(4):
            sign_in(page, server.url, "Quầy 3", "0000")
        sign_in(page, server.url, "Quầy 3", "2468")
        expect(page.locator(".notice")).to_contain_text("Quầy bị khóa do nhập sai 5 lần")
        expect(page.get_by_role("button", name="Gọi số tiếp theo")).to_have_count(0)
