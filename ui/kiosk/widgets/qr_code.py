"""A QR code drawn module by module, crisp at any size."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

# Modules of white space around the code, as scanners expect.
QUIET_ZONE = 2


@lru_cache(maxsize=64)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``url``'s QR code; cached, as choosing the mask takes tens of ms and
    every citizen choosing a procedure shows its code again."""
    code = qrcode.QRCode(border=QUIET_ZONE, error_correction=qrcode.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


class QrCodeView(QWidget):
    """Shows `url` as a black-on-white QR code filling a square of `side_px`."""

    def __init__(self, side_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(side_px, side_px)
        self._matrix: tuple[tuple[bool, ...], ...] = ()

    def set_url(self, url: str | None) -> None:
        self._matrix = qr_matrix(url) if url else ()
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
