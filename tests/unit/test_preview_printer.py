"""The preview printer writes each ticket's PNG and ESC/POS bytes; settings are checked."""

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kiosk.printing.desk import bundled_fonts
from printer import (
    PrinterSpec,
    TicketContent,
    print_ticket,
    query_status,
    render_ticket_bitmap,
)
from tests.support.fake_printer import parse_job


@pytest.fixture(scope="module")
def ticket_image() -> Image.Image:
    fonts = bundled_fonts()
    content = TicketContent(
        centre_name="UBND phường Láng",
        number_label="A012",
        procedure_name="Chứng thực bản sao từ bản chính",
        priority_label="ƯU TIÊN",
        queue_line="Trước bạn: 0 người",
        issued_at_text="08:00 · 24/11/2026",
        where_to_wait="Quầy 2",
        documents_heading="Mang theo:",
        documents=("Bản chính",),
        qr_url=None,
        qr_caption="",
        footer="Cảm ơn",
    )
    return render_ticket_bitmap(content, 384, fonts)


def same_pixels(first: Image.Image, second: Image.Image) -> bool:
    return first.size == second.size and (
        ImageChops.difference(first.convert("L"), second.convert("L")).getbbox() is None
    )


def test_preview_writes_the_png_and_the_escpos_bytes(
    tmp_path: Path, ticket_image: Image.Image
) -> None:
    spec = PrinterSpec(kind="preview", width_dots=384, preview_dir=tmp_path / "tickets")

    outcome = print_ticket(ticket_image, spec, label="A012")

    assert (outcome.status, outcome.reason) == ("printed", None)
    [png] = (tmp_path / "tickets").glob("A012-*.png")
    with Image.open(png) as written:
        assert same_pixels(written, ticket_image)
    job_bytes = png.with_suffix(".bin").read_bytes()
    assert job_bytes.startswith(b"\x1b@")
    assert job_bytes.endswith(b"\x1dV\x00")
    job = parse_job(job_bytes)
    assert job.image is not None
    assert same_pixels(job.image, ticket_image)


def test_preview_into_an_unwritable_place_fails_with_the_reason(
    tmp_path: Path, ticket_image: Image.Image
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    spec = PrinterSpec(kind="preview", width_dots=384, preview_dir=blocker)

    outcome = print_ticket(ticket_image, spec, label="A012")

    assert outcome.status == "failed"
    assert outcome.reason is not None
    assert "not-a-folder" in outcome.reason


def test_an_image_of_the_wrong_width_is_refused(tmp_path: Path, ticket_image: Image.Image) -> None:
    spec = PrinterSpec(kind="preview", width_dots=576, preview_dir=tmp_path)

    outcome = print_ticket(ticket_image, spec)

    assert outcome.status == "failed"
    assert outcome.reason == "ticket image is 384 dots wide, printer takes 576"


def test_preview_reports_itself_online(tmp_path: Path) -> None:
    status = query_status(PrinterSpec(kind="preview", preview_dir=tmp_path))

    assert status.online is True
    assert status.paper is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"kind": "bluetooth"}, "kind 'bluetooth' is not one of"),
        ({"kind": "network"}, "kind 'network' needs host"),
        ({"kind": "usb"}, "needs usb_vendor_id and usb_product_id"),
        ({"raster_impl": "dots"}, "raster_impl 'dots'"),
        ({"width_dots": 380}, "width_dots 380 must be a positive multiple of 8"),
        ({"profile": "TM-T88V", "width_dots": 576}, "wider than the 512 dots"),
        ({"profile": "No-Such-Printer"}, "profile 'No-Such-Printer' is not in"),
        ({"timeout_seconds": 1.0, "status_timeout_seconds": 2.0}, "status_timeout_seconds"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match="printer settings: .*" + message.replace("(", r"\(")):
        PrinterSpec(**{"preview_dir": tmp_path, **settings})  # type: ignore[arg-type]
