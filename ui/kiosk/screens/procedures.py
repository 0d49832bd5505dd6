"""Procedure: the procedures of the chosen field as large buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.catalog.procedures import Catalog
from ui.common.metrics import Metrics
from ui.kiosk.models import ProcedureListModel
from ui.kiosk.screens.base import Screen
from ui.kiosk.widgets.choice_list import ChoiceList
from ui.kiosk.widgets.text import RoleLabel


class ProcedureScreen(Screen):
    procedure_chosen = Signal(str)

    def __init__(
        self, metrics: Metrics, language: str, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(metrics, language, parent)
        self._catalog = catalog
        self._field_code: str | None = None
        self._title = RoleLabel("title")
        self._hint = RoleLabel("muted")
        self.model = ProcedureListModel(language)
        self._list = ChoiceList(metrics, ProcedureListModel.CodeRole)
        self._list.set_model(self.model)
        self._list.chosen.connect(self.procedure_chosen.emit)
        self.column.addWidget(self._title)
        self.column.addWidget(self._hint)
        self.column.addWidget(self._list, 1)
        self.retranslate()

    def show_field(self, field_code: str) -> None:
        self._field_code = field_code
        self.model.set_procedures(self._catalog.procedures_in(field_code))
        self.retranslate()

    def use_catalog(self, catalog: Catalog) -> None:
        """Staff reloaded the catalogue: list the field's procedures as they now are."""
        self._catalog = catalog
        if self._field_code is not None:
            self.show_field(self._field_code)

    def retranslate(self) -> None:
        self.model.set_language(self.language)
        name = self._catalog.field(self._field_code).name(self.language) if self._field_code else ""
        self._title.setText(name)
        self._hint.setText(self.tr("Tap the procedure you have come for."))

    def spoken_text(self) -> str:
        names = ", ".join(str(self.model.index(row).data()) for row in range(self.model.rowCount()))
        return f"{self._title.text()}. {self._hint.text()} {names}."
