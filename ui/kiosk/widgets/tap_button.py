"""A push button whose text wraps onto several lines, as long Vietnamese labels need."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class _Picture(QWidget):
    """A picture, drawn as it is (a QLabel would take the padding the style sheet gives labels)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._picture = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_picture(self, picture: QPixmap) -> None:
        self._picture = picture
        self.setFixedSize(picture.size())
        self.show()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()


class TapButton(QPushButton):
    """QPushButton cannot wrap its text, so the text is a word-wrapping label inside it.

    `role` selects the look in the style sheet (choice, primary, help, key; none: plain) and
    `extent` a taller variant ("tall"). Heights live in the style sheet: Qt applies a style
    sheet's min-height over any minimum set in code.
    `text()` and `setText()` read and write the label; the accessible name follows the text.
    """

    def __init__(
        self, text: str = "", role: str = "", parent: QWidget | None = None, extent: str = ""
    ) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        if extent:
            self.setProperty("extent", extent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._picture = _Picture(self)
        self._picture.hide()
        layout.addStretch(1)
        layout.addWidget(self._picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._label)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def text(self) -> str:  # type: ignore[override]
        return self._label.text()

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._label.setText(text)
        self.setAccessibleName(text)

    def set_picture(self, picture: QPixmap) -> None:
        """A picture above the text (field icons)."""
        self._picture.set_picture(picture)

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


def equal_columns(button: TapButton) -> TapButton:
    """For buttons in a grid: columns share the width equally, whatever the texts' lengths."""
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return button
