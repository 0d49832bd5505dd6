"""Ticket: the number, very large; the queue; a volunteer coming; the whole ticket if unprinted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.printing.desk import TicketResult
from ui.common.metrics import Metrics
from ui.kiosk.screens.base import GAP_MM, Screen
from ui.kiosk.screens.details import SCROLL_BAR_MM
from ui.kiosk.widgets.qr_code import QrCodeView
from ui.kiosk.widgets.tap_button import TapButton
from ui.kiosk.widgets.text import RoleLabel

QR_MM = 40.0


class TicketScreen(Screen):
    done = Signal()

    def __init__(self, metrics: Metrics, language: str, parent: QWidget | None = None) -> None:
        super().__init__(metrics, language, parent)
        self._result: TicketResult | None = None
        self._caption = RoleLabel("body")
        self._number = RoleLabel("ticket-number")
        self._procedure = RoleLabel("title")
        self._queue = RoleLabel("body")
        self._where = RoleLabel("body")
        self._volunteer = RoleLabel("good-news")
        self._unprinted = RoleLabel("problem")
        self._qr = QrCodeView(metrics.px(QR_MM))
        self._qr_caption = RoleLabel("muted")
        # The citizen's follow-your-turn page, when the centre publishes kiosk-web.
        self._follow_qr = QrCodeView(metrics.px(QR_MM))
        self._follow_caption = RoleLabel("body")
        self._documents = RoleLabel("muted")
        self._done = TapButton("", "primary")
        self._done.clicked.connect(self.done.emit)
        for label in (self._caption, self._number):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        main = QVBoxLayout()
        main.setSpacing(metrics.px(GAP_MM))
        for widget in (
            self._caption,
            self._number,
            self._procedure,
            self._queue,
            self._where,
            self._volunteer,
            self._unprinted,
        ):
            main.addWidget(widget)
        main.addStretch(1)
        side = QVBoxLayout()
        side.setSpacing(metrics.px(GAP_MM))
        side.addWidget(self._follow_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self._follow_caption)
        side.addWidget(self._qr, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self._qr_caption)
        documents = QScrollArea()
        documents.setWidget(self._documents)
        documents.setWidgetResizable(True)
        documents.setFrameShape(QFrame.Shape.NoFrame)
        documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Wide enough to tap above or below its handle: no dragging needed.
        documents.verticalScrollBar().setFixedWidth(metrics.px(SCROLL_BAR_MM))
        self._documents_area = documents
        side.addWidget(documents, 1)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.follow_shape(self._body)
        self._body.setSpacing(metrics.px(GAP_MM))
        self._body.addLayout(main, 3)
        self._body.addLayout(side, 2)
        self.column.addLayout(self._body, 1)
        self.column.addWidget(self._done)
        self.retranslate()

    def show_ticket(self, result: TicketResult) -> None:
        """Show a ticket; `result.content` is in the language of the screen."""
        self._result = result
        self.retranslate()

    def retranslate(self) -> None:
        self._done.setText(self.tr("Done"))
        result = self._result
        if result is None:
            return
        content = result.content
        self._caption.setText(content.number_caption)
        self._number.setText(content.number_label)
        self._procedure.setText(content.procedure_name)
        self._queue.setText(content.queue_line)
        self._where.setText(content.where_to_wait)
        self._volunteer.setText(self.tr("A volunteer is coming to help you. Please wait here."))
        self._volunteer.setVisible(result.ticket.priority is not None)
        self._unprinted.setText(
            self.tr(
                "The printer could not print your ticket. This screen is your ticket: remember"
                " the number or take a photo. The help desk has been told."
            )
        )
        unprinted = not result.printed
        self._unprinted.setVisible(unprinted)
        self._qr.set_url(content.qr_url if unprinted else None)
        self._qr.setVisible(unprinted and content.qr_url is not None)
        self._qr_caption.setText(content.qr_caption)
        self._qr_caption.setVisible(self._qr.isVisibleTo(self))
        self._follow_qr.set_url(content.follow_url)
        self._follow_qr.setVisible(content.follow_url is not None)
        self._follow_caption.setText(content.follow_caption)
        self._follow_caption.setVisible(content.follow_url is not None)
        self._documents.setText(
            "\n".join((content.documents_heading, *(f"☐ {doc}" for doc in content.documents)))
        )
        self._documents_area.setVisible(unprinted)

    def spoken_text(self) -> str:
        if self._result is None:
            return ""
        parts = [self._caption, self._number, self._procedure, self._queue, self._where]
        parts += [label for label in (self._volunteer, self._unprinted) if label.isVisibleTo(self)]
        return ". ".join(label.text() for label in parts)
