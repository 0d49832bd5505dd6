"""The banner over the help desk naming kiosks whose printer failed or whose clock went back.

Those faults arrive as help requests; the banner keeps them in sight whatever request the
volunteer is looking at, and says them again in the language the panel switches to.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.helpdesk.requests import OpenHelpRequest
from kiosk.storage.models import HelpReason


class FaultBanner(QLabel):
    """Hidden while no kiosk has a fault; the window calls `retranslate()` on a switch."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "printer-fault")
        self.setWordWrap(True)
        self._fault_kiosks: dict[HelpReason, str] = {}
        self.hide()

    def show_faults(self, requests: list[OpenHelpRequest]) -> None:
        """Name the kiosks with an open printer or clock fault request, or hide."""
        self._fault_kiosks = {
            reason: ", ".join(sorted({r.kiosk_id for r in requests if r.reason == reason}))
            for reason in (HelpReason.PRINTER_FAULT, HelpReason.CLOCK_FAULT)
        }
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            HelpReason.PRINTER_FAULT: self.tr("Printer fault at kiosk: {kiosks}"),
            HelpReason.CLOCK_FAULT: self.tr("Clock wrong at kiosk: {kiosks}"),
        }
        lines = [texts[r].format(kiosks=k) for r, k in self._fault_kiosks.items() if k]
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
