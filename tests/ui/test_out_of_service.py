"""The kiosk whose database cannot be used: citizens are sent to the help desk, the fault shows."""

import pytest
from pytestqt.qtbot import QtBot

from ui.common.metrics import Metrics
from ui.kiosk.screens.notices import OutOfServiceNotice
from ui.kiosk.widgets.tap_button import TapButton

# The offscreen platform cannot pass a window's size limits on; a real screen can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FAULT = "the database file /srv/kiosk.sqlite3 is truncated: restore it from a backup"


def test_the_notice_sends_citizens_to_the_help_desk_and_names_the_fault(qtbot: QtBot) -> None:
    notice = OutOfServiceNotice(Metrics(96.0), FAULT)
    qtbot.addWidget(notice)
    notice.resize(1080, 1920)
    notice.show()
    qtbot.waitExposed(notice)

    shown = [label.text() for label in (notice.title, notice.text, notice.fault)]
    assert all(label.isVisible() for label in (notice.title, notice.text, notice.fault))
    assert "This kiosk is out of service" in shown[0]
    assert "Please ask at the help desk" in shown[1]
    assert shown[2] == FAULT
    assert not any(button.isVisible() for button in notice.findChildren(TapButton))
