"""Welcome: the centre's name, "Touch to start", the languages, and "I need help"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.common.metrics import Metrics
from ui.kiosk.screens.base import GAP_MM, Screen
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel

# Each language is offered in its own words, whatever the screen's language.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class WelcomeScreen(Screen):
    start_requested = Signal(str)  # the language to go on in
    help_requested = Signal()

    def __init__(
        self,
        metrics: Metrics,
        language: str,
        centre_name: str,
        languages: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(metrics, language, parent)
        self._centre = RoleLabel("centre", centre_name)
        self._centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._greeting = RoleLabel("title")
        self._greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._start = TapButton("", "primary", extent="tall")
        self._start.clicked.connect(lambda: self.start_requested.emit(self.language))
        self._choose_language = RoleLabel("body")
        self._choose_language.setAlignment(Qt.AlignmentFlag.AlignCenter)
        languages_row = QHBoxLayout()
        languages_row.setSpacing(metrics.px(GAP_MM))
        for code in languages if len(languages) > 1 else ():
            button = TapButton(LANGUAGE_NAMES.get(code, code), "choice")
            button.clicked.connect(
                lambda _checked=False, code=code: self.start_requested.emit(code)
            )
            languages_row.addWidget(button)
        self._help = TapButton("", "help")
        self.column.addStretch(1)
        self.column.addWidget(self._centre)
        self.column.addStretch(1)
        self.column.addWidget(self._greeting)
        self.column.addWidget(self._start)
        self.column.addStretch(1)
        if len(languages) > 1:
            self.column.addWidget(self._choose_language)
            self.column.addLayout(languages_row)
        self.column.addStretch(1)
        self.column.addWidget(self._help)
        self._help.clicked.connect(self.help_requested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self._greeting.setText(self.tr("Welcome"))
        self._start.setText(self.tr("Touch to start"))
        self._choose_language.setText(self.tr("Choose your language:"))
        self._help.setText(self.tr("I need help"))

    def spoken_text(self) -> str:
        return f"{self._centre.text()}. {self._greeting.text()}. {self._start.text()}."
