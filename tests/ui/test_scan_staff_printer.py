"""The ID-card scanner, the staff way out, and a printer that keeps the kiosk waiting."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.staff.pin import set_pin
from kiosk.storage.db import Database
from kiosk.storage.models import HelpRequest, Ticket
from tests.support.fake_printer import FakeNetworkPrinter
from tests.ui.conftest import WindowFactory, enter_pin, hold_corner, tap, visible_texts

TO_PRIORITY = ["Chạm để bắt đầu", "Hộ tịch", "Đăng ký khai sinh", "Lấy số thứ tự"]
# A CCCD code of a man born on 1 July 1950 (birth year also in digits 4-6 of the number).
ELDERLY_CARD = "049050008123||Nguyen Van A|01071950|Nam|Hoa Nam, Tam Ky, Quang Nam|11042021"
YOUNG_CARD = "049205008123||Nguyen Van B|01072005|Nam|Hoa Nam, Tam Ky, Quang Nam|11042021"
HEALTH_INSURANCE_CARD = (
    "GD4797933123456|4e677579e1bb856e2056c4836e2041|01/07/1950|1|48e1bb99692041|79-028"
    "|01/01/2024|31/12/2024|01/01/2024|79123|-|4|01/01/2019|abcdef123456|-|$"
)


def scan(qtbot: QtBot, window: QWidget, text: str) -> None:
    """What a USB scanner does: type the code's text, then Enter."""
    qtbot.keyClicks(window, text)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_an_elderly_id_card_gives_a_priority_ticket(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    window = make_window()
    for text in TO_PRIORITY:
        tap(qtbot, window, text)
    tap(qtbot, window, "Quét thẻ căn cước")
    scan(qtbot, window, ELDERLY_CARD)
    qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=10_000)
    with kiosk_database.read() as session:
        assert session.scalars(select(Ticket.priority)).one() == "elderly"


def test_a_younger_card_asks_for_an_answer(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    for text in TO_PRIORITY:
        tap(qtbot, window, text)
    scan(qtbot, window, YOUNG_CARD)
    assert window.current_screen is window.priority
    assert any("bạn chưa đủ 60 tuổi" in text for text in visible_texts(window))


def test_a_garbled_scan_and_a_health_insurance_card_are_told_apart(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    window = make_window()
    for text in TO_PRIORITY:
        tap(qtbot, window, text)
    scan(qtbot, window, "049050#@!|Ng")
    assert any("Không đọc được mã này" in text for text in visible_texts(window))
    scan(qtbot, window, HEALTH_INSURANCE_CARD)
    assert any("Đây là thẻ bảo hiểm y tế" in text for text in visible_texts(window))
    tap(qtbot, window, "English")
    assert any("This is a health-insurance card" in text for text in visible_texts(window))
    assert window.current_screen is window.priority
    with kiosk_database.read() as session:
        assert session.scalars(select(Ticket)).all() == []


def test_keys_and_close_cannot_end_the_kiosk(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    tap(qtbot, window, "Chạm để bắt đầu")
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.close()
    assert window.isVisible()
    assert window.current_screen is window.fields


def test_five_wrong_pins_lock_the_staff_screen(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    set_pin(kiosk_database, "2468")
    window = make_window()
    hold_corner(qtbot, window)
    assert window.current_page is window.pin_pad
    for left in (4, 3, 2, 1):
        enter_pin(qtbot, window, "1357")
        assert f"Sai mã PIN. Còn {left} lần thử." in visible_texts(window)
    enter_pin(qtbot, window, "1357")
    assert any(t.startswith("Sai mã PIN quá nhiều lần") for t in visible_texts(window))
    enter_pin(qtbot, window, "2468")
    assert window.current_page is window.pin_pad
    tap(qtbot, window, "Huỷ")
    assert window.current_page is window.walk


def test_the_right_pin_lets_staff_close_the_kiosk(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    set_pin(kiosk_database, "2468")
    window = make_window()
    hold_corner(qtbot, window)
    enter_pin(qtbot, window, "2468")
    assert window.current_page is window.staff_menu
    tap(qtbot, window, "Đóng máy kiosk")
    assert not window.isVisible()


def test_staff_test_the_printer_from_the_kiosk(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database, kiosk_settings: Settings
) -> None:
    set_pin(kiosk_database, "2468")
    window = make_window()
    hold_corner(qtbot, window)
    enter_pin(qtbot, window, "2468")

    tap(qtbot, window, "Thử máy in")
    qtbot.waitUntil(lambda: not window.runner.busy)

    preview = kiosk_settings.preview_dir
    assert f"Đã gửi trang thử tới máy in ({preview})." in visible_texts(window)
    assert len(list(preview.glob("test-page-*.png"))) == 1
    tap(qtbot, window, "Quay lại kiosk")
    assert window.current_page is window.walk


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_printer_that_takes_5_s_never_freezes_the_screen(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    with FakeNetworkPrinter("never-read") as printer:
        window = make_window(
            printer={
                "kind": "network",
                "host": printer.host,
                "port": printer.port,
                "timeout_seconds": 5.0,
            }
        )
        for text in TO_PRIORITY:
            tap(qtbot, window, text)
        tap(qtbot, window, "Không")
        assert "Đang in số thứ tự, xin chờ…" in visible_texts(window)
        # While the printer stalls: repaints happen and a tap is answered at once.
        counter = PaintCounter()
        window.priority.installEventFilter(counter)
        for _ in range(5):
            window.priority.update()
            qtbot.wait(100)
        assert counter.paints >= 3
        tap(qtbot, window, "Tôi cần hỗ trợ")
        assert window.current_page is window.help_notice
        tap(qtbot, window, "Đồng ý")
        # All of that happened while the printer still held the ticket (no clock needed).
        assert window.runner.busy
        qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=15_000)
    texts = visible_texts(window)
    assert "A001" in texts
    assert any(text.startswith("Máy in chưa in được phiếu") for text in texts)
    with kiosk_database.read() as session:
        reasons = sorted(session.scalars(select(HelpRequest.reason)).all())
    assert reasons == ["asked_for_help", "printer_fault"]
