"""The voice: clips read from a centre's folder where it holds them, else from the bundled set,
each brought to one rate and one loudness so that joined clips sound like one speaker.

A centre's recordings come at any rate, mono or stereo; they are mixed down and resampled
here (linear interpolation is plenty for speech played through a hall's loudspeakers).
"""

from __future__ import annotations

import array
import math
import operator
import sys
import wave
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from kiosk.announce.clips import CLIP_WORDS
from kiosk.errors import VoiceClipError

RATE = 22_050
"""Every announcement is 16-bit mono PCM at this rate (the bundled clips' own rate)."""
BUNDLED_PACKAGE = "resources.voice"
LONGEST_CLIP_SECONDS = 10.0
# Every clip is scaled to this RMS (-20 dBFS) unless its peak would pass PEAK_LIMIT (-1 dBFS).
TARGET_RMS = 3277.0
PEAK_LIMIT = 29_200


@dataclass(frozen=True)
class ClipProblem:
    """A clip that a voice folder lacks or that cannot be used, for `kiosk-admin voice check`."""

    language: str
    name: str
    problem: str

    def __str__(self) -> str:
        words = CLIP_WORDS[self.language][self.name]
        return f"{self.language}/{self.name}.wav: {self.problem} (says: {words})"


class ClipUnreadable(VoiceClipError):
    """A clip file that exists but cannot be used; ``reason`` says why, for `voice check`."""

    def __init__(self, shown_as: str, reason: str) -> None:
        super().__init__(f"voice clip {shown_as} is unreadable: {reason}")
        self.reason = reason


def bundled_voice() -> Traversable:
    return resources.files(BUNDLED_PACKAGE)


def decode_clip(source: Traversable | Path, shown_as: str) -> array.array:
    """A WAV file as mono 16-bit samples at RATE; VoiceClipError names ``shown_as`` otherwise."""
    try:
        with source.open("rb") as file, wave.open(file, "rb") as clip:
            channels, width, rate = clip.getnchannels(), clip.getsampwidth(), clip.getframerate()
            frames = clip.getnframes()
            data = clip.readframes(frames)
    except (OSError, EOFError, wave.Error) as exc:
        detail = str(exc) or "the file ends too early"
        raise ClipUnreadable(shown_as, f"not a PCM WAV file ({detail})") from exc
    if width != 2 or channels not in (1, 2):
        raise ClipUnreadable(
            shown_as,
            f"{8 * width}-bit with {channels} channel(s); expected 16-bit PCM, mono or stereo"
            " (sox in.wav -b 16 -c 1 out.wav converts)",
        )
    if not 8_000 <= rate <= 96_000:
        raise ClipUnreadable(shown_as, f"{rate} Hz; expected 8,000 to 96,000 Hz")
    if not frames or len(data) < frames * 2 * channels:
        raise ClipUnreadable(shown_as, "no sound, or the file ends before its sound does")
    if frames > LONGEST_CLIP_SECONDS * rate:
        raise ClipUnreadable(
            shown_as, f"{frames / rate:.1f} s long; expected at most {LONGEST_CLIP_SECONDS:g} s"
        )
    samples = array.array("h", data[: frames * 2 * channels])
    if sys.byteorder == "big":
        samples.byteswap()
    if channels == 2:
        left, right = samples[::2], samples[1::2]
        samples = array.array("h", ((a + b) // 2 for a, b in zip(left, right, strict=True)))
    return samples if rate == RATE else _resample(samples, rate)


def _resample(samples: array.array, rate: int) -> array.array:
    step = rate / RATE
    last = len(samples) - 1
    out = array.array("h")
    for n in range(max(1, int(len(samples) / step))):
        position = n * step
        index = min(int(position), last)
        fraction = position - index
        following = samples[min(index + 1, last)]
        out.append(round(samples[index] + (following - samples[index]) * fraction))
    return out


def even_loudness(samples: array.array) -> array.array:
    """The clip scaled to the one loudness of every clip (RMS, held under the peak limit)."""
    peak = max(abs(min(samples)), abs(max(samples)))
    if peak == 0:
        return array.array("h", samples)
    rms = math.sqrt(sum(map(operator.mul, samples, samples)) / len(samples))
    gain = min(TARGET_RMS / rms, PEAK_LIMIT / peak)
    return array.array("h", map(round, map(gain.__mul__, samples)))


class Voice:
    """The clips of every language, each from the centre's folder if it has it, else bundled.

    Clips are decoded and levelled once and kept: the display preloads them off the GUI thread
    (`preload`), after which building an announcement reads no file.
    """

    def __init__(
        self, override_dir: Path | None = None, bundled: Traversable | Path | None = None
    ) -> None:
        if override_dir is not None and not override_dir.is_dir():
            raise VoiceClipError(f"display.voice_dir: {override_dir} is not a folder")
        self.override_dir = override_dir
        self.bundled = bundled if bundled is not None else bundled_voice()
        self._clips: dict[tuple[str, str], array.array] = {}

    def clip(self, language: str, name: str) -> array.array:
        """The levelled samples of one clip; VoiceClipError names a missing or unreadable one."""
        key = (language, name)
        if key not in self._clips:
            self._clips[key] = even_loudness(self._decode(language, name))
        return self._clips[key]

    def preload(self, languages: tuple[str, ...]) -> None:
        """Read every clip of these languages now, so a fault shows at start, not at a call."""
        for language in languages:
            for name in CLIP_WORDS[language]:
                self.clip(language, name)

    def _decode(self, language: str, name: str) -> array.array:
        filename = f"{language}/{name}.wav"
        if self.override_dir is not None:
            replacement = self.override_dir / language / f"{name}.wav"
            if replacement.is_file():
                return decode_clip(replacement, str(replacement))
        bundled = self.bundled.joinpath(language, f"{name}.wav")
        if not bundled.is_file():
            where = f"{self.override_dir} nor in " if self.override_dir is not None else ""
            raise VoiceClipError(
                f"voice clip {filename} is missing: not in {where}the bundled voice"
            )
        return decode_clip(bundled, f"{filename} (bundled)")


def check_voice_dir(folder: Path, languages: tuple[str, ...]) -> list[ClipProblem]:
    """Every clip of these languages that ``folder`` lacks or that cannot be used."""
    problems = []
    for language in languages:
        for name in CLIP_WORDS[language]:
            path = folder / language / f"{name}.wav"
            if not path.is_file():
                problems.append(ClipProblem(language, name, "missing"))
                continue
            try:
                decode_clip(path, str(path))
            except ClipUnreadable as exc:
                problems.append(ClipProblem(language, name, f"unreadable: {exc.reason}"))
    return problems


def unknown_files(folder: Path, languages: tuple[str, ...]) -> list[Path]:
    """WAV files in a voice folder that no clip is named after (a misspelt name is never used)."""
    return sorted(
        path
        for language in languages
        for path in (folder / language).glob("*.wav")
        if path.stem not in CLIP_WORDS[language]
    )
