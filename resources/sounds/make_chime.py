"""Writes chime.wav: a soft two-note chime (E6 then C6), 0.9 s, 44.1 kHz, 16-bit mono.

python resources/sounds/make_chime.py (the hall display's voice takes the same chime at its own
rate through `render_chime`: resources/voice/make_voice.py).
"""

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
# (start in seconds, frequency in Hz): a falling major third, like a door chime.
NOTES = ((0.0, 1318.5), (0.28, 1046.5))
LENGTH = 0.9
PEAK = 0.45


def sample(t: float) -> float:
    value = 0.0
    for start, frequency in NOTES:
        if t < start:
            continue
        age = t - start
        # A quick 5 ms attack (no click) and a bell-like exponential decay with a soft overtone.
        envelope = min(1.0, age / 0.005) * math.exp(-age * 5.5)
        value += envelope * (
            math.sin(2 * math.pi * frequency * age)
            + 0.25 * math.sin(2 * math.pi * 2 * frequency * age) * math.exp(-age * 6)
        )
    return value * PEAK / 1.25


def render_chime(rate: int = RATE) -> bytes:
    """The chime as 16-bit little-endian mono samples at ``rate``."""
    return b"".join(
        struct.pack("<h", round(32767 * max(-1.0, min(1.0, sample(n / rate)))))
        for n in range(int(LENGTH * rate))
    )


def main() -> None:
    with wave.open(str(Path(__file__).with_name("chime.wav")), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(render_chime())


if __name__ == "__main__":
    main()
