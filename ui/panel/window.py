"""The help-desk window: open requests live, "I'm coming", "Done" with what was done.

Its words come from Qt Linguist files (resources/translations/panel_*.ts), Vietnamese by
default, switched with one button; the name and outcome pickers are pages of their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.helpdesk.requests import (
    AlreadyTaken,
    OpenHelpRequest,
    claim_request,
    close_request,
)
from kiosk.queue.service_day import service_day
from kiosk.storage.change_watch import ChangeWatch
from kiosk.storage.db import Database, first_line
from kiosk.storage.models import HelpOutcome
from ui.common.live_reader import LiveReader, LiveWindow
from ui.common.metrics import metrics_for
from ui.common.retranslating import Retranslating
from ui.common.translations import Translations
from ui.panel.fault_banner import FaultBanner
from ui.panel.model import HelpRequestTableModel, utc_now
from ui.panel.name_picker import NamePicker
from ui.panel.outcome_picker import OutcomePicker
from ui.panel.request_table import RequestTable
from ui.panel.snapshot import PanelSnapshot, read_snapshot
from ui.panel.sound import Chime
from ui.panel.today_counts import TodayCounts
from ui.panel.widgets import panel_button, panel_label, panel_stylesheet

log = logging.getLogger(__name__)


ROW_HEIGHT_MM = 17
# The other language the switch offers, by its own name.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class PanelWindow(Retranslating, LiveWindow, QWidget):
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
        language: str = "vi",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpDesk")
        self._database = database
        self._zone = zone
        self._clock = clock
        self._chime = chime or Chime(parent=self)
        self._volunteer: str | None = None
        self._pending_claim: int | None = None
        self._closing: OpenHelpRequest | None = None
        self._notice_text: Callable[[], str] | None = None
        self._loaded = False
        self._metrics = metrics_for(QGuiApplication.primaryScreen(), fallback_dpi)
        self.setStyleSheet(panel_stylesheet(self._metrics))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._translations = Translations(app, self, application="panel")

        self.model = HelpRequestTableModel(procedure_name, clock, self)
        # Database work runs off the GUI thread, the volunteers' taps on the same runner.
        self.live = LiveReader[PanelSnapshot](
            watch,
            self._next_read,
            self._show_snapshot,
            every_second=self.model.refresh_waits,
            fault="the panel could not read or write the database",
            parent=self,
        )
        self.feed = self.live.feed
        self.runner = self.live.runner

        self._build()
        self.use_language(language)

    # Layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        spacing = self._metrics.px(3)
        layout.setContentsMargins(spacing, spacing, spacing, spacing)
        layout.setSpacing(self._metrics.px(2))

        top = QHBoxLayout()
        self._title = panel_label("title")
        top.addWidget(self._title, 1)
        self.language_button = panel_button("plain")
        self.language_button.clicked.connect(self._switch_language)
        top.addWidget(self.language_button)
        self._volunteer_button = panel_button("plain")
        self._volunteer_button.clicked.connect(self._show_names)
        top.addWidget(self._volunteer_button)
        layout.addLayout(top)

        self.reconnecting_banner = panel_label("reconnecting")
        self.reconnecting_banner.hide()
        self.feed.lost.connect(self.reconnecting_banner.show)
        self.feed.restored.connect(self.reconnecting_banner.hide)
        layout.addWidget(self.reconnecting_banner)
        self.printer_banner = FaultBanner()
        layout.addWidget(self.printer_banner)

        self._pages = QStackedWidget()
        self._desk = self._build_desk()
        self.names_page = NamePicker(self._metrics)
        self.names_page.picked.connect(self._pick_name)
        self.names_page.back_requested.connect(self._back_to_desk)
        self.outcomes_page = OutcomePicker(self._metrics)
        self.outcomes_page.saved.connect(self._save_outcomes)
        self.outcomes_page.back_requested.connect(self._back_to_desk)
        for page in (self._desk, self.names_page, self.outcomes_page):
            self._pages.addWidget(page)
        layout.addWidget(self._pages, 1)

    def _build_desk(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._metrics.px(2))

        self.counts = TodayCounts(self._metrics)
        layout.addWidget(self.counts)

        self.table = RequestTable(self.model, self._metrics.px(ROW_HEIGHT_MM))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.model.rowsRemoved, self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self._update_actions)
        self.nobody_waiting = panel_label("empty")
        self.nobody_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._requests_view = QStackedWidget()
        self._requests_view.addWidget(self.nobody_waiting)
        self._requests_view.addWidget(self.table)
        layout.addWidget(self._requests_view, 1)

        self.notice = panel_label("notice")
        self.notice.hide()
        layout.addWidget(self.notice)

        actions = QHBoxLayout()
        actions.setSpacing(self._metrics.px(4))
        self._hint = panel_label("body")
        actions.addWidget(self._hint, 1)
        self.coming_button = panel_button("primary")
        self.coming_button.clicked.connect(self._coming_clicked)
        self.done_button = panel_button("done")
        self.done_button.clicked.connect(self._done_clicked)
        actions.addWidget(self.coming_button)
        actions.addWidget(self.done_button)
        layout.addLayout(actions)
        return page

    # Language ---------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self._translations.language

    def use_language(self, language: str) -> None:
        """Install the panel's words in ``language``; every page sets its texts again."""
        self._translations.use(language)
        self.retranslate()

    def _switch_language(self) -> None:
        self.use_language("en" if self.language == "vi" else "vi")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Help desk"))
        self._title.setText(self.tr("Help desk"))
        other = "en" if self.language == "vi" else "vi"
        self.language_button.setText(LANGUAGE_NAMES[other])
        self.reconnecting_banner.setText(self.tr("Database connection lost, reconnecting…"))
        self.printer_banner.retranslate()
        self.nobody_waiting.setText(self.tr("Nobody is waiting for help."))
        self.coming_button.setText(self.tr("I'm coming"))
        self.done_button.setText(self.tr("Done"))
        if self._notice_text is not None:
            self.notice.setText(self._notice_text())
        self.model.retranslate()
        self._show_volunteer()
        self._update_actions()

    # Live data --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query everything the panel shows, off the GUI thread (a database that went away
        must not freeze the panel); notices that come meanwhile make one more reload."""
        self.live.read()

    def _next_read(self) -> Callable[[], PanelSnapshot]:
        database, zone = self._database, self._zone
        today = service_day(self._clock(), zone)
        return lambda: read_snapshot(database, today, zone)

    def _show_snapshot(self, snapshot: PanelSnapshot) -> None:
        added = self.model.update(snapshot.requests)
        if added and self._loaded:
            log.info("%d new help request(s)", len(added))
            self._chime.ring()
        self._loaded = True
        self.printer_banner.show_faults(snapshot.requests)
        self.counts.show_counts(snapshot.counts)
        if snapshot.names != self.names_page.names:
            self.names_page.show_names(snapshot.names)

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
            self._hint.setText(self.tr("Tap a request") if waiting else "")
        else:
            self._hint.setText(
                self.tr("Selected: {ticket}, kiosk {kiosk}").format(
                    ticket=self._ticket_of(request), kiosk=request.kiosk_id
                )
            )

    def _ticket_of(self, request: OpenHelpRequest) -> str:
        return request.ticket_label or self.tr("no ticket")

    def _say(self, text: Callable[[], str]) -> None:
        """A notice that follows the language (``text`` is asked again on a switch)."""
        self._notice_text = text
        self.notice.setText(text())
        self.notice.show()

    def _show_volunteer(self) -> None:
        if self._volunteer is None:
            self._volunteer_button.setText(self.tr("Pick your name"))
        else:
            self._volunteer_button.setText(self.tr("{name} · Change").format(name=self._volunteer))

    def _show_names(self) -> None:
        self._pages.setCurrentWidget(self.names_page)

    def _pick_name(self, name: str) -> None:
        pending = self._pending_claim
        self._volunteer = name
        log.info("volunteer %s at the panel", name)
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
            lambda _: self._after_write(lambda: self.tr("You took the request. Go ahead.")),
            lambda error: self._write_failed(
                error, lambda: self.tr("Someone else has already taken this request.")
            ),
        )

    def _after_write(self, message: Callable[[], str]) -> None:
        self._say(message)
        self.reload()

    def _write_failed(self, error: Exception, taken_message: Callable[[], str]) -> None:
        if isinstance(error, AlreadyTaken):
            self._after_write(taken_message)
            return
        self.live.report_failure(error)
        # The volunteer tapped: they must read that nothing was saved, not just see nothing.
        reason = first_line(error)
        self._say(lambda: self.tr("Not saved, please try again. ({reason})").format(reason=reason))

    def _done_clicked(self) -> None:
        request = self._selected()
        if request is None:
            return
        self._closing = request
        self.outcomes_page.start(self._ticket_of(request), request.kiosk_id)
        self._pages.setCurrentWidget(self.outcomes_page)

    def _save_outcomes(self, outcomes: list[HelpOutcome]) -> None:
        request, self._closing = self._closing, None
        self._back_to_desk()
        if request is None:
            return
        database, volunteer = self._database, self._volunteer
        self.runner.run(
            lambda: close_request(database, request.id, outcomes, volunteer=volunteer),
            lambda _: self._after_write(lambda: self.tr("Saved. Thank you!")),
            lambda error: self._write_failed(
                error, lambda: self.tr("This request was already closed.")
            ),
        )
