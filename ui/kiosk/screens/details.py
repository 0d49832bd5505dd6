"""Procedure details: documents to bring, fee, time, where it is handled, online with a QR code.

The documents and facts scroll; the online card with the portal's QR code stays outside the
scroll area (beside it in landscape, below it in portrait), so the code is always in view.
A checklist slip of all this can be printed to take home.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.catalog.procedures import Catalog, Procedure
from kiosk.errors import UnknownProcedure
from ui.common.metrics import Metrics
from ui.kiosk.screens.base import GAP_MM, Screen
from ui.kiosk.widgets.qr_code import QrCodeView
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel

log = logging.getLogger(__name__)

QR_MM = 38.0
# Room beside the code for the online card's words in landscape.
ONLINE_TEXT_MM = 12.0
QWIDGETSIZE_MAX = (1 << 24) - 1
SCROLL_BAR_MM = 16.0
CARD_PADDING_MM = 4.0


class CardColumn(QFrame):
    """A white card holding a column of labels."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(*[metrics.px(CARD_PADDING_MM)] * 4)
        self.column.setSpacing(metrics.px(GAP_MM / 2))


class DetailsScreen(Screen):
    ticket_requested = Signal()
    checklist_requested = Signal()

    def __init__(
        self, metrics: Metrics, language: str, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(metrics, language, parent)
        self._catalog = catalog
        self._procedure: Procedure | None = None
        self._title = RoleLabel("title")
        self._documents_card = CardColumn(metrics)
        self._documents_heading = RoleLabel("card-heading")
        self._documents = RoleLabel("card-text")
        self._documents_card.column.addWidget(self._documents_heading)
        self._documents_card.column.addWidget(self._documents)
        self._documents_card.column.addStretch(1)
        self._facts_card = CardColumn(metrics)
        self._facts = {
            name: (RoleLabel("card-heading"), RoleLabel("card-text"))
            for name in ("fee", "processing_time", "handled_at", "online")
        }
        self._online_card = self._build_online_card(metrics)
        for name, (heading, text) in self._facts.items():
            if name != "online":
                self._facts_card.column.addWidget(heading)
                self._facts_card.column.addWidget(text)
        self._facts_card.column.addStretch(1)
        body = QWidget()
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom, body)
        self.follow_shape(self._body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(metrics.px(GAP_MM))
        self._body.addWidget(self._documents_card, 3)
        self._body.addWidget(self._facts_card, 2)
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A wide bar, for tapping above or below its handle to turn a page (no dragging needed).
        scroll.verticalScrollBar().setFixedWidth(metrics.px(SCROLL_BAR_MM))
        content = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.follow_shape(content)
        content.setSpacing(metrics.px(GAP_MM))
        content.addWidget(scroll, 1)
        content.addWidget(self._online_card)
        self._checklist_note = RoleLabel("body")
        self._checklist_note.hide()
        self.column.addWidget(self._title)
        self.column.addLayout(content, 1)
        self.column.addWidget(self._checklist_note)
        self.column.addLayout(self._build_buttons(metrics))
        self._checklist_state = ""
        self.retranslate()

    def _build_online_card(self, metrics: Metrics) -> CardColumn:
        """Whether it can be done online, and the portal's QR code."""
        card = CardColumn(metrics)
        heading, text = self._facts["online"]
        card.column.addWidget(heading)
        card.column.addWidget(text)
        self.qr = QrCodeView(metrics.px(QR_MM))
        qr_row = QHBoxLayout()
        qr_row.addStretch(1)
        qr_row.addWidget(self.qr)
        qr_row.addStretch(1)
        card.column.addLayout(qr_row)
        card.column.addStretch(1)
        self._online_width = metrics.px(QR_MM + ONLINE_TEXT_MM + 2 * CARD_PADDING_MM)
        return card

    def _build_buttons(self, metrics: Metrics) -> QHBoxLayout:
        self._print_checklist = TapButton("", "choice")
        self._print_checklist.clicked.connect(self._ask_checklist)
        self._get_ticket = TapButton("", "primary")
        self._get_ticket.clicked.connect(self.ticket_requested.emit)
        buttons = QHBoxLayout()
        buttons.setSpacing(metrics.px(GAP_MM))
        buttons.addWidget(self._print_checklist, 1)
        buttons.addWidget(self._get_ticket, 1)
        return buttons

    def show_procedure(self, code: str) -> None:
        self._procedure = self._catalog.procedure(code)
        self._checklist_state = ""
        self.scroll.verticalScrollBar().setValue(0)
        self.retranslate()

    def use_catalog(self, catalog: Catalog) -> None:
        """Staff reloaded the catalogue: show the procedure on screen as it now reads."""
        self._catalog = catalog
        if self._procedure is not None:
            try:
                self._procedure = catalog.procedure(self._procedure.code)
            except UnknownProcedure:
                log.info("procedure %s left the catalogue while on screen", self._procedure.code)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Beside the documents (landscape) the online card is a narrow column; below them
        # (portrait) it spans the screen.
        landscape = event.size().width() > event.size().height()
        self._online_card.setMaximumWidth(self._online_width if landscape else QWIDGETSIZE_MAX)
        super().resizeEvent(event)

    def _ask_checklist(self) -> None:
        if self._checklist_state == "printing":
            return
        self._checklist_state = "printing"
        self.retranslate()
        self.checklist_requested.emit()

    def show_checklist_result(self, printed: bool) -> None:
        self._checklist_state = "printed" if printed else "failed"
        self.retranslate()

    def _unverified(self, fact: str, text: str) -> str:
        assert self._procedure is not None
        if self._procedure.is_verified(fact):
            return text
        return text + "\n" + self.tr("(not yet confirmed: please ask at the desk)")

    def _checklist_text(self) -> str:
        return {
            "printing": self.tr("Printing the checklist…"),
            "printed": self.tr("Take your checklist from the printer."),
            "failed": self.tr("The checklist could not be printed. Please ask at the desk."),
        }.get(self._checklist_state, "")

    def retranslate(self) -> None:
        self._get_ticket.setText(self.tr("Get a ticket"))
        self._print_checklist.setText(self.tr("Print the checklist"))
        self._checklist_note.setText(self._checklist_text())
        self._checklist_note.setVisible(bool(self._checklist_state))
        self._documents_heading.setText(self.tr("Documents to bring"))
        headings = {
            "fee": self.tr("Fee"),
            "processing_time": self.tr("Processing time"),
            "handled_at": self.tr("Where it is handled"),
            "online": self.tr("Online"),
        }
        for name, (heading, _) in self._facts.items():
            heading.setText(headings[name])
        procedure = self._procedure
        if procedure is None:
            return
        lang = self.language
        self._title.setText(procedure.name(lang))
        self._documents.setText(
            self._unverified(
                "documents",
                "\n".join(f"☐ {document.text(lang)}" for document in procedure.documents),
            )
        )
        self._facts["fee"][1].setText(self._unverified("fee", procedure.fee(lang)))
        self._facts["processing_time"][1].setText(
            self._unverified("processing_time", procedure.processing_time(lang))
        )
        self._facts["handled_at"][1].setText(
            self._unverified("handled_at", procedure.handled_at(lang))
        )
        online = procedure.online and procedure.portal_url is not None
        self._facts["online"][1].setText(
            self.tr("You can also do this online: scan the code with your phone.")
            if online
            else self.tr("Only in person.")
        )
        self.qr.set_url(procedure.portal_url if online else None)
        self.qr.setVisible(online)

    def spoken_text(self) -> str:
        if self._procedure is None:
            return ""
        parts = [self._title.text(), self._documents_heading.text(), self._documents.text()]
        for heading, text in self._facts.values():
            parts += [heading.text(), text.text()]
        return ". ".join(part.replace("☐ ", "") for part in parts)
