"""kiosk-web tests: the headless Chromium fixtures are shared by every page test here."""

from tests.support.browser import chromium, desk_pages, phone_page  # noqa: F401 (fixtures)
