"""A paper-roll canvas: blocks of wrapped text and images stacked top to bottom.

Blocks are measured first and painted once the total height is known, on a
greyscale image that is thresholded to 1 bit at the end (no dithering, so text
edges stay crisp on a thermal head).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

Align = Literal["left", "centre"]
Paint = Callable[[ImageDraw.ImageDraw, Image.Image, int], None]

# Greys darker than this become black dots: slightly below mid-grey thickens thin
# strokes a little, which thermal paper needs.
BLACK_THRESHOLD = 160
# Letters whose stacked marks reach highest and lowest in Vietnamese.
_TALLEST_PROBE = "ỖẪẶỞẾỆỸ"
_DEEPEST_PROBE = "gjpqyỵỴ"


@lru_cache(maxsize=64)
def load_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """The font at ``path`` in ``size`` pixels (cached: loading costs milliseconds)."""
    return ImageFont.truetype(str(path), size)


@lru_cache(maxsize=64)
def line_extent(font: ImageFont.FreeTypeFont) -> tuple[int, int]:
    """Pixels above and below the baseline that any Vietnamese line may use.

    The font's own ascent is lower than a capital with a stacked mark such as
    "Ở", so lines are spaced by measured glyphs instead.
    """
    top = font.getbbox(_TALLEST_PROBE, anchor="ls")[1]
    bottom = font.getbbox(_DEEPEST_PROBE, anchor="ls")[3]
    clearance = max(1, round(font.size / 20))  # anti-aliased edges reach past the box
    return clearance - top, bottom + clearance


@lru_cache(maxsize=8192)
def text_length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """Pixel length of ``text``: wrapping measures the same candidate lines again and again
    (balanced wrapping searches over widths; tickets repeat their texts), so it is cached.
    Fonts come from :func:`load_font`, so equal fonts are the same object.
    """
    return font.getlength(text)


def wrap_text(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width`` pixels, broken between words.

    A word wider than the whole line is broken between letters; nothing is
    ever cut off.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_length(font, candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _break_long_word(word, font, width):
                lines.append(piece)
            line = lines.pop()
        lines.append(line)
    return lines


def balanced_wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Like :func:`wrap_text`, in as few lines, but of even lengths.

    Centred titles then read "Trung tâm Phục vụ / hành chính công" instead of
    leaving one orphan word on the last line.
    """
    lines = wrap_text(text, font, width)
    if len(lines) < 2:
        return lines
    narrowest = max(int(text_length(font, word)) + 1 for word in text.split())
    if narrowest >= width:
        return lines
    low, high = narrowest, width
    while low < high:
        middle = (low + high) // 2
        if len(wrap_text(text, font, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return wrap_text(text, font, low)


def _break_long_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    pieces = [""]
    for letter in word:
        if pieces[-1] and text_length(font, pieces[-1] + letter) > width:
            pieces.append("")
        pieces[-1] += letter
    return pieces


@dataclass(frozen=True)
class _Block:
    height: int
    paint: Paint


class RollCanvas:
    """Collects blocks for a ticket ``width`` dots wide with side ``margin``."""

    def __init__(self, width: int, margin: int) -> None:
        self.width = width
        self.margin = margin
        self._blocks: list[_Block] = []

    @property
    def text_width(self) -> int:
        return self.width - 2 * self.margin

    def space(self, height: int) -> None:
        self._blocks.append(_Block(height, lambda _draw, _image, _top: None))

    def text(
        self,
        text: str,
        font: ImageFont.FreeTypeFont,
        align: Align = "centre",
        indent: int = 0,
        first_line_prefix: str = "",
    ) -> None:
        """Wrapped text; a ``first_line_prefix`` (a bullet) hangs in the indent."""
        above, below = line_extent(font)
        line_height = above + below + round(font.size / 12)
        wrap = balanced_wrap if align == "centre" else wrap_text
        for index, line in enumerate(wrap(text, font, self.text_width - indent)):
            prefix = first_line_prefix if index == 0 else ""
            self._blocks.append(
                _Block(
                    line_height,
                    self._text_painter(
                        line=line, font=font, align=align, indent=indent, prefix=prefix, above=above
                    ),
                )
            )

    def _text_painter(
        self,
        *,
        line: str,
        font: ImageFont.FreeTypeFont,
        align: Align,
        indent: int,
        prefix: str,
        above: int,
    ) -> Paint:
        def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, top: int) -> None:
            baseline = top + above
            if align == "centre":
                x = (self.width - text_length(font, line)) / 2
            else:
                x = self.margin + indent
            if prefix:
                draw.text((self.margin, baseline), prefix, font=font, fill=0, anchor="ls")
            draw.text((x, baseline), line, font=font, fill=0, anchor="ls")

        return paint

    def tight_text(self, text: str, font: ImageFont.FreeTypeFont) -> None:
        """One centred line spaced by its own ink, for the very large number."""
        left, top, right, bottom = font.getbbox(text, anchor="ls")

        def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, block_top: int) -> None:
            x = (self.width - (right - left)) / 2 - left
            draw.text((x, block_top - top), text, font=font, fill=0, anchor="ls")

        self._blocks.append(_Block(bottom - top, paint))

    def inverted_text(self, text: str, font: ImageFont.FreeTypeFont, padding: int) -> None:
        """White text on a black band the width of the paper: a mark no one misses."""
        above, below = line_extent(font)
        lines = balanced_wrap(text, font, self.text_width - 2 * padding)
        line_height = above + below
        height = line_height * len(lines) + 2 * padding

        def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, top: int) -> None:
            draw.rounded_rectangle(
                (self.margin, top, self.width - self.margin - 1, top + height - 1),
                radius=padding,
                fill=0,
            )
            for index, line in enumerate(lines):
                baseline = top + padding + index * line_height + above
                x = (self.width - text_length(font, line)) / 2
                draw.text((x, baseline), line, font=font, fill=255, anchor="ls")

        self._blocks.append(_Block(height, paint))

    def rule(self, thickness: int, gap: int) -> None:
        """A horizontal line with ``gap`` dots of paper above and below."""

        def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, top: int) -> None:
            y = top + gap
            draw.rectangle(
                (self.margin, y, self.width - self.margin - 1, y + thickness - 1), fill=0
            )

        self._blocks.append(_Block(thickness + 2 * gap, paint))

    def text_pair(self, left: str, right: str, font: ImageFont.FreeTypeFont) -> None:
        """Two short texts on one line, at the left and right margins (a caption and the time).

        When both do not fit side by side they take a line each, never overlapping.
        """
        gap = round(font.size / 2)
        if text_length(font, left) + gap + text_length(font, right) > self.text_width:
            self.text(left, font)
            self.text(right, font)
            return
        above, below = line_extent(font)

        def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, top: int) -> None:
            baseline = top + above
            draw.text((self.margin, baseline), left, font=font, fill=0, anchor="ls")
            x = self.width - self.margin - text_length(font, right)
            draw.text((x, baseline), right, font=font, fill=0, anchor="ls")

        self._blocks.append(_Block(above + below + round(font.size / 12), paint))

    def picture_row(
        self, cells: Sequence[tuple[Image.Image, str]], font: ImageFont.FreeTypeFont, gap: int
    ) -> None:
        """Pictures side by side in equal columns, each with its caption centred below it.

        Used for the QR codes: two codes share one band of paper instead of two.
        """
        if not cells:
            return
        cell_width = self.text_width // len(cells)
        above, below = line_extent(font)
        line_height = above + below
        captions = [balanced_wrap(caption, font, cell_width - gap) for _, caption in cells]
        picture_height = max(picture.height for picture, _ in cells)
        caption_lines = max(len(lines) for lines in captions)
        height = picture_height + gap // 2 + caption_lines * line_height

        def paint(_draw: ImageDraw.ImageDraw, image: Image.Image, top: int) -> None:
            draw = ImageDraw.Draw(image)
            for index, (picture, _caption) in enumerate(cells):
                centre = self.margin + index * cell_width + cell_width // 2
                image.paste(picture.convert("L"), (centre - picture.width // 2, top))
                for number, line in enumerate(captions[index]):
                    baseline = top + picture_height + gap // 2 + number * line_height + above
                    x = centre - text_length(font, line) / 2
                    draw.text((x, baseline), line, font=font, fill=0, anchor="ls")

        self._blocks.append(_Block(height, paint))

    def tick_box_text(self, text: str, font: ImageFont.FreeTypeFont) -> None:
        """Left-aligned wrapped text behind an empty square the reader ticks with a pen."""
        above, below = line_extent(font)
        line_height = above + below + round(font.size / 12)
        box = round(font.size * 0.7)
        indent = box + round(font.size * 0.5)
        lines = wrap_text(text, font, self.text_width - indent)
        stroke = max(2, round(font.size / 12))

        def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, top: int) -> None:
            baseline = top + above
            draw.rectangle(
                (self.margin, baseline - box, self.margin + box, baseline),
                outline=0,
                width=stroke,
            )
            for index, line in enumerate(lines):
                y = baseline + index * line_height
                draw.text((self.margin + indent, y), line, font=font, fill=0, anchor="ls")

        self._blocks.append(_Block(line_height * len(lines), paint))

    def picture(self, picture: Image.Image) -> None:
        """A 1-bit or greyscale image, centred."""

        def paint(_draw: ImageDraw.ImageDraw, image: Image.Image, top: int) -> None:
            image.paste(picture.convert("L"), ((self.width - picture.width) // 2, top))

        self._blocks.append(_Block(picture.height, paint))

    def render(self) -> Image.Image:
        """The collected blocks as a mode "1" image exactly ``width`` dots wide."""
        height = sum(block.height for block in self._blocks)
        image = Image.new("L", (self.width, max(height, 1)), 255)
        draw = ImageDraw.Draw(image)
        top = 0
        for block in self._blocks:
            block.paint(draw, image, top)
            top += block.height
        return image.point(lambda grey: 255 if grey >= BLACK_THRESHOLD else 0).convert(
            "1", dither=Image.Dither.NONE
        )
