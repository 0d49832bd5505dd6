"""The entries of a list model as large buttons, a page at a time, with tap-only paging."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.kiosk.widgets.tap_button import TapButton, equal_columns
from ui.kiosk.widgets.text import RoleLabel

# Room for two lines of a main label per button.
ROW_HEIGHT_MM = 36.0
PAGER_HEIGHT_MM = 22.0
GAP_MM = 5.0
# Wider than this (width / height) shows two columns.
TWO_COLUMNS_ASPECT = 1.3


class ChoiceList(Retranslating, QWidget):
    """Shows the model's rows as buttons; emits the `code_role` value of the row tapped.

    Citizens do not swipe: when the rows do not fit, "Previous page" and "Next page" buttons
    turn the pages.
    """

    chosen = Signal(str)

    def __init__(self, metrics: Metrics, code_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._code_role = code_role
        self._model: QAbstractItemModel | None = None
        self._page = 0
        self._per_page = 1
        self._buttons: list[TapButton] = []
        gap = metrics.px(GAP_MM)
        self._grid = QGridLayout()
        self._grid.setSpacing(gap)
        self._previous = TapButton()
        self._next = TapButton()
        self._page_label = RoleLabel("body")
        self._page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self._previous, self._next):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        self._previous.clicked.connect(lambda: self._turn(-1))
        self._next.clicked.connect(lambda: self._turn(1))
        pager = QHBoxLayout()
        pager.setContentsMargins(0, 0, 0, 0)
        pager.setSpacing(gap)
        pager.addWidget(self._previous)
        pager.addWidget(self._page_label)
        pager.addWidget(self._next)
        self._pager = QWidget()
        self._pager.setLayout(pager)
        # A fixed height, known before the style sheet reaches the buttons, to count the rows.
        self._pager.setFixedHeight(metrics.px(PAGER_HEIGHT_MM))
        outer = QVBoxLayout(self)
        # The page shown follows the height given, never the other way round.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(gap)
        outer.addLayout(self._grid)
        outer.addStretch(1)
        outer.addWidget(self._pager)
        self.retranslate()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._metrics.px(ROW_HEIGHT_MM), self._row_px())

    def set_model(self, model: QAbstractItemModel) -> None:
        self._model = model
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._reset)
        model.rowsRemoved.connect(self._reset)
        model.dataChanged.connect(self._rebuild)
        self._reset()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        per_page = self._capacity()
        if per_page != self._per_page:
            first = self._page * self._per_page
            self._per_page = per_page
            self._page = first // per_page
            self._rebuild()

    def retranslate(self) -> None:
        self._previous.setText(self.tr("◀ Previous page"))
        self._next.setText(self.tr("Next page ▶"))
        self._update_pager()

    def _columns(self) -> int:
        return 2 if self.width() > self.height() * TWO_COLUMNS_ASPECT else 1

    def _row_px(self) -> int:
        return self._metrics.px(ROW_HEIGHT_MM)

    def _capacity(self) -> int:
        gap = self._metrics.px(GAP_MM)
        room = self.height() - self._pager.height() - gap
        rows = max(1, (room + gap) // (self._row_px() + gap))
        return rows * self._columns()

    def _count(self) -> int:
        return self._model.rowCount() if self._model is not None else 0

    def _pages(self) -> int:
        return max(1, -(-self._count() // self._per_page))

    def _reset(self) -> None:
        self._page = 0
        self._rebuild()

    def _turn(self, step: int) -> None:
        self._page = min(max(0, self._page + step), self._pages() - 1)
        self._rebuild()

    def _rebuild(self) -> None:
        for button in self._buttons:
            button.setParent(None)
            button.deleteLater()
        self._buttons = []
        for row in range(self._grid.rowCount()):
            self._grid.setRowMinimumHeight(row, 0)
        if self._model is None:
            return
        columns = self._columns()
        first = self._page * self._per_page
        for offset, row in enumerate(range(first, min(first + self._per_page, self._count()))):
            index = self._model.index(row, 0)
            button = equal_columns(TapButton(str(index.data()), "choice"))
            code = str(index.data(self._code_role))
            button.clicked.connect(lambda _checked=False, code=code: self.chosen.emit(code))
            self._grid.addWidget(button, offset // columns, offset % columns)
            self._grid.setColumnStretch(offset % columns, 1)
            self._grid.setRowMinimumHeight(offset // columns, self._row_px())
            if self.isVisible():
                # Shown now, not on the next pass of the event loop, so a tap can follow.
                button.show()
            self._buttons.append(button)
        self._update_pager()
        # Place the new buttons now, so that what is drawn and tapped next is where it shows.
        self.layout().activate()

    def _update_pager(self) -> None:
        pages = self._pages()
        self._pager.setVisible(pages > 1)
        self._previous.setVisible(self._page > 0)
        self._next.setVisible(self._page < pages - 1)
        self._page_label.setText(
            self.tr("Page {page} of {pages}").format(page=self._page + 1, pages=pages)
        )
