"""The checklist slip: a procedure's documents as tick boxes, to take home, without a number.

A citizen who must come back with papers keeps this instead of a long ticket: the procedure,
each document with a box to tick, the fee, the processing time, where it is handled and the
portal's QR code.
"""

from dataclasses import dataclass

from PIL import Image

from printer.canvas import RollCanvas
from printer.layout import SizedFonts, paper_scale, qr_image
from printer.ticket_content import FontSet


@dataclass(frozen=True)
class ChecklistContent:
    """Everything the slip shows, texts final and in the citizen's language."""

    centre_name: str
    heading: str
    procedure_name: str
    documents_heading: str
    documents: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    """(heading, text) pairs: fee, processing time, where it is handled."""
    qr_url: str | None
    qr_caption: str
    printed_at_text: str
    footer: str


def render_checklist_bitmap(
    content: ChecklistContent, width_dots: int, fonts: FontSet
) -> Image.Image:
    """The slip as a mode "1" image exactly ``width_dots`` wide; every document is listed."""
    scale = paper_scale(width_dots)
    sized = SizedFonts(fonts, scale)
    canvas = RollCanvas(width_dots, margin=round(8 * scale))
    gap = round(8 * scale)
    canvas.text(content.centre_name, sized.bold("small"))
    canvas.rule(thickness=max(2, round(2 * scale)), gap=gap)
    canvas.text(content.heading, sized.bold("title"))
    canvas.space(gap)
    canvas.text(content.procedure_name, sized.bold("procedure"))
    canvas.rule(thickness=1, gap=gap)
    canvas.text(content.documents_heading, sized.bold("body"), align="left")
    canvas.space(gap // 2)
    body = sized.regular("body")
    for document in content.documents:
        canvas.tick_box_text(document, body)
        canvas.space(gap // 2)
    canvas.rule(thickness=1, gap=gap)
    for heading, text in content.facts:
        canvas.text(heading, sized.bold("small"), align="left")
        canvas.text(text, body, align="left")
        canvas.space(gap // 2)
    if content.qr_url:
        canvas.rule(thickness=1, gap=gap)
        canvas.picture_row([(qr_image(content.qr_url), content.qr_caption)], body, gap)
    canvas.rule(thickness=1, gap=gap)
    canvas.text(content.printed_at_text, sized.regular("small"))
    canvas.text(content.footer, sized.regular("small"))
    return canvas.render()
