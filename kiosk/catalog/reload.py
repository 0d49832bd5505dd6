"""Reloading the catalogue on a running kiosk: validate the overlay first, then say what changed.

Staff correct the centre's overlay file and press "Reload catalogue" on the kiosk. The new
catalogue is built completely before anything changes; a broken file, or one that adds or
removes a field (the field tiles are laid out at start), is refused with the reason and the
catalogue in use stays as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalog.loader import load_catalog
from kiosk.catalog.procedures import Catalog
from kiosk.catalog.search import ProcedureSearch
from kiosk.errors import CatalogError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CatalogReload:
    """The outcome: either a new catalogue (with its search) and its changes, or a refusal."""

    catalog: Catalog | None
    search: ProcedureSearch | None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    refusal: str | None = None

    @property
    def accepted(self) -> bool:
        return self.catalog is not None

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


def reload_catalog(current: Catalog, overlay: Path | None) -> CatalogReload:
    """The catalogue from the built-in files and ``overlay``, compared with ``current``.

    Blocking (reads and validates files, builds the search index): call it off the GUI thread.
    """
    try:
        fresh = load_catalog(overlay)
    except CatalogError as error:
        log.warning("catalogue reload refused: %s", error)
        return CatalogReload(None, None, refusal=str(error))
    if [field.code for field in fresh.fields] != [field.code for field in current.fields]:
        refusal = "the overlay adds or removes a field: restart the kiosk to show its tiles"
        log.warning("catalogue reload refused: %s", refusal)
        return CatalogReload(None, None, refusal=refusal)
    old = {procedure.code: procedure for procedure in current.procedures}
    new = {procedure.code: procedure for procedure in fresh.procedures}
    reload = CatalogReload(
        catalog=fresh,
        search=ProcedureSearch(fresh),
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(sorted(code for code in new.keys() & old.keys() if new[code] != old[code])),
    )
    log.info(
        "catalogue reloaded from %s: %d added, %d removed, %d changed",
        overlay,
        len(reload.added),
        len(reload.removed),
        len(reload.changed),
    )
    return reload
