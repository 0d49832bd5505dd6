"""The checklist slip a citizen takes home: what to bring for a procedure, with tick boxes.

It carries no queue number and needs no ticket: a citizen who finds they lack a paper prints
it from the procedure's details and comes back another day. Each print is stored (procedure,
kiosk, time, outcome) so the daily report can count the slips.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from kiosk.catalog.procedures import Procedure
from kiosk.config import Settings
from kiosk.printing.ticket_texts import issued_at_text
from kiosk.queue.service_day import service_day
from kiosk.storage.db import Database
from kiosk.storage.models import ChecklistPrint, PrintStatus

if TYPE_CHECKING:
    from datetime import date

    from printer import ChecklistContent


@dataclass(frozen=True)
class ChecklistWords:
    heading: str
    documents_heading: str
    fee: str
    processing_time: str
    handled_at: str
    unconfirmed: str
    qr_caption: str
    printed_at: str  # {time}
    footer: str


CHECKLIST_WORDS = {
    "vi": ChecklistWords(
        heading="GIẤY TỜ CẦN CHUẨN BỊ",
        documents_heading="Đánh dấu giấy tờ bạn đã có:",
        fee="Lệ phí",
        processing_time="Thời gian giải quyết",
        handled_at="Nơi giải quyết",
        unconfirmed="(chưa được xác nhận: vui lòng hỏi tại quầy)",
        qr_caption="Quét mã để xem thủ tục trên Cổng Dịch vụ công",
        printed_at="In lúc {time}",
        footer="Phiếu này không phải số thứ tự.",
    ),
    "en": ChecklistWords(
        heading="DOCUMENTS TO BRING",
        documents_heading="Tick the papers you have:",
        fee="Fee",
        processing_time="Processing time",
        handled_at="Where it is handled",
        unconfirmed="(not yet confirmed: please ask at the desk)",
        qr_caption="Scan to see this procedure on the National Public Service Portal",
        printed_at="Printed {time}",
        footer="This slip is not a queue ticket.",
    ),
}


def checklist_content(
    procedure: Procedure, settings: Settings, language: str, now: datetime
) -> ChecklistContent:
    """The slip's texts in the citizen's language; unconfirmed facts say so."""
    from printer import ChecklistContent

    words = CHECKLIST_WORDS.get(language, CHECKLIST_WORDS["vi"])

    def checked(fact: str, text: str) -> str:
        return text if procedure.is_verified(fact) else f"{text} {words.unconfirmed}"

    documents = tuple(document.text(language) for document in procedure.documents)
    if not procedure.is_verified("documents"):
        documents = (*documents, words.unconfirmed)
    return ChecklistContent(
        centre_name=settings.centre.name,
        heading=words.heading,
        procedure_name=procedure.name(language),
        documents_heading=words.documents_heading,
        documents=documents,
        facts=(
            (words.fee, checked("fee", procedure.fee(language))),
            (
                words.processing_time,
                checked("processing_time", procedure.processing_time(language)),
            ),
            (words.handled_at, checked("handled_at", procedure.handled_at(language))),
        ),
        qr_url=procedure.portal_url if procedure.online else None,
        qr_caption=words.qr_caption,
        printed_at_text=words.printed_at.format(time=issued_at_text(now, settings.centre.zone)),
        footer=words.footer,
    )


def record_checklist_print(
    database: Database,
    settings: Settings,
    procedure_code: str,
    *,
    status: PrintStatus,
    error: str | None,
) -> None:
    """Store one slip's print and its outcome (only printed slips are counted)."""
    moment = datetime.now(UTC)
    with database.write() as session:
        session.add(
            ChecklistPrint(
                service_day=service_day(moment, settings.centre.zone),
                procedure_code=procedure_code,
                kiosk_id=settings.kiosk.id,
                printed_at=moment,
                print_status=status.value,
                print_error=error,
            )
        )


def checklists_printed_by_day(database: Database, first: date, last: date) -> dict[date, int]:
    """Slips that came out of the printer, per service day (failed prints are not counted)."""
    with database.read() as session:
        rows = session.execute(
            select(ChecklistPrint.service_day, func.count())
            .where(
                ChecklistPrint.service_day >= first,
                ChecklistPrint.service_day <= last,
                ChecklistPrint.print_status == PrintStatus.PRINTED.value,
            )
            .group_by(ChecklistPrint.service_day)
        ).all()
    return {day: int(count) for day, count in rows}
