"""Asking a printer whether it is online and has paper (ESC/POS DLE EOT).

python-escpos's ``is_online()``/``paper_status()`` read a missing answer as
"offline" and "plenty of paper"; here a missing or malformed answer is unknown.
"""

import logging
from dataclasses import dataclass
from typing import Literal

from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.escpos import Escpos
from escpos.printer import CupsPrinter, Network

logger = logging.getLogger(__name__)

PaperLevel = Literal["ok", "low", "out"]

# Bits of a DLE EOT answer (ESC/POS "transmit real-time status").
_FIXED_MASK = 0b1001_0011  # bits 0, 1, 4 and 7 ...
_FIXED_BITS = 0b0001_0010  # ... always read 0, 1, 1, 0
_OFFLINE_BIT = 0b0000_1000  # DLE EOT 1
_PAPER_NEAR_END_BITS = 0b0000_1100  # DLE EOT 4
_PAPER_END_BITS = 0b0110_0000  # DLE EOT 4


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself; ``None`` where it did not say.

    ``reachable`` is False when the printer could not even be opened or connected to.
    """

    online: bool | None
    paper: PaperLevel | None
    reason: str | None = None
    reachable: bool = True

    @property
    def answered(self) -> bool:
        return self.online is not None or self.paper is not None


def supports_status(printer: Escpos) -> bool:
    """Whether python-escpos can read answers back from this kind of printer."""
    return type(printer)._read is not Escpos._read


def read_status(printer: Escpos, answer_timeout: float) -> PrinterStatus:
    """Ask an open printer for its status, waiting ``answer_timeout`` s per answer."""
    if isinstance(printer, CupsPrinter):
        # CUPS reports its queue state, not the paper sensor.
        online = printer.is_online()
        return PrinterStatus(online, None, None if online else "CUPS queue stopped or busy")
    if isinstance(printer, Network):
        printer.device.settimeout(answer_timeout)
    online_answer = _ask(printer, RT_STATUS_ONLINE)
    if online_answer is None:
        return PrinterStatus(None, None, "printer did not answer the status query")
    paper_answer = _ask(printer, RT_STATUS_PAPER)
    online = not online_answer & _OFFLINE_BIT
    paper = None if paper_answer is None else _paper_level(paper_answer)
    return PrinterStatus(online, paper, _describe(online, paper))


def _ask(printer: Escpos, query: bytes) -> int | None:
    try:
        answer = printer.query_status(query)
    except TimeoutError:
        return None
    if not answer and isinstance(printer, Network):
        raise ConnectionAbortedError("the printer closed the connection")
    if len(answer) != 1 or answer[0] & _FIXED_MASK != _FIXED_BITS:
        logger.info("printer sent %r to status query %r; treating as no answer", answer, query)
        return None
    return answer[0]


def _paper_level(answer: int) -> PaperLevel:
    if answer & _PAPER_END_BITS:
        return "out"
    if answer & _PAPER_NEAR_END_BITS:
        return "low"
    return "ok"


def _describe(online: bool, paper: PaperLevel | None) -> str | None:
    if paper == "out":
        return "paper out"
    if not online:
        return "printer offline (cover open or printer error)"
    if paper == "low":
        return "paper low"
    if paper is None:
        return "printer did not answer the paper query"
    return None
