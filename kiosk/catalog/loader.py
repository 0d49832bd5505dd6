"""Loading, validating and overlaying catalogue files (format: docs/catalog-format.md).

The built-in catalogue is the TOML files in `resources/catalog/`. A centre's overlay (TOML,
or CSV as exported from a provincial portal) changes or extends it: an entry whose code is
already known replaces only the keys it gives; an entry with a new code must be complete.
Every problem names the file, the row, the procedure code and the key.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import logging
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from kiosk.catalog.procedures import (
    CHANNELS,
    FACTS,
    Catalog,
    Document,
    Field,
    LocalizedText,
    Procedure,
    SynonymGroup,
)
from kiosk.catalog.search import fold
from kiosk.errors import CatalogError

log = logging.getLogger(__name__)

BUILTIN_PACKAGE = "resources.catalog"
ICONS_PACKAGE = "resources.catalog.icons"
# `fee = "province"` stands for this text until a centre writes its own figure.
PROVINCE_FEE = "province"
PROVINCE_FEE_TEXT = {"vi": "Theo quy định của tỉnh", "en": "Set by the province"}
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

CODE_PATTERN = re.compile(r"\d\.\d{6}(\.[A-Z0-9]{1,6})?")
FIELD_CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
QUEUE_PREFIX_PATTERN = re.compile(r"[A-Z]{1,2}")
ICON_PATTERN = re.compile(r"[a-z0-9_-]{1,60}\.svg")

FIELD_KEYS = frozenset({"code", "name", "order", "icon", "queue_prefix"})
PROCEDURE_KEYS = frozenset({"code", "field", "portal_url_generic", "unverified", *FACTS})
PROCEDURE_REQUIRED = (
    "field",
    "name",
    "documents",
    "fee",
    "processing_time",
    "handled_at",
    "channels",
)
SYNONYM_KEYS = frozenset({"terms", "codes"})

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


@dataclass(frozen=True)
class RowOutcome:
    row: int
    kind: Kind
    code: str | None
    status: Status
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What importing a file does (or would do) to the catalogue in use."""

    source: str
    rows: tuple[RowOutcome, ...]
    written: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for row in self.rows for p in row.problems)


# ---------------------------------------------------------------- reading files


