"""The citizen's walk, tapped as the citizen taps: from Welcome to a ticket in five taps."""

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.storage.db import Database
from kiosk.storage.models import HelpRequest, Ticket
from tests.ui.conftest import WindowFactory, tap, visible_texts

WALKS = {
    "vi": ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh", "Lấy số thứ tự", "60 tuổi trở lên"],
    "en": ["English", "Civil status", "Birth registration", "Get a ticket", "60 or older"],
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_five_taps_from_welcome_to_a_priority_ticket(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database, language: str
) -> None:
    window = make_window()
    taps = WALKS[language]
    assert len(taps) <= 5
    for text in taps:
        tap(qtbot, window, text)
    qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=10_000)

    texts = visible_texts(window)
    assert "A001" in texts
    volunteer = {
        "vi": "Tình nguyện viên sẽ đến hỗ trợ bạn. Xin chờ tại đây.",
        "en": "A volunteer is coming to help you. Please wait here.",
    }[language]
    assert volunteer in texts
    with kiosk_database.read() as session:
        ticket = session.scalars(select(Ticket)).one()
        request = session.scalars(select(HelpRequest)).one()
    assert (ticket.procedure_code, ticket.priority, ticket.print_status) == (
        "1.001193",
        "elderly",
        "printed",
    )
    assert (request.reason, request.ticket_id, request.kiosk_id) == ("elderly", ticket.id, "sanh-1")


def test_done_returns_to_welcome_with_the_session_cleared(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    for text in ["English", "Civil status", "Birth registration", "Get a ticket", "None"]:
        tap(qtbot, window, text)
    qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=10_000)
    tap(qtbot, window, "Done")
    assert window.current_screen is window.welcome
    assert window.session.is_fresh
    assert "Chạm để bắt đầu" in visible_texts(window)


def test_the_ticket_screen_shows_the_follow_code_when_phones_can_reach_kiosk_web(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    caption = "Theo dõi lượt của bạn"
    plain = make_window()
    for text in [*WALKS["vi"][:-1], "Không"]:
        tap(qtbot, plain, text)
    qtbot.waitUntil(lambda: plain.current_screen is plain.ticket, timeout=10_000)
    assert caption not in visible_texts(plain)

    window = make_window(web={"public_url": "http://10.0.0.5:8080"})
    for text in [*WALKS["vi"][:-1], "Không"]:
        tap(qtbot, window, text)
    qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=10_000)
    assert caption in visible_texts(window)
    assert "A002" in visible_texts(window)


def test_search_on_the_on_screen_keyboard(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    tap(qtbot, window, "Chạm để bắt đầu")
    tap(qtbot, window, "Tìm theo tên thủ tục")
    for key in "KHAI":
        tap(qtbot, window, key)
    tap(qtbot, window, "Dấu cách")
    for key in "SINH":
        tap(qtbot, window, key)
    assert window.session.search_query == "khai sinh"
    tap(qtbot, window, "Đăng ký khai sinh")
    assert window.current_screen is window.details
    assert "Đăng ký khai sinh" in visible_texts(window)


def test_back_goes_one_screen_back(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    for text in ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh"]:
        tap(qtbot, window, text)
    tap(qtbot, window, "← Quay lại")
    assert window.current_screen is window.procedures
    tap(qtbot, window, "← Quay lại")
    assert window.current_screen is window.fields
    tap(qtbot, window, "⌂ Trang đầu")
    assert window.current_screen is window.welcome
    assert window.session.is_fresh
