"""Where a new ticket stands in its queue, under each priority policy."""

import pytest

from kiosk.queue.position import estimated_wait_minutes, people_ahead
from kiosk.queue.ticket_label import format_label


@pytest.mark.parametrize(
    ("every", "is_priority", "priority_waiting", "normal_waiting", "expected"),
    [
        (None, False, 2, 5, 7),  # strict: every priority ticket goes first
        (None, True, 2, 5, 2),  # strict: a priority ticket waits only for priority ones
        (None, False, 3, 5, 8),
        (3, False, 4, 7, 9),  # interleave:3: 7 normal ahead lets 2 priority in between
        (3, False, 1, 7, 8),  # ... but never more than are waiting
        (3, True, 1, 10, 7),  # priority with 1 ahead: at most 3 * 2 normal before it
        (3, True, 0, 2, 2),  # ... or as many normal as are waiting
        # The interleave:N boundary, where an off-by-one shows: exactly N normal tickets
        # ahead let one priority ticket in, N - 1 let none; a priority ticket with k ahead
        # waits for exactly N * (k + 1) normal ones, never one more or one fewer.
        (3, False, 5, 3, 4),
        (3, False, 5, 2, 2),
        (3, False, 5, 6, 8),
        (3, True, 0, 3, 3),
        (3, True, 0, 4, 3),
        (3, True, 1, 6, 7),
        (3, True, 1, 7, 7),
        (1, False, 5, 2, 4),  # interleave:1 alternates
        (2, True, 2, 10, 8),  # the priority ones ahead and the normal ones add up
    ],
)
def test_people_ahead(
    every: int | None, is_priority: bool, priority_waiting: int, normal_waiting: int, expected: int
) -> None:
    assert (
        people_ahead(
            every,
            is_priority=is_priority,
            priority_waiting=priority_waiting,
            normal_waiting=normal_waiting,
        )
        == expected
    )


def test_wait_uses_recent_service_times_before_the_fallback() -> None:
    assert estimated_wait_minutes(4, [], fallback=5.0, counters_open=1) == 20
    assert estimated_wait_minutes(4, [2.0, 3.0], fallback=5.0, counters_open=1) == 10
    # Rounded up: never promised short.
    assert estimated_wait_minutes(3, [2.5], fallback=5.0, counters_open=1) == 8
    assert estimated_wait_minutes(0, [9.0], fallback=5.0, counters_open=1) == 0


def test_labels_are_padded_to_three_digits() -> None:
    assert format_label("A", 7) == "A007"
    assert format_label("HT", 1234) == "HT1234"
