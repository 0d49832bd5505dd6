"""Field: one large tile per field of the catalogue, and a tile to search instead."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.catalog.loader import icon_resource
from kiosk.catalog.procedures import Catalog
from ui.common.metrics import Metrics
from ui.kiosk.screens.base import GAP_MM, Screen
from ui.kiosk.widgets.tap_button import TapButton, equal_columns
from ui.kiosk.widgets.text import RoleLabel, svg_pixmap

COLUMNS = 3
ICON_MM = 14.0


class FieldScreen(Screen):
    field_chosen = Signal(str)
    search_chosen = Signal()

    def __init__(
        self, metrics: Metrics, language: str, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(metrics, language, parent)
        self._catalog = catalog
        self._title = RoleLabel("title")
        grid = QGridLayout()
        grid.setSpacing(metrics.px(GAP_MM))
        self._tiles: dict[str, TapButton] = {}
        for position, field in enumerate(catalog.fields):
            tile = equal_columns(TapButton("", "choice"))
            tile.set_picture(
                svg_pixmap(icon_resource(field.icon).read_bytes(), metrics.px(ICON_MM))
            )
            tile.clicked.connect(
                lambda _checked=False, code=field.code: self.field_chosen.emit(code)
            )
            grid.addWidget(tile, position // COLUMNS, position % COLUMNS)
            self._tiles[field.code] = tile
        self._search = equal_columns(TapButton("", "choice"))
        self._search.clicked.connect(self.search_chosen.emit)
        count = len(catalog.fields)
        grid.addWidget(self._search, count // COLUMNS, count % COLUMNS)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 1)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.column.addWidget(self._title)
        self.column.addLayout(grid, 1)
        self.retranslate()

    def use_catalog(self, catalog: Catalog) -> None:
        """Staff reloaded the catalogue (with the same fields: the tiles stay): new names."""
        self._catalog = catalog
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("What have you come for? Choose a field"))
        for field in self._catalog.fields:
            self._tiles[field.code].setText(field.name(self.language))
        self._search.setText(self.tr("Search by name"))

    def spoken_text(self) -> str:
        names = ", ".join(field.name(self.language) for field in self._catalog.fields)
        return f"{self._title.text()}: {names}."
