"""The compact ticket: at most 100 mm of paper at 58 and 80 mm, with room for two QR codes."""

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image

from kiosk.catalog.loader import builtin_catalog
from kiosk.catalog.procedures import Catalog
from kiosk.config import settings_from_mapping
from kiosk.printing.desk import TicketDesk
from kiosk.printing.ticket_texts import words_for
from kiosk.queue.tickets import IssuedTicket
from kiosk.storage.db import Database
from kiosk.storage.models import PrintStatus, Priority
from printer import FontSet, TicketContent, render_ticket_bitmap

MAX_DOTS = 800  # 100 mm at 8 dots per mm
# As long as a follow-your-turn address with an unguessable token will be.
DUMMY_FOLLOW_URL = "https://hanhchinh.phuong-hoa-cuong.danang.gov.vn/t/Xy3kP9qLm2Rt8vW4zA7bCd"


def _desk(tmp_path: Path, catalog: Catalog, **printer: object) -> TicketDesk:
    """A desk that is only asked for the ticket's texts (its database is never opened)."""
    settings = settings_from_mapping({"printer": printer}, data_dir=tmp_path)
    return TicketDesk(Database(settings.database_url), settings, catalog)


def _content(desk: TicketDesk, language: str, *, follow: bool = True) -> TicketContent:
    """The ticket of an elderly citizen for the procedure with the longest name in ``language``."""
    procedure = max(desk.catalog.procedures, key=lambda p: len(p.name(language)))
    ticket = IssuedTicket(
        id=1,
        service_day=date(2026, 12, 1),
        prefix="A",
        number=128,
        procedure_code=procedure.code,
        priority=Priority.ELDERLY,
        kiosk_id="sanh-1",
        issued_at=datetime(2026, 12, 1, 2, 5, tzinfo=UTC),
        people_ahead=48,
        estimated_wait_minutes=240,
        print_status=PrintStatus.PENDING,
        print_error=None,
        help_request_id=None,
    )
    content = desk.ticket_content(ticket, language)
    return replace(content, follow_url=DUMMY_FOLLOW_URL if follow else None)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("width", [384, 576])
def test_the_default_ticket_fits_in_100_mm(
    tmp_path: Path, fonts: FontSet, width: int, language: str
) -> None:
    desk = _desk(tmp_path, builtin_catalog(), width_dots=width)
    content = _content(desk, language)
    assert content.documents == ()
    assert content.priority_label == words_for(language).priority[Priority.ELDERLY]

    image = render_ticket_bitmap(content, width, fonts)

    assert image.width == width
    assert image.height <= MAX_DOTS, f"{image.height / 8:.1f} mm of paper"


@pytest.mark.parametrize("width", [384, 576])
def test_the_follow_code_sits_beside_the_portal_code(
    tmp_path: Path, fonts: FontSet, width: int
) -> None:
    desk = _desk(tmp_path, builtin_catalog(), width_dots=width)

    with_follow = render_ticket_bitmap(_content(desk, "vi"), width, fonts)
    without = render_ticket_bitmap(_content(desk, "vi", follow=False), width, fonts)

    # Beside, not below: at most a caption line longer (the lone code's caption has the
    # whole width), not a code longer; and ink in the right quarter where there was none.
    assert with_follow.height - without.height < 40
    assert _bottom_right_quarter(with_follow).getextrema()[0] == 0
    assert _bottom_right_quarter(without).getextrema() == (255, 255)


def _bottom_right_quarter(image: Image.Image) -> Image.Image:
    """Where the second code goes: the last 200 dots of paper, right quarter."""
    box = (image.width * 3 // 4, image.height - 200, image.width, image.height)
    return image.crop(box).convert("L")


def test_documents_on_ticket_keeps_the_long_ticket(tmp_path: Path, fonts: FontSet) -> None:
    catalog = builtin_catalog()
    compact = _content(_desk(tmp_path, catalog), "vi")
    long = _content(_desk(tmp_path, catalog, documents_on_ticket=True), "vi")

    assert long.documents
    assert (
        render_ticket_bitmap(long, 576, fonts).height
        > render_ticket_bitmap(compact, 576, fonts).height + 200
    )
