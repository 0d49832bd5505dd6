"""The hall display's fixed words: Vietnamese first, then each other configured language.

The source texts are Vietnamese; the other languages come from Qt Linguist files
(`resources/translations/display_<lang>.ts`, compiled to .qm). Unlike the kiosk, the display
shows its languages together, not one at a time (a hall holds citizens of both at once), so
it asks each language's translator itself instead of installing one in the application.
The texts are marked with `QT_TRANSLATE_NOOP` so that `pyside6-lupdate` finds them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from ui.common.translations import translation_data

log = logging.getLogger(__name__)

CONTEXT = "HallDisplay"
NOW_CALLING = QT_TRANSLATE_NOOP("HallDisplay", "Mời công dân có số")
COUNTER = QT_TRANSLATE_NOOP("HallDisplay", "Quầy {number}")
SERVING = QT_TRANSLATE_NOOP("HallDisplay", "Đang phục vụ")
LAST_CALLS = QT_TRANSLATE_NOOP("HallDisplay", "Vừa gọi")
WAITING = QT_TRANSLATE_NOOP("HallDisplay", "Đang chờ")
NOBODY_WAITING = QT_TRANSLATE_NOOP("HallDisplay", "Không ai đang chờ")
NO_CALLS = QT_TRANSLATE_NOOP("HallDisplay", "Chưa gọi số nào")
NO_COUNTER_OPEN = QT_TRANSLATE_NOOP("HallDisplay", "Chưa có quầy nào mở")
RECONNECTING = QT_TRANSLATE_NOOP("HallDisplay", "Mất kết nối cơ sở dữ liệu, đang kết nối lại…")
SEPARATOR = "  ·  "


class HallTexts:
    """The display's words in its languages (``("vi",)`` or ``("vi", "en")``)."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self._translators: dict[str, QTranslator] = {}
        # QTranslator reads the .qm data in place: keep it alive with the translator.
        self._data: dict[str, bytes] = {}
        for language in languages:
            if language == "vi":
                continue
            data = translation_data(language, "display")
            translator = QTranslator()
            if data is None or not translator.load(data):
                log.warning("no display translation for %r; showing Vietnamese only", language)
                continue
            self._data[language] = data
            self._translators[language] = translator

    def each(self, source: str, **fields: object) -> list[str]:
        """The text in every language shown, Vietnamese first."""
        texts = [source.format(**fields)]
        for translator in self._translators.values():
            translated = translator.translate(CONTEXT, source) or source
            texts.append(translated.format(**fields))
        return texts

    def joined(self, source: str, **fields: object) -> str:
        """The text in every language shown, on one line."""
        return SEPARATOR.join(self.each(source, **fields))
