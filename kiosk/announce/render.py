"""One call's audio: chime, then each configured language's sentence, said `repeat` times,
clips joined with short pauses into one 16-bit mono PCM buffer at voice.RATE.

The plan (which clip, which pause, in order) is separate from the samples so that tests and the
display can see exactly what will be said; `kiosk-admin announce` writes the same buffer the
display plays.
"""

from __future__ import annotations

import array
import sys
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from kiosk.announce.clips import CHIME
from kiosk.announce.reading import Call, NumberReading, sentence_clips
from kiosk.announce.voice import RATE, Voice
from kiosk.config import Settings

# Seconds of silence: after the chime, between words of a group ("mười" "hai"), between groups
# (phrase, ticket, phrase, counter), between languages and between repetitions.
AFTER_CHIME = 0.4
BETWEEN_WORDS = 0.08
BETWEEN_GROUPS = 0.2
BETWEEN_LANGUAGES = 0.6
BETWEEN_REPEATS = 0.9


@dataclass(frozen=True)
class Clip:
    language: str
    name: str


@dataclass(frozen=True)
class Pause:
    seconds: float

    @property
    def frames(self) -> int:
        return round(self.seconds * RATE)


Part = Clip | Pause


@dataclass(frozen=True)
class Pcm:
    """16-bit signed mono samples at ``rate``: what an audio sink plays."""

    samples: array.array
    rate: int = RATE

    @property
    def duration_seconds(self) -> float:
        return len(self.samples) / self.rate

    def little_endian_bytes(self) -> bytes:
        """The samples as a sink (QAudioFormat Int16) or a WAV file takes them."""
        if sys.byteorder == "little":
            return self.samples.tobytes()
        swapped = array.array("h", self.samples)
        swapped.byteswap()
        return swapped.tobytes()

    def write_wav(self, path: Path) -> None:
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.rate)
            out.writeframes(self.little_endian_bytes())


@dataclass(frozen=True)
class Announcer:
    """Turns calls into audio the way the centre configured (display.* settings)."""

    voice: Voice
    languages: tuple[str, ...] = ("vi",)
    reading: NumberReading = "words"
    repeat: int = 2

    def plan(self, call: Call) -> list[Part]:
        """Chime, then every language's sentence, ``repeat`` times, with the pauses between."""
        parts: list[Part] = [Clip(self.languages[0], CHIME), Pause(AFTER_CHIME)]
        for repetition in range(self.repeat):
            if repetition:
                parts.append(Pause(BETWEEN_REPEATS))
            for index, language in enumerate(self.languages):
                if index:
                    parts.append(Pause(BETWEEN_LANGUAGES))
                parts += _sentence_parts(language, sentence_clips(call, language, self.reading))
        return parts

    def render(self, call: Call) -> Pcm:
        """The call's audio; VoiceClipError names a clip that is missing or unreadable."""
        samples = array.array("h")
        for part in self.plan(call):
            if isinstance(part, Pause):
                samples.extend(array.array("h", bytes(2 * part.frames)))
            else:
                samples.extend(self.voice.clip(part.language, part.name))
        return Pcm(samples)


def configured_announcer(settings: Settings, languages: tuple[str, ...] | None = None) -> Announcer:
    """The announcer the hall display uses; ``languages`` narrows it (kiosk-admin announce)."""
    display = settings.display
    return Announcer(
        voice=Voice(settings.voice_dir),
        languages=languages or display.languages,
        reading=cast(NumberReading, display.number_reading),
        repeat=display.repeat,
    )


def _sentence_parts(language: str, groups: list[list[str]]) -> list[Part]:
    parts: list[Part] = []
    for group_index, group in enumerate(groups):
        if group_index:
            parts.append(Pause(BETWEEN_GROUPS))
        for word_index, name in enumerate(group):
            if word_index:
                parts.append(Pause(BETWEEN_WORDS))
            parts.append(Clip(language, name))
    return parts
