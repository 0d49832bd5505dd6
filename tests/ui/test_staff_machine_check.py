"""Staff check the machine from the kiosk: the doctor's verdicts on the staff page."""

from pytestqt.qtbot import QtBot

from kiosk.staff.pin import set_pin
from kiosk.storage.db import Database
from tests.ui.conftest import WindowFactory, tap, visible_texts
from tests.ui.test_scan_staff_printer import enter_pin, hold_corner

# The checks start Qt and the speech engine in a child process: seconds on a busy machine.
CHECK_TIMEOUT_MS = 120_000


def test_staff_check_this_machine_from_the_kiosk(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database
) -> None:
    set_pin(kiosk_database, "2468")
    window = make_window()
    hold_corner(qtbot, window)
    enter_pin(qtbot, window, "2468")

    tap(qtbot, window, "Kiểm tra máy")
    assert "Đang kiểm tra máy…" in visible_texts(window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=CHECK_TIMEOUT_MS)

    texts = visible_texts(window)
    assert "0 lỗi, " in "\n".join(texts)
    (report,) = [text for text in texts if text.startswith("OK   fonts")]
    lines = report.splitlines()
    assert any(line.startswith("OK   database: ") for line in lines)
    assert any(line.startswith("WARN printer: preview printer") for line in lines)
    assert any(line.startswith(("OK   speech", "WARN speech")) for line in lines)
    tap(qtbot, window, "Quay lại kiosk")
    assert window.current_page is window.walk
