"""Tickets on paper: the layout as a 1-bit image and ESC/POS output via python-escpos.

Takes plain data and imports nothing of the rest of the project.
"""

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
