"""Validation of catalogue entries: what each key of a field, procedure or synonym may hold,
declared once as msgspec Structs whose types carry their bounds and words for errors, plus
checks of what no schema can say (refused characters, items given twice, icons, references).

Every broken rule is a Problem naming file, row, code and key. msgspec stops at the first error,
so an entry that does not convert is walked into (`explain`) to list all its problems at once.
"""

import re
import reprlib
import typing
import unicodedata
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Annotated, Any, Literal

import msgspec

from kiosk.catalog.entries import Entry, Problem
from kiosk.catalog.procedures import (
    BASE_LANGUAGE,
    CHANNELS,
    FACTS,
    Document,
    Field,
    LocalizedText,
    Procedure,
    SynonymGroup,
)
from kiosk.catalog.search import fold
from kiosk.config.bounds import allowed_words
from kiosk.config.models import LANGUAGES

ICONS_PACKAGE = "resources.catalog.icons"
# `fee = "province"` stands for this text until a centre writes its own figure.
PROVINCE_FEE = "province"
PROVINCE_FEE_TEXT = {"vi": "Theo quy định của tỉnh", "en": "Set by the province"}
# Caps: a name longer than a ticket line or a checklist longer than a screen is a mistake.
MAX_NAME = 150
MAX_DOCUMENTS = 30
MAX_ITEMS = 50
TEXTS = 'a table of texts per language, e.g. { vi = "...", en = "..." }'
# Unicode categories refused in any text: control, format (zero-width, bidirectional
# overrides and isolates, soft hyphen), line and paragraph separators, private use.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
# Letters that print as nothing (Braille blank, Hangul fillers).
INVISIBLE_LETTERS = re.compile("[\u2800\u3164\u115f\u1160\uffa0]")


def _kind(base: object, words: str, **bounds: Any) -> Any:
    return Annotated[base, msgspec.Meta(description=words, **bounds)]


def _text(most: int, what: str = "a text") -> Any:
    return _kind(
        str, f"{what} of at most {most} characters, not blank", pattern=r"\S", max_length=most
    )


def _texts(most: int) -> Any:
    """A text per language the kiosk shows: Vietnamese, and the others when translated."""
    other = _kind(str, f"a translation of at most {most} characters", max_length=most)
    others = [(lang, other, "") for lang in LANGUAGES if lang != BASE_LANGUAGE]
    fields = [(BASE_LANGUAGE, _text(most, "Vietnamese text")), *others]
    return _kind(msgspec.defstruct(f"Texts{most}", fields, forbid_unknown_fields=True), TEXTS)


def _list(item: object, words: str, *, least: int = 0, most: int = MAX_ITEMS) -> Any:
    return _kind(tuple[item, ...], words, min_length=least, max_length=most)


Fact = _texts(400)
# Official codes in ASCII digits only: other scripts' digits make codes that merely look alike.
Code = _kind(
    str,
    "an official code in ASCII digits, such as 1.001193 or 1.012753.H19",
    pattern=r"^[0-9]\.[0-9]{6}(\.[A-Z0-9]{1,6})?\Z",
)
FieldCode = _kind(
    str, "a field code in lower-case ASCII, such as land", pattern=r"^[a-z][a-z0-9_]{0,39}\Z"
)
Items = _list(_text(200), f"a list of at most {MAX_ITEMS} texts")


class FieldEntry(msgspec.Struct, forbid_unknown_fields=True):
    """A [[field]]: a tile on the kiosk and a queue prefix."""

    code: FieldCode
    name: _texts(60)
    order: int
    icon: _kind(str, "an icon file name such as land.svg", pattern=r"^[a-z0-9_-]{1,60}\.svg\Z")
    queue_prefix: _kind(str, "one or two capital letters", pattern=r"^[A-Z]{1,2}\Z")


