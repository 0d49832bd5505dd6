"""The ticket layout: a 1-bit image at the printer's dot width.

Two forms. The compact ticket (the default) carries what a queue needs, number, procedure,
priority mark, people ahead and wait, time, where to wait and the QR codes (the centre's
name on top, no footer), and stays under 100 mm of paper (800 dots at 8 dots per mm) at 58
and 80 mm, with the follow-your-turn code beside the portal's. The long ticket adds the list
of documents, for centres that want it on the ticket rather than on a separate checklist.
"""

from functools import lru_cache

import qrcode
from PIL import Image, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from printer.canvas import RollCanvas, load_font
from printer.ticket_content import FontSet, TicketContent

MAX_DOCUMENTS = 4
"""Documents listed on the long ticket; the rest are counted (the screen shows them all)."""

# Sizes in dots for a 58 mm roll (384 dots at 203 dpi, 8 dots per mm). Wider rolls
# grow the text by the square root of the width ratio: a little larger, and more
# words per line, so an 80 mm ticket is not a longer copy of the 58 mm one.
BASE_WIDTH = 384
_SIZES = {"title": 26, "body": 24, "small": 20, "caption": 20, "procedure": 27}
_NUMBER_MAX_SIZE = 170
# The compact ticket's number: capitals about 13 mm high, readable at arm's length.
_COMPACT_NUMBER_MAX_SIZE = 140
_COMPACT_MAX_SCALE = 1.1
QR_MODULE_DOTS = 4  # 0.5 mm at 203 dpi: scannable by any phone camera
# White modules around a code; side by side, two codes share the white between them.
_QR_QUIET_MODULES = 4


class SizedFonts:
    """The layout's type roles at one paper width."""

    def __init__(self, fonts: FontSet, scale: float) -> None:
        self.files = fonts
        self.scale = scale

    def regular(self, role: str) -> ImageFont.FreeTypeFont:
        return load_font(self.files.regular, round(_SIZES[role] * self.scale))

    def bold(self, role: str) -> ImageFont.FreeTypeFont:
        return load_font(self.files.bold, round(_SIZES[role] * self.scale))


def paper_scale(width_dots: int) -> float:
    return (width_dots / BASE_WIDTH) ** 0.5


def render_ticket_bitmap(content: TicketContent, width_dots: int, fonts: FontSet) -> Image.Image:
    """The ticket as a mode "1" image exactly ``width_dots`` wide, ready to print."""
    if content.documents:
        return _long_ticket(content, width_dots, fonts)
    return _compact_ticket(content, width_dots, fonts)


def _compact_ticket(content: TicketContent, width_dots: int, fonts: FontSet) -> Image.Image:
    # Text grows less with the paper than on the long ticket: an 80 mm roll then gains
    # words per line rather than lines of paper.
    scale = min(paper_scale(width_dots), _COMPACT_MAX_SCALE)
    sized = SizedFonts(fonts, scale)
    canvas = RollCanvas(width_dots, margin=round(8 * scale))
    gap = round(8 * scale)
    canvas.text(content.centre_name, sized.bold("small"))
    canvas.rule(thickness=max(2, round(2 * scale)), gap=gap // 2)
    canvas.text_pair(content.number_caption, content.issued_at_text, sized.regular("small"))
    canvas.space(gap)
    number_size = min(_COMPACT_NUMBER_MAX_SIZE, round(_NUMBER_MAX_SIZE * width_dots / BASE_WIDTH))
    canvas.tight_text(
        content.number_label, number_font(content.number_label, canvas, fonts, number_size)
    )
    canvas.space(gap + gap // 2)
    canvas.text(content.procedure_name, sized.bold("body"))
    if content.priority_label:
        canvas.space(gap)
        canvas.inverted_text(content.priority_label, sized.bold("body"), padding=gap)
    canvas.space(gap)
    canvas.text(content.queue_line, sized.regular("body"))
    canvas.text(content.where_to_wait, sized.bold("body"))
    # The codes' own white border sets them apart: no rule needed around them.
    _qr_codes(canvas, content, sized, gap, rule=False)
    return canvas.render()


def _long_ticket(content: TicketContent, width_dots: int, fonts: FontSet) -> Image.Image:
    scale = paper_scale(width_dots)
    sized = SizedFonts(fonts, scale)
    canvas = RollCanvas(width_dots, margin=round(8 * scale))
    gap = round(10 * scale)

    canvas.text(content.centre_name, sized.bold("title"))
    canvas.rule(thickness=max(2, round(2 * scale)), gap=gap)
    if content.number_caption:
        canvas.text(content.number_caption, sized.regular("small"))
        canvas.space(round(8 * scale))
    number_size = round(_NUMBER_MAX_SIZE * width_dots / BASE_WIDTH)
    canvas.tight_text(
        content.number_label, number_font(content.number_label, canvas, fonts, number_size)
    )
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
    _documents(canvas, content, sized, gap)
    _qr_codes(canvas, content, sized, gap)
    canvas.rule(thickness=1, gap=gap)
    canvas.text(content.footer, sized.regular("small"))
    return canvas.render()


def number_font(
    label: str, canvas: RollCanvas, fonts: FontSet, max_size: int
) -> ImageFont.FreeTypeFont:
    """The largest bold font up to ``max_size`` in which ``label`` fits across the paper."""
    size = max_size
    font = load_font(fonts.bold, size)
    width = font.getlength(label)
    if width > canvas.text_width:
        size = int(size * canvas.text_width / width)
        font = load_font(fonts.bold, size)
        while size > 8 and font.getlength(label) > canvas.text_width:
            size -= 1
            font = load_font(fonts.bold, size)
    return font


def _qr_codes(
    canvas: RollCanvas, content: TicketContent, sized: SizedFonts, gap: int, *, rule: bool = True
) -> None:
    """The portal code and the follow-your-turn code, side by side, each with its caption."""
    cells = [
        (qr_image(url), caption)
        for url, caption in (
            (content.qr_url, content.qr_caption),
            (content.follow_url, content.follow_caption),
        )
        if url
    ]
    if cells:
        if rule:
            canvas.rule(thickness=1, gap=gap)
        canvas.picture_row(cells, sized.regular("caption"), gap)


def _documents(canvas: RollCanvas, content: TicketContent, sized: SizedFonts, gap: int) -> None:
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
def qr_image(url: str) -> Image.Image:
    """The QR code at 0.5 mm a module with its quiet zone (cached: choosing the mask costs
    ~20 ms and a procedure's URL repeats)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=_QR_QUIET_MODULES)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    one_dot_per_module = Image.new("1", (modules, modules))
    one_dot_per_module.putdata([0 if dark else 1 for row in matrix for dark in row])
    size = modules * QR_MODULE_DOTS
    return one_dot_per_module.resize((size, size), Image.Resampling.NEAREST)
