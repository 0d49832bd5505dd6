"""List models of the kiosk's screens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from kiosk.catalog.procedures import Procedure

AnyIndex: TypeAlias = QModelIndex | QPersistentModelIndex


class ProcedureListModel(QAbstractListModel):
    """Procedures (of a field, or found by a search) named in the citizen's language."""

    CodeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, language: str) -> None:
        super().__init__()
        self._procedures: tuple[Procedure, ...] = ()
        self._language = language

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        self.beginResetModel()
        self._procedures = tuple(procedures)
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        if self._procedures:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._procedures) - 1), [Qt.ItemDataRole.DisplayRole]
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._procedures)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._procedures):
            return None
        procedure = self._procedures[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return procedure.name(self._language)
        if role == self.CodeRole:
            return procedure.code
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.CodeRole] = QByteArray(b"code")
        return names
