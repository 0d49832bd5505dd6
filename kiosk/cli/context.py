"""What every `kiosk-admin` subcommand is handed: settings, database and output, all lazy."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TextIO

from kiosk.config import Settings, load_settings
from kiosk.storage.db import Database, open_database


@dataclass
class CliContext:
    config_path: Path | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _database: Database | None = None

    @cached_property
    def settings(self) -> Settings:
        return load_settings(self.config_path)

    def database(self) -> Database:
        """The database at the latest schema, opened on first use."""
        if self._database is None:
            self._database = open_database(
                self.settings.database_url,
                busy_timeout_ms=self.settings.database.busy_timeout_ms,
            )
        return self._database

    def emit_json(self, record: dict[str, object]) -> None:
        """One JSON object per line; keys keep the order the command gives them."""
        self.out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")

    def emit(self, line: str) -> None:
        self.out.write(line + "\n")

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
