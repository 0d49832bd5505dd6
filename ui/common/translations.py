"""The kiosk's fixed words in the citizen's language (Qt Linguist files in resources/translations).

Installing a translator sends every widget a LanguageChange event; each screen then sets its
texts again, so the language switches while the citizen stays where they are.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator

log = logging.getLogger(__name__)

PACKAGE = "resources.translations"


def translation_data(language: str, program: str = "kiosk") -> bytes | None:
    """The compiled translation (.qm) of a program's words (``kiosk``, ``display``) for a
    language, or None if there is none."""
    file = resources.files(PACKAGE) / f"{program}_{language}.qm"
    return file.read_bytes() if file.is_file() else None


class Translations(QObject):
    """The one translator installed in the application, swapped on a language switch.

    The translator is a child of this object: when its owner goes, Qt uninstalls it.
    """

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._translator: QTranslator | None = None
        # QTranslator reads the data in place: keep it alive as long as the translator.
        self._data = b""

    def use(self, language: str) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        data = translation_data(language)
        if data is None:
            log.warning("no translation for language %r; showing the source texts", language)
            return
        translator = QTranslator(self)
        if not translator.load(data):
            log.warning("the translation for %r is unreadable; showing the source texts", language)
            return
        self._data = data
        self._app.installTranslator(translator)
        self._translator = translator
        # Qt posts the LanguageChange events; deliver them now, so that the switch is complete
        # when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
