"""A fake ESC/POS printer that reads jobs, answers DLE EOT status queries and decodes raster
images back into pictures: a TCP server on 127.0.0.1 (``FakeNetworkPrinter``) or, in
``tests/support/fake_serial_printer.py``, the reading end of a pseudo-terminal.

Modes reproduce the faults of real printers:

- ``normal``: reads everything, online with paper.
- ``no-status``: reads everything, never answers a status query.
- ``paper-low`` / ``paper-out``: answers as a printer at the near-end or out of
  paper (out also reports offline, as real printers do).
- ``close-after-bytes``: resets the connection after ``close_after_bytes`` bytes.
- ``never-read``: accepts the connection and never reads a byte.
"""

import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from PIL import Image

FakeMode = Literal[
    "normal", "no-status", "paper-low", "paper-out", "close-after-bytes", "never-read"
]

# DLE EOT answers: bits 1 and 4 are always set.
_ONLINE = 0x12
_OFFLINE = 0x12 | 0x08
_PAPER_OK = 0x12
_PAPER_LOW = 0x12 | 0x0C
_PAPER_OUT = 0x12 | 0x0C | 0x60
_STATUS_ANSWERS: dict[str, dict[int, int]] = {
    "normal": {1: _ONLINE, 4: _PAPER_OK},
    "paper-low": {1: _ONLINE, 4: _PAPER_LOW},
    "paper-out": {1: _OFFLINE, 4: _PAPER_OUT},
    "close-after-bytes": {1: _ONLINE, 4: _PAPER_OK},
}
# A small receive buffer makes a stalled or closing printer push back on the
# sender at once instead of the kernel swallowing the whole ticket.
_SMALL_RECEIVE_BUFFER = 4096
_INVERT = bytes(255 - value for value in range(256))


@dataclass(frozen=True)
class Command:
    """One ESC/POS command as received: a short name and its parameter bytes."""

    name: str
    payload: bytes = b""


@dataclass(frozen=True)
class ParsedJob:
    """What a connection delivered, command by command, and the picture it prints."""

    commands: tuple[Command, ...]
    image: Image.Image | None
    """Every raster/graphics/column image stacked top to bottom (mode "1")."""

    @property
    def names(self) -> list[str]:
        return [command.name for command in self.commands]


@dataclass
class ReceivedConnection:
    """The bytes one client connection sent; ``finished`` is set when it ended."""

    data: bytearray = field(default_factory=bytearray)
    commands: list[Command] = field(default_factory=list)
    finished: threading.Event = field(default_factory=threading.Event)

    def parsed(self) -> ParsedJob:
        return ParsedJob(tuple(self.commands), stack_images(self.commands))


class StreamParser:
    """Splits a byte stream into ESC/POS commands as the bytes arrive."""

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, chunk: bytes) -> list[Command]:
        self._pending += chunk
        commands: list[Command] = []
        position = 0
        while position < len(self._pending):
            found = parse_command(self._pending, position)
            if found is None:
                break
            command, position = found
            commands.append(command)
        self._pending = self._pending[position:]
        return commands


class FakeNetworkPrinter:
    """Start with ``with FakeNetworkPrinter(mode) as fake:``; print to ``fake.port``."""

    def __init__(
        self, mode: FakeMode = "normal", close_after_bytes: int = 0, *, keep_jobs: bool = True
    ) -> None:
        """``keep_jobs=False`` forgets each job once served (for long benchmark runs)."""
        self.mode = mode
        self.close_after_bytes = close_after_bytes
        self.keep_jobs = keep_jobs
        self.host = "127.0.0.1"
        self.connections: list[ReceivedConnection] = []
        self._stopping = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if mode in {"never-read", "close-after-bytes"}:
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _SMALL_RECEIVE_BUFFER)
        self._listener.bind((self.host, 0))
        self.port: int = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []

    def __enter__(self) -> "FakeNetworkPrinter":
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._listener.listen(8)
        self._listener.settimeout(0.05)
        self._spawn(self._accept_loop)

    def stop(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=5)
        for sock in self._sockets:
            sock.close()
        self._listener.close()

    def wait_for_job(self, timeout: float = 5.0, index: int = -1) -> ParsedJob:
        """The job of a connection (the last by default) once the client closed it."""
        connection = self._connection(index, timeout)
        if not connection.finished.wait(timeout):
            raise TimeoutError("the client did not close its connection")
        return connection.parsed()

    def _connection(self, index: int, timeout: float) -> ReceivedConnection:
        deadline = time.monotonic() + timeout
        while not self.connections:
            if time.monotonic() > deadline:
                raise TimeoutError("no client connected to the fake printer")
            time.sleep(0.01)
        return self.connections[index]

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection = ReceivedConnection()
            if self.keep_jobs:
                self._sockets.append(client)
                self.connections.append(connection)
                self._spawn(self._serve, client, connection)
            else:
                threading.Thread(target=self._serve_once, args=(client,), daemon=True).start()

    def _serve_once(self, client: socket.socket) -> None:
        with client:
            self._serve(client, ReceivedConnection())

    def _serve(self, client: socket.socket, connection: ReceivedConnection) -> None:
        try:
            if self.mode == "never-read":
                self._stopping.wait()
                return
            client.settimeout(0.05)
            parser = StreamParser()
            while not self._stopping.is_set():
                try:
                    chunk = client.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                if self._receive(client, connection, parser, chunk):
                    return
        finally:
            connection.finished.set()

    def _answer_status(self, client: socket.socket, query: int) -> None:
        answer_status(self.mode, query, client.sendall)

    def _receive(
        self,
        client: socket.socket,
        connection: ReceivedConnection,
        parser: StreamParser,
        chunk: bytes,
    ) -> bool:
        """Take ``chunk``; True when this printer hangs up now."""
        if self.mode == "close-after-bytes":
            chunk = chunk[: self.close_after_bytes - len(connection.data)]
        connection.data.extend(chunk)
        for command in parser.feed(chunk):
            if self.keep_jobs:
                connection.commands.append(command)
            if command.name == "status":
                self._answer_status(client, command.payload[0])
        if self.mode == "close-after-bytes" and len(connection.data) >= self.close_after_bytes:
            # Linger 0: a reset, as a printer that loses power or crashes sends.
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()
            return True
        return False


