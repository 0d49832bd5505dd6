"""The counter page as a counter PC shows it, at 1366x768 in headless Chromium, to PNG.

    .venv/bin/python -m tests.support.counter_screenshots docs/screenshots

A throw-away SQLite database and a real kiosk-web (as tests/support/phone_screenshots.py);
counters and tickets made with kiosk-admin. Writes counter-sign-in and counter-serving.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.support.browser import DESK, launch_chromium
from tests.support.web_server import running_kiosk_web


def capture(directory: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="counter-shots-") as scratch:
        work = Path(scratch)
        url = f"sqlite:///{work / 'kiosk.sqlite3'}"
        with running_kiosk_web(work, url) as server, sync_playwright() as playwright:
            server.add_counter(3, "A,B", "2468")
            server.add_counter(4, "A", "1357")
            for _ in range(6):
                server.issue("1.001193")
            server.admin("ticket", "issue", "--procedure", "1.001193", "--priority", "elderly")
            browser = launch_chromium(playwright)
            page = browser.new_context(viewport=DESK, locale="vi-VN").new_page()

            def shot(name: str) -> None:
                page.wait_for_timeout(500)
                path = directory / f"counter-{name}.png"
                page.screenshot(path=str(path))
                written.append(path)

            page.goto(f"{server.url}/counter")
            shot("sign-in")
            page.get_by_label("Quầy", exact=True).select_option(label="Quầy 3")
            page.get_by_label("Mã PIN của quầy").fill("2468")
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_role("button", name="Gọi số tiếp theo").click()
            page.get_by_role("button", name="Gọi lại").click()
            shot("serving")
            browser.close()
    return written


if __name__ == "__main__":
    for written_path in capture(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written_path)
