"""A QR code drawn module by module, crisp at any size."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

# Modules of white space around the code, as scanners expect.
QUIET_ZONE = 2


class QrCodeView(QWidget):
    """Shows `url` as a black-on-white QR code filling a square of `side_px`."""

    def __init__(self, side_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(side_px, side_px)
        self._matrix: list[list[bool]] = []

    def set_url(self, url: str | None) -> None:
        if url:
            code = qrcode.QRCode(border=QUIET_ZONE, error_correction=qrcode.ERROR_CORRECT_M)
            code.add_data(url)
            code.make(fit=True)
            self._matrix = code.get_matrix()
        else:
            self._matrix = []
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._matrix:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        # Whole pixels per module, so that neighbouring modules leave no seams.
        module = max(1, self.width() // len(self._matrix))
        offset = (self.width() - module * len(self._matrix)) // 2
        for row, cells in enumerate(self._matrix):
            for column, dark in enumerate(cells):
                if dark:
                    painter.fillRect(
                        QRect(offset + column * module, offset + row * module, module, module),
                        Qt.GlobalColor.black,
                    )
        painter.end()
