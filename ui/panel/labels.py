"""What the panel calls reasons and outcomes, in the language installed (panel_*.ts files).

Written out as `QCoreApplication.translate` calls with literal texts, so that
`pyside6-lupdate` finds them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.catalog.procedures import Catalog
from kiosk.errors import UnknownProcedure
from kiosk.storage.models import HelpOutcome, HelpReason


def reason_label(reason: HelpReason) -> str:
    translate = QCoreApplication.translate
    return {
        HelpReason.ELDERLY: translate("HelpDesk", "Elderly, 60+"),
        HelpReason.DISABILITY: translate("HelpDesk", "Disability"),
        HelpReason.PREGNANT_OR_CHILD: translate("HelpDesk", "Pregnant, small child"),
        HelpReason.ASKED_FOR_HELP: translate("HelpDesk", "Asked for help"),
        HelpReason.PRINTER_FAULT: translate("HelpDesk", "Printer fault"),
        HelpReason.CLOCK_FAULT: translate("HelpDesk", "Clock wrong"),
    }[reason]


def ticket_label(label: str | None, called_to: str | None) -> str:
    """The ticket cell: "A012", "A012 → Quầy 3" once a counter calls it, or "no ticket"."""
    if label is None:
        return QCoreApplication.translate("HelpDesk", "No ticket")
    return f"{label} → {called_to}" if called_to else label


def outcome_label(outcome: HelpOutcome) -> str:
    translate = QCoreApplication.translate
    return {
        HelpOutcome.DOCUMENTS_GUIDED: translate("HelpDesk", "Guided documents"),
        HelpOutcome.FORM_FILLED: translate("HelpDesk", "Filled a form"),
        HelpOutcome.VNEID: translate("HelpDesk", "VNeID: install, level 2"),
        HelpOutcome.DIGITAL_SIGNATURE: translate("HelpDesk", "Digital signature"),
        HelpOutcome.SIM_CARD: translate("HelpDesk", "SIM card"),
        HelpOutcome.ONLINE_FILING: translate("HelpDesk", "Online filing"),
        HelpOutcome.OTHER: translate("HelpDesk", "Other"),
    }[outcome]


def procedure_namer(catalog: Catalog) -> Callable[[str], str]:
    """The Vietnamese name of a procedure, or its code if the catalogue no longer has it."""

    def name(code: str) -> str:
        try:
            return catalog.procedure(code).name("vi")
        except UnknownProcedure:
            return code

    return name
