"""The short chime on each new help request; silent where the machine has no audio output."""

from __future__ import annotations

import logging
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

CHIME = "chime.wav"


class Chime(QObject):
    """Plays the bundled chime; `rung` is emitted on every request, heard or not."""

    rung = Signal()

    def __init__(self, volume: float = 0.8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect = self._load(volume)

    def _load(self, volume: float) -> QSoundEffect | None:
        # QtMultimedia is imported here, not at the top: a machine without its libraries
        # (or without any sound device) still runs the panel, silently.
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:
            log.info("no sound on this machine (QtMultimedia unavailable: %s)", exc)
            return None
        if not QMediaDevices.audioOutputs():
            log.info("no audio output device: the panel will not chime for new requests")
            return None
        effect = QSoundEffect(self)
        # Package data is installed as plain files, so the resource has a real path.
        effect.setSource(QUrl.fromLocalFile(str(resources.files("resources.sounds") / CHIME)))
        effect.setVolume(volume)
        return effect

    @property
    def audible(self) -> bool:
        return self._effect is not None

    def ring(self) -> None:
        if self._effect is not None:
            self._effect.play()
        self.rung.emit()
