"""What was done: one or more outcome tags, chosen when a volunteer closes a request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.storage.models import HelpOutcome
from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.panel.labels import outcome_label
from ui.panel.widgets import panel_button, panel_label

TAG_COLUMNS = 4


class OutcomePicker(Retranslating, QWidget):
    """A tag per outcome (toggled), Back, and Save once at least one is chosen."""

    saved = Signal(object)  # the list of chosen HelpOutcome values
    back_requested = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ticket = ""
        self._kiosk = ""
        layout = QVBoxLayout(self)
        self._title = panel_label("title")
        layout.addWidget(self._title)
        grid = QGridLayout()
        grid.setSpacing(metrics.px(3))
        self._tags: dict[HelpOutcome, QPushButton] = {}
        for n, outcome in enumerate(HelpOutcome):
            tag = panel_button("tag")
            tag.setCheckable(True)
            tag.toggled.connect(self._tags_changed)
            self._tags[outcome] = tag
            grid.addWidget(tag, n // TAG_COLUMNS, n % TAG_COLUMNS)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._back = panel_button("plain")
        self._back.clicked.connect(self.back_requested.emit)
        self._save = panel_button("done")
        self._save.clicked.connect(self._save_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._back)
        buttons.addStretch(1)
        buttons.addWidget(self._save)
        layout.addLayout(buttons)
        self.retranslate()

    def start(self, ticket: str, kiosk: str) -> None:
        """A fresh choice for the request of ``ticket`` at ``kiosk``."""
        self._ticket, self._kiosk = ticket, kiosk
        for tag in self._tags.values():
            tag.setChecked(False)
        self._tags_changed()
        self.retranslate()

    def _tags_changed(self) -> None:
        self._save.setEnabled(any(tag.isChecked() for tag in self._tags.values()))

    def _save_clicked(self) -> None:
        self.saved.emit([outcome for outcome, tag in self._tags.items() if tag.isChecked()])

    def retranslate(self) -> None:
        self._title.setText(
            self.tr("What did you help with? ({ticket}, kiosk {kiosk})").format(
                ticket=self._ticket, kiosk=self._kiosk
            )
        )
        for outcome, tag in self._tags.items():
            tag.setText(outcome_label(outcome))
        self._back.setText(self.tr("Back"))
        self._save.setText(self.tr("Save"))
