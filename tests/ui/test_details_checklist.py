"""The details screen: the portal's QR code in view without scrolling, and the checklist slip."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from kiosk.config import Settings
from kiosk.queue.service_day import service_day
from kiosk.reports.daily import daily_report
from kiosk.storage.db import Database
from tests.ui.conftest import LANDSCAPE, PORTRAIT, WindowFactory, tap, visible_texts

TO_DETAILS = ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh"]


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT])
def test_the_portal_qr_code_is_in_view_without_scrolling(
    qtbot: QtBot, make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    for text in TO_DETAILS:
        tap(qtbot, window, text)
    tap(qtbot, window, "English")
    qr = window.details.qr
    assert qr.isVisible()

    def wholly_visible() -> None:
        # Nothing (a scroll area's viewport, a squeezed card) hides any part of it, once the
        # layout has settled.
        assert qr.visibleRegion().boundingRect() == qr.rect()

    qtbot.waitUntil(wholly_visible, timeout=2000)
    on_window = QRect(qr.mapTo(window, qr.rect().topLeft()), qr.size())
    assert window.rect().contains(on_window)
    assert window.details.scroll.verticalScrollBar().value() == 0


def test_print_the_checklist_and_the_day_counts_it(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database, kiosk_settings: Settings
) -> None:
    window = make_window()
    for text in TO_DETAILS:
        tap(qtbot, window, text)

    tap(qtbot, window, "In danh sách giấy tờ")
    assert "Đang in danh sách giấy tờ…" in visible_texts(window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)

    assert "Mời bạn lấy danh sách giấy tờ ở máy in." in visible_texts(window)
    assert window.current_screen is window.details
    slips = list(kiosk_settings.preview_dir.glob("checklist-1_001193-*.png"))
    assert len(slips) == 1
    zone = kiosk_settings.centre.zone
    today = service_day(datetime.now(UTC), zone)
    (report,) = daily_report(kiosk_database, today, today, zone)
    assert report.checklists_printed == 1
    assert report.tickets == {}
