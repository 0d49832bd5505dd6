"""The test side of `tests.support.hall_counter_worker`: counters calling from another process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[2]


class CallingCounters:
    """``with CallingCounters(url) as c: [(label, counter, committed_at)] = c.call(3)``."""

    def __init__(self, database_url: str) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.hall_counter_worker", database_url],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, action: str, counters: tuple[int, ...]) -> list[tuple[str, int, float]]:
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(f"{action} {' '.join(map(str, counters))}\n")
        self._process.stdin.flush()
        made = []
        for _ in counters:
            label, counter, committed_at = self._process.stdout.readline().split()
            made.append((label, int(counter), float(committed_at)))
        return made

    def call(self, *counters: int) -> list[tuple[str, int, float]]:
        """Each counter calls its next ticket, one right after the other."""
        return self._ask("call", counters)

    def serve(self, *counters: int) -> list[tuple[str, int, float]]:
        """Each counter has served its ticket."""
        return self._ask("serve", counters)

    def recall(self, *counters: int) -> list[tuple[str, int, float]]:
        return self._ask("recall", counters)

    def __enter__(self) -> CallingCounters:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with self._process as process:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=30)
