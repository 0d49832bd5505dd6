"""kiosk-web tests: the headless Chromium fixtures are shared by every page test here."""

from tests.support.browser import chromium, phone_page  # noqa: F401 (fixtures)
