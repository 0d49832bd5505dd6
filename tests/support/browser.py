"""Headless Chromium for page tests: Debian's `chromium`, driven by Playwright for Python.

Playwright never downloads a browser here: it starts /usr/bin/chromium (`./dev test` installs
the package as root). A test folder's conftest.py imports the fixtures (tests/web does):

    from tests.support.browser import chromium, desk_pages, phone_page  # noqa: F401
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
# A counter PC beside the one-door software.
DESK = {"width": 1366, "height": 768}


def launch_chromium(playwright) -> Browser:
    """Debian's Chromium with the flags a container without a display needs."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("needs Debian's chromium package (apt-get install chromium; ./dev test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def phone_page(chromium: Browser) -> Iterator[Page]:
    """A fresh page (own cookies) in a 360x740 phone viewport, Vietnamese browser."""
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desk_pages(chromium: Browser) -> Iterator[tuple[Page, Page]]:
    """Two counter PCs (separate cookies) at 1366x768, Vietnamese browsers."""
    contexts = [chromium.new_context(viewport=DESK, locale="vi-VN") for _ in range(2)]
    yield contexts[0].new_page(), contexts[1].new_page()
    for context in contexts:
        context.close()
