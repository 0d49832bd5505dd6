"""The test side of `tests.support.hall_counter_worker`: counters calling from another process."""

from __future__ import annotations

from tests.support.line_worker import LineWorker


class CallingCounters(LineWorker):
    """``with CallingCounters(url) as c: [(label, counter, committed_at)] = c.call(3)``."""

    def __init__(self, database_url: str) -> None:
        super().__init__("tests.support.hall_counter_worker", database_url)

    def _act(self, action: str, counters: tuple[int, ...]) -> list[tuple[str, int, float]]:
        answers = self.ask(f"{action} {' '.join(map(str, counters))}", answers=len(counters))
        return [(label, int(counter), float(at)) for label, counter, at in answers]

    def call(self, *counters: int) -> list[tuple[str, int, float]]:
        """Each counter calls its next ticket, one right after the other."""
        return self._act("call", counters)

    def serve(self, *counters: int) -> list[tuple[str, int, float]]:
        """Each counter has served its ticket."""
        return self._act("serve", counters)

    def recall(self, *counters: int) -> list[tuple[str, int, float]]:
        return self._act("recall", counters)
