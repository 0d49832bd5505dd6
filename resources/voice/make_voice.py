"""Writes the bundled voice: a WAV per clip of kiosk/announce/clips.py per language, README.md.

    apt-get install espeak-ng        # Debian's package; the voice data ships inside it
    python -m resources.voice.make_voice

Speech comes from espeak-ng (`vi` northern voice, `en-gb` for English), the chime from
resources/sounds/make_chime.py at the voice's rate. Each clip is 16-bit mono at espeak-ng's
22,050 Hz, its leading and trailing silence cut, so that the announcement's pauses are the
announcer's choice, not the synthesiser's. Run again after changing the clip table: files of
clips no longer listed are removed.
"""

from __future__ import annotations

import array
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from kiosk.announce.clips import CHIME, CLIP_WORDS, letter_clip
from resources.sounds.make_chime import render_chime

RATE = 22_050
HERE = Path(__file__).parent
VOICES = {"vi": "vi", "en": "en-gb"}
# Words per minute: espeak-ng's default of 175 is hurried for an elderly hall.
SPEED = 140
# Where espeak-ng needs another spelling to say the clip's words: the letter J ("gi") alone is
# read as a bare consonant; "di" sounds the same in the northern accent.
RESPELLINGS = {("vi", letter_clip("J")): "di"}
# Below this absolute sample value counts as silence when trimming (espeak-ng's silence is 0).
SILENCE = 200
MARGIN_BEFORE = int(0.010 * RATE)
MARGIN_AFTER = int(0.030 * RATE)


def _espeak_text(language: str, name: str, words: str) -> tuple[str, bool]:
    """The text given to espeak-ng and whether it is SSML."""
    if (language, name) in RESPELLINGS:
        return RESPELLINGS[language, name], False
    if language == "en" and name.startswith("letter_"):
        return f'<say-as interpret-as="characters">{words}</say-as>', True
    return words.replace("-", " "), False


def _synthesise(language: str, text: str, ssml: bool) -> array.array:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "clip.wav"
        command = ["espeak-ng", "-v", VOICES[language], "-s", str(SPEED), "-w", str(out)]
        subprocess.run([*command, *(["-m"] if ssml else []), text], check=True)
        with wave.open(str(out), "rb") as clip:
            if (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) != (1, 2, RATE):
                raise SystemExit(f"espeak-ng wrote an unexpected format for {text!r}")
            samples = array.array("h", clip.readframes(clip.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _trim(samples: array.array) -> array.array:
    loud = [i for i, value in enumerate(samples) if abs(value) > SILENCE]
    if not loud:
        raise SystemExit("espeak-ng wrote a silent clip")
    return samples[max(0, loud[0] - MARGIN_BEFORE) : loud[-1] + MARGIN_AFTER]


def _write(path: Path, samples: array.array) -> None:
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())


def make_language(language: str) -> None:
    folder = HERE / language
    for stale in set(folder.glob("*.wav")) - {folder / f"{n}.wav" for n in CLIP_WORDS[language]}:
        stale.unlink()
    for name, words in CLIP_WORDS[language].items():
        if name == CHIME:
            samples = array.array("h", render_chime(RATE))
            if sys.byteorder == "big":
                samples.byteswap()
        else:
            samples = _trim(_synthesise(language, *_espeak_text(language, name, words)))
        _write(folder / f"{name}.wav", samples)


README_HEAD = """\
# The hall display's voice

Every call is joined at run time from these clips (16-bit mono WAV, 22,050 Hz): a chime, then
"Mời công dân có số A mười hai đến quầy số ba" (and "Ticket A twelve, please go to counter
three" where English is configured). Made by `make_voice.py` (run `python -m
resources.voice.make_voice`) with espeak-ng {version}; licence: [LICENSE.md](LICENSE.md).

Why espeak-ng: it is the only Vietnamese voice found that installs from Debian or PyPI with
its voice data inside the package (Debian 12 `espeak-ng`, GPL-3.0-or-later). The Vietnamese
neural voices on PyPI (`vieneu`, `vntts`, `korvatts`, `zerotts`, `viet-tts`) and the Piper,
sherpa-onnx and Kokoro engines ship no Vietnamese model: each fetches one from a model hub or a
release page on first use, which a hall display with no network cannot do. Debian has no
Vietnamese voice for Festival, MBROLA or RHVoice. espeak-ng is intelligible but robotic; a
centre that wants a human voice records its own clips (below).

How long a call lasts with these clips: A012 to counter 3 in Vietnamese, said twice
(`display.repeat = 2`), is 12.0 s with the chime (tests hold it between 9 and 15 s); with
English as well, about 21 s. Pauses: 0.4 s after the chime, 0.08 s between the words of the
ticket or the counter, 0.2 s between the parts of a sentence, 0.6 s between languages, 0.9 s
between repetitions; the display leaves 0.5 s between two calls.

## Replacing clips with a centre's own recordings

Put WAV files with the names below in a folder with a `vi/` (and `en/`) subfolder and set
`display.voice_dir` to that folder. A clip the folder does not hold is taken from this bundled
set, so a centre may replace only the phrases, or every clip. Record each clip alone, with
little silence before and after (the announcer adds its own pauses) in a quiet room; any rate,
mono or stereo, 16-bit PCM (`sox in.wav -b 16 out.wav` converts). Loudness is evened out when
the clips are joined. `kiosk-admin voice check FOLDER` lists missing and unreadable clips;
`kiosk-admin announce --ticket A012 --counter 3 --wav out.wav` writes a call to listen to.
A southern centre that says "lẻ" rather than "linh" (105: một trăm lẻ năm) records
`vi/zero_tens.wav` as "lẻ".
"""


def readme() -> str:
    version = subprocess.run(
        ["espeak-ng", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[3]
    lines = [README_HEAD.format(version=version)]
    for language, title in (("vi", "Vietnamese"), ("en", "English")):
        lines += [f"## `{language}/`: {title}", "", "| file | says |", "| --- | --- |"]
        lines += [f"| `{language}/{name}.wav` | {words} |" for name, words in _words(language)]
        lines.append("")
    return "\n".join(lines)


def _words(language: str) -> list[tuple[str, str]]:
    table = CLIP_WORDS[language]
    return [(name, table[name]) for name in sorted(table)]


def main() -> None:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is not installed: apt-get install espeak-ng")
    for language in CLIP_WORDS:
        make_language(language)
    (HERE / "README.md").write_text(readme(), encoding="utf-8")


if __name__ == "__main__":
    main()
