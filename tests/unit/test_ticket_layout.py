"""The ticket layout: exact width, 1 bit, wrapping by measured width, marks not cut."""

import pytest
from PIL import Image

from printer import FontSet, TicketContent, render_test_page, render_ticket_bitmap
from printer.canvas import RollCanvas, load_font, wrap_text

LONG_PROCEDURE = "Liên thông: khai sinh, thường trú, thẻ BHYT, thẻ căn cước cho trẻ em dưới 6 tuổi"


def ticket(**changes: object) -> TicketContent:
    fields: dict[str, object] = {
        "centre_name": "Trung tâm Phục vụ hành chính công phường Ô Chợ Dừa",
        "number_label": "A012",
        "procedure_name": "Đăng ký khai sinh",
        "priority_label": None,
        "queue_line": "Trước bạn: 3 người · Chờ khoảng 15 phút",
        "issued_at_text": "14:05 · 23/11/2026",
        "where_to_wait": "Vui lòng chờ tại: Khu A",
        "documents_heading": "Giấy tờ cần chuẩn bị:",
        "documents": ("Tờ khai đăng ký khai sinh", "Giấy chứng sinh"),
        "qr_url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html",
        "qr_caption": "Làm trực tuyến",
        "footer": "Cảm ơn ông/bà",
    }
    fields.update(changes)
    return TicketContent(**fields)  # type: ignore[arg-type]


def ink_rows(image: Image.Image) -> list[bool]:
    """For each row, whether it has any black dot."""
    inverted = image.convert("L").point(lambda grey: 255 - grey)
    return [
        inverted.crop((0, y, image.width, y + 1)).getbbox() is not None for y in range(image.height)
    ]


@pytest.mark.parametrize("width", [384, 576])
def test_ticket_is_one_bit_and_exactly_the_paper_width(fonts: FontSet, width: int) -> None:
    image = render_ticket_bitmap(ticket(procedure_name=LONG_PROCEDURE), width, fonts)

    assert image.mode == "1"
    assert image.width == width
    histogram = image.convert("L").histogram()
    assert [grey for grey, count in enumerate(histogram) if count] == [0, 255]


@pytest.mark.parametrize("width", [384, 576])
def test_long_procedure_name_wraps_within_the_paper(fonts: FontSet, width: int) -> None:
    font = load_font(fonts.bold, 30)
    lines = wrap_text(LONG_PROCEDURE, font, width - 20)

    assert len(lines) > 1
    assert all(font.getlength(line) <= width - 20 for line in lines)
    assert " ".join(lines).split() == LONG_PROCEDURE.split()
    short = render_ticket_bitmap(ticket(), width, fonts)
    long = render_ticket_bitmap(ticket(procedure_name=LONG_PROCEDURE), width, fonts)
    assert long.height > short.height


def test_a_word_wider_than_the_paper_is_broken_not_clipped(fonts: FontSet) -> None:
    font = load_font(fonts.regular, 24)
    word = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"

    lines = wrap_text(word, font, 200)

    assert "".join(lines) == word
    assert all(font.getlength(line) <= 200 for line in lines)


@pytest.mark.parametrize("text", ["Ở Ỗ Ệ Ẫ Ặ Ỹ", "ỗ ệ ở ỵ ậ gjpq"])
def test_stacked_tone_marks_are_not_cut_at_the_line_edges(fonts: FontSet, text: str) -> None:
    canvas = RollCanvas(384, margin=8)
    canvas.text(text, load_font(fonts.bold, 40))

    rows = ink_rows(canvas.render())

    assert any(rows)
    assert not rows[0], "a mark touches the top edge of its line"
    assert not rows[-1], "a descender touches the bottom edge of its line"


def ink_bands(image: Image.Image) -> list[int]:
    """The heights of the runs of rows with ink (a line of text, a rule, the number), tallest
    first."""
    bands: list[int] = []
    run = 0
    for has_ink in [*ink_rows(image), False]:
        if has_ink:
            run += 1
        elif run:
            bands.append(run)
            run = 0
    return sorted(bands, reverse=True)


def test_the_number_is_the_largest_thing_on_the_ticket(fonts: FontSet) -> None:
    with_number = ink_bands(render_ticket_bitmap(ticket(qr_url=None), 384, fonts))
    without = ink_bands(render_ticket_bitmap(ticket(qr_url=None, number_label="-"), 384, fonts))

    assert with_number[0] >= 90  # over 11 mm tall at 203 dpi
    # Nothing else comes close: the next tallest (the procedure name, say) is under half.
    assert with_number[1] * 2 < with_number[0]
    # And that tallest band is the number: without it, nothing on the ticket is that tall.
    assert without[0] * 2 < with_number[0]


def test_priority_mark_is_a_solid_band(fonts: FontSet) -> None:
    flagged = render_ticket_bitmap(ticket(priority_label="ƯU TIÊN · 60 tuổi trở lên"), 384, fonts)
    plain = render_ticket_bitmap(ticket(), 384, fonts)

    assert tallest_black_band(flagged) >= 8
    assert tallest_black_band(plain) <= 2  # rules only


def tallest_black_band(image: Image.Image) -> int:
    """The most consecutive rows that are over 90 % black."""
    tallest = run = 0
    for y in range(image.height):
        row = image.crop((0, y, image.width, y + 1)).convert("L")
        run = run + 1 if row.histogram()[0] > 0.9 * image.width else 0
        tallest = max(tallest, run)
    return tallest


def test_documents_beyond_the_first_few_are_counted_not_listed(fonts: FontSet) -> None:
    def height(count: int) -> int:
        documents = tuple(f"Giấy tờ số {n}" for n in range(count))
        return render_ticket_bitmap(ticket(documents=documents), 384, fonts).height

    # Each of the first four is a line of its own; a fifth and more add one "+ N …" line.
    assert height(0) < height(1) < height(4) < height(5)
    assert height(5) == height(10)


@pytest.mark.parametrize("width", [384, 576])
def test_test_page_spans_the_paper(fonts: FontSet, width: int) -> None:
    page = render_test_page(width, fonts, ["Kiosk 1", "Máy in: 10.0.0.5:9100"])

    assert page.mode == "1"
    assert page.width == width
    assert page.getpixel((0, 0)) == 0
    assert page.getpixel((width - 1, 0)) == 0
