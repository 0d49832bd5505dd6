"""The table of open requests: whole rows selected by a tap, tall rows, a flick scrolls it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QScroller, QTableView, QWidget

from ui.panel.model import Column, HelpRequestTableModel


class RequestTable(QTableView):
    """Shows ``model``; rows ``row_height`` pixels tall, the procedure takes the spare width."""

    def __init__(
        self, model: HelpRequestTableModel, row_height: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requests")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(row_height)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
