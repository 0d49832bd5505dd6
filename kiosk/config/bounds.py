"""Typed, bounded value kinds for settings, each carrying what is allowed in the user's words.

A setting's type says both what msgspec checks and the words of the error a technician reads,
so a bound and its message cannot drift apart.
"""

from __future__ import annotations

import typing
from typing import Annotated

import msgspec

# No control characters: they make a path unopenable, a log line lie or a ticket blank.
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
_NOT_BLANK = r"^[^\x00-\x1f\x7f]*\S[^\x00-\x1f\x7f]*$"


def whole(low: int, high: int, unit: str = "", *, noun: str = "a whole number") -> object:
    """A whole number from `low` to `high` (inclusive), e.g. seconds."""
    words = f"{noun}{f' of {unit}' if unit else ''} from {low} to {high}"
    return Annotated[int, msgspec.Meta(ge=low, le=high, description=words)]


def number(low: float, high: float, unit: str = "", *, above_low: bool = False) -> object:
    """A finite number from `low` (or above it) to `high`; NaN and infinities fail either bound."""
    lower = f"above {low:g}" if above_low else f"from {low:g}"
    words = f"a number{f' of {unit}' if unit else ''} {lower} to {high:g}"
    low_bound = {"gt": low} if above_low else {"ge": low}
    return Annotated[float, msgspec.Meta(**low_bound, le=high, description=words)]


def text(max_length: int, *, required: bool = False, what: str = "text") -> object:
    """One line of text without control characters, at most `max_length` characters."""
    shortest = "1" if required else "0"
    words = f"{what} of {shortest} to {max_length} characters, without control characters"
    pattern = _NOT_BLANK if required else _PRINTABLE
    return Annotated[
        str,
        msgspec.Meta(
            min_length=1 if required else 0,
            max_length=max_length,
            pattern=pattern,
            description=words,
        ),
    ]


def allowed_words(kind: object) -> str:
    """What a value of `kind` may be, for an error message."""
    if typing.get_origin(kind) is Annotated:
        base, *extras = typing.get_args(kind)
        for extra in extras:
            if isinstance(extra, msgspec.Meta) and extra.description:
                return extra.description
        return allowed_words(base)
    origin = typing.get_origin(kind)
    if origin is tuple:
        return f"a list of {allowed_words(typing.get_args(kind)[0])}"
    if origin is dict:
        return "a table of strings"
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
    return names.get(kind, str(kind))  # type: ignore[call-overload]
