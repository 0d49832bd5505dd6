"""Validation of catalogue entries: what each key of a field, procedure or synonym may hold.

Every broken rule becomes a Problem naming file, row, code and key; all problems of an entry
are collected, not only the first, so one run of `catalog validate` lists them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from importlib.resources.abc import Traversable

from kiosk.catalog.entries import Entry, Problem
from kiosk.catalog.procedures import (
    CHANNELS,
    FACTS,
    Document,
    Field,
    LocalizedText,
    Procedure,
    SynonymGroup,
)
from kiosk.catalog.search import fold

ICONS_PACKAGE = "resources.catalog.icons"
# `fee = "province"` stands for this text until a centre writes its own figure.
PROVINCE_FEE = "province"
PROVINCE_FEE_TEXT = {"vi": "Theo quy định của tỉnh", "en": "Set by the province"}

# Official codes in ASCII digits only: other scripts' digits make codes that merely look alike.
CODE_PATTERN = re.compile(r"[0-9]\.[0-9]{6}(\.[A-Z0-9]{1,6})?", re.ASCII)
CODE_WORDS = "an official code in ASCII digits, such as 1.001193 or 1.012753.H19"
FIELD_CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
QUEUE_PREFIX_PATTERN = re.compile(r"[A-Z]{1,2}")
ICON_PATTERN = re.compile(r"[a-z0-9_-]{1,60}\.svg")

FIELD_KEYS = frozenset({"code", "name", "order", "icon", "queue_prefix"})
PROCEDURE_KEYS = frozenset({"code", "field", "portal_url_generic", "unverified", *FACTS})
OPTIONAL_FACTS = frozenset({"portal_url", "legal_basis", "note"})
PROCEDURE_REQUIRED = ("field", *(fact for fact in FACTS if fact not in OPTIONAL_FACTS))
SYNONYM_KEYS = frozenset({"terms", "codes"})

# Length caps (docs/catalog-format.md): a name longer than a ticket line or a checklist
# longer than a screen is a mistake in the data, not a procedure.
MAX_NAME = 150
MAX_DOCUMENT = 300
MAX_DOCUMENTS = 30
MAX_TEXT = 400
MAX_LIST_ITEM = 200
MAX_LIST_ITEMS = 50
MAX_FIELD_NAME = 60
# Unicode categories refused in any text: control, format (zero-width, bidirectional
# overrides and isolates, soft hyphen), line and paragraph separators, private use.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
# Letters that print as nothing (Braille blank, Hangul fillers).
INVISIBLE_LETTERS = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def refused_character(text: str) -> str | None:
    """The first character of `text` a ticket or screen would not show as written, if any."""
    # Fast path (C speed) for the usual text; isprintable() is False for every refused category.
    if text.isprintable() and not INVISIBLE_LETTERS.intersection(text):
        return None
    for char in text:
        if char in INVISIBLE_LETTERS or unicodedata.category(char) in REFUSED_CATEGORIES:
            return f"U+{ord(char):04X}"
    return None


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
        elif pattern is CODE_PATTERN and not pattern.fullmatch(value):
            self.fail(key, f"{value!r} is not {CODE_WORDS}")
        elif pattern is not None and not pattern.fullmatch(value):
            self.fail(key, f"{value!r} does not match {pattern.pattern}")
        else:
            return value
        return None

    def plain(self, key: str, text: str, max_length: int) -> bool:
        """Whether `text` is printable and short enough; a problem for `key` if not."""
        if (char := refused_character(text)) is not None:
            self.fail(key, f"contains an invisible or control character ({char}); remove it")
        elif len(text.strip()) > max_length:
            self.fail(key, f"{len(text.strip())} characters, at most {max_length} allowed")
        else:
            return True
        return False

    def localized(
        self, key: str, value: object, max_length: int = MAX_TEXT
    ) -> LocalizedText | None:
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
            elif not self.plain(f"{key}.{lang}", text, max_length):
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
        if len(value) > MAX_LIST_ITEMS:
            self.fail(key, f"{len(value)} items, at most {MAX_LIST_ITEMS} allowed")
        for number, item in enumerate(value, start=1):
            self.plain(f"{key}[{number}]", item, MAX_LIST_ITEM)
        return tuple(value)


def validate_field(data: Mapping[str, object], entry: Entry) -> tuple[Field | None, list[Problem]]:
    check = _Checker(data, entry, FIELD_KEYS)
    code = check.text("code", FIELD_CODE_PATTERN)
    names = check.localized("name", data.get("name"), MAX_FIELD_NAME)
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
    names = check.localized("name", data["name"], MAX_NAME) if "name" in data else None
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
    if len(value) > MAX_DOCUMENTS:
        check.fail("documents", f"{len(value)} documents, at most {MAX_DOCUMENTS} allowed")
        return ()
    labels = [
        check.localized(f"documents[{n}]", item, MAX_DOCUMENT)
        for n, item in enumerate(value, start=1)
    ]
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
