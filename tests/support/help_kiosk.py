"""The test side of `tests.support.help_worker create`: a kiosk in another process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[2]


class HelpingKiosk:
    """``with HelpingKiosk(url) as kiosk: request_id, committed_at = kiosk.ask_for_help()``."""

    def __init__(self, database_url: str) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.help_worker", "create", database_url],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask_for_help(self, reason: str = "elderly") -> tuple[int, float]:
        """The other process stores a request; its id and when its commit returned."""
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(f"{reason}\n")
        self._process.stdin.flush()
        request_id, committed_at = self._process.stdout.readline().split()
        return int(request_id), float(committed_at)

    def __enter__(self) -> HelpingKiosk:
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
