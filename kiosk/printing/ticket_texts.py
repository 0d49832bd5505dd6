"""The fixed words printed on a ticket, per language (catalogue texts come from the catalogue)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.storage.models import Priority


@dataclass(frozen=True)
class TicketWords:
    number_caption: str
    queue_line: str  # {ahead}, {minutes}
    nobody_ahead: str
    documents_heading: str
    more_documents: str  # {count}
    qr_caption: str
    follow_caption: str
    footer: str
    priority: dict[Priority, str]


WORDS = {
    "vi": TicketWords(
        number_caption="SỐ THỨ TỰ",
        queue_line="Trước bạn: {ahead} người · Chờ khoảng {minutes} phút",
        nobody_ahead="Bạn là người tiếp theo",
        documents_heading="Giấy tờ cần chuẩn bị:",
        more_documents="+ {count} giấy tờ khác (xem tại quầy)",
        qr_caption="Thủ tục trực tuyến",
        follow_caption="Theo dõi lượt của bạn",
        footer="Xin giữ phiếu và chờ gọi số. Cảm ơn!",
        priority={
            Priority.ELDERLY: "ƯU TIÊN · NGƯỜI CAO TUỔI",
            Priority.DISABILITY: "ƯU TIÊN · NGƯỜI KHUYẾT TẬT",
            Priority.PREGNANT_OR_CHILD: "ƯU TIÊN · MANG THAI / CON NHỎ",
        },
    ),
    "en": TicketWords(
        number_caption="YOUR NUMBER",
        queue_line="Ahead of you: {ahead} · About {minutes} min wait",
        nobody_ahead="You are next",
        documents_heading="Documents to have ready:",
        more_documents="+ {count} more (ask at the counter)",
        qr_caption="This procedure online",
        follow_caption="Follow your turn",
        footer="Keep this ticket until your number is called",
        priority={
            Priority.ELDERLY: "PRIORITY · ELDERLY",
            Priority.DISABILITY: "PRIORITY · DISABILITY",
            Priority.PREGNANT_OR_CHILD: "PRIORITY · PREGNANT / SMALL CHILD",
        },
    ),
}


def words_for(language: str) -> TicketWords:
    return WORDS.get(language, WORDS["vi"])


def queue_line(words: TicketWords, ahead: int, minutes: int) -> str:
    if ahead == 0:
        return words.nobody_ahead
    return words.queue_line.format(ahead=ahead, minutes=minutes)


def issued_at_text(moment: datetime, zone: ZoneInfo) -> str:
    """Day and time at the centre, written the Vietnamese way (dd/mm/yyyy HH:MM)."""
    return moment.astimezone(zone).strftime("%d/%m/%Y %H:%M")
