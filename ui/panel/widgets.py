"""The panel's labels and buttons, styled by role (resources/styles/panel.qss)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from ui.common.metrics import Metrics
from ui.common.theme import cap_height_ratio, render_stylesheet


def panel_label(role: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def panel_button(role: str, text: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def panel_stylesheet(metrics: Metrics) -> str:
    template = (resources.files("resources.styles") / "panel.qss").read_text(encoding="utf-8")
    return render_stylesheet(template, metrics, cap_height_ratio())
