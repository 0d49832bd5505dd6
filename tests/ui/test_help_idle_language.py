"""'I need help' everywhere, the idle warning, the language switch and reading aloud."""

from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.storage.db import Database
from kiosk.storage.models import HelpRequest
from tests.ui.conftest import WindowFactory, tap, visible_texts

# The taps that lead to each screen of the walk, from Welcome.
SCREENS = {
    "welcome": [],
    "fields": ["Chạm để bắt đầu"],
    "procedures": ["Chạm để bắt đầu", "Hộ tịch"],
    "search": ["Chạm để bắt đầu", "Tìm theo tên thủ tục"],
    "details": ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh"],
    "priority": ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh", "Lấy số thứ tự"],
    "ticket": ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh", "Lấy số thứ tự", "Không"],
}


def test_i_need_help_from_every_screen(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    window = make_window()
    # Welcome last: each visit ends with "Start" (⌂), which clears the session for the next.
    order = [*list(SCREENS)[1:], "welcome"]
    for name in order:
        if window.current_screen is not window.welcome:
            tap(qtbot, window, "⌂ Trang đầu")
        for text in SCREENS[name]:
            tap(qtbot, window, text)
        qtbot.waitUntil(lambda name=name: window.current_screen is getattr(window, name))
        tap(qtbot, window, "Tôi cần hỗ trợ")
        assert "Tình nguyện viên sẽ đến hỗ trợ bạn" in visible_texts(window)
        tap(qtbot, window, "Đồng ý")
        assert window.current_page is window.walk
        assert window.current_screen is getattr(window, name), name
    qtbot.waitUntil(lambda: not window.runner.busy)
    with kiosk_database.read() as session:
        requests = session.scalars(select(HelpRequest).order_by(HelpRequest.id)).all()
    asked = [r for r in requests if r.reason == "asked_for_help"]
    assert len(asked) == len(SCREENS)
    assert {r.kiosk_id for r in asked} == {"sanh-1"}
    from_details = asked[order.index("details")]
    assert from_details.procedure_code == "1.001193"
    assert asked[order.index("ticket")].ticket_id is not None


def test_help_asked_twice_in_one_visit_makes_one_request(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    window = make_window()
    tap(qtbot, window, "Chạm để bắt đầu")
    for _ in range(2):
        tap(qtbot, window, "Tôi cần hỗ trợ")
        tap(qtbot, window, "Đồng ý")
    qtbot.waitUntil(lambda: not window.runner.busy)
    with kiosk_database.read() as session:
        assert len(session.scalars(select(HelpRequest)).all()) == 1


def test_idle_warning_then_everything_cleared(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(idle_seconds=1, idle_warning_seconds=2)
    for text in ["English", "Civil status", "Birth registration"]:
        tap(qtbot, window, text)
    assert window.session.procedure_code == "1.001193"
    with qtbot.waitSignal(window.idle.warning_started, timeout=3000):
        pass
    assert window.current_page is window.idle_warning
    assert "Are you still there?" in visible_texts(window)
    with qtbot.waitSignal(window.idle.expired, timeout=4000):
        pass
    assert window.current_page is window.walk
    assert window.current_screen is window.welcome
    assert window.session.is_fresh
    # The next citizen starts in the default language.
    assert "Chạm để bắt đầu" in visible_texts(window)


def test_i_need_more_time_extends_again_and_again(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(idle_seconds=1, idle_warning_seconds=2)
    for text in ["Chạm để bắt đầu", "Hộ tịch"]:
        tap(qtbot, window, text)
    for _ in range(2):
        with qtbot.waitSignal(window.idle.warning_started, timeout=3000):
            pass
        tap(qtbot, window, "Tôi cần thêm thời gian")
        assert window.current_page is window.walk
        assert window.current_screen is window.procedures
        assert window.session.field_code == "civil_status"


def test_a_touch_restarts_the_idle_time(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(idle_seconds=1, idle_warning_seconds=2)
    tap(qtbot, window, "Chạm để bắt đầu")
    for _ in range(3):
        qtbot.wait(600)
        tap(qtbot, window, "Tìm theo tên thủ tục")
        tap(qtbot, window, "← Quay lại")
    assert window.current_page is window.walk


def test_language_switch_keeps_the_citizens_place(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    for text in ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh"]:
        tap(qtbot, window, text)
    tap(qtbot, window, "English")
    assert window.current_screen is window.details
    assert window.session.procedure_code == "1.001193"
    texts = visible_texts(window)
    assert "Birth registration" in texts
    assert "Documents to bring" in texts
    tap(qtbot, window, "← Back")
    assert window.current_screen is window.procedures
    assert "Civil status" in visible_texts(window)
    tap(qtbot, window, "Tiếng Việt")
    assert "Hộ tịch" in visible_texts(window)
    tap(qtbot, window, "Đăng ký khai sinh")
    assert window.current_screen is window.details


def test_language_switch_on_the_ticket(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    for text in SCREENS["ticket"]:
        tap(qtbot, window, text)
    qtbot.waitUntil(lambda: window.current_screen is window.ticket)
    assert "Đăng ký khai sinh" in visible_texts(window)
    tap(qtbot, window, "English")
    texts = visible_texts(window)
    assert "Birth registration" in texts
    assert "YOUR NUMBER" in texts


def test_read_aloud_speaks_and_a_second_tap_stops(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    for text in ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh"]:
        tap(qtbot, window, text)
    engine = window.speaker.engine
    assert engine is not None
    assert "Đăng ký khai sinh" in window.details.spoken_text()
    tap(qtbot, window, "Đọc to")
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking)
    tap(qtbot, window, "Đọc to")
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready)
