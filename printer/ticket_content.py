"""The plain data printed on a ticket, already in the citizen's language."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FontSet:
    """TrueType files used to draw tickets (the same files the screen uses)."""

    regular: Path
    bold: Path


@dataclass(frozen=True)
class TicketContent:
    """Everything a ticket shows; texts are final, printer/ translates nothing.

    With ``documents`` the ticket is the long one that lists them; without, the compact one
    (no longer than 100 mm) that a queue needs.
    """

    centre_name: str
    number_label: str
    procedure_name: str
    priority_label: str | None
    queue_line: str
    issued_at_text: str
    where_to_wait: str
    documents_heading: str
    documents: tuple[str, ...]
    qr_url: str | None
    qr_caption: str
    footer: str
    number_caption: str = ""
    """Small line above the number, e.g. "SỐ THỨ TỰ"; empty for none."""
    more_documents_format: str = "+ {count} …"
    """Said when documents are left off; ``{count}`` is how many."""
    follow_url: str | None = None
    """The address of the page where the citizen follows their turn; None for no such code."""
    follow_caption: str = ""
    """The words under the follow-your-turn code."""
