"""Labels styled by role (see resources/styles/kiosk.qss) and pictures drawn from SVG."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget


class RoleLabel(QLabel):
    """A word-wrapping label whose look comes from its role in the style sheet."""

    def __init__(self, role: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)


def svg_pixmap(svg: bytes, pixels: int) -> QPixmap:
    """An SVG drawn at `pixels` square, sharp at any size."""
    picture = QPixmap(pixels, pixels)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    return picture