class ProcedureEntry(msgspec.Struct, forbid_unknown_fields=True):
    """A [[procedure]] (after its file's [defaults]), or a complete CSV row."""

    code: Code
    field: FieldCode
    name: _texts(MAX_NAME)
    documents: _list(
        _texts(300), f"a list of 1 to {MAX_DOCUMENTS} tables of texts", least=1, most=MAX_DOCUMENTS
    )
    fee: _kind(Fact | Literal[PROVINCE_FEE], f"{TEXTS}, or the word {PROVINCE_FEE!r}")
    processing_time: Fact
    handled_at: Fact
    channels: _list(Literal[CHANNELS], f"a list of one or more of {', '.join(CHANNELS)}", least=1)
    portal_url: _kind(
        str, "an https:// address, or empty for none", pattern=r"^(https://[^\s\"<>]+)?\Z"
    ) = ""
    portal_url_generic: bool = False
    legal_basis: Items = ()
    note: _kind(Fact | None, TEXTS) = None
    unverified: _list(Literal[FACTS], f"a list of any of {', '.join(FACTS)}") = ()


class SynonymEntry(msgspec.Struct, forbid_unknown_fields=True):
    """A [[synonym]]: words citizens use for the same thing, optionally for given procedures."""

    terms: _list(_text(200), f"a list of 1 to {MAX_ITEMS} terms", least=1)
    codes: Items = ()


def explain(value: object, kind: Any, key: str) -> list[tuple[str, str]]:
    """Where and why `value` is not a `kind`: every (key path, problem), in every item and key.

    A list of chosen words (channels) names the list, not the item: "channels: unknown 'fax'".
    """
    try:
        msgspec.convert(value, kind)
        return []
    except msgspec.ValidationError:
        pass
    base, *extras = typing.get_args(kind) if typing.get_origin(kind) is Annotated else (kind,)
    most = next((m.max_length for m in extras if isinstance(m, msgspec.Meta)), None)
    origin, args = typing.get_origin(base), typing.get_args(base)
    found: list[tuple[str, str]] = []
    if most is not None and isinstance(value, str | list) and len(value) > most:
        unit = "characters" if isinstance(value, str) else "items"
        found.append((key, f"{len(value)} {unit}, at most {most} allowed"))
    elif origin is Literal:
        found.append((key, f"unknown {value!r}; allowed: {list(args)}"))
    elif origin is typing.Union and isinstance(value, dict):
        found += explain(value, args[0], key)  # the table of texts, written first in each union
    elif origin is tuple and isinstance(value, list):
        words = typing.get_origin(args[0]) is Literal
        for number, item in enumerate(value, start=1):
            found += explain(item, args[0], key if words else f"{key}[{number}]")
    elif isinstance(base, type) and issubclass(base, msgspec.Struct) and isinstance(value, dict):
        at, keys = f"{key}." if key else "", base.__struct_fields__
        unknown = sorted(set(value) - set(keys))
        found += [(at + name, f"unknown key; allowed: {', '.join(keys)}") for name in unknown]
        for field in msgspec.structs.fields(base):
            if field.name in value:
                found += explain(value[field.name], field.type, at + field.name)
            elif field.required:
                found.append((at + field.name, f"missing {allowed_words(field.type)}"))
    return found or [(key, f"{reprlib.repr(value)} is not {allowed_words(kind)}")]


def refused_character(text: str) -> str | None:
    """The first character of `text` a ticket or screen would not show as written, if any."""
    # Fast path (C speed) for the usual text; isprintable() is False for every refused category.
    if text.isprintable() and not INVISIBLE_LETTERS.search(text):
        return None
    for char in text:
        if INVISIBLE_LETTERS.match(char) or unicodedata.category(char) in REFUSED_CATEGORIES:
            return f"U+{ord(char):04X}"
    return None


def _text_problems(value: object, key: str) -> list[tuple[str, str]]:
    """What no schema can say of the texts in `value`, as read from the file."""
    found: list[tuple[str, str]] = []
    if isinstance(value, str) and (char := refused_character(value)) is not None:
        found.append((key, f"contains an invisible or control character ({char}); remove it"))
    elif isinstance(value, dict):
        for lang, text in value.items():
            found += _text_problems(text, f"{key}.{lang}")
    elif isinstance(value, list):
        words = [item for item in value if isinstance(item, str)]
        if len(set(words)) != len(words):
            found.append((key, "an item appears twice"))
        for number, item in enumerate(value, start=1):
            found += _text_problems(item, f"{key}[{number}]")
    return found


