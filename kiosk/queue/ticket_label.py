"""How a ticket's number is written, called out and printed."""

import re

_LABEL = re.compile(r"([A-Z]{1,2})([0-9]{1,4})")


def format_label(prefix: str, number: int) -> str:
    """``A007``: the queue prefix and the number, padded to three digits."""
    return f"{prefix}{number:03d}"


def parse_label(label: str) -> tuple[str, int]:
    """``A012`` -> ("A", 12); ValueError for anything that is not a prefix and a number."""
    match = _LABEL.fullmatch(label.strip().upper())
    if match is None:
        raise ValueError(f"{label!r} is not a ticket label such as A012")
    return match.group(1), int(match.group(2))
