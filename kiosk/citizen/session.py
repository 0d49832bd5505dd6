"""What one citizen chose on the kiosk, from Welcome to the ticket, cleared in one place."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.storage.models import Priority


@dataclass
class CitizenSession:
    """Every choice of the citizen at the screen; `reset()` forgets all of them at once.

    Nothing here names the citizen: an ID-card scan only ever leaves a priority behind.
    """

    default_language: str
    language: str = ""
    field_code: str | None = None
    procedure_code: str | None = None
    priority: Priority | None = None
    search_query: str = ""
    help_requested: bool = False

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Back to a fresh citizen: the default language and no choice at all."""
        self.language = self.default_language
        self.field_code = None
        self.procedure_code = None
        self.priority = None
        self.search_query = ""
        self.help_requested = False

    @property
    def is_fresh(self) -> bool:
        return self == CitizenSession(self.default_language)
