"""The announcement queue: first in, first out, never overlapping, recalls of a waiting ticket
merged; driven here by a clock the test moves and a sink that records what it was given."""

import itertools
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.announce.playback import GAP_SECONDS, AnnouncementQueue, Played
from kiosk.announce.reading import Call
from kiosk.announce.render import Announcer, Pcm
from kiosk.announce.voice import Voice


@dataclass
class Hall:
    """A clock the test moves and an audio sink that plays whatever it is given in full."""

    now: float = 1000.0
    played: list[Pcm] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def play(self, pcm: Pcm) -> float:
        self.played.append(pcm)
        return pcm.duration_seconds


@pytest.fixture(scope="module")
def announcer() -> Announcer:
    voice = Voice()
    voice.preload(("vi",))
    return Announcer(voice, ("vi",), "words", repeat=2)


def run_until_quiet(queue: AnnouncementQueue, hall: Hall, delay: float | None) -> None:
    """What the display's single-shot timer does: pump again when the queue asks to."""
    while delay is not None:
        hall.now += delay
        delay = queue.pump()


def labels(history: tuple[Played, ...]) -> list[tuple[str, int]]:
    return [(played.call.label, played.call.counter) for played in history]


def test_five_calls_in_one_second_are_all_said_in_order_and_never_overlap(
    announcer: Announcer,
) -> None:
    hall = Hall()
    queue = AnnouncementQueue(render=announcer.render, play=hall.play, clock=hall.clock)
    calls = [Call("A", 12, 3), Call("B", 4, 1), Call("A", 13, 5), Call("C", 101, 2),
             Call("B", 5, 4)]  # fmt: skip

    delay = None
    for call in calls:
        delay = queue.add(call)
        hall.now += 0.2
    run_until_quiet(queue, hall, delay)

    history = queue.history
    assert labels(history) == [(c.label, c.counter) for c in calls]
    for before, after in itertools.pairwise(history):
        assert after.started_at >= before.ended_at + GAP_SECONDS
    for played, pcm in zip(history, hall.played, strict=True):
        assert played.ended_at - played.started_at == pytest.approx(pcm.duration_seconds)
    assert [pcm.samples for pcm in hall.played] == [announcer.render(c).samples for c in calls]


def test_a_recall_of_a_waiting_ticket_is_merged_and_keeps_its_place(
    announcer: Announcer,
) -> None:
    hall = Hall()
    queue = AnnouncementQueue(render=announcer.render, play=hall.play, clock=hall.clock)

    queue.add(Call("A", 1, 1))  # starts at once
    queue.add(Call("A", 2, 2))
    queue.add(Call("A", 3, 3))
    delay = queue.add(Call("A", 2, 4))  # recalled, now to counter 4, while still waiting

    assert [(c.label, c.counter) for c in queue.waiting] == [("A002", 4), ("A003", 3)]
    run_until_quiet(queue, hall, delay)
    assert labels(queue.history) == [("A001", 1), ("A002", 4), ("A003", 3)]


def test_a_recall_of_the_ticket_being_said_is_said_again_after_it(
    announcer: Announcer,
) -> None:
    hall = Hall()
    queue = AnnouncementQueue(render=announcer.render, play=hall.play, clock=hall.clock)

    queue.add(Call("A", 1, 1))
    hall.now += 1.0
    delay = queue.add(Call("A", 1, 1))
    assert delay is not None
    assert delay > 0
    run_until_quiet(queue, hall, delay)

    assert labels(queue.history) == [("A001", 1), ("A001", 1)]
    assert queue.waiting == ()


def test_pumping_early_starts_nothing(announcer: Announcer) -> None:
    hall = Hall()
    queue = AnnouncementQueue(render=announcer.render, play=hall.play, clock=hall.clock)
    queue.add(Call("A", 1, 1))
    queue.add(Call("A", 2, 1))

    hall.now += 0.5
    delay = queue.pump()

    assert len(hall.played) == 1
    assert delay == pytest.approx(hall.played[0].duration_seconds + GAP_SECONDS - 0.5)


def test_a_call_whose_clip_is_missing_is_logged_and_the_next_is_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hall = Hall()
    # A voice whose Vietnamese set lacks "mười" (10-19): A012 cannot be said, A020 can.
    bundled = Voice().bundled
    (tmp_path / "vi").mkdir()
    for clip in bundled.joinpath("vi").iterdir():
        if clip.name.endswith(".wav") and clip.name != "number_10.wav":
            (tmp_path / "vi" / clip.name).write_bytes(clip.read_bytes())
    announcer = Announcer(Voice(bundled=tmp_path))
    queue = AnnouncementQueue(render=announcer.render, play=hall.play, clock=hall.clock)

    with caplog.at_level(logging.ERROR, logger="kiosk.announce.playback"):
        delay = queue.add(Call("A", 12, 3))
        run_until_quiet(queue, hall, queue.add(Call("A", 20, 3)) or delay)

    assert labels(queue.history) == [("A020", 3)]
    assert [r.getMessage() for r in caplog.records] == [
        "call of A012 to counter 3 not spoken: voice clip vi/number_10.wav is missing:"
        " not in the bundled voice"
    ]
