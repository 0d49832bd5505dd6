"""The speech engine is set up after the kiosk's first screen, never before it: speechd takes a
second or more to start, which the citizen would wait for at every start of the kiosk."""

from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, tap


def test_no_speech_engine_before_the_first_screen_then_one_at_first_use(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()

    assert window.findChildren(QTextToSpeech) == []
    for text in ["Chạm để bắt đầu", "Hộ tịch"]:
        tap(qtbot, window, text)
    tap(qtbot, window, "Đọc to")
    (engine,) = window.findChildren(QTextToSpeech)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking)


def test_prepare_sets_the_engine_up_once(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()

    window.speaker.prepare()
    window.speaker.prepare()

    assert len(window.findChildren(QTextToSpeech)) == 1
