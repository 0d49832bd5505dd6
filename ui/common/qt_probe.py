"""Run by the doctor in a process of its own: start Qt and report what it finds, as JSON.

A process of its own because Qt aborts the whole process when its platform plugin cannot start,
and the doctor must report that rather than die of it. Prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtTextToSpeech import QTextToSpeech

from ui.common.metrics import screen_dpi
from ui.kiosk.speech import PREFERRED_ENGINE

_NO_SIZE = -1.0


def probe() -> dict[str, object]:
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    screens = [
        {
            "name": screen.name(),
            "pixels": [screen.size().width(), screen.size().height()],
            "mm": [screen.physicalSize().width(), screen.physicalSize().height()],
            # _NO_SIZE where the kiosk would use kiosk.fallback_dpi instead.
            "dpi": screen_dpi(screen, _NO_SIZE),
        }
        for screen in QGuiApplication.screens()
    ]
    return {
        "platform": QGuiApplication.platformName(),
        "screens": screens,
        "audio_outputs": [device.description() for device in QMediaDevices.audioOutputs()],
        **_speech(),
    }


def _speech() -> dict[str, object]:
    engines = [engine for engine in QTextToSpeech.availableEngines() if engine != "mock"]
    if PREFERRED_ENGINE not in engines:
        return {"speech_engine": None, "speech_error": None, "vietnamese_voice": False}
    speech = QTextToSpeech(PREFERRED_ENGINE)
    if speech.state() == QTextToSpeech.State.Error:
        return {
            "speech_engine": PREFERRED_ENGINE,
            "speech_error": speech.errorString() or "engine in error",
            "vietnamese_voice": False,
        }
    languages = {locale.language() for locale in speech.availableLocales()}
    return {
        "speech_engine": PREFERRED_ENGINE,
        "speech_error": None,
        "vietnamese_voice": QLocale.Language.Vietnamese in languages,
    }


if __name__ == "__main__":
    print(json.dumps(probe()), flush=True)
