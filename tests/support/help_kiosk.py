"""The test side of `tests.support.help_worker create`: a kiosk in another process."""

from __future__ import annotations

from tests.support.line_worker import LineWorker


class HelpingKiosk(LineWorker):
    """``with HelpingKiosk(url) as kiosk: request_id, committed_at = kiosk.ask_for_help()``."""

    def __init__(self, database_url: str) -> None:
        super().__init__("tests.support.help_worker", "create", database_url)

    def ask_for_help(self, reason: str = "elderly") -> tuple[int, float]:
        """The other process stores a request; its id and when its commit returned."""
        [(request_id, committed_at)] = self.ask(reason)
        return int(request_id), float(committed_at)
