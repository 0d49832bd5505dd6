"""Which kind of ticket a counter calls next: the priority policy, call by call.

``strict``: a waiting priority ticket always goes first. ``interleave:N``: a counter calls one
priority ticket after every N normal ones; the count of normal tickets called since its last
priority one is kept per counter in the database, so a restart keeps the rhythm.
"""

from __future__ import annotations


def priority_first(interleave_every: int | None, normals_since_priority: int) -> bool:
    """Whether the counter's next call prefers a priority ticket to a normal one.

    The kind preferred is called when one waits, the other kind otherwise: that is the whole
    policy, so the database can pick the ticket in the same statement that takes it.
    """
    return interleave_every is None or normals_since_priority >= interleave_every


def calls_priority_next(
    interleave_every: int | None,
    normals_since_priority: int,
    *,
    priority_waiting: bool,
    normal_waiting: bool,
) -> bool | None:
    """True to call a priority ticket, False a normal one, None when nobody waits."""
    if not priority_waiting:
        return False if normal_waiting else None
    if not normal_waiting:
        return True
    return priority_first(interleave_every, normals_since_priority)


def rhythm_after_call(normals_since_priority: int, *, called_priority: bool) -> int:
    """The counter's count of normal tickets since its last priority one, after a call."""
    return 0 if called_priority else normals_since_priority + 1
