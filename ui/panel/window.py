"""The help-desk window: open requests live, "I'm coming", "Done" with what was done."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScroller,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import DatabaseUnavailable
from kiosk.helpdesk.requests import (
    AlreadyTaken,
    OpenHelpRequest,
    claim_request,
    close_request,
    open_requests,
)
from kiosk.helpdesk.volunteers import roster
from kiosk.queue.service_day import service_day
from kiosk.reports.daily import HelpCounts, help_counts_on
from kiosk.storage.change_watch import ChangeWatch
from kiosk.storage.db import Database, first_line
from kiosk.storage.models import HelpOutcome, HelpReason
from ui.common.background import BackgroundRunner
from ui.common.metrics import Metrics, metrics_for
from ui.common.theme import cap_height_ratio, render_stylesheet
from ui.panel.labels import outcome_label, reason_label
from ui.panel.live import ChangeFeed
from ui.panel.model import Column, HelpRequestTableModel, utc_now
from ui.panel.sound import Chime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PanelSnapshot:
    """Everything the panel shows, read in one go off the GUI thread."""

    requests: list[OpenHelpRequest]
    names: list[str]
    counts: HelpCounts


ROW_HEIGHT_MM = 17
NAME_COLUMNS = 4
TAG_COLUMNS = 4


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def _button(text: str, role: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def panel_stylesheet(metrics: Metrics) -> str:
    template = (resources.files("resources.styles") / "panel.qss").read_text(encoding="utf-8")
    return render_stylesheet(template, metrics, cap_height_ratio())


class PanelWindow(QWidget):
    """What a volunteer sees. Call `start()` once shown; the feed keeps it current."""

    def __init__(
        self,
        database: Database,
        watch: ChangeWatch,
        *,
        zone: ZoneInfo,
        procedure_name: Callable[[str], str],
        chime: Chime | None = None,
        clock: Callable[[], datetime] = utc_now,
        fallback_dpi: float = 96.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpDesk")
        self.setWindowTitle(self.tr("Bàn hỗ trợ · Help desk"))
        self._database = database
        self._zone = zone
        self._clock = clock
        self._chime = chime or Chime(parent=self)
        self._volunteer: str | None = None
        self._names: list[str] = []
        self._pending_claim: int | None = None
        self._closing: OpenHelpRequest | None = None
        self._loaded = False
        # Database work runs off the GUI thread; one reload at a time, the newest wins.
        self.runner = BackgroundRunner(self)
        self._reloading = False
        self._reload_again = False
        self._metrics = metrics_for(QGuiApplication.primaryScreen(), fallback_dpi)
        self.setStyleSheet(panel_stylesheet(self._metrics))

        self.model = HelpRequestTableModel(procedure_name, clock, self)
        self.feed = ChangeFeed(watch, self)
        self.feed.changed.connect(self._schedule_reload)
        self.feed.lost.connect(self._show_lost)
        self.feed.restored.connect(self._show_restored)
        # Bursts of notices (a kiosk writes a ticket and a request) become one reload.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.model.refresh_waits)

        self._build()

    # Layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        spacing = self._metrics.px(3)
        layout.setContentsMargins(spacing, spacing, spacing, spacing)
        layout.setSpacing(self._metrics.px(2))

        top = QHBoxLayout()
        top.addWidget(_label(self.tr("Bàn hỗ trợ · Help desk"), "title"), 1)
        self._volunteer_button = _button("", "plain")
        self._volunteer_button.clicked.connect(self._show_names)
        top.addWidget(self._volunteer_button)
        layout.addLayout(top)

        self.reconnecting_banner = _label(
            self.tr(
                "Mất kết nối cơ sở dữ liệu, đang kết nối lại…\n"
                "Database connection lost, reconnecting…"
            ),
            "reconnecting",
        )
        self.reconnecting_banner.hide()
        layout.addWidget(self.reconnecting_banner)
        self.printer_banner = _label("", "printer-fault")
        self.printer_banner.hide()
        layout.addWidget(self.printer_banner)

        self._pages = QStackedWidget()
        self._desk = self._build_desk()
        self._names_page, self._names_grid = self._build_names()
        self._outcomes_page = self._build_outcomes()
        for page in (self._desk, self._names_page, self._outcomes_page):
            self._pages.addWidget(page)
        layout.addWidget(self._pages, 1)
        self._show_volunteer()
        self._update_actions()

    def _build_desk(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._metrics.px(2))

        layout.addLayout(self._build_counts())

        self._build_table()
        self.nobody_waiting = _label(
            self.tr("Không có ai đang chờ hỗ trợ.\nNobody is waiting for help."), "empty"
        )
        self.nobody_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._requests_view = QStackedWidget()
        self._requests_view.addWidget(self.nobody_waiting)
        self._requests_view.addWidget(self.table)
        layout.addWidget(self._requests_view, 1)

        self.notice = _label("", "notice")
        self.notice.hide()
        layout.addWidget(self.notice)

        actions = QHBoxLayout()
        actions.setSpacing(self._metrics.px(4))
        self._hint = _label("", "body")
        actions.addWidget(self._hint, 1)
        self.coming_button = _button(self.tr("Tôi đến\nI'm coming"), "primary")
        self.coming_button.clicked.connect(self._coming_clicked)
        self.done_button = _button(self.tr("Xong\nDone"), "done")
        self.done_button.clicked.connect(self._done_clicked)
        actions.addWidget(self.coming_button)
        actions.addWidget(self.done_button)
        layout.addLayout(actions)
        return page

    def _build_counts(self) -> QGridLayout:
        counts = QGridLayout()
        counts.setSpacing(self._metrics.px(1.5))
        self._reason_counts: dict[HelpReason, QLabel] = {}
        self._outcome_counts: dict[HelpOutcome, QLabel] = {}
        self._requests_today = _label("", "count-heading")
        self._supported_today = _label("", "count-heading")
        counts.addWidget(self._requests_today, 0, 0)
        counts.addWidget(self._supported_today, 1, 0)
        for column, reason in enumerate(HelpReason, start=1):
            self._reason_counts[reason] = _label("", "count")
            counts.addWidget(self._reason_counts[reason], 0, column)
        for column, outcome in enumerate(HelpOutcome, start=1):
            self._outcome_counts[outcome] = _label("", "count")
            counts.addWidget(self._outcome_counts[outcome], 1, column)
        self._show_counts(None)
        return counts

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("requests")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self._metrics.px(ROW_HEIGHT_MM))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(self.table.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.model.rowsRemoved, self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self._update_actions)

    def _build_names(self) -> tuple[QWidget, QGridLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_label(self.tr("Chọn tên của bạn\nPick your name"), "title"))
        grid = QGridLayout()
        grid.setSpacing(self._metrics.px(3))
        layout.addLayout(grid)
        layout.addStretch(1)
        back = _button(self.tr("Quay lại\nBack"), "plain")
        back.clicked.connect(self._back_to_desk)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        return page, grid

    def _build_outcomes(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self._outcomes_title = _label("", "title")
        layout.addWidget(self._outcomes_title)
        grid = QGridLayout()
        grid.setSpacing(self._metrics.px(3))
        self._tags: dict[HelpOutcome, QPushButton] = {}
        for n, outcome in enumerate(HelpOutcome):
            tag = _button(outcome_label(outcome), "tag")
            tag.setCheckable(True)
            tag.toggled.connect(self._tags_changed)
            self._tags[outcome] = tag
            grid.addWidget(tag, n // TAG_COLUMNS, n % TAG_COLUMNS)
        layout.addLayout(grid)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        back = _button(self.tr("Quay lại\nBack"), "plain")
        back.clicked.connect(self._back_to_desk)
        self._save_button = _button(self.tr("Lưu\nSave"), "done")
        self._save_button.clicked.connect(self._save_outcomes)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self._save_button)
        layout.addLayout(buttons)
        return page

    # Live data --------------------------------------------------------------------------------

    def start(self) -> None:
        self.feed.start()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self._reload_timer.stop()
        self.feed.stop()
        self.runner.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def _schedule_reload(self) -> None:
        self._reload_timer.start()

    @property
    def busy(self) -> bool:
        """Whether database work of the panel is still under way."""
        return self._reloading or self.runner.busy

    def reload(self) -> None:
        """Query everything the panel shows, off the GUI thread (a database that went away
        must not freeze the panel); notices that come meanwhile make one more reload."""
        if self._reloading:
            self._reload_again = True
            return
        self._reloading = True
        database, zone = self._database, self._zone
        today = service_day(self._clock(), zone)
        self.runner.run(
            lambda: PanelSnapshot(
                open_requests(database), roster(database), help_counts_on(database, today, zone)
            ),
            self._show_snapshot,
            self._reload_failed,
        )

    def _show_snapshot(self, snapshot: PanelSnapshot) -> None:
        added = self.model.update(snapshot.requests)
        if added and self._loaded:
            log.info("%d new help request(s)", len(added))
            self._chime.ring()
        self._loaded = True
        self._show_printer_faults(snapshot.requests)
        self._show_counts(snapshot.counts)
        if snapshot.names != self._names:
            self._names = snapshot.names
            self._fill_names()
        self._reload_done()

    def _reload_failed(self, error: Exception) -> None:
        self._database_failed(error)
        self._reload_done()

    def _reload_done(self) -> None:
        self._reloading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _database_failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseUnavailable):
            self.feed.connection_lost(str(error))
        else:
            log.error("the panel could not read or write the database", exc_info=error)

    def _show_lost(self) -> None:
        self.reconnecting_banner.show()

    def _show_restored(self) -> None:
        self.reconnecting_banner.hide()

    def _show_printer_faults(self, requests: list[OpenHelpRequest]) -> None:
        kiosks = sorted({r.kiosk_id for r in requests if r.reason == HelpReason.PRINTER_FAULT})
        if kiosks:
            where = ", ".join(kiosks)
            self.printer_banner.setText(
                self.tr("Máy in lỗi ở máy: {kiosks}\nPrinter fault at kiosk: {kiosks}").format(
                    kiosks=where
                )
            )
        self.printer_banner.setVisible(bool(kiosks))

    def _show_counts(self, counts: HelpCounts | None) -> None:
        total = counts.total if counts else 0
        closed = counts.closed if counts else 0
        self._requests_today.setText(
            self.tr("Hôm nay: {n} yêu cầu\nToday: {n} requests").format(n=total)
        )
        self._supported_today.setText(self.tr("Đã hỗ trợ: {n}\nSupported: {n}").format(n=closed))
        for reason, label in self._reason_counts.items():
            count = counts.by_reason[reason] if counts else 0
            label.setText(f"{count} · {reason_label(reason)}")
        for outcome, label in self._outcome_counts.items():
            count = counts.by_outcome[outcome] if counts else 0
            label.setText(f"{count} · {outcome_label(outcome)}")

    # What the volunteer taps ------------------------------------------------------------------

    def _selected(self) -> OpenHelpRequest | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.request_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        self._requests_view.setCurrentWidget(
            self.table if self.model.rowCount() else self.nobody_waiting
        )
        request = self._selected()
        self.coming_button.setEnabled(request is not None and request.volunteer is None)
        self.done_button.setEnabled(request is not None and request.volunteer is not None)
        if request is None:
            waiting = self.model.rowCount() > 0
            self._hint.setText(self.tr("Chạm vào một yêu cầu\nTap a request") if waiting else "")
        else:
            ticket = request.ticket_label or self.tr("không vé · no ticket")
            self._hint.setText(
                self.tr("Đã chọn: {ticket}, máy {kiosk}\nSelected: {ticket}, kiosk {kiosk}").format(
                    ticket=ticket, kiosk=request.kiosk_id
                )
            )

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _show_volunteer(self) -> None:
        if self._volunteer is None:
            self._volunteer_button.setText(self.tr("Chọn tên của bạn\nPick your name"))
        else:
            self._volunteer_button.setText(
                self.tr("{name}\nĐổi · Change").format(name=self._volunteer)
            )

    def _show_names(self) -> None:
        self._pages.setCurrentWidget(self._names_page)

    def _fill_names(self) -> None:
        while self._names_grid.count():
            item = self._names_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        if not self._names:
            self._names_grid.addWidget(
                _label(
                    self.tr(
                        "Chưa có tên nào. Nhân viên thêm tên bằng lệnh:\n"
                        "No names yet. Staff add them with:\n"
                        "kiosk-admin volunteers add NAME"
                    ),
                    "body",
                ),
                0,
                0,
            )
        for n, name in enumerate(self._names):
            button = _button(name, "plain")
            button.clicked.connect(lambda _checked=False, chosen=name: self._pick_name(chosen))
            self._names_grid.addWidget(button, n // NAME_COLUMNS, n % NAME_COLUMNS)

    def _pick_name(self, name: str) -> None:
        pending = self._pending_claim
        self._volunteer = name
        self._show_volunteer()
        self._back_to_desk()
        if pending is not None:
            self._claim(pending)

    def _back_to_desk(self) -> None:
        self._pending_claim = None
        self._pages.setCurrentWidget(self._desk)

    def _coming_clicked(self) -> None:
        request = self._selected()
        if request is None:
            return
        if self._volunteer is None:
            self._pending_claim = request.id
            self._show_names()
            return
        self._claim(request.id)

    def _claim(self, request_id: int) -> None:
        database, volunteer = self._database, self._volunteer
        assert volunteer is not None
        self.runner.run(
            lambda: claim_request(database, request_id, volunteer),
            lambda _: self._after_write(
                self.tr("Bạn đã nhận yêu cầu. Xin mời đến.\nYou took the request. Go ahead.")
            ),
            lambda error: self._write_failed(
                error,
                self.tr(
                    "Người khác đã nhận yêu cầu này.\nSomeone else has already taken this request."
                ),
            ),
        )

    def _after_write(self, message: str) -> None:
        self._say(message)
        self.reload()

    def _write_failed(self, error: Exception, taken_message: str) -> None:
        if isinstance(error, AlreadyTaken):
            self._after_write(taken_message)
            return
        self._database_failed(error)
        # The volunteer tapped: they must read that nothing was saved, not just see nothing.
        self._say(
            self.tr("Chưa lưu được, xin thử lại.\nNot saved, please try again.\n({reason})").format(
                reason=first_line(error)
            )
        )

    def _done_clicked(self) -> None:
        request = self._selected()
        if request is None:
            return
        self._closing = request
        ticket = request.ticket_label or self.tr("không vé · no ticket")
        self._outcomes_title.setText(
            self.tr("Đã hỗ trợ gì? ({ticket}, máy {kiosk})\nWhat did you help with?").format(
                ticket=ticket, kiosk=request.kiosk_id
            )
        )
        for tag in self._tags.values():
            tag.setChecked(False)
        self._tags_changed()
        self._pages.setCurrentWidget(self._outcomes_page)

    def _tags_changed(self) -> None:
        self._save_button.setEnabled(any(tag.isChecked() for tag in self._tags.values()))

    def _save_outcomes(self) -> None:
        request, self._closing = self._closing, None
        self._back_to_desk()
        if request is None:
            return
        outcomes = [outcome for outcome, tag in self._tags.items() if tag.isChecked()]
        database, volunteer = self._database, self._volunteer
        self.runner.run(
            lambda: close_request(database, request.id, outcomes, volunteer=volunteer),
            lambda _: self._after_write(self.tr("Đã ghi lại. Cảm ơn bạn!\nSaved. Thank you!")),
            lambda error: self._write_failed(
                error, self.tr("Yêu cầu này đã được đóng.\nThis request was already closed.")
            ),
        )
