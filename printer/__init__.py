"""Tickets on paper: the layout as a 1-bit image and ESC/POS output via python-escpos.

Takes plain data and imports nothing of the rest of the project.
"""

import importlib
import os
from pathlib import Path

import platformdirs

# python-escpos parses its printer-profile database (about 0.3 s) on every import unless it
# is told where to keep the parsed copy; left alone, it also leaves a new temporary folder
# behind at every start. This must run before escpos is first imported.
_ESCPOS_CACHE = Path(platformdirs.user_cache_dir("vn-kiosk")) / "escpos"
_ESCPOS_CACHE.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_ESCPOS_CACHE))


# Where each name lives. They are imported on first use: Pillow, qrcode and python-escpos
# take a fifth of a second to load, which a kiosk should not spend before its first screen.
_EXPORTS = {
    "ChecklistContent": "printer.checklist",
    "FontSet": "printer.ticket_content",
    "PrintOutcome": "printer.output",
    "PrinterSpec": "printer.spec",
    "PrinterStatus": "printer.status",
    "TicketContent": "printer.ticket_content",
    "print_ticket": "printer.output",
    "query_status": "printer.output",
    "render_checklist_bitmap": "printer.checklist",
    "render_test_page": "printer.test_page",
    "render_ticket_bitmap": "printer.layout",
}
__all__ = [
    "ChecklistContent",
    "FontSet",
    "PrintOutcome",
    "PrinterSpec",
    "PrinterStatus",
    "TicketContent",
    "print_ticket",
    "query_status",
    "render_checklist_bitmap",
    "render_test_page",
    "render_ticket_bitmap",
]


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'printer' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
