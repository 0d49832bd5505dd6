"""One call's audio: the expected clips in the expected order, one loudness, replacement clips."""

import array
import math
import shutil
import struct
import wave
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from kiosk.announce import render
from kiosk.announce.clips import CLIP_WORDS
from kiosk.announce.reading import Call
from kiosk.announce.render import Announcer
from kiosk.announce.voice import RATE, TARGET_RMS, Voice, check_voice_dir, unknown_files
from kiosk.errors import VoiceClipError

BUNDLED = Path(str(resources.files("resources.voice")))
# Documented in resources/voice/README.md: A012 to counter 3, Vietnamese, said twice.
A012_DURATION_SECONDS = (9.0, 15.0)


def read_wav(path: Path) -> array.array:
    with wave.open(str(path), "rb") as clip:
        assert (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) == (1, 2, RATE)
        return array.array("h", clip.readframes(clip.getnframes()))


def correlation(a: array.array, b: array.array) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def rms(samples: array.array) -> float:
    return math.sqrt(sum(x * x for x in samples) / len(samples))


def write_tone(path: Path, *, rate: int, channels: int, amplitude: int, seconds: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(
        struct.pack("<h", round(amplitude * math.sin(2 * math.pi * 440 * n / rate))) * channels
        for n in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


def test_a012_at_counter_3_is_the_expected_clips_in_order(tmp_path: Path) -> None:
    sentence = [
        "moi_cong_dan_co_so", 0.2, "letter_a", 0.08, "number_10", 0.08, "digit_2", 0.2,
        "den_quay_so", 0.2, "digit_3",
    ]  # fmt: skip
    expected = ["chime", 0.4, *sentence, 0.9, *sentence]
    out = tmp_path / "a012.wav"

    Announcer(Voice(), ("vi",), "words", repeat=2).render(Call("A", 12, 3)).write_wav(out)

    audio = read_wav(out)
    offset = 0
    for part in expected:
        if isinstance(part, float):
            silence = round(part * RATE)
            assert set(audio[offset : offset + silence]) == {0}, f"pause at {offset}"
            offset += silence
            continue
        clip = read_wav(BUNDLED / "vi" / f"{part}.wav")
        heard = audio[offset : offset + len(clip)]
        assert correlation(clip, heard) > 0.999, f"{part} at sample {offset}"
        offset += len(clip)
    assert offset == len(audio)
    low, high = A012_DURATION_SECONDS
    assert low <= len(audio) / RATE <= high


def test_every_clip_is_brought_to_one_loudness(tmp_path: Path) -> None:
    write_tone(tmp_path / "vi" / "digit_3.wav", rate=RATE, channels=1, amplitude=300, seconds=0.4)
    voice = Voice(tmp_path)

    levels = [rms(voice.clip("vi", name)) for name in ("digit_3", "letter_a", "den_quay_so")]

    assert levels == pytest.approx([TARGET_RMS] * 3, rel=0.02)


def test_a_centres_recording_replaces_one_clip_at_any_rate(tmp_path: Path) -> None:
    # A stereo recording at 44.1 kHz of 0.5 s replaces "ba"; every other clip stays bundled.
    write_tone(tmp_path / "vi" / "digit_3.wav", rate=44_100, channels=2, amplitude=9000,
               seconds=0.5)  # fmt: skip
    bundled_only = Announcer(Voice(), repeat=1).render(Call("A", 12, 3))
    replaced = Announcer(Voice(tmp_path), repeat=1).render(Call("A", 12, 3))

    tone = Voice(tmp_path).clip("vi", "digit_3")
    bundled_three = Voice().clip("vi", "digit_3")
    assert len(tone) == round(0.5 * RATE)
    assert replaced.samples[-len(tone) :] == tone
    assert bundled_only.samples[-len(bundled_three) :] == bundled_three
    cut = len(bundled_only.samples) - len(bundled_three)
    assert replaced.samples[:cut] == bundled_only.samples[:cut]


def test_a_missing_clip_is_one_error_naming_it(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED / "vi", tmp_path / "vi")
    (tmp_path / "vi" / "den_quay_so.wav").unlink()
    announcer = Announcer(Voice(bundled=tmp_path))

    with pytest.raises(VoiceClipError) as caught:
        announcer.render(Call("A", 12, 3))

    assert str(caught.value) == (
        "voice clip vi/den_quay_so.wav is missing: not in the bundled voice"
    )


def test_an_unreadable_replacement_is_one_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "vi").mkdir()
    (tmp_path / "vi" / "letter_a.wav").write_bytes(b"not a wav at all")

    with pytest.raises(VoiceClipError, match=r"vi/letter_a\.wav is unreadable: not a PCM WAV"):
        Announcer(Voice(tmp_path)).render(Call("A", 12, 3))


def test_a_voice_dir_that_does_not_exist_is_named(tmp_path: Path) -> None:
    with pytest.raises(VoiceClipError, match=r"display\.voice_dir: .*nowhere is not a folder"):
        Voice(tmp_path / "nowhere")


def test_check_lists_missing_and_unreadable_clips(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED / "vi", tmp_path / "vi")
    (tmp_path / "vi" / "tens.wav").unlink()
    with wave.open(str(tmp_path / "vi" / "digit_9.wav"), "wb") as eight_bit:
        eight_bit.setnchannels(1)
        eight_bit.setsampwidth(1)
        eight_bit.setframerate(8000)
        eight_bit.writeframes(b"\x80" * 800)
    (tmp_path / "vi" / "Letter_A.wav").write_bytes(b"")

    problems = [str(problem) for problem in check_voice_dir(tmp_path, ("vi",))]

    assert problems == [
        "vi/digit_9.wav: unreadable: 8-bit with 1 channel(s); expected 16-bit PCM, mono or stereo"
        " (sox in.wav -b 16 -c 1 out.wav converts) (says: chín)",
        "vi/tens.wav: missing (says: mươi)",
    ]
    assert unknown_files(tmp_path, ("vi",)) == [tmp_path / "vi" / "Letter_A.wav"]


def test_pauses_are_the_documented_lengths() -> None:
    plan = Announcer(Voice(), ("vi", "en"), "digits", repeat=2).plan(Call("A", 12, 3))
    pauses = [part.seconds for part in plan if isinstance(part, render.Pause)]

    assert pauses[0] == render.AFTER_CHIME
    assert pauses.count(render.BETWEEN_LANGUAGES) == 2
    assert pauses.count(render.BETWEEN_REPEATS) == 1
    assert [part.language for part in plan if isinstance(part, render.Clip)][-1] == "en"


def _truncated(path: Path) -> None:
    write_tone(path, rate=RATE, channels=1, amplitude=5000, seconds=0.5)
    path.write_bytes(path.read_bytes()[:2000])


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: write_tone(p, rate=RATE, channels=1, amplitude=5000, seconds=10.5),
         "10.5 s long; expected at most 10 s"),
        (lambda p: write_tone(p, rate=4000, channels=1, amplitude=5000, seconds=0.5),
         "4000 Hz; expected 8,000 to 96,000 Hz"),
        (lambda p: write_tone(p, rate=RATE, channels=1, amplitude=5000, seconds=0.0),
         "no sound, or the file ends before its sound does"),
        (_truncated, "no sound, or the file ends before its sound does"),
    ],
)  # fmt: skip
def test_a_clip_that_cannot_be_used_says_why(
    tmp_path: Path, make: Callable[[Path], None], reason: str
) -> None:
    make(tmp_path / "vi" / "digit_1.wav")

    assert [p.problem for p in check_voice_dir(tmp_path, ("vi",)) if p.name == "digit_1"] == [
        f"unreadable: {reason}"
    ]


def test_the_bundled_voice_is_complete_one_format_and_documented() -> None:
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    languages = ("vi", "en")

    assert check_voice_dir(BUNDLED, languages) == []
    assert unknown_files(BUNDLED, languages) == []
    for language in languages:
        for path in sorted((BUNDLED / language).glob("*.wav")):
            read_wav(path)  # 16-bit mono at RATE, or it fails
            assert f"| `{language}/{path.name}` | {CLIP_WORDS[language][path.stem]} |" in readme
