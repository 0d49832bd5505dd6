"""Reading a screen aloud with QtTextToSpeech, in the screen's language; silent without engine."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

PREFERRED_ENGINE = "speechd"
LOCALES = {"vi": QLocale.Language.Vietnamese, "en": QLocale.Language.English}


def choose_engine(requested: str | None) -> str | None:
    """The engine to use: the one asked for, else speechd, else none (the kiosk stays silent)."""
    available = QTextToSpeech.availableEngines()
    if requested is not None:
        return requested if requested in available else None
    return PREFERRED_ENGINE if PREFERRED_ENGINE in available else None


class Speaker(QObject):
    """Says a text, or stops saying it when asked again (interruptible, as EN 301 549 asks).

    The engine is created by :meth:`prepare` (the kiosk calls it once its first screen is
    painted) or on first use, never in the constructor: setting up speechd connects to
    speech-dispatcher, starting it if needed, and lists every voice, which took the kiosk's
    start to its first screen from 0.6 s to 1.9 s.
    """

    def __init__(self, engine: str | None, volume: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._requested = engine
        self._volume = volume
        self._prepared = False
        self._speech: QTextToSpeech | None = None

    def prepare(self) -> None:
        """Create the speech engine now, if it was not yet (blocks for as long as that takes)."""
        if self._prepared:
            return
        self._prepared = True
        chosen = choose_engine(self._requested)
        if chosen is None:
            log.info("no speech engine installed (speechd): 'read aloud' stays silent")
            return
        speech = QTextToSpeech(chosen, self)
        if speech.state() == QTextToSpeech.State.Error:
            log.info(
                "speech engine %s does not work (%s): 'read aloud' stays silent",
                chosen,
                speech.errorString(),
            )
            return
        speech.setVolume(self._volume)
        self._speech = speech

    @property
    def speaking(self) -> bool:
        return self._speech is not None and self._speech.state() == QTextToSpeech.State.Speaking

    @property
    def engine(self) -> QTextToSpeech | None:
        self.prepare()
        return self._speech

    def toggle(self, text: str, language: str) -> None:
        """Say `text`, or stop if something is being said."""
        self.prepare()
        if self._speech is None:
            return
        if self.speaking:
            self._speech.stop()
            return
        self._use_language(language)
        self._speech.say(text)

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()

    def _use_language(self, language: str) -> None:
        assert self._speech is not None
        wanted = LOCALES.get(language)
        for locale in self._speech.availableLocales():
            if locale.language() == wanted:
                self._speech.setLocale(locale)
                return
        log.debug("speech engine has no voice for %s; using its default voice", language)
