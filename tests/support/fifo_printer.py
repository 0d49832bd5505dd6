"""A printer device node (kind "file") that nobody reads until the test says so: a FIFO.

Opening a FIFO for writing blocks until a reader opens it, and writing blocks once its
buffer is full, as a printer switched off or out of paper behind /dev/usb/lp0 does.
"""

import os
import threading
from pathlib import Path


class FifoPrinter:
    """``path`` takes nothing until :meth:`read_all`; ``received`` holds what arrived."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "lp0"
        os.mkfifo(self.path)
        self.received = bytearray()
        self._reader: threading.Thread | None = None

    def read_all(self) -> None:
        """The printer comes back: read every byte until the writer closes the device."""

        def read() -> None:
            with open(self.path, "rb") as device:
                while chunk := device.read(65536):
                    self.received.extend(chunk)

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()

    def wait_closed(self, timeout: float = 10.0) -> None:
        """Wait until the writer that :meth:`read_all` met has closed the device."""
        assert self._reader is not None
        self._reader.join(timeout)
        assert not self._reader.is_alive(), "the writer never closed the device"

    def close(self) -> None:
        """Take whatever a writer still holds, so no test leaves a thread stuck on it."""
        if self._reader is None:
            self.read_all()
