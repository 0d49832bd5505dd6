"""The kiosk's one style sheet, with its physical sizes turned into pixels for this screen."""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from ui.app_setup import FONT_FAMILY
from ui.metrics import Metrics

_UNIT = re.compile(r"\b(mm|pt|cap)\(([0-9.]+)\)")
# A large size measures the font's proportions precisely.
_MEASURE_PX = 1000


def cap_height_ratio(family: str = FONT_FAMILY) -> float:
    """Capital height divided by the pixel size of the font (about 0.7 for Be Vietnam Pro)."""
    font = QFont(family)
    font.setPixelSize(_MEASURE_PX)
    return QFontMetricsF(font).capHeight() / _MEASURE_PX


def font_px_for_cap_height(metrics: Metrics, cap_mm: float, ratio: float) -> int:
    return metrics.px(cap_mm / ratio)


def render_stylesheet(template: str, metrics: Metrics, cap_ratio: float) -> str:
    """Replace mm(N), pt(N) and cap(N) with whole pixels."""

    def to_px(found: re.Match[str]) -> str:
        unit, value = found.group(1), float(found.group(2))
        if unit == "mm":
            pixels = metrics.px(value)
        elif unit == "pt":
            pixels = metrics.points_px(value)
        else:
            pixels = font_px_for_cap_height(metrics, value, cap_ratio)
        return f"{pixels}px"

    return _UNIT.sub(to_px, template)


def stylesheet_template() -> str:
    return (resources.files("resources.styles") / "kiosk.qss").read_text(encoding="utf-8")


def kiosk_stylesheet(metrics: Metrics) -> str:
    """The kiosk's style sheet for a screen; needs the bundled font loaded."""
    return render_stylesheet(stylesheet_template(), metrics, cap_height_ratio())


def apply_theme(app: QApplication, metrics: Metrics) -> None:
    app.setStyleSheet(kiosk_stylesheet(metrics))
