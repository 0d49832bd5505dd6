"""Search: type part of a procedure's name on the on-screen keyboard, tap what it finds."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.catalog.procedures import Catalog
from kiosk.catalog.search import ProcedureSearch
from ui.common.metrics import Metrics
from ui.kiosk.models import ProcedureListModel
from ui.kiosk.screens.base import Screen
from ui.kiosk.widgets.choice_list import ChoiceList
from ui.kiosk.widgets.keyboard import SearchKeyboard
from ui.kiosk.widgets.text import RoleLabel

RESULTS = 6
MAX_QUERY_LENGTH = 40


class SearchScreen(Screen):
    procedure_chosen = Signal(str)
    query_changed = Signal(str)

    def __init__(
        self,
        metrics: Metrics,
        language: str,
        catalog: Catalog,
        search: ProcedureSearch,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(metrics, language, parent)
        self._catalog = catalog
        self._search = search
        self._query = ""
        self._title = RoleLabel("title")
        self._typed = RoleLabel("typed")
        self._status = RoleLabel("muted")
        self.model = ProcedureListModel(language)
        self._results = ChoiceList(metrics, ProcedureListModel.CodeRole)
        self._results.set_model(self.model)
        self._results.chosen.connect(self.procedure_chosen.emit)
        keyboard = SearchKeyboard(metrics)
        keyboard.typed.connect(self._type)
        keyboard.erased.connect(self._erase)
        self.column.addWidget(self._title)
        self.column.addWidget(self._typed)
        self.column.addWidget(self._status)
        self.column.addWidget(self._results, 1)
        self.column.addWidget(keyboard)
        self.retranslate()

    def use_catalog(self, catalog: Catalog, search: ProcedureSearch) -> None:
        """Staff reloaded the catalogue: search it, with the same words typed."""
        self._catalog = catalog
        self._search = search
        self.show_query(self._query)

    def show_query(self, query: str) -> None:
        """Show the search for `query` (empty: a fresh search)."""
        self._query = query
        hits = self._search.search(query, RESULTS)
        self.model.set_procedures([self._catalog.procedure(hit.code) for hit in hits])
        self.retranslate()

    def _type(self, text: str) -> None:
        if len(self._query) < MAX_QUERY_LENGTH and not (text == " " and self._query.endswith(" ")):
            self._set_query(self._query + text)

    def _erase(self) -> None:
        self._set_query(self._query[:-1])

    def _set_query(self, query: str) -> None:
        self.show_query(query)
        self.query_changed.emit(query)

    def retranslate(self) -> None:
        self.model.set_language(self.language)
        self._title.setText(self.tr("Type a few words of the procedure's name"))
        self._typed.setText(self._query + "▏")
        if not self._query.strip():
            self._status.setText(self.tr('No need for tone marks: "khai sinh" is enough.'))
        elif self.model.rowCount() == 0:
            self._status.setText(self.tr("Nothing found. Try other words or ask for help."))
        # With results on show the list speaks for itself, and the room goes to the buttons.
        self._status.setVisible(self.model.rowCount() == 0)

    def spoken_text(self) -> str:
        return f"{self._title.text()}. {self._status.text()}"
