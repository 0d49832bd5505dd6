"""Catalogue file formats: reading TOML and CSV files into entries, writing the TOML overlay.

TOML is the catalogue's own format (docs/catalog-format.md); CSV is what provincial portals
export, one procedure per row, read against the catalogue in use so that a row may name its
field by name and keep the translations it does not change.
"""

from __future__ import annotations

import csv
import io
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from kiosk.catalog.entries import CatalogSource, Entry, InvalidCatalog, Problem
from kiosk.catalog.procedures import Catalog, LocalizedText, Procedure
from kiosk.catalog.rules import PROVINCE_FEE
from kiosk.catalog.search import fold
from kiosk.errors import CatalogError

# CSV cells that hold several items (documents, channels) separate them with this.
CSV_ITEM_SEPARATOR = "|"
CSV_REQUIRED_COLUMNS = ("code", "name", "field", "documents", "fee", "time")
CSV_OPTIONAL_COLUMNS = (
    "name_en",
    "documents_en",
    "fee_en",
    "time_en",
    "handled_at",
    "handled_at_en",
    "channels",
)
# Where a procedure that a CSV adds is handled, when the CSV does not say.
CSV_DEFAULT_HANDLED_AT = {
    "vi": "Bộ phận một cửa của trung tâm",
    "en": "This centre's one-stop desk",
}

# A catalogue file larger than this is refused before it is parsed (the built-in files
# together are well under 1 MB; a province's export of every procedure is a few MB).
MAX_FILE_BYTES = 8 * 1024 * 1024

# ---------------------------------------------------------------- reading files


def read_source(path: Path, base: Catalog) -> CatalogSource:
    """Read a TOML or CSV catalogue file; CSV rows are read against `base`, the catalogue in use."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise CatalogError(
            f"{path}: file larger than {MAX_FILE_BYTES // 1024 // 1024} MB, the most a"
            " catalogue file may be; split it or remove what is not a procedure"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    if is_csv(path):
        return parse_csv(text, str(path), base)
    return parse_toml(text, str(path))


def is_csv(path: Path) -> bool:
    """Whether `path` is in the CSV format (by its suffix); any other file is TOML."""
    return path.suffix.lower() == ".csv"


def normalised(value: object) -> object:
    """`value` with every text in Unicode NFC, so that equal-looking texts are equal."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, dict):
        return {normalised(key): normalised(item) for key, item in value.items()}
    return value


