"""The numbers of KIOSK.md, measured: target sizes and gaps in mm, type sizes, contrast."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LANDSCAPE, PORTRAIT, TEST_DPI, WindowFactory, tap
from ui.common.contrast import border_colour_pairs, parse_rules, text_colour_pairs
from ui.common.metrics import Metrics
from ui.common.theme import kiosk_stylesheet
from ui.kiosk.window import KioskWindow

MIN_TARGET_MM = 16.0
MIN_GAP_MM = 5.0
MIN_BODY_POINTS = 22.0
MIN_MAIN_CAP_MM = 7.3
TEXT_CONTRAST = 7.0
BORDER_CONTRAST = 3.0
MAIN_LABEL_ROLES = {"title", "centre", "notice-title", "ticket-number"}
MAIN_BUTTON_ROLES = {"choice", "primary"}
METRICS = Metrics(TEST_DPI)
# Tolerance for rounding whole pixels.
PIXEL = METRICS.mm(1)

WALK = [
    ("welcome", []),
    ("fields", ["Chạm để bắt đầu"]),
    ("procedures", ["Hộ tịch"]),
    ("details", ["Đăng ký khai sinh"]),
    ("priority", ["Lấy số thứ tự"]),
]


def visible_page(window: KioskWindow) -> QWidget:
    return window.current_page


def on_screen_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def check_page(window: KioskWindow, where: str) -> None:
    page = visible_page(window)
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons, where
    rects = []
    for button in buttons:
        width, height = METRICS.mm(button.width()), METRICS.mm(button.height())
        assert min(width, height) >= MIN_TARGET_MM - PIXEL, (
            f"{where}: {button.accessibleName()!r} is {width:.1f} x {height:.1f} mm"
        )
        rects.append((button.accessibleName(), on_screen_rect(button, window)))
    for index, (name, rect) in enumerate(rects):
        for other_name, other in rects[index + 1 :]:
            gap_x = max(other.left() - rect.right(), rect.left() - other.right()) - 1
            gap_y = max(other.top() - rect.bottom(), rect.top() - other.bottom()) - 1
            gap = METRICS.mm(max(gap_x, gap_y))
            assert gap >= MIN_GAP_MM - PIXEL, f"{where}: {name!r} and {other_name!r}: {gap:.1f} mm"
    for label in (lab for lab in page.findChildren(QLabel) if lab.isVisible() and lab.text()):
        font = label.font()
        points = METRICS.mm(font.pixelSize()) * 72 / 25.4
        assert points >= MIN_BODY_POINTS - 1, f"{where}: {label.text()!r} at {points:.1f} pt"
        parent = label.parentWidget()
        main = label.property("role") in MAIN_LABEL_ROLES or (
            isinstance(parent, QAbstractButton) and parent.property("role") in MAIN_BUTTON_ROLES
        )
        if main:
            cap = METRICS.mm(QFontMetricsF(font).capHeight())
            assert cap >= MIN_MAIN_CAP_MM, f"{where}: {label.text()!r} capital {cap:.2f} mm"


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_targets_gaps_and_type_sizes_on_every_screen(
    qtbot: QtBot, make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    for name, taps in WALK:
        for text in taps:
            tap(qtbot, window, text)
        check_page(window, f"{name} {size}")
    tap(qtbot, window, "Không")
    qtbot.waitUntil(lambda: window.current_screen is window.ticket, timeout=10_000)
    check_page(window, f"ticket {size}")
    tap(qtbot, window, "⌂ Trang đầu")
    tap(qtbot, window, "Chạm để bắt đầu")
    tap(qtbot, window, "Tìm theo tên thủ tục")
    for key in "KHAI":
        tap(qtbot, window, key)
    check_page(window, f"search {size}")
    tap(qtbot, window, "Tôi cần hỗ trợ")
    check_page(window, f"help notice {size}")


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_the_idle_warning_sizes(
    qtbot: QtBot, make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size=size, idle_seconds=1, idle_warning_seconds=30)
    tap(qtbot, window, "Chạm để bắt đầu")
    qtbot.waitUntil(lambda: window.current_page is window.idle_warning, timeout=5000)
    check_page(window, f"idle warning {size}")


def test_every_text_colour_at_7_to_1_and_every_border_at_3_to_1() -> None:
    rules = parse_rules(kiosk_stylesheet(METRICS))
    page = next(rule for rule in rules if rule.selector == "QWidget#kiosk").colour(
        "background-color"
    )
    assert page is not None
    texts = text_colour_pairs(rules)
    assert len(texts) >= 20
    for pair in texts:
        assert pair.ratio >= TEXT_CONTRAST, pair
    borders = border_colour_pairs(rules, page)
    assert len(borders) >= 8
    for pair in borders:
        assert pair.ratio >= BORDER_CONTRAST, pair


def test_contrast_formula_and_a_rule_without_background() -> None:
    from ui.common.contrast import contrast_ratio

    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    with pytest.raises(ValueError, match="without a background"):
        text_colour_pairs(parse_rules("QLabel { color: #000000; }"))


def test_millimetres_follow_the_screens_dpi() -> None:
    assert Metrics(96).px(25.4) == 96
    assert Metrics(160).px(20) == 126
    assert Metrics(96).points_px(72) == 96
