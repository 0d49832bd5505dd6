"""How a ticket's number is written, called out and printed."""


def format_label(prefix: str, number: int) -> str:
    """``A007``: the queue prefix and the number, padded to three digits."""
    return f"{prefix}{number:03d}"
