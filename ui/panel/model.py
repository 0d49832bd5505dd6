"""The open help requests as a table: oldest first, with a running wait coloured by age."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kiosk.helpdesk.requests import OpenHelpRequest
from kiosk.storage.models import HelpReason
from ui.panel.labels import reason_label, ticket_label

ModelIndex = QModelIndex | QPersistentModelIndex
# The request's id, for the window to act on the row a volunteer tapped.
REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    TICKET = 0
    PROCEDURE = 1
    REASON = 2
    KIOSK = 3
    WAITING = 4
    VOLUNTEER = 5


class WaitLevel(enum.Enum):
    """How long a citizen has waited: the colour of the wait cell (text, background).

    Every pair has a contrast of at least 7:1 (tests/ui/test_panel.py checks it).
    """

    SHORT = ("#0b3d1a", "#d4f0dc")  # under 2 minutes: green
    MEDIUM = ("#1b1b1b", "#ffd43b")  # 2 to 5 minutes: yellow
    LONG = ("#ffffff", "#8f0016")  # over 5 minutes: dark red

    @classmethod
    def of(cls, waited: timedelta) -> WaitLevel:
        if waited < timedelta(minutes=2):
            return cls.SHORT
        if waited <= timedelta(minutes=5):
            return cls.MEDIUM
        return cls.LONG

    @property
    def text_colour(self) -> str:
        return self.value[0]

    @property
    def background(self) -> str:
        return self.value[1]


# A printer fault stands out in the reason column the way a long wait does.
PRINTER_FAULT_COLOURS = WaitLevel.LONG


def format_wait(waited: timedelta) -> str:
    seconds = max(0, int(waited.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def utc_now() -> datetime:
    return datetime.now(UTC)


class HelpRequestTableModel(QAbstractTableModel):
    """Rows are `OpenHelpRequest`s; `update()` merges a fresh query in place.

    Merging (rather than resetting) keeps the row a volunteer selected while other rows come
    and go.
    """

    def __init__(
        self,
        procedure_name: Callable[[str], str],
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._procedure_name = procedure_name
        self._clock = clock
        self._rows: list[OpenHelpRequest] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {
            level: (QBrush(QColor(level.text_colour)), QBrush(QColor(level.background)))
            for level in WaitLevel
        }

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        translate = QCoreApplication.translate
        return {
            Column.TICKET: translate("HelpDesk", "Ticket"),
            Column.PROCEDURE: translate("HelpDesk", "Procedure"),
            Column.REASON: translate("HelpDesk", "Reason"),
            Column.KIOSK: translate("HelpDesk", "Kiosk"),
            Column.WAITING: translate("HelpDesk", "Waiting"),
            Column.VOLUNTEER: translate("HelpDesk", "Volunteer"),
        }[Column(section)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        request = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(request, column)
        if role == REQUEST_ID_ROLE:
            return request.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return request.detail
        return self._style(request, column, role)

    def _text(self, request: OpenHelpRequest, column: Column) -> str:
        translate = QCoreApplication.translate
        if column == Column.WAITING:
            return format_wait(self.waited(request))
        if column == Column.VOLUNTEER:
            if request.volunteer is None:
                return "—"
            return translate("HelpDesk", "{name} is coming").format(name=request.volunteer)
        if column == Column.TICKET:
            return ticket_label(request.ticket_label, request.called_to)
        if column == Column.PROCEDURE:
            return self._procedure_name(request.procedure_code) if request.procedure_code else "—"
        return reason_label(request.reason) if column == Column.REASON else request.kiosk_id

    def _style(self, request: OpenHelpRequest, column: Column, role: int) -> object:
        colours = self._colours(request, column)
        if colours is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        text, background = self._brushes[colours]
        return {
            Qt.ItemDataRole.ForegroundRole: text,
            Qt.ItemDataRole.BackgroundRole: background,
        }.get(role)

    def _colours(self, request: OpenHelpRequest, column: Column) -> WaitLevel | None:
        if column == Column.WAITING:
            return WaitLevel.of(self.waited(request))
        if column == Column.REASON and request.reason == HelpReason.PRINTER_FAULT:
            return PRINTER_FAULT_COLOURS
        return None

    def waited(self, request: OpenHelpRequest) -> timedelta:
        """How long the citizen has waited so far (until claimed: then someone is on the way)."""
        return (request.claimed_at or self._clock()) - request.created_at

    def request_at(self, row: int) -> OpenHelpRequest:
        return self._rows[row]

    def requests(self) -> list[OpenHelpRequest]:
        return list(self._rows)

    def update(self, fresh: Sequence[OpenHelpRequest]) -> list[OpenHelpRequest]:
        """Show ``fresh`` (oldest first, as `open_requests` gives it); returns the new requests."""
        wanted = {request.id for request in fresh}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        # What is left is in the same order as ``fresh``: walk both, inserting what is new.
        added = []
        for row, request in enumerate(fresh):
            if row < len(self._rows) and self._rows[row].id == request.id:
                if self._rows[row] != request:
                    self._rows[row] = request
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, request)
            self.endInsertRows()
            added.append(request)
        return added

    def refresh_waits(self) -> None:
        """Repaint the running wait (once a second); no query, only the clock moved."""
        if self._rows:
            column = Column.WAITING
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._rows) - 1, column),
                [
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole,
                ],
            )

    def retranslate(self) -> None:
        """The language changed: headers and every text cell read again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(Column) - 1),
                [Qt.ItemDataRole.DisplayRole],
            )
