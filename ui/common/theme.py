"""The kiosk's one style sheet, with its physical sizes turned into pixels for this screen."""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from ui.common.app_setup import FONT_FAMILY
from ui.common.metrics import MM_PER_INCH, Metrics

# A large size measures the font's proportions without hinting.
_MEASURE_PX = 1000
_UNIT = re.compile(r"\b(mm|pt|cap)\(([0-9.]+)\)")


def cap_height_px(pixel_size: int, family: str = FONT_FAMILY) -> float:
    """The height of the capital letters of the font at a pixel size, as Qt lays it out."""
    font = QFont(family)
    font.setPixelSize(pixel_size)
    font.setWeight(QFont.Weight.Bold)
    return QFontMetricsF(font).capHeight()


def cap_height_ratio(family: str = FONT_FAMILY) -> float:
    """Capital height over pixel size, measured large (about 0.74 for Be Vietnam Pro)."""
    return cap_height_px(_MEASURE_PX, family) / _MEASURE_PX


def font_px_for_cap_height(metrics: Metrics, cap_mm: float, ratio: float) -> int:
    """The smallest pixel size whose capital letters are at least `cap_mm` tall on screen.

    `ratio` gives the first guess; hinting makes small sizes fall short of it, so the
    capital height is then measured size by size.
    """
    wanted = cap_mm * metrics.dpi / MM_PER_INCH
    pixels = max(1, int(wanted / ratio) - 2)
    while cap_height_px(pixels) < wanted:
        pixels += 1
    return pixels


def render_stylesheet(template: str, metrics: Metrics, cap_ratio: float) -> str:
    """Replace mm(N), pt(N) and cap(N) with whole pixels (needs the bundled font loaded)."""

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
