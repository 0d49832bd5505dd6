"""The hall display's voice output: calls played one after another through a QAudioSink.

`kiosk.announce.playback.AnnouncementQueue` decides when each call starts (first in, first out,
never over another); this module gives it a `play(pcm)` that hands the samples to the default
audio output, and pumps it with a single-shot timer. Where the machine has no audio output the
display logs one line and stays silent, and the queue keeps the same pace.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer

from kiosk.announce.playback import AnnouncementQueue
from kiosk.announce.reading import Call
from kiosk.announce.render import Pcm
from kiosk.announce.voice import RATE

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioDevice, QAudioFormat

log = logging.getLogger(__name__)

RELEASE_AFTER_IDLE_MS = 1000


class HallSpeaker(QObject):
    """Plays PCM on the default audio output; `play` returns the length either way."""

    def __init__(self, volume: float = 1.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._volume = volume
        self._output = self._find_output()

    @property
    def audible(self) -> bool:
        return self._output is not None

    def _find_output(self) -> tuple[QAudioDevice, QAudioFormat] | None:
        # Imported here: a machine without QtMultimedia's libraries still shows every call.
        try:
            from PySide6.QtMultimedia import QAudioFormat, QMediaDevices
        except ImportError as exc:
            log.info("no sound on this machine (QtMultimedia unavailable: %s)", exc)
            return None
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            log.info("no audio output device: the hall display shows calls without speaking them")
            return None
        audio_format = QAudioFormat()
        audio_format.setSampleRate(RATE)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(audio_format):
            log.warning(
                "the audio output %s cannot play 16-bit mono at %d Hz: calls are not spoken",
                device.description(),
                RATE,
            )
            return None
        log.info("calls are spoken on %s", device.description())
        return device, audio_format

    def play(self, pcm: Pcm) -> float:
        """Start playing ``pcm``; its length in seconds (also when nothing can be heard)."""
        if self._output is not None:
            from PySide6.QtMultimedia import QAudio, QAudioSink

            device, audio_format = self._output
            # One sink per call, let go once it has played everything: a call is never
            # stopped to make room for the next (the queue starts that one later anyway).
            sink = QAudioSink(device, audio_format, self)
            sink.setVolume(self._volume)
            buffer = QBuffer(sink)
            buffer.setData(QByteArray(pcm.little_endian_bytes()))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)

            def finished(state: QAudio.State) -> None:
                # Idle: every sample handed to the device, the last ones maybe still in its
                # buffer; let go a moment later so that the end of the call is heard.
                if state in (QAudio.State.IdleState, QAudio.State.StoppedState):
                    QTimer.singleShot(RELEASE_AFTER_IDLE_MS, sink, sink.deleteLater)

            sink.stateChanged.connect(finished)
            sink.start(buffer)
        return pcm.duration_seconds


class Announcements(QObject):
    """Feeds calls to the announcement queue and pumps it when the playing one has ended.

    Calls that come before the voice has been read (`voice_ready`) wait, in order. ``speed``
    above 1 runs the queue's clock that many times as fast as the real one (tests pace a
    minute of announcements in seconds); the display runs at 1.
    """

    def __init__(
        self,
        render: Callable[[Call], Pcm],
        play: Callable[[Pcm], float],
        speed: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._speed = speed
        start = time.monotonic()
        self.queue = AnnouncementQueue(
            render=render,
            play=play,
            clock=lambda: start + (time.monotonic() - start) * speed,
        )
        self._ready = False
        self._held: list[Call] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._pump)

    def voice_ready(self) -> None:
        self._ready = True
        held, self._held = self._held, []
        for call in held:
            self.add(call)

    def add(self, call: Call) -> None:
        if not self._ready:
            self._held.append(call)
            return
        self._schedule(self.queue.add(call))

    def stop(self) -> None:
        self._timer.stop()

    def _pump(self) -> None:
        self._schedule(self.queue.pump())

    def _schedule(self, delay: float | None) -> None:
        if delay is not None:
            self._timer.start(max(0, math.ceil(delay * 1000 / self._speed)))
