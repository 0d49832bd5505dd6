"""The printer test page: proves width, fonts, Vietnamese marks and the cutter."""

from collections.abc import Sequence

from PIL import Image

from printer.canvas import RollCanvas, load_font
from printer.ticket_content import FontSet

# Every tone mark on the letters where stacking goes wrong first.
_VIETNAMESE_SAMPLE = "ẮẰẲẴẶ ẤẦẨẪẬ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ Ỳ Ý Ỷ Ỹ Ỵ đĐ ăâêôơư"


def render_test_page(width_dots: int, fonts: FontSet, lines: Sequence[str]) -> Image.Image:
    """``lines`` (the caller's words: kiosk id, printer, time), a sample and edge marks.

    The ruler at the top spans exactly ``width_dots``: if its end ticks are cut
    off, the configured width is wider than the paper.
    """
    scale = (width_dots / 384) ** 0.5
    body = load_font(fonts.regular, round(24 * scale))
    bold = load_font(fonts.bold, round(26 * scale))
    canvas = RollCanvas(width_dots, margin=0)
    canvas.picture(_ruler(width_dots, height=round(24 * scale)))
    canvas.space(round(10 * scale))
    for index, line in enumerate(lines):
        canvas.text(line, bold if index == 0 else body)
    canvas.rule(thickness=2, gap=round(10 * scale))
    canvas.text(_VIETNAMESE_SAMPLE, body)
    canvas.text(f"{width_dots} dots", body)
    canvas.rule(thickness=2, gap=round(10 * scale))
    return canvas.render()


def _ruler(width: int, height: int) -> Image.Image:
    """Ticks every 8 dots (1 mm at 203 dpi), taller every 80, solid at both edges."""
    ruler = Image.new("1", (width, height), 1)
    for x in range(0, width, 8):
        tick = height if x % 80 == 0 else height // 2
        for y in range(tick):
            ruler.putpixel((x, y), 0)
    for y in range(height):
        ruler.putpixel((width - 1, y), 0)
    return ruler
