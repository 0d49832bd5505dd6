"""A push button whose text wraps onto several lines, as long Vietnamese labels need."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class TapButton(QPushButton):
    """QPushButton cannot wrap its text, so the text is a word-wrapping label inside it.

    `role` selects the look in the style sheet (choice, primary, help, key; none: plain).
    `text()` and `setText()` read and write the label; the accessible name follows the text.
    """

    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._icon = QLabel(self)
        self._icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._icon.hide()
        layout.addWidget(self._icon)
        layout.addWidget(self._label, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def text(self) -> str:  # type: ignore[override]
        return self._label.text()

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._label.setText(text)
        self.setAccessibleName(text)

    def set_picture(self, picture: QPixmap) -> None:
        """A picture left of the text (field icons)."""
        self._icon.setPixmap(picture)
        self._icon.setFixedSize(picture.size())
        self._icon.show()

    def sizeHint(self) -> QSize:
        return self._with_padding(self.layout().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._with_padding(self.layout().minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        height = self.layout().heightForWidth(inner) + margins.top() + margins.bottom()
        return max(height, self.minimumHeight())

    def _with_padding(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return QSize(
            max(size.width() + margins.left() + margins.right(), self.minimumWidth()),
            max(size.height() + margins.top() + margins.bottom(), self.minimumHeight()),
        )
