"""What the panel calls reasons and outcomes: Vietnamese first, English below.

Written out as `QCoreApplication.translate` calls with literal texts, so that
`pyside6-lupdate` finds them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.catalog.procedures import Catalog
from kiosk.errors import UnknownProcedure
from kiosk.storage.models import HelpOutcome, HelpReason

_CONTEXT = "HelpDesk"


def reason_label(reason: HelpReason) -> str:
    translate = QCoreApplication.translate
    return {
        HelpReason.ELDERLY: translate(_CONTEXT, "Người cao tuổi\nElderly, 60+"),
        HelpReason.DISABILITY: translate(_CONTEXT, "Khuyết tật\nDisability"),
        HelpReason.PREGNANT_OR_CHILD: translate(_CONTEXT, "Mang thai, con nhỏ\nPregnant, child"),
        HelpReason.ASKED_FOR_HELP: translate(_CONTEXT, "Cần hỗ trợ\nAsked for help"),
        HelpReason.PRINTER_FAULT: translate(_CONTEXT, "Máy in lỗi\nPrinter fault"),
        HelpReason.CLOCK_FAULT: translate(_CONTEXT, "Đồng hồ sai\nClock wrong"),
    }[reason]


def outcome_label(outcome: HelpOutcome) -> str:
    translate = QCoreApplication.translate
    return {
        HelpOutcome.DOCUMENTS_GUIDED: translate(_CONTEXT, "Hướng dẫn hồ sơ\nGuided documents"),
        HelpOutcome.FORM_FILLED: translate(_CONTEXT, "Điền tờ khai\nFilled a form"),
        HelpOutcome.VNEID: translate(_CONTEXT, "VNeID\nInstall, level 2"),
        HelpOutcome.DIGITAL_SIGNATURE: translate(_CONTEXT, "Chữ ký số\nDigital signature"),
        HelpOutcome.SIM_CARD: translate(_CONTEXT, "SIM chính chủ\nSIM card"),
        HelpOutcome.ONLINE_FILING: translate(_CONTEXT, "Nộp trực tuyến\nOnline filing"),
        HelpOutcome.OTHER: translate(_CONTEXT, "Khác\nOther"),
    }[outcome]


def procedure_namer(catalog: Catalog) -> Callable[[str], str]:
    """The Vietnamese name of a procedure, or its code if the catalogue no longer has it."""

    def name(code: str) -> str:
        try:
            return catalog.procedure(code).name("vi")
        except UnknownProcedure:
            return code

    return name
