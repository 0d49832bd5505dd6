"""Physical sizes on screen: millimetres and points turned into pixels for one screen.

Qt's style sheet pixels are device-independent pixels, and QScreen.physicalDotsPerInch counts
those per physical inch, so `px(mm)` is the same physical size on every screen that reports
its size honestly. Many HDMI panels report none (or nonsense): the configured fallback applies.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from PySide6.QtGui import QScreen

log = logging.getLogger(__name__)

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
# Outside this range a reported DPI is taken for a screen that does not know its size.
PLAUSIBLE_DPI = (40.0, 600.0)


@dataclass(frozen=True)
class Metrics:
    """Pixels per physical unit on one screen."""

    dpi: float

    def px(self, mm: float) -> int:
        """Whole pixels for a length in millimetres (rounded up, so sizes never fall short)."""
        return int(-(-mm * self.dpi // MM_PER_INCH))

    def mm(self, px: float) -> float:
        return px * MM_PER_INCH / self.dpi

    def points_px(self, points: float) -> int:
        """Pixels for a type size in physical points (1/72 inch)."""
        return self.px(points * MM_PER_INCH / POINTS_PER_INCH)


def screen_dpi(screen: QScreen | None, fallback_dpi: float) -> float:
    """The screen's physical DPI, or `fallback_dpi` when the screen does not know its size."""
    if screen is None:
        return fallback_dpi
    size = screen.physicalSize()
    dpi = screen.physicalDotsPerInch()
    low, high = PLAUSIBLE_DPI
    if size.width() <= 0 or size.height() <= 0 or not low <= dpi <= high:
        log.info(
            "screen %s reports no usable physical size; sizing for %.0f DPI (kiosk.fallback_dpi)",
            screen.name(),
            fallback_dpi,
        )
        return fallback_dpi
    return dpi


def metrics_for(screen: QScreen | None, fallback_dpi: float) -> Metrics:
    return Metrics(screen_dpi(screen, fallback_dpi))


def diagonal_dpi(width_px: int, height_px: int, diagonal_inches: float) -> float:
    """Pixels per inch of a screen of that many pixels across a diagonal of that length."""
    return math.hypot(width_px, height_px) / diagonal_inches


def tv_metrics(screen: QScreen | None, diagonal_inches: float, fallback_dpi: float) -> Metrics:
    """Metrics for a TV: from its configured diagonal when one is set, else as `metrics_for`.

    The configured size wins over the one the screen reports: TVs over HDMI often report none,
    or a size that is not theirs, and a centre that sets the diagonal has measured the TV.
    """
    if screen is not None and diagonal_inches > 0:
        size = screen.size()
        dpi = diagonal_dpi(size.width(), size.height(), diagonal_inches)
        log.info(
            "sizing for a %.0f-inch screen of %dx%d (display.screen_diagonal_inches): %.1f DPI",
            diagonal_inches,
            size.width(),
            size.height(),
            dpi,
        )
        return Metrics(dpi)
    return metrics_for(screen, fallback_dpi)
