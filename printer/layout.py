"""The ticket layout: a 1-bit image at the printer's dot width."""

from functools import lru_cache

import qrcode
from PIL import Image, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from printer.canvas import RollCanvas, load_font
from printer.ticket_content import FontSet, TicketContent

MAX_DOCUMENTS = 4
"""Documents listed on paper; the rest are counted (the screen shows them all)."""

# Sizes in dots for a 58 mm roll (384 dots at 203 dpi, 8 dots per mm). Wider rolls
# grow the text by the square root of the width ratio: a little larger, and more
# words per line, so an 80 mm ticket is not a longer copy of the 58 mm one.
_BASE_WIDTH = 384
_SIZES = {"title": 26, "body": 24, "small": 20, "caption": 20, "procedure": 27}
_NUMBER_MAX_SIZE = 170
_QR_MODULE_DOTS = 4  # 0.5 mm at 203 dpi: scannable by any phone camera
_QR_QUIET_MODULES = 4


class _Fonts:
    def __init__(self, fonts: FontSet, scale: float) -> None:
        self.files = fonts
        self.scale = scale

    def regular(self, role: str) -> ImageFont.FreeTypeFont:
        return load_font(self.files.regular, round(_SIZES[role] * self.scale))

    def bold(self, role: str) -> ImageFont.FreeTypeFont:
        return load_font(self.files.bold, round(_SIZES[role] * self.scale))


def render_ticket_bitmap(content: TicketContent, width_dots: int, fonts: FontSet) -> Image.Image:
    """The ticket as a mode "1" image exactly ``width_dots`` wide, ready to print."""
    scale = (width_dots / _BASE_WIDTH) ** 0.5
    sized = _Fonts(fonts, scale)
    canvas = RollCanvas(width_dots, margin=round(8 * scale))
    gap = round(10 * scale)

    canvas.text(content.centre_name, sized.bold("title"))
    canvas.rule(thickness=max(2, round(2 * scale)), gap=gap)
    if content.number_caption:
        canvas.text(content.number_caption, sized.regular("small"))
        canvas.space(round(8 * scale))
    canvas.tight_text(content.number_label, _number_font(content.number_label, canvas, fonts))
    canvas.space(gap * 2)
    canvas.text(content.procedure_name, sized.bold("procedure"))
    if content.priority_label:
        canvas.space(gap)
        canvas.inverted_text(content.priority_label, sized.bold("body"), padding=gap)
    canvas.space(gap)
    canvas.text(content.queue_line, sized.regular("body"))
    canvas.text(content.issued_at_text, sized.regular("small"))
    canvas.space(gap)
    canvas.text(content.where_to_wait, sized.bold("body"))
    if content.documents:
        _documents(canvas, content, sized, gap)
    if content.qr_url:
        canvas.rule(thickness=1, gap=gap)
        canvas.picture(_qr_image(content.qr_url, scale))
        canvas.text(content.qr_caption, sized.regular("caption"))
    if content.follow_url:
        canvas.rule(thickness=1, gap=gap)
        canvas.picture(_qr_image(content.follow_url, scale))
        canvas.text(content.follow_caption, sized.bold("caption"))
    canvas.rule(thickness=1, gap=gap)
    canvas.text(content.footer, sized.regular("small"))
    return canvas.render()


def _number_font(label: str, canvas: RollCanvas, fonts: FontSet) -> ImageFont.FreeTypeFont:
    """The largest bold font in which ``label`` fits across the paper."""
    size = round(_NUMBER_MAX_SIZE * canvas.width / _BASE_WIDTH)
    font = load_font(fonts.bold, size)
    width = font.getlength(label)
    if width > canvas.text_width:
        size = int(size * canvas.text_width / width)
        font = load_font(fonts.bold, size)
        while size > 8 and font.getlength(label) > canvas.text_width:
            size -= 1
            font = load_font(fonts.bold, size)
    return font


def _documents(canvas: RollCanvas, content: TicketContent, sized: _Fonts, gap: int) -> None:
    canvas.rule(thickness=1, gap=gap)
    canvas.text(content.documents_heading, sized.bold("body"), align="left")
    body = sized.regular("body")
    bullet = "•"
    indent = round(body.getlength(bullet + "  "))
    for document in content.documents[:MAX_DOCUMENTS]:
        canvas.text(document, body, align="left", indent=indent, first_line_prefix=bullet)
    left_off = len(content.documents) - MAX_DOCUMENTS
    if left_off > 0:
        more = content.more_documents_format.format(count=left_off)
        canvas.text(more, sized.regular("small"), align="left", indent=indent)


@lru_cache(maxsize=128)
def _qr_image(url: str, scale: float) -> Image.Image:
    """The QR code (cached: choosing the mask costs ~20 ms and a procedure's URL repeats)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=_QR_QUIET_MODULES)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    one_dot_per_module = Image.new("1", (modules, modules))
    one_dot_per_module.putdata([0 if dark else 1 for row in matrix for dark in row])
    module_dots = max(_QR_MODULE_DOTS, round(_QR_MODULE_DOTS * scale))
    size = modules * module_dots
    return one_dot_per_module.resize((size, size), Image.Resampling.NEAREST)
