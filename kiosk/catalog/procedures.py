"""The procedure catalogue: fields (tiles), procedures and their documents, in several languages.

Plain immutable data. Loading and validation live in `kiosk.catalog.loader`; search in
`kiosk.catalog.search`. Texts are kept per language; a language that a text lacks falls back to
Vietnamese, which every text has.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.errors import UnknownProcedure

BASE_LANGUAGE = "vi"
CHANNELS = ("in_person", "post", "online")
# Facts of a procedure that the data may flag as unverified.
FACTS = (
    "name",
    "documents",
    "fee",
    "processing_time",
    "handled_at",
    "channels",
    "portal_url",
    "legal_basis",
    "note",
)


@dataclass(frozen=True)
class LocalizedText:
    """A text in Vietnamese plus optional translations, stored as sorted (language, text) pairs."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, texts: Mapping[str, str]) -> LocalizedText:
        if not texts.get(BASE_LANGUAGE):
            raise ValueError("a localized text needs a Vietnamese ('vi') text")
        return cls(tuple(sorted((lang, text) for lang, text in texts.items() if text)))

    def get(self, lang: str) -> str:
        for language, text in self.texts:
            if language == lang:
                return text
        return self.vi

    @property
    def vi(self) -> str:
        return dict(self.texts)[BASE_LANGUAGE]

    def as_dict(self) -> dict[str, str]:
        return dict(self.texts)


@dataclass(frozen=True)
class Document:
    """One line of the checklist of papers to bring."""

    label: LocalizedText

    def text(self, lang: str) -> str:
        return self.label.get(lang)


@dataclass(frozen=True)
class Field:
    """A field of procedures (lĩnh vực): one tile on the kiosk and one queue prefix."""

    code: str
    names: LocalizedText
    order: int
    icon: str
    queue_prefix: str

    def name(self, lang: str) -> str:
        return self.names.get(lang)


@dataclass(frozen=True)
class Procedure:
    """An administrative procedure with the facts a citizen needs before queueing."""

    code: str
    field: str
    names: LocalizedText
    documents: tuple[Document, ...]
    fee_text: LocalizedText
    # True while the fee is the placeholder "set by the province" that a centre should fill in.
    fee_set_by_province: bool
    processing_time_text: LocalizedText
    handled_at_text: LocalizedText
    channels: tuple[str, ...]
    portal_url: str | None
    # True when portal_url is the portal's search page rather than this procedure's own page.
    portal_url_generic: bool
    legal_basis: tuple[str, ...]
    note_text: LocalizedText | None
    unverified: frozenset[str]

    def name(self, lang: str) -> str:
        return self.names.get(lang)

    def fee(self, lang: str) -> str:
        return self.fee_text.get(lang)

    def processing_time(self, lang: str) -> str:
        return self.processing_time_text.get(lang)

    def handled_at(self, lang: str) -> str:
        return self.handled_at_text.get(lang)

    def note(self, lang: str) -> str | None:
        return self.note_text.get(lang) if self.note_text else None

    def is_verified(self, fact: str) -> bool:
        return fact not in self.unverified

    @property
    def online(self) -> bool:
        return "online" in self.channels


@dataclass(frozen=True)
class SynonymGroup:
    """Words that mean the same to a citizen; see resources/catalog/synonyms.toml."""

    terms: tuple[str, ...]
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """Fields in display order and every procedure, looked up by code."""

    fields: tuple[Field, ...]
    procedures: tuple[Procedure, ...]
    synonyms: tuple[SynonymGroup, ...] = ()
    _by_code: Mapping[str, Procedure] = dataclasses.field(init=False, repr=False, compare=False)
    _by_field: Mapping[str, tuple[Procedure, ...]] = dataclasses.field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {p.code: p for p in self.procedures})
        by_field: dict[str, list[Procedure]] = {f.code: [] for f in self.fields}
        for procedure in self.procedures:
            by_field.setdefault(procedure.field, []).append(procedure)
        object.__setattr__(self, "_by_field", {k: tuple(v) for k, v in by_field.items()})

    def procedure(self, code: str) -> Procedure:
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownProcedure(code) from None

    def procedures_in(self, field_code: str) -> tuple[Procedure, ...]:
        """The procedures of a field in display order; empty for a field without any."""
        return self._by_field.get(field_code, ())

    def field(self, code: str) -> Field:
        """The field with this code; KeyError for an unknown one."""
        for candidate in self.fields:
            if candidate.code == code:
                return candidate
        raise KeyError(code)
