"""Building the catalogue in use: the built-in files, then a centre's overlay, layered by code.

An entry whose code is already known replaces only the keys it gives; an entry with a new code
must be complete. Nothing is half-applied: any problem raises InvalidCatalog listing them all.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kiosk.catalog.entries import CatalogSource, Entry, InvalidCatalog, Kind, Problem
from kiosk.catalog.formats import parse_toml, read_source
from kiosk.catalog.procedures import Catalog, Field, Procedure, SynonymGroup
from kiosk.catalog.rules import (
    name_clash,
    validate_field,
    validate_procedure,
    validate_synonym,
)
from kiosk.catalog.search import fold

log = logging.getLogger(__name__)

BUILTIN_PACKAGE = "resources.catalog"


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
    names: dict[str, str] = {}
    for data, entry in layers.procedures.values():
        built_procedure, found = validate_procedure(data, entry, field_codes)
        problems += found
        if built_procedure is None:
            continue
        clash = name_clash(built_procedure.code, built_procedure.names, names)
        if clash is not None:
            problems.append(entry.problem("name", clash))
            continue
        names[fold(built_procedure.names.vi)] = built_procedure.code
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
        catalog = catalog_with(read_source(overlay, builtin_catalog()))
    log.info(
        "catalogue loaded: %d procedures in %d fields (overlay: %s)",
        len(catalog.procedures),
        len(catalog.fields),
        overlay if overlay is not None and overlay.exists() else "none",
    )
    return catalog
