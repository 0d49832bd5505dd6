"""Printing through python-escpos's real Network class to a fake printer on 127.0.0.1."""

import time

import pytest
from PIL import Image, ImageChops

from printer import (
    FontSet,
    PrinterSpec,
    TicketContent,
    print_ticket,
    query_status,
    render_ticket_bitmap,
)
from printer.spec import RasterImpl
from tests.support.fake_printer import FakeMode, FakeNetworkPrinter

TIMEOUT = 1.0
# What fired is told by the reason (the socket's own deadline, not the watchdog's give-up).
# Elapsed time only has to rule out waiting several timeouts in a row: on a loaded 2-core
# machine a thread can wait most of a second for a core, so the bound is generous.
WAITED_TOO_LONG = 3 * TIMEOUT


def content() -> TicketContent:
    return TicketContent(
        centre_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
        number_label="C045",
        procedure_name=(
            "Liên thông: khai sinh, thường trú, thẻ BHYT, thẻ căn cước cho trẻ em dưới 6 tuổi"
        ),
        priority_label="ƯU TIÊN · Người từ 60 tuổi trở lên",
        queue_line="Trước bạn: 3 người · Chờ khoảng 15 phút",
        issued_at_text="09:41 · 24/11/2026",
        where_to_wait="Khu chờ B",
        documents_heading="Giấy tờ cần chuẩn bị:",
        documents=("Giấy chứng sinh", "Căn cước của cha hoặc mẹ", "Giấy đăng ký kết hôn"),
        qr_url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html",
        qr_caption="Làm trực tuyến trên Cổng Dịch vụ công quốc gia",
        footer="Cảm ơn ông/bà",
    )


def network_spec(fake: FakeNetworkPrinter, width: int = 576, **changes: object) -> PrinterSpec:
    settings: dict[str, object] = {
        "kind": "network",
        "host": fake.host,
        "port": fake.port,
        "width_dots": width,
        "timeout_seconds": TIMEOUT,
        "status_timeout_seconds": 0.3,
    }
    settings.update(changes)
    return PrinterSpec(**settings)  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [384, 576])
@pytest.mark.parametrize("raster_impl", ["bitImageRaster", "graphics", "bitImageColumn"])
def test_printed_ticket_decodes_to_the_rendered_image(
    fonts: FontSet, width: int, raster_impl: RasterImpl
) -> None:
    image = render_ticket_bitmap(content(), width, fonts)
    with FakeNetworkPrinter() as fake:
        outcome = print_ticket(image, network_spec(fake, width, raster_impl=raster_impl))
        job = fake.wait_for_job()

    assert (outcome.status, outcome.reason) == ("printed", None)
    printed = [name for name in job.names if name != "status"]
    assert printed[0] == "init"
    assert printed[-1] == "cut"
    assert job.image is not None
    # Column mode prints bands of 24 dots; the last band is padded with paper.
    padding = job.image.crop((0, image.height, width, job.image.height)).convert("L")
    assert padding.histogram()[0] == 0, "black dots below the ticket"
    received = job.image.crop((0, 0, width, image.height))
    assert received.size == image.size
    assert ImageChops.difference(received.convert("L"), image.convert("L")).getbbox() is None


def test_bytes_start_with_initialisation_and_end_with_a_cut(fonts: FontSet) -> None:
    image = render_ticket_bitmap(content(), 384, fonts)
    with FakeNetworkPrinter() as fake:
        print_ticket(image, network_spec(fake, 384, profile="TM-T20II"))
        fake.wait_for_job()
        data = bytes(fake.connections[0].data)

    status_query = b"\x10\x04"
    job = data.replace(status_query + b"\x01", b"").replace(status_query + b"\x04", b"")
    assert job.startswith(b"\x1b@")
    assert job.endswith(b"\x1dV\x00")


def print_to(
    mode: FakeMode, image: Image.Image, **fake_options: int
) -> tuple[object, float, bytes]:
    with FakeNetworkPrinter(mode, **fake_options) as fake:
        started = time.monotonic()
        outcome = print_ticket(image, network_spec(fake))
        elapsed = time.monotonic() - started
        received = bytes(fake.connections[0].data) if fake.connections else b""
    return outcome, elapsed, received


@pytest.fixture(scope="module")
def ticket_576(fonts: FontSet) -> Image.Image:
    return render_ticket_bitmap(content(), 576, fonts)


def test_connection_refused_fails_at_once(ticket_576: Image.Image) -> None:
    fake = FakeNetworkPrinter()  # bound but never listening: the port refuses
    spec = network_spec(fake)
    fake.stop()

    outcome = print_ticket(ticket_576, spec)

    # Refused, not timed out: the reason says it did not wait.
    assert outcome.status == "failed"
    assert outcome.reason == f"printer 127.0.0.1:{spec.port} refused the connection"


def test_connection_closed_in_the_middle_of_a_ticket_fails(ticket_576: Image.Image) -> None:
    outcome, elapsed, received = print_to("close-after-bytes", ticket_576, close_after_bytes=5000)

    assert outcome.status == "failed"  # type: ignore[attr-defined]
    assert "closed the connection" in outcome.reason  # type: ignore[attr-defined]
    assert len(received) == 5000
    assert elapsed < WAITED_TOO_LONG


def test_printer_that_never_reads_is_unknown_within_the_timeout(ticket_576: Image.Image) -> None:
    outcome, elapsed, received = print_to("never-read", ticket_576)

    assert outcome.status == "unknown"  # type: ignore[attr-defined]
    assert "did not answer the status query" in outcome.reason  # type: ignore[attr-defined]
    assert received == b""
    assert elapsed < WAITED_TOO_LONG


def test_paper_out_fails_without_sending_the_ticket(ticket_576: Image.Image) -> None:
    outcome, elapsed, received = print_to("paper-out", ticket_576)

    assert (outcome.status, outcome.reason) == ("failed", "paper out")  # type: ignore[attr-defined]
    assert received == b"\x10\x04\x01\x10\x04\x04"  # the two status queries, no ticket
    assert elapsed < WAITED_TOO_LONG


def test_paper_low_prints_and_says_so(ticket_576: Image.Image) -> None:
    outcome, _elapsed, _received = print_to("paper-low", ticket_576)

    assert (outcome.status, outcome.reason) == ("printed", "paper low")  # type: ignore[attr-defined]


def test_no_status_answer_is_unknown_not_fine(ticket_576: Image.Image) -> None:
    with FakeNetworkPrinter("no-status") as fake:
        outcome = print_ticket(ticket_576, network_spec(fake))
        job = fake.wait_for_job()

    assert outcome.status == "unknown"
    assert job.image is not None  # sent all the same: it may well have printed


@pytest.mark.parametrize(
    ("mode", "online", "paper"),
    [("normal", True, "ok"), ("paper-low", True, "low"), ("paper-out", False, "out")],
)
def test_query_status_reports_what_the_printer_says(
    mode: FakeMode, online: bool, paper: str
) -> None:
    with FakeNetworkPrinter(mode) as fake:
        status = query_status(network_spec(fake))

    assert (status.online, status.paper) == (online, paper)


def test_query_status_of_a_silent_printer_is_unknown() -> None:
    with FakeNetworkPrinter("never-read") as fake:
        status = query_status(network_spec(fake))

    assert (status.online, status.paper) == (None, None)
    assert status.reason == "printer did not answer the status query"