def answer_status(mode: FakeMode, query: int, send: Callable[[bytes], object]) -> None:
    """Send what a printer in ``mode`` answers to DLE EOT ``query`` (nothing if it would not)."""
    answer = _STATUS_ANSWERS.get(mode, {}).get(query)
    if answer is not None:
        send(bytes((answer,)))


def parse_job(data: bytes) -> ParsedJob:
    """Decode a complete job, e.g. the ``.bin`` file the preview printer writes."""
    commands = StreamParser().feed(data)
    return ParsedJob(tuple(commands), stack_images(commands))


def _fixed(data: bytes, start: int, name: str, size: int) -> tuple[Command, int] | None:
    end = start + 2 + size
    return None if len(data) < end else (Command(name, data[start + 2 : end]), end)


def _cut(data: bytes, start: int) -> tuple[Command, int] | None:
    if len(data) < start + 3:
        return None
    mode = data[start + 2]
    if mode in {65, 66}:
        return _fixed(data, start, "cut", 2)
    return Command("cut", bytes((mode,))), start + 3


def _raster(data: bytes, start: int) -> tuple[Command, int] | None:
    """GS v 0 m xL xH yL yH d1...dk; payload: width bytes, height, then the rows."""
    if len(data) < start + 8:
        return None
    width_bytes, height = struct.unpack_from("<HH", data, start + 4)
    end = start + 8 + width_bytes * height
    if len(data) < end:
        return None
    return Command("raster", data[start + 4 : end]), end


def _graphics(data: bytes, start: int) -> tuple[Command, int] | None:
    """GS ( L pL pH m fn ...: store (fn 112) or print (fn 50) a graphics image."""
    if len(data) < start + 5:
        return None
    (length,) = struct.unpack_from("<H", data, start + 3)
    end = start + 5 + length
    if len(data) < end:
        return None
    function = data[start + 6]
    name = {0x70: "graphics-store", 0x32: "graphics-print"}.get(function, "graphics-other")
    return Command(name, data[start + 7 : end]), end


def _column(data: bytes, start: int) -> tuple[Command, int] | None:
    """ESC * m nL nH d1...dk: one band of columns, 3 bytes each in 24-dot modes."""
    if len(data) < start + 5:
        return None
    mode = data[start + 2]
    (columns,) = struct.unpack_from("<H", data, start + 3)
    end = start + 5 + columns * (3 if mode in {32, 33} else 1)
    if len(data) < end:
        return None
    return Command("column", data[start + 2 : end]), end


_NO_PARAMETER = {b"\x1b@": "init", b"\x1b2": "line-spacing-default"}
_ONE_PARAMETER = {b"\x10\x04": "status", b"\x1bd": "feed", b"\x1b3": "line-spacing"}
_WITH_DATA = {b"\x1dV": _cut, b"\x1dv": _raster, b"\x1d(": _graphics, b"\x1b*": _column}


def parse_command(data: bytes, start: int) -> tuple[Command, int] | None:
    """The command at ``start`` and where the next begins; None if it is incomplete."""
    head = data[start : start + 2]
    if len(head) < 2 and head in {b"\x1b", b"\x1d", b"\x10"}:
        return None
    if head in _NO_PARAMETER:
        return Command(_NO_PARAMETER[head]), start + 2
    if head in _ONE_PARAMETER:
        return _fixed(data, start, _ONE_PARAMETER[head], 1)
    if head in _WITH_DATA:
        return _WITH_DATA[head](data, start)
    return Command("byte", data[start : start + 1]), start + 1


def stack_images(commands: list[Command] | tuple[Command, ...]) -> Image.Image | None:
    """Every printed image in ``commands`` stacked top to bottom, or None."""
    pieces = [piece for command in commands if (piece := _image_of(command)) is not None]
    if not pieces:
        return None
    stacked = Image.new("1", (max(p.width for p in pieces), sum(p.height for p in pieces)), 1)
    top = 0
    for piece in pieces:
        stacked.paste(piece, (0, top))
        top += piece.height
    return stacked


def _image_of(command: Command) -> Image.Image | None:
    # ESC/POS sends 1 for a black dot; Pillow's mode "1" stores 1 for white.
    if command.name == "raster":
        width_bytes, height = struct.unpack_from("<HH", command.payload)
        return _picture(width_bytes * 8, height, command.payload[4:])
    if command.name == "graphics-store":
        # a bx by c xL xH yL yH data
        width, height = struct.unpack_from("<HH", command.payload, 4)
        return _picture(width, height, command.payload[8:])
    if command.name == "column":
        mode = command.payload[0]
        if mode not in {32, 33}:
            raise ValueError(f"fake printer decodes 24-dot column images only, got mode {mode}")
        columns = len(command.payload[3:]) // 3
        band = _picture(24, columns, command.payload[3:])
        return band.transpose(Image.Transpose.FLIP_LEFT_RIGHT).transpose(Image.Transpose.ROTATE_90)
    return None


def _picture(width: int, height: int, dots: bytes) -> Image.Image:
    row_bytes = (width + 7) // 8
    return Image.frombytes("1", (row_bytes * 8, height), dots.translate(_INVERT)).crop(
        (0, 0, width, height)
    )
