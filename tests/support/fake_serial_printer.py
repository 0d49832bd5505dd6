"""The fake ESC/POS printer behind a pseudo-terminal, for printing through real pyserial.

It reads the master side of a pty (any readable file descriptor would do), so the bytes pass
through the kernel's tty layer as they do to a USB-serial adapter, and decodes and answers
them as the fake network printer does.
"""

import os
import pty
import select
import threading
import time
import tty

from tests.support.fake_printer import (
    FakeMode,
    ParsedJob,
    ReceivedConnection,
    StreamParser,
    answer_status,
)


class FakeSerialPrinter:
    """The fake printer behind a pseudo-terminal: print with pyserial to ``fake.port``.

    It reads the terminal's master side (any readable file descriptor would do), so the bytes
    pass through the kernel's tty layer as they do to a USB-serial adapter. Modes ``normal``,
    ``no-status``, ``paper-low`` and ``paper-out`` as for the network printer.
    """

    def __init__(self, mode: FakeMode = "normal") -> None:
        self.mode = mode
        self.master, self._slave = pty.openpty()
        # Raw: no echo, no newline translation; the client (pyserial) sets the same again.
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self.received = ReceivedConnection()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._read_loop, daemon=True)

    def __enter__(self) -> "FakeSerialPrinter":
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        os.close(self.master)
        os.close(self._slave)

    def wait_for_job(self, timeout: float = 10.0) -> ParsedJob:
        """Every command received so far, once a cut (the end of a job) has come."""
        deadline = time.monotonic() + timeout
        while "cut" not in [command.name for command in self.received.commands]:
            if time.monotonic() > deadline:
                raise TimeoutError("no complete job reached the fake serial printer")
            time.sleep(0.01)
        return self.received.parsed()

    def _read_loop(self) -> None:
        parser = StreamParser()
        while not self._stopping.is_set():
            readable, _, _ = select.select([self.master], [], [], 0.05)
            if not readable:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            self.received.data.extend(chunk)
            for command in parser.feed(chunk):
                self.received.commands.append(command)
                if command.name == "status":
                    answer_status(self.mode, command.payload[0], self._send)

    def _send(self, answer: bytes) -> None:
        os.write(self.master, answer)