def read_source(path: Path, base: Catalog | None = None) -> CatalogSource:
    """Read a TOML or CSV catalogue file; CSV rows are read against `base` (default: built-in)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    if path.suffix.lower() == ".csv":
        return parse_csv(text, str(path), base or builtin_catalog())
    return parse_toml(text, str(path))


def parse_toml(text: str, source: str) -> CatalogSource:
    """Entries of a TOML catalogue file; `[defaults]` is copied into each [[procedure]]."""
    try:
        document = tomllib.loads(text)
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
        rows = list(csv.reader(io.StringIO(text, newline="")))
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


# ---------------------------------------------------------------- layering


def apply_entry(base: Mapping[str, object], delta: Mapping[str, object]) -> dict[str, object]:
    """`base` with the keys of `delta` replaced.

    Facts that `delta` sets count as verified by whoever wrote it, so they leave the
    `unverified` list unless `delta` gives its own list.
    """
    merged = {**base, **delta}
    flags = base.get("unverified")
    if "unverified" not in delta and isinstance(flags, list):
        merged["unverified"] = [fact for fact in flags if fact not in delta]
    return merged


@dataclass
class _Layers:
    """Raw entries, keyed by code, with the entry that last changed each one."""

    fields: dict[str, tuple[dict[str, object], Entry]] = field(default_factory=dict)
    procedures: dict[str, tuple[dict[str, object], Entry]] = field(default_factory=dict)
    synonyms: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def table(self, kind: Kind) -> dict[str, tuple[dict[str, object], Entry]]:
        return self.fields if kind == "field" else self.procedures

    def add(self, source: CatalogSource) -> None:
        self.problems += source.problems
        seen: dict[tuple[Kind, str], int] = {}
        for entry in source.entries:
            if entry.kind == "synonym":
                self.synonyms.append(entry)
                continue
            code = entry.code
            if code is None:
                self.problems.append(entry.problem("code", "missing or not text"))
                continue
            first = seen.setdefault((entry.kind, code), entry.row)
            if first != entry.row:
                self.problems.append(entry.problem("code", f"duplicate code (also at row {first})"))
                continue
            table = self.table(entry.kind)
            previous = table.get(code)
            merged = apply_entry(previous[0], entry.data) if previous else dict(entry.data)
            table[code] = (merged, entry)


def _build(layers: _Layers) -> Catalog:
    problems = list(layers.problems)
    fields: list[Field] = []
    prefixes: dict[str, str] = {}
    for data, entry in layers.fields.values():
        built_field, found = validate_field(data, entry)
        problems += found
        if built_field is None:
            continue
        owner = prefixes.setdefault(built_field.queue_prefix, built_field.code)
        if owner != built_field.code:
            problems.append(
                entry.problem(
                    "queue_prefix", f"{built_field.queue_prefix!r} is also field {owner}'s"
                )
            )
        fields.append(built_field)
    field_codes = frozenset(layers.fields)
    procedures: list[Procedure] = []
    for data, entry in layers.procedures.values():
        built_procedure, found = validate_procedure(data, entry, field_codes)
        problems += found
        if built_procedure is not None:
            procedures.append(built_procedure)
    synonyms: list[SynonymGroup] = []
    for entry in layers.synonyms:
        group, found = validate_synonym(entry.data, entry, frozenset(layers.procedures))
        problems += found
        if group is not None:
            synonyms.append(group)
    if problems:
        raise InvalidCatalog(problems)
    fields.sort(key=lambda f: (f.order, f.code))
    order = {f.code: index for index, f in enumerate(fields)}
    procedures.sort(key=lambda p: order[p.field])
    return Catalog(tuple(fields), tuple(procedures), tuple(synonyms))


# ---------------------------------------------------------------- validation


class _Checker:
    """Collects problems while reading one entry's values."""

    def __init__(self, data: Mapping[str, object], entry: Entry, allowed: frozenset[str]) -> None:
        self.data = data
        self.entry = entry
        self.problems = [entry.problem(key, "unknown key") for key in sorted(set(data) - allowed)]

    def fail(self, key: str, message: str) -> None:
        self.problems.append(self.entry.problem(key, message))

    def text(self, key: str, pattern: re.Pattern[str] | None = None) -> str | None:
        value = self.data.get(key)
        if value is None:
            self.fail(key, "missing")
        elif not isinstance(value, str) or not value.strip():
            self.fail(key, "must be non-empty text")
        elif pattern is not None and not pattern.fullmatch(value):
            self.fail(key, f"{value!r} does not match {pattern.pattern}")
        else:
            return value
        return None

    def localized(self, key: str, value: object) -> LocalizedText | None:
        if not isinstance(value, dict):
            self.fail(key, 'must be a table of texts per language, e.g. { vi = "...", en = "..." }')
            return None
        ok = True
        for lang, text in value.items():
            if not LANGUAGE_PATTERN.fullmatch(lang):
                self.fail(f"{key}.{lang}", "not a language code")
                ok = False
            elif not isinstance(text, str):
                self.fail(f"{key}.{lang}", "must be text")
                ok = False
        vi = value.get("vi")
        if not isinstance(vi, str) or not vi.strip():
            self.fail(f"{key}.vi", "missing Vietnamese text")
            ok = False
        if not ok:
            return None
        return LocalizedText.of({lang: text.strip() for lang, text in value.items()})

    def text_list(self, key: str, *, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.fail(key, "must be a list of non-empty texts")
            return ()
        if allowed is not None and (unknown := sorted(set(value) - set(allowed))):
            self.fail(key, f"unknown {', '.join(map(repr, unknown))}; allowed: {list(allowed)}")
        if len(set(value)) != len(value):
            self.fail(key, "an item appears twice")
        return tuple(value)


def validate_field(data: Mapping[str, object], entry: Entry) -> tuple[Field | None, list[Problem]]:
    check = _Checker(data, entry, FIELD_KEYS)
    code = check.text("code", FIELD_CODE_PATTERN)
    names = check.localized("name", data.get("name"))
    order = data.get("order")
    if not isinstance(order, int) or isinstance(order, bool):
        check.fail("order", "must be a whole number")
    icon = check.text("icon", ICON_PATTERN)
    if icon is not None and not icon_resource(icon).is_file():
        check.fail("icon", f"no icon {icon!r} in resources/catalog/icons/")
    prefix = check.text("queue_prefix", QUEUE_PREFIX_PATTERN)
    if check.problems or code is None or names is None or icon is None or prefix is None:
        return None, check.problems
    assert isinstance(order, int)
    return Field(code, names, order, icon, prefix), []


def validate_procedure(
    data: Mapping[str, object], entry: Entry, field_codes: frozenset[str]
) -> tuple[Procedure | None, list[Problem]]:
    check = _Checker(data, entry, PROCEDURE_KEYS)
    code = check.text("code", CODE_PATTERN)
    for key in PROCEDURE_REQUIRED:
        if key not in data:
            check.fail(key, "missing")
    field_code = data.get("field")
    if "field" in data and not (isinstance(field_code, str) and field_code in field_codes):
        check.fail("field", f"unknown field {field_code!r}; known: {sorted(field_codes)}")
    names = check.localized("name", data["name"]) if "name" in data else None
    documents = _documents(check, data.get("documents"))
    fee_value = data.get("fee")
    fee = (
        LocalizedText.of(PROVINCE_FEE_TEXT)
        if fee_value == PROVINCE_FEE
        else check.localized("fee", fee_value)
        if "fee" in data
        else None
    )
    times = (
        check.localized("processing_time", data["processing_time"])
        if ("processing_time" in data)
        else None
    )
    handled_at = check.localized("handled_at", data["handled_at"]) if "handled_at" in data else None
    channels = check.text_list("channels", allowed=CHANNELS) if "channels" in data else ()
    if "channels" in data and not channels:
        check.fail("channels", "give at least one channel")
    portal_url = _portal_url(check, data.get("portal_url"))
    generic = data.get("portal_url_generic", False)
    if not isinstance(generic, bool):
        check.fail("portal_url_generic", "must be true or false")
    legal_basis = check.text_list("legal_basis")
    note = check.localized("note", data["note"]) if "note" in data else None
    unverified = check.text_list("unverified", allowed=FACTS)
    if check.problems:
        return None, check.problems
    # Every missing or malformed value above added a problem.
    assert code is not None
    assert names is not None
    assert fee is not None
    assert times is not None
    assert handled_at is not None
    return (
        Procedure(
            code=code,
            field=str(field_code),
            names=names,
            documents=documents,
            fee_text=fee,
            fee_set_by_province=fee_value == PROVINCE_FEE,
            processing_time_text=times,
            handled_at_text=handled_at,
            channels=channels,
            portal_url=portal_url,
            portal_url_generic=bool(generic) and portal_url is not None,
            legal_basis=legal_basis,
            note_text=note,
            unverified=frozenset(unverified),
        ),
        [],
    )


def _documents(check: _Checker, value: object) -> tuple[Document, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        check.fail("documents", "must be a non-empty list of { vi = ..., en = ... } tables")
        return ()
    labels = [check.localized(f"documents[{n}]", item) for n, item in enumerate(value, start=1)]
    return tuple(Document(label) for label in labels if label is not None)


def _portal_url(check: _Checker, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"https://[^\s\"<>]+", value):
        check.fail("portal_url", "must be an https:// address, or empty for none")
        return None
    return value


def validate_synonym(
    data: Mapping[str, object], entry: Entry, known_codes: frozenset[str]
) -> tuple[SynonymGroup | None, list[Problem]]:
    check = _Checker(data, entry, SYNONYM_KEYS)
    terms = check.text_list("terms")
    if not terms:
        check.fail("terms", "give at least one term")
    codes = check.text_list("codes")
    for code in sorted(set(codes) - known_codes):
        check.fail("codes", f"unknown procedure {code!r}")
    if check.problems:
        return None, check.problems
    return SynonymGroup(terms, codes), []


# ---------------------------------------------------------------- built-in and overlay


def icon_resource(name: str) -> Traversable:
    """The SVG file of a field icon (`Field.icon`), read through importlib.resources."""
    return resources.files(ICONS_PACKAGE).joinpath(name)


@functools.cache
def _builtin_sources() -> tuple[CatalogSource, ...]:
    root = resources.files(BUILTIN_PACKAGE)
    names = ["fields.toml"]
    names += sorted(
        item.name
        for item in root.iterdir()
        if item.name.startswith("procedures_") and item.name.endswith(".toml")
    )
    names.append("synonyms.toml")
    return tuple(
        parse_toml(root.joinpath(name).read_text(encoding="utf-8"), name) for name in names
    )


def _builtin_layers() -> _Layers:
    return _layers_of_complete_files(_builtin_sources())


def _layers_of_complete_files(sources: Iterable[CatalogSource]) -> _Layers:
    """Files that together make a whole catalogue: a code may appear in only one of them."""
    layers = _Layers()
    for source in sources:
        for entry in source.entries:
            earlier = (
                layers.table(entry.kind).get(entry.code or "") if entry.kind != "synonym" else None
            )
            if earlier is not None:
                layers.problems.append(
                    entry.problem("code", f"duplicate code (also in {earlier[1].source})")
                )
        layers.add(source)
    return layers


@functools.cache
def builtin_catalog() -> Catalog:
    """The catalogue shipped with the kiosk, without any centre overlay."""
    return _build(_builtin_layers())


def catalog_with(*sources: CatalogSource) -> Catalog:
    """The built-in catalogue with `sources` applied in order; InvalidCatalog if any breaks it."""
    layers = _builtin_layers()
    for source in sources:
        layers.add(source)
    return _build(layers)


def load_catalog(overlay: Path | None = None) -> Catalog:
    """The built-in catalogue with a centre's overlay file applied (TOML or CSV), if it exists.

    Raises CatalogError (InvalidCatalog) naming every problem; nothing is half-applied.
    """
    if overlay is None or not overlay.exists():
        catalog = builtin_catalog()
    else:
        catalog = catalog_with(read_source(overlay))
    log.info(
        "catalogue loaded: %d procedures in %d fields (overlay: %s)",
        len(catalog.procedures),
        len(catalog.fields),
        overlay if overlay is not None and overlay.exists() else "none",
    )
    return catalog


def plan_import(path: Path, overlay: Path | None) -> tuple[ImportReport, CatalogSource]:
    """Check every row of `path` against the catalogue in use (built-in + `overlay`).

    Returns the report and the overlay that accepting every non-rejected row would give.
    """
    current_layers = _builtin_layers()
    current_overlay = CatalogSource(str(overlay))
    if overlay is not None and overlay.exists():
        current_overlay = read_source(overlay)
        current_layers.add(current_overlay)
    current = _build(current_layers)
    incoming = read_source(path, current)
    unreadable: dict[int, list[Problem]] = {}
    for problem in incoming.problems:
        unreadable.setdefault(problem.row or 0, []).append(problem)
    rows = [
        RowOutcome(row, "procedure", found[0].code, "rejected", tuple(found))
        for row, found in unreadable.items()
    ]
    accepted: list[Entry] = []
    trial = _Layers(dict(current_layers.fields), dict(current_layers.procedures))
    seen: dict[tuple[Kind, str], int] = {}
    # Fields first, so that procedures may use a field the same file adds.
    for entry in sorted(
        incoming.entries, key=lambda e: ("field", "procedure", "synonym").index(e.kind)
    ):
        outcome = _judge(entry, trial, seen)
        rows.append(outcome)
        if outcome.status != "rejected":
            accepted.append(entry)
            if entry.kind != "synonym" and entry.code is not None:
                table = trial.table(entry.kind)
                previous = table.get(entry.code)
                table[entry.code] = (
                    apply_entry(previous[0], entry.data) if previous else dict(entry.data),
                    entry,
                )
    rows.sort(key=lambda r: r.row)
    report = ImportReport(str(path), tuple(rows))
    return report, _combine(current_overlay, accepted)


def _judge(entry: Entry, trial: _Layers, seen: dict[tuple[Kind, str], int]) -> RowOutcome:
    def rejected(*problems: Problem) -> RowOutcome:
        return RowOutcome(entry.row, entry.kind, entry.code, "rejected", problems)

    if entry.kind == "synonym":
        group, problems = validate_synonym(entry.data, entry, frozenset(trial.procedures))
        return (
            rejected(*problems)
            if group is None
            else RowOutcome(entry.row, entry.kind, None, "added")
        )
    code = entry.code
    if code is None:
        return rejected(entry.problem("code", "missing or not text"))
    first = seen.setdefault((entry.kind, code), entry.row)
    if first != entry.row:
        return rejected(entry.problem("code", f"duplicate code (also at row {first})"))
    previous = trial.table(entry.kind).get(code)
    merged = apply_entry(previous[0], entry.data) if previous else dict(entry.data)
    if entry.kind == "field":
        built, problems = validate_field(merged, entry)
        if built is not None:
            taken = {
                str(data.get("queue_prefix")): other
                for other, (data, _) in trial.fields.items()
                if other != code
            }
            if built.queue_prefix in taken:
                problems = [
                    entry.problem(
                        "queue_prefix",
                        f"{built.queue_prefix!r} is also field {taken[built.queue_prefix]}'s",
                    )
                ]
    else:
        built, problems = validate_procedure(merged, entry, frozenset(trial.fields))
    if problems:
        return rejected(*problems)
    if previous is None:
        status: Status = "added"
    else:
        before = (
            validate_field(previous[0], entry)[0]
            if entry.kind == "field"
            else validate_procedure(previous[0], entry, frozenset(trial.fields))[0]
        )
        status = "unchanged" if before == built else "changed"
    return RowOutcome(entry.row, entry.kind, code, status)


def _combine(current: CatalogSource, accepted: Iterable[Entry]) -> CatalogSource:
    """The overlay after import: the current overlay's entries updated by the accepted ones."""
    keyed: dict[tuple[Kind, str], dict[str, object]] = {}
    synonyms: list[dict[str, object]] = []
    for entry in (*current.entries, *accepted):
        if entry.kind == "synonym":
            if dict(entry.data) not in synonyms:
                synonyms.append(dict(entry.data))
            continue
        assert entry.code is not None
        key = (entry.kind, entry.code)
        keyed[key] = apply_entry(keyed[key], entry.data) if key in keyed else dict(entry.data)
    entries = [Entry(kind, current.name, 0, data) for (kind, _), data in keyed.items()]
    entries += [Entry("synonym", current.name, 0, data) for data in synonyms]
    return CatalogSource(current.name, tuple(entries))


def import_file(path: Path, overlay: Path, *, skip_rejected: bool = False) -> ImportReport:
    """Import `path` into the centre overlay at `overlay`.

    Writes nothing when a row is rejected, unless `skip_rejected`; then only the accepted
    rows are kept. The overlay is replaced atomically and re-read before it is replaced.
    """
    report, combined = plan_import(path, overlay)
    if report.count("rejected") and not skip_rejected:
        log.warning(
            "catalogue import of %s refused: %d rows rejected", path, report.count("rejected")
        )
        return report
    text = render_overlay(combined, origin=path.name)
    catalog_with(parse_toml(text, str(overlay)))
    write_atomically(overlay, text)
    log.info(
        "catalogue import of %s: %d added, %d changed, %d rejected; overlay written to %s",
        path,
        report.count("added"),
        report.count("changed"),
        report.count("rejected"),
        overlay,
    )
    return ImportReport(report.source, report.rows, written=True)


# ---------------------------------------------------------------- writing the overlay


def render_overlay(source: CatalogSource, origin: str) -> str:
    """The overlay as TOML in the documented format."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Centre catalogue overlay, written by `kiosk-admin catalog import` ({origin}, {stamp}).",
        "# Format: docs/catalog-format.md. Entries change or extend the built-in catalogue.",
    ]
    for kind in ("field", "procedure", "synonym"):
        for entry in source.entries:
            if entry.kind != kind:
                continue
            lines += ["", f"[[{kind}]]"]
            lines += [
                f"{_toml_key(key)} = {_toml_value(value)}" for key, value in entry.data.items()
            ]
    return "\n".join(lines) + "\n"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also forbids a raw DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, dict):
        inner = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"    {_toml_value(item)},\n" for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a catalogue file")


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a reader sees the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, path)
