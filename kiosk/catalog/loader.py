"""The catalogue's public entry points (format: docs/catalog-format.md), gathered from
the modules that hold them: entries (shapes and problems), formats (reading TOML and CSV
files), writing (the overlay), rules (what each key may hold), building (built-in plus
overlay) and overlay (import)."""

from kiosk.catalog.building import (
    _build,
    _layers_of_complete_files,
    apply_entry,
    builtin_catalog,
    catalog_with,
    load_catalog,
)
from kiosk.catalog.entries import CatalogSource, Entry, InvalidCatalog, Problem
from kiosk.catalog.formats import parse_csv, parse_toml, read_source
from kiosk.catalog.overlay import ImportReport, RowOutcome, import_file, plan_import
from kiosk.catalog.rules import PROVINCE_FEE, PROVINCE_FEE_TEXT, icon_resource
from kiosk.catalog.writing import render_overlay

__all__ = [
    "PROVINCE_FEE",
    "PROVINCE_FEE_TEXT",
    "CatalogSource",
    "Entry",
    "ImportReport",
    "InvalidCatalog",
    "Problem",
    "RowOutcome",
    "_build",
    "_layers_of_complete_files",
    "apply_entry",
    "builtin_catalog",
    "catalog_with",
    "icon_resource",
    "import_file",
    "load_catalog",
    "parse_csv",
    "parse_toml",
    "plan_import",
    "read_source",
    "render_overlay",
]
