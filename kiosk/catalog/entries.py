"""The shapes a catalogue file is read into: entries located by file and row, and problems.

Every problem names the file, the row, the procedure code and the key, so that a centre's
technician can fix it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from kiosk.errors import CatalogError

Kind = Literal["field", "procedure", "synonym"]
Status = Literal["added", "changed", "unchanged", "rejected"]


@dataclass(frozen=True)
class Problem:
    """One broken rule, located precisely enough for a centre's technician to fix it."""

    source: str
    row: int | None
    code: str | None
    key: str | None
    message: str

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.code:
            where.append(f"code {self.code}")
        if self.key:
            where.append(f"field {self.key!r}")
        return f"{': '.join(where)}: {self.message}"


class InvalidCatalog(CatalogError):
    """A catalogue that breaks rules; `problems` lists every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [str(p) for p in self.problems]
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        super().__init__(f"{lines[0]}{more}" if lines else "invalid catalogue")


@dataclass(frozen=True)
class Entry:
    """One [[field]], [[procedure]] or [[synonym]] of a file, or one CSV row."""

    kind: Kind
    source: str
    row: int
    data: Mapping[str, object]

    @property
    def code(self) -> str | None:
        code = self.data.get("code")
        return code if isinstance(code, str) else None

    def problem(self, key: str | None, message: str) -> Problem:
        return Problem(self.source, self.row, self.code, key, message)


@dataclass(frozen=True)
class CatalogSource:
    """The entries of one file, plus rows that could not even be read as entries."""

    name: str
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
