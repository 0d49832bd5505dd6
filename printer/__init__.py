"""Tickets on paper: the layout as a 1-bit image and ESC/POS output via python-escpos.

Takes plain data and imports nothing of the rest of the project.
"""

import os
from pathlib import Path

import platformdirs

# python-escpos parses its printer-profile database (about 0.3 s) on every import unless it
# is told where to keep the parsed copy; left alone, it also leaves a new temporary folder
# behind at every start. This must run before escpos is first imported.
_ESCPOS_CACHE = Path(platformdirs.user_cache_dir("vn-kiosk")) / "escpos"
_ESCPOS_CACHE.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_ESCPOS_CACHE))


from printer.layout import render_ticket_bitmap
from printer.output import PrintOutcome, print_ticket, query_status
from printer.spec import PrinterSpec
from printer.status import PrinterStatus
from printer.test_page import render_test_page
from printer.ticket_content import FontSet, TicketContent

__all__ = [
    "FontSet",
    "PrintOutcome",
    "PrinterSpec",
    "PrinterStatus",
    "TicketContent",
    "print_ticket",
    "query_status",
    "render_test_page",
    "render_ticket_bitmap",
]