def _read(
    data: Mapping[str, object], entry: Entry, model: type[msgspec.Struct]
) -> tuple[dict[str, Any], list[Problem]]:
    """The entry's values (converted if all is well, else as read) and problems by key."""
    try:
        values, found = msgspec.structs.asdict(msgspec.convert(data, model)), []
    except msgspec.ValidationError:
        found = explain(data, model, "")
        wrong = {re.split(r"[.\[]", key, maxsplit=1)[0] for key, _ in found}
        values = {
            key: data[key] for key in model.__struct_fields__ if key in data and key not in wrong
        }
    # Texts of keys that break their type are checked too, so that one run lists every problem.
    found += (
        p for key in model.__struct_fields__ if key in data for p in _text_problems(data[key], key)
    )
    return values, [entry.problem(key, message) for key, message in found]


def _localized(texts: msgspec.Struct) -> LocalizedText:
    return LocalizedText.of(
        {lang: text.strip() for lang, text in msgspec.structs.asdict(texts).items()}
    )


def validate_field(data: Mapping[str, object], entry: Entry) -> tuple[Field | None, list[Problem]]:
    values, problems = _read(data, entry, FieldEntry)
    icon = values.get("icon")
    if icon is not None and not icon_resource(icon).is_file():
        problems.append(entry.problem("icon", f"no icon {icon!r} in resources/catalog/icons/"))
    if problems:
        return None, problems
    names = _localized(values["name"])
    return Field(values["code"], names, values["order"], icon, values["queue_prefix"]), []


def validate_procedure(
    data: Mapping[str, object], entry: Entry, field_codes: frozenset[str]
) -> tuple[Procedure | None, list[Problem]]:
    values, problems = _read(data, entry, ProcedureEntry)
    field_code = values.get("field")
    if field_code is not None and field_code not in field_codes:
        problems.append(
            entry.problem("field", f"unknown field {field_code!r}; known: {sorted(field_codes)}")
        )
    if problems:
        return None, problems
    fee, note = values["fee"], values["note"]
    return (
        Procedure(
            code=values["code"],
            field=field_code,
            names=_localized(values["name"]),
            documents=tuple(Document(_localized(texts)) for texts in values["documents"]),
            fee_text=LocalizedText.of(PROVINCE_FEE_TEXT)
            if fee == PROVINCE_FEE
            else _localized(fee),
            fee_set_by_province=fee == PROVINCE_FEE,
            processing_time_text=_localized(values["processing_time"]),
            handled_at_text=_localized(values["handled_at"]),
            channels=values["channels"],
            portal_url=values["portal_url"] or None,
            portal_url_generic=values["portal_url_generic"] and bool(values["portal_url"]),
            legal_basis=values["legal_basis"],
            note_text=_localized(note) if note is not None else None,
            unverified=frozenset(values["unverified"]),
        ),
        [],
    )


def validate_synonym(
    data: Mapping[str, object], entry: Entry, known_codes: frozenset[str]
) -> tuple[SynonymGroup | None, list[Problem]]:
    values, problems = _read(data, entry, SynonymEntry)
    for code in sorted(set(values.get("codes", ())) - known_codes):
        problems.append(entry.problem("codes", f"unknown procedure {code!r}"))
    if problems:
        return None, problems
    return SynonymGroup(values["terms"], values["codes"]), []


def icon_resource(name: str) -> Traversable:
    """The SVG file of a field icon (`Field.icon`), read through importlib.resources."""
    return resources.files(ICONS_PACKAGE).joinpath(name)


def name_clash(code: str, names: LocalizedText, taken: Mapping[str, str]) -> str | None:
    """The message when `names` folds to the Vietnamese name of another procedure in `taken`.

    `taken` maps folded Vietnamese names to codes: "Đăng ký khai sinh" and "dang ky khai sinh"
    under two codes would show side by side and split the day's figures.
    """
    other = taken.get(fold(names.vi))
    if other is None or other == code:
        return None
    return f"{names.vi!r} is the name of procedure {other} (same letters ignoring accents and case)"