def parse_toml(text: str, source: str) -> CatalogSource:
    """Entries of a TOML catalogue file; `[defaults]` is copied into each [[procedure]]."""
    try:
        document = normalised(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise InvalidCatalog([Problem(source, None, None, None, f"not valid TOML: {exc}")]) from exc
    problems: list[Problem] = []
    defaults = document.get("defaults", {})
    if not isinstance(defaults, dict):
        problems.append(Problem(source, None, None, "defaults", "must be a table"))
        defaults = {}
    for key in sorted(set(document) - {"defaults", "field", "procedure", "synonym"}):
        problems.append(
            Problem(source, None, None, key, "unknown table (expected field, procedure, synonym)")
        )
    entries: list[Entry] = []
    for kind in ("field", "procedure", "synonym"):
        items = document.get(kind, [])
        if not isinstance(items, list):
            problems.append(Problem(source, None, None, kind, f"must be written [[{kind}]]"))
            continue
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                problems.append(Problem(source, number, None, kind, "must be a table"))
                continue
            data = {**defaults, **item} if kind == "procedure" else dict(item)
            entries.append(Entry(kind, source, number, data))
    return CatalogSource(source, tuple(entries), tuple(problems))


def parse_csv(text: str, source: str, base: Catalog) -> CatalogSource:
    """Procedure rows of a CSV file (comma-separated, header row first, UTF-8)."""
    try:
        rows = list(csv.reader(io.StringIO(str(normalised(text)), newline="")))
    except csv.Error as exc:
        raise InvalidCatalog([Problem(source, None, None, None, f"not valid CSV: {exc}")]) from exc
    if not rows:
        raise InvalidCatalog([Problem(source, 1, None, None, "empty file: expected a header row")])
    header = [cell.strip().lower() for cell in rows[0]]
    header_problems = [
        Problem(source, 1, None, column, "required column is missing")
        for column in CSV_REQUIRED_COLUMNS
        if column not in header
    ]
    known = set(CSV_REQUIRED_COLUMNS) | set(CSV_OPTIONAL_COLUMNS)
    header_problems += [
        Problem(source, 1, None, column or "(blank)", "unknown column")
        for column in header
        if column not in known
    ]
    if len(set(header)) != len(header):
        header_problems.append(Problem(source, 1, None, None, "a column name appears twice"))
    if header_problems:
        raise InvalidCatalog(header_problems)
    entries: list[Entry] = []
    problems: list[Problem] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            code = cells[0].strip() if cells and header[0] == "code" else None
            problems.append(
                Problem(
                    source,
                    number,
                    code,
                    None,
                    f"malformed row: {len(cells)} cells, the header has {len(header)}",
                )
            )
            continue
        row = {column: cell.strip() for column, cell in zip(header, cells, strict=True)}
        entry, row_problems = _csv_entry(row, source, number, base)
        problems += row_problems
        if entry is not None:
            entries.append(entry)
    return CatalogSource(source, tuple(entries), tuple(problems))


def _csv_entry(
    row: Mapping[str, str], source: str, number: int, base: Catalog
) -> tuple[Entry | None, list[Problem]]:
    code = row["code"]
    field_code = _resolve_field(row["field"], base)
    documents = _split_items(row["documents"])
    documents_en = _split_items(row.get("documents_en", ""))
    checks = [
        ("code", not code, "missing"),
        ("field", field_code is None, f"unknown field {row['field']!r}: use a field code or name"),
        ("name", not row["name"], "missing Vietnamese name"),
        (
            "documents",
            not documents,
            f"missing: list documents separated by {CSV_ITEM_SEPARATOR!r}",
        ),
        (
            "documents_en",
            bool(documents_en) and len(documents_en) != len(documents),
            f"{len(documents_en)} items, documents has {len(documents)}",
        ),
        ("time", not row["time"], "missing processing time"),
    ]
    problems = [
        Problem(source, number, code or None, key, message)
        for key, failed, message in checks
        if failed
    ]
    if problems:
        return None, problems
    current = {p.code: p for p in base.procedures}.get(code)
    data = _csv_data(row, str(field_code), documents, documents_en, current)
    return Entry("procedure", source, number, data), []


def _csv_data(
    row: Mapping[str, str],
    field_code: str,
    documents: list[str],
    documents_en: list[str],
    current: Procedure | None,
) -> dict[str, object]:
    def localized(column: str, existing: LocalizedText | None) -> dict[str, str]:
        vi, en = row[column], row.get(f"{column}_en", "")
        # A new Vietnamese text drops the old translation rather than show a stale one.
        if en:
            return {"vi": vi, "en": en}
        if existing is not None and existing.vi == vi:
            return existing.as_dict()
        return {"vi": vi}

    data: dict[str, object] = {
        "code": row["code"],
        "field": field_code,
        "name": localized("name", current and current.names),
        "processing_time": localized("time", current and current.processing_time_text),
        "fee": localized("fee", current and current.fee_text) if row["fee"] else PROVINCE_FEE,
    }
    if documents_en:
        data["documents"] = [
            {"vi": vi, "en": en} for vi, en in zip(documents, documents_en, strict=True)
        ]
    elif current is not None and [d.label.vi for d in current.documents] == documents:
        data["documents"] = [d.label.as_dict() for d in current.documents]
    else:
        data["documents"] = [{"vi": vi} for vi in documents]
    if row.get("handled_at"):
        data["handled_at"] = localized("handled_at", current and current.handled_at_text)
    elif current is None:
        data["handled_at"] = dict(CSV_DEFAULT_HANDLED_AT)
    if row.get("channels"):
        data["channels"] = _split_items(row["channels"])
    elif current is None:
        data["channels"] = ["in_person"]
    return data


def _split_items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(CSV_ITEM_SEPARATOR) if item.strip()]


def _resolve_field(value: str, base: Catalog) -> str | None:
    folded = fold(value)
    for candidate in base.fields:
        names = {fold(text) for _, text in candidate.names.texts}
        if value == candidate.code or folded in names:
            return candidate.code
    return None
