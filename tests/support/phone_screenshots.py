"""The follow-your-turn page as phones show it, at 360x740 in headless Chromium, to PNG.

    .venv/bin/python -m tests.support.phone_screenshots docs/screenshots

A throw-away SQLite database and a real kiosk-web; tickets issued with kiosk-admin. Writes
phone-vi-waiting, phone-en-waiting, phone-vi-leave, phone-vi-called, phone-vi-cancelled.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update

from kiosk.storage.db import open_database
from kiosk.storage.models import Ticket, TicketState
from tests.support.browser import PHONE, launch_chromium
from tests.support.web_server import running_kiosk_web


def capture(directory: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="phone-shots-") as scratch:
        work = Path(scratch)
        url = f"sqlite:///{work / 'kiosk.sqlite3'}"
        with running_kiosk_web(work, url) as server, sync_playwright() as playwright:
            for _ in range(4):
                server.issue("1.001193")
            mine = server.issue("1.001193")
            called = server.issue("1.001193")
            browser = launch_chromium(playwright)
            page = browser.new_context(viewport=PHONE, locale="vi-VN").new_page()

            def shot(name: str, address: str) -> None:
                page.goto(address)
                page.wait_for_timeout(500)
                path = directory / f"phone-{name}.png"
                page.screenshot(path=str(path))
                written.append(path)

            follow = str(mine["follow_url"])
            shot("vi-waiting", follow)
            shot("en-waiting", f"{follow}?lang=en")
            shot("vi-leave", f"{follow}/leave")
            database = open_database(url, upgrade=False)
            with database.write() as session:
                session.execute(
                    update(Ticket)
                    .where(Ticket.id == called["id"])
                    .values(state=TicketState.CALLED.value, called_at=datetime.now(UTC))
                )
            database.dispose()
            shot("vi-called", str(called["follow_url"]))
            page.goto(f"{follow}/leave")
            page.get_by_role("button").click()
            page.wait_for_timeout(500)
            path = directory / "phone-vi-cancelled.png"
            page.screenshot(path=str(path))
            written.append(path)
            browser.close()
    return written


if __name__ == "__main__":
    for written_path in capture(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written_path)
