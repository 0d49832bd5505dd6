"""The kiosk window: moves the citizen between screens and owns their session.

Screens only show things and say what the citizen chose (signals); this coordinator decides
where to go next, keeps the choices in one `CitizenSession`, and sends every blocking call
(database, printer) to the background runner.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QSizePolicy,
    QStackedLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.procedures import Catalog
from kiosk.catalog.reload import CatalogReload
from kiosk.catalog.search import ProcedureSearch
from kiosk.citizen.session import CitizenSession
from kiosk.config import Settings
from kiosk.printing.desk import TicketDesk, TicketResult
from kiosk.storage.db import Database
from kiosk.storage.models import Priority
from ui.common.background import BackgroundRunner
from ui.common.metrics import Metrics
from ui.common.retranslating import Retranslating
from ui.common.translations import Translations
from ui.kiosk.citizen_jobs import CitizenJobs
from ui.kiosk.idle import IdleWatcher
from ui.kiosk.lockdown import CORNER_MM, CornerHold, KeyboardGuard
from ui.kiosk.screens.base import GAP_MM, MARGIN_MM, Screen
from ui.kiosk.screens.details import DetailsScreen
from ui.kiosk.screens.fields import FieldScreen
from ui.kiosk.screens.notices import HelpComingNotice, IdleWarning, ProblemNotice
from ui.kiosk.screens.priority import PriorityScreen
from ui.kiosk.screens.procedures import ProcedureScreen
from ui.kiosk.screens.search import SearchScreen
from ui.kiosk.screens.ticket import TicketScreen
from ui.kiosk.screens.welcome import WelcomeScreen
from ui.kiosk.speech import Speaker
from ui.kiosk.staff.actions import StaffActions
from ui.kiosk.widgets.machine_check import MachineCheck
from ui.kiosk.widgets.nav_bar import NavigationBar
from ui.kiosk.widgets.tap_button import TapButton

log = logging.getLogger(__name__)


class KioskWindow(Retranslating, QWidget):
    """The whole kiosk: the citizen's walk, notices over it, and the staff pages."""

    def __init__(
        self,
        settings: Settings,
        catalog: Catalog,
        desk: TicketDesk,
        metrics: Metrics,
        *,
        speech_engine: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle("Kiosk")
        self.settings = settings
        self.desk = desk
        self.database: Database = desk.database
        kiosk = settings.kiosk
        self.session = CitizenSession(default_language=kiosk.languages[0])
        self.runner = BackgroundRunner(self)
        self.jobs = CitizenJobs(desk, self.runner, self)
        self.speaker = Speaker(speech_engine, kiosk.speech_volume, self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._translations = Translations(app, self)
        self._history: list[Screen] = []
        self._ticket: TicketResult | None = None
        self._close_allowed = False
        self._build_screens(metrics, catalog)
        self._build_pages(metrics)
        self.idle = IdleWatcher(kiosk.idle_seconds, kiosk.idle_warning_seconds, self)
        self._ticket_timer = QTimer(self)
        self._ticket_timer.setSingleShot(True)
        self._ticket_timer.setInterval(kiosk.ticket_screen_seconds * 1000)
        self._keyboard = KeyboardGuard(self)
        self.corner_hold = CornerHold(self, metrics.px(CORNER_MM), self)
        self._connect()
        self._translations.use(self.session.language)
        self.retranslate()
        self._show_screen(self.welcome, remember=False)

    def _build_screens(self, metrics: Metrics, catalog: Catalog) -> None:
        settings, lang = self.settings, self.session.language
        kiosk = settings.kiosk
        self.welcome = WelcomeScreen(metrics, lang, settings.centre.name, kiosk.languages)
        self.fields = FieldScreen(metrics, lang, catalog)
        self.procedures = ProcedureScreen(metrics, lang, catalog)
        self.search = SearchScreen(metrics, lang, catalog, ProcedureSearch(catalog))
        self.details = DetailsScreen(metrics, lang, catalog)
        self.priority = PriorityScreen(metrics, lang, kiosk.elderly_age, settings.centre.zone)
        self.ticket = TicketScreen(metrics, lang)
        self._screens: list[Screen] = [
            self.welcome,
            self.fields,
            self.procedures,
            self.search,
            self.details,
            self.priority,
            self.ticket,
        ]
        self._stack = QStackedWidget()
        # Each screen lays itself out in the room there is; none may grow the window.
        self._stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for screen in self._screens:
            self._stack.addWidget(screen)

    def _build_pages(self, metrics: Metrics) -> None:
        """The walk (navigation, screens, help) and the full-screen pages shown instead of it."""
        self.nav = NavigationBar(metrics, self.settings.kiosk.languages)
        self.help_button = TapButton("", "help")
        self.walk = QWidget()
        walk_layout = QVBoxLayout(self.walk)
        margin = metrics.px(MARGIN_MM)
        walk_layout.setContentsMargins(margin, margin, margin, margin)
        walk_layout.setSpacing(metrics.px(GAP_MM))
        walk_layout.addWidget(self.nav)
        walk_layout.addWidget(self._stack, 1)
        walk_layout.addWidget(self.help_button)
        self.help_notice = HelpComingNotice(metrics)
        self.problem_notice = ProblemNotice(metrics)
        self.idle_warning = IdleWarning(metrics)
        self.staff = StaffActions(self.desk, self.runner, metrics, self._show_page)
        self.pin_pad, self.staff_menu = self.staff.pin_pad, self.staff.menu
        self.staff_menu.add_tool(MachineCheck(metrics, self.settings, self.runner))
        self._pages = QStackedLayout(self)
        # The window is the screen's size; its contents never ask for another.
        self._pages.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for page in (
            self.walk,
            self.help_notice,
            self.problem_notice,
            self.idle_warning,
            self.pin_pad,
            self.staff_menu,
        ):
            self._pages.addWidget(page)

    # ------------------------------------------------------------------ wiring

    def _connect(self) -> None:
        self.welcome.start_requested.connect(self._start)
        self.welcome.help_requested.connect(self._ask_for_help)
        self.fields.field_chosen.connect(self._choose_field)
        self.fields.search_chosen.connect(self._open_search)
        self.procedures.procedure_chosen.connect(self._choose_procedure)
        self.search.procedure_chosen.connect(self._choose_procedure)
        self.search.query_changed.connect(self._remember_query)
        self.details.ticket_requested.connect(self._ask_priority)
        self.priority.priority_chosen.connect(self._issue_ticket)
        self.ticket.done.connect(self.go_home)
        self._ticket_timer.timeout.connect(self.go_home)
        self.nav.back_requested.connect(self._go_back)
        self.nav.home_requested.connect(self.go_home)
        self.nav.language_requested.connect(self.switch_language)
        self.nav.read_aloud_requested.connect(self._read_aloud)
        self.help_button.clicked.connect(self._ask_for_help)
        self.help_notice.confirmed.connect(self._back_to_walk)
        self.problem_notice.confirmed.connect(self._back_to_walk)
        self.idle.warning_started.connect(lambda: self._show_page(self.idle_warning))
        self.idle.seconds_left.connect(self.idle_warning.show_seconds_left)
        self.idle.expired.connect(self.go_home)
        self.idle_warning.confirmed.connect(self._more_time)
        self._keyboard.line_scanned.connect(self._scanned)
        self.corner_hold.held.connect(self.staff.open)
        self.staff.leave_requested.connect(self.go_home)
        self.staff.exit_requested.connect(self._staff_exit)
        self.staff.catalog_reloaded.connect(self._use_catalog)
        self.details.checklist_requested.connect(self._print_checklist)
        self.jobs.checklist_printed.connect(self._slip_printed)
        self.jobs.ticket_issued.connect(self._ticket_issued)
        self.jobs.ticket_failed.connect(self.priority.start)
        self.jobs.help_failed.connect(self._help_request_failed)
        self.jobs.problem.connect(lambda: self._show_page(self.problem_notice))

    def retranslate(self) -> None:
        self.help_button.setText(self.tr("I need help"))

    # ------------------------------------------------------------------ moving about

    @property
    def current_screen(self) -> Screen:
        screen = self._stack.currentWidget()
        assert isinstance(screen, Screen)
        return screen

    @property
    def current_page(self) -> QWidget:
        return self._pages.currentWidget()

    def _show_screen(self, screen: Screen, *, remember: bool = True) -> None:
        if remember and self._stack.currentWidget() is not screen:
            self._history.append(self.current_screen)
        self.speaker.stop()
        self._stack.setCurrentWidget(screen)
        on_welcome = screen is self.welcome
        self.nav.setVisible(not on_welcome)
        self.help_button.setVisible(not on_welcome)
        # After the ticket there is no way back into the walk, only Done (or Start).
        self.nav.back.setVisible(screen is not self.ticket)
        self._show_page(self.walk)

    def _show_page(self, page: QWidget) -> None:
        self._pages.setCurrentWidget(page)

    def _back_to_walk(self) -> None:
        self._show_page(self.walk)

    def _go_back(self) -> None:
        if self._history:
            self._show_screen(self._history.pop(), remember=False)

    def go_home(self) -> None:
        """Back to Welcome with everything the citizen chose forgotten."""
        self.session.reset()
        self.jobs.forget_citizen()
        self._ticket = None
        self._history.clear()
        self._ticket_timer.stop()
        self.idle.stop()
        self.priority.start()
        self.search.show_query("")
        self.switch_language(self.session.language)
        self._show_screen(self.welcome, remember=False)

    def switch_language(self, language: str) -> None:
        """Change the language of every screen; the citizen stays where they are."""
        self.session.language = language
        self.speaker.stop()
        for screen in self._screens:
            screen.language = language
        self.nav.show_language(language)
        if self._ticket is not None:
            self._ticket = TicketResult(
                self._ticket.ticket,
                self.desk.ticket_content(self._ticket.ticket, language),
                self._ticket.help_request_ids,
            )
            self.ticket.show_ticket(self._ticket)
        self._translations.use(language)

    # ------------------------------------------------------------------ the walk

    def _start(self, language: str) -> None:
        self.switch_language(language)
        self.idle.watch()
        self._show_screen(self.fields)

    def _choose_field(self, field_code: str) -> None:
        self.session.field_code = field_code
        self.procedures.show_field(field_code)
        self._show_screen(self.procedures)

    def _open_search(self) -> None:
        self.search.show_query(self.session.search_query)
        self._show_screen(self.search)

    def _remember_query(self, query: str) -> None:
        self.session.search_query = query

    def _choose_procedure(self, code: str) -> None:
        self.session.procedure_code = code
        self.details.show_procedure(code)
        self._show_screen(self.details)

    def _print_checklist(self) -> None:
        if self.session.procedure_code is not None:
            self.jobs.print_checklist(self.session.procedure_code, self.session.language)

    def _slip_printed(self, printed: bool) -> None:
        self.details.show_checklist_result(printed=printed)

    def _ask_priority(self) -> None:
        self.priority.start()
        if self.jobs.issuing:  # back and forth while the ticket prints: still printing
            self.priority.show_printing()
        self._show_screen(self.priority)

    def _issue_ticket(self, priority: Priority | None) -> None:
        code = self.session.procedure_code
        if code is None or self.jobs.issuing:  # one ticket at a time (see CitizenJobs)
            return
        self.session.priority = priority
        self.priority.show_printing()
        self.jobs.issue_ticket(code, priority, self.session.language)

    def _ticket_issued(self, result: TicketResult) -> None:
        self._ticket = result
        self.ticket.show_ticket(result)
        self._show_screen(self.ticket, remember=False)
        self._ticket_timer.start()

    def _scanned(self, line: str) -> None:
        if self.current_screen is self.priority and self.current_page is self.walk:
            self.priority.read_scan(line)
        else:
            log.info("a scan outside the priority question was ignored")

    # ------------------------------------------------------------------ help, idle, speech

    def _ask_for_help(self) -> None:
        self._show_page(self.help_notice)
        if self.session.help_requested:
            return
        self.session.help_requested = True
        ticket_id = self._ticket.ticket.id if self._ticket is not None else None
        self.jobs.ask_for_help(self.settings.kiosk.id, ticket_id, self.session.procedure_code)

    def _help_request_failed(self) -> None:
        self.session.help_requested = False

    def _more_time(self) -> None:
        self.idle.more_time()
        self._back_to_walk()

    def _read_aloud(self) -> None:
        self.speaker.toggle(self.current_screen.spoken_text(), self.session.language)

    # ------------------------------------------------------------------ staff and lockdown

    def _use_catalog(self, reload: CatalogReload) -> None:
        """Staff reloaded a valid catalogue: every screen and the desk use it from now on."""
        assert reload.catalog is not None
        assert reload.search is not None
        self.desk.catalog = reload.catalog
        self.fields.use_catalog(reload.catalog)
        self.procedures.use_catalog(reload.catalog)
        self.search.use_catalog(reload.catalog, reload.search)
        self.details.use_catalog(reload.catalog)

    def _staff_exit(self) -> None:
        self._close_allowed = True
        self.close()

    def show_locked_down(self) -> None:
        """Full screen, no frame, on top, covering the screen even where showFullScreen is not."""
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        screen = self.screen() or QApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_allowed:
            log.info("a request to close the kiosk was ignored (staff: hold the top-left corner)")
            event.ignore()
            return
        self.speaker.stop()
        self.runner.wait()
        event.accept()
