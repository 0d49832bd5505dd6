"""Writing a centre's overlay file: TOML in the documented format, or CSV when the overlay is
CSV, replaced atomically with its permissions kept and the version it replaces beside it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kiosk.catalog.entries import CatalogSource
from kiosk.catalog.formats import (
    CSV_ITEM_SEPARATOR,
    CSV_OPTIONAL_COLUMNS,
    CSV_REQUIRED_COLUMNS,
    is_csv,
    parse_csv,
)
from kiosk.catalog.procedures import Catalog
from kiosk.catalog.rules import PROVINCE_FEE
from kiosk.errors import CatalogError

# The previous overlay is kept beside it under this suffix (overlay.toml -> overlay.toml.bak).
BACKUP_SUFFIX = ".bak"
# Permissions of an overlay written where none was: readable by a kiosk running as another user.
NEW_FILE_MODE = 0o644


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
    """Replace `path` with `text` so that a reader sees the old file or the new, never half.

    The new file keeps the old one's permissions and, where allowed, its owner; the old one
    is kept as `path` + ".bak".
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    previous = path.stat() if path.exists() else None
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(handle.name, stat.S_IMODE(previous.st_mode) if previous else NEW_FILE_MODE)
    if previous is not None:
        # Only root may give a file away; a file of the same user is already right.
        with contextlib.suppress(PermissionError):
            os.chown(handle.name, previous.st_uid, previous.st_gid)
        shutil.copy2(path, path.with_name(path.name + BACKUP_SUFFIX))
    os.replace(handle.name, path)


def render_overlay_as(
    overlay: Path, source: CatalogSource, origin: str, base: Catalog, as_toml: Catalog
) -> str:
    """The overlay text in `overlay`'s own format; CatalogError when CSV cannot hold it.

    `as_toml` is the catalogue the TOML rendering gives: a CSV rendering must give the same
    one when read back, or it would lose something, and is refused.
    """
    if not is_csv(overlay):
        return render_overlay(source, origin)
    text = render_csv_overlay(source, overlay)
    if _catalog_of(parse_csv(text, str(overlay), base)) != as_toml:
        raise CatalogError(
            f"{overlay}: the overlay is CSV and the import holds what CSV cannot (fields,"
            " synonyms, notes, legal basis or part of a translation); nothing was written."
            ' Make the overlay TOML (catalog.overlay = "...toml") to import this file'
        )
    return text


def _catalog_of(source: CatalogSource) -> Catalog:
    # Imported here: building reads files through this package's formats module.
    from kiosk.catalog.building import catalog_with

    return catalog_with(source)


def render_csv_overlay(source: CatalogSource, overlay: Path) -> str:
    """The overlay as CSV rows, one per procedure; CatalogError when an entry is not a row."""
    header = [*CSV_REQUIRED_COLUMNS, *CSV_OPTIONAL_COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for entry in source.entries:
        row = _csv_row(entry.data) if entry.kind == "procedure" else None
        if row is None:
            raise CatalogError(
                f"{overlay}: the overlay is CSV and cannot hold {entry.kind} {entry.code or ''}"
                " as a row; nothing was written. Make the overlay TOML to import this file"
            )
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def _csv_row(data: Mapping[str, object]) -> dict[str, str] | None:
    """The CSV cells of one procedure's data, or None when its keys do not fit the columns."""
    row: dict[str, str] = {"code": str(data.get("code", "")), "field": str(data.get("field"))}
    columns = {"name": "name", "processing_time": "time", "handled_at": "handled_at"}
    for key, column in columns.items():
        value = data.get(key)
        if isinstance(value, dict):
            row[column], row[f"{column}_en"] = value.get("vi", ""), value.get("en", "")
    fee = data.get("fee")
    if isinstance(fee, dict):
        row["fee"], row["fee_en"] = fee.get("vi", ""), fee.get("en", "")
    documents = data.get("documents")
    if isinstance(documents, list) and all(isinstance(d, dict) for d in documents):
        english = [d.get("en", "") for d in documents]
        row["documents"] = CSV_ITEM_SEPARATOR.join(d.get("vi", "") for d in documents)
        row["documents_en"] = CSV_ITEM_SEPARATOR.join(english) if all(english) else ""
    channels = data.get("channels")
    if isinstance(channels, list):
        row["channels"] = CSV_ITEM_SEPARATOR.join(map(str, channels))
    allowed = {"code", "field", "fee", "documents", "channels", *columns}
    if set(data) - allowed or not all(k in data for k in ("name", "documents", "fee")):
        return None
    if fee != PROVINCE_FEE and not isinstance(fee, dict):
        return None
    return row
