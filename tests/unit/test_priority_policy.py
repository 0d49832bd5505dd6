"""The priority policy call by call: strict, and the interleave rhythm at its boundary."""

import pytest

from kiosk.queue.policy import calls_priority_next, rhythm_after_call


def _sequence(every: int | None, priority: int, normal: int, rhythm: int = 0) -> str:
    """The kinds called one after another ("P"/"N") until both queues are empty."""
    calls = ""
    while True:
        choice = calls_priority_next(
            every, rhythm, priority_waiting=priority > 0, normal_waiting=normal > 0
        )
        if choice is None:
            return calls
        priority, normal = (priority - 1, normal) if choice else (priority, normal - 1)
        rhythm = rhythm_after_call(rhythm, called_priority=choice)
        calls += "P" if choice else "N"


def test_strict_calls_every_priority_ticket_first() -> None:
    assert _sequence(None, priority=2, normal=3) == "PPNNN"


def test_interleave_three_calls_one_priority_after_exactly_three_normal() -> None:
    assert _sequence(3, priority=3, normal=7) == "NNNPNNNPNP"


@pytest.mark.parametrize(
    ("rhythm", "expected"),
    [(0, False), (1, False), (2, False), (3, True), (4, True)],
)
def test_interleave_boundary_is_the_nth_normal_call(rhythm: int, expected: bool) -> None:
    # After 2 normal calls the third is still normal; after 3 the priority ticket goes.
    assert calls_priority_next(3, rhythm, priority_waiting=True, normal_waiting=True) is expected


def test_interleave_one_alternates() -> None:
    assert _sequence(1, priority=3, normal=3) == "NPNPNP"


def test_a_stored_rhythm_carries_on_after_a_restart() -> None:
    # A counter that called 2 normal tickets before restarting calls one more, then priority.
    assert _sequence(3, priority=1, normal=2, rhythm=2) == "NPN"


def test_a_priority_ticket_with_no_normal_waiting_is_called_and_restarts_the_count() -> None:
    assert _sequence(3, priority=2, normal=0) == "PP"
    assert rhythm_after_call(5, called_priority=True) == 0
