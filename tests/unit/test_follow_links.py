"""Follow-your-turn tokens and the whole-queue count of people ahead."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.queue.follow_links import follow_token, follow_url, ticket_id_for_token
from kiosk.queue.position import people_ahead, people_ahead_in_queue
from web.security import TokenBuckets

KEY = b"k" * 32
DAY = date(2026, 12, 1)


@given(ticket_id=st.integers(1, 2**31 - 1))
def test_a_token_opens_its_own_ticket_on_its_own_day_only(ticket_id: int) -> None:
    token = follow_token(KEY, ticket_id, DAY)
    assert len(token) == 27
    assert ticket_id_for_token(KEY, token, DAY) == ticket_id
    assert ticket_id_for_token(KEY, token, DAY + timedelta(days=1)) is None
    assert ticket_id_for_token(b"another key", token, DAY) is None


@given(position=st.integers(0, 26), replacement=st.sampled_from("AQgw_-09"))
def test_changing_any_character_closes_the_token(position: int, replacement: str) -> None:
    token = follow_token(KEY, 1234, DAY)
    tampered = token[:position] + replacement + token[position + 1 :]
    if tampered != token:
        assert ticket_id_for_token(KEY, tampered, DAY) is None


@given(st.text(max_size=60))
def test_anything_else_is_no_token(text: str) -> None:
    assert ticket_id_for_token(KEY, text, DAY) is None


def test_follow_url_joins_the_public_address() -> None:
    assert follow_url("http://10.0.0.5:8080/", "abc") == "http://10.0.0.5:8080/t/abc"


@given(
    queue=st.lists(st.booleans(), max_size=40),
    interleave=st.sampled_from([None, 1, 2, 3]),
)
def test_the_whole_queue_count_agrees_with_counting_one_ticket_at_a_time(
    queue: list[bool], interleave: int | None
) -> None:
    waiting = list(enumerate(queue, start=1))
    counted = people_ahead_in_queue(waiting, interleave)
    for ticket_id, is_priority in waiting:
        earlier = [p for i, p in waiting if i < ticket_id]
        priority_waiting = sum(earlier) if is_priority else sum(queue)
        expected = people_ahead(
            interleave,
            is_priority=is_priority,
            priority_waiting=priority_waiting,
            normal_waiting=earlier.count(False),
        )
        assert counted[ticket_id] == expected


def test_a_bucket_lets_a_burst_through_then_its_rate() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=10.0, burst=5, clock=lambda: now[0])
    assert [buckets.allow("a") for _ in range(7)] == [True] * 5 + [False] * 2
    assert buckets.allow("b")
    now[0] = 0.25  # 2.5 tokens back
    assert [buckets.allow("a") for _ in range(3)] == [True, True, False]
