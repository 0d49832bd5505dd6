"""Printing a ticket image and asking for status, without ever raising or hanging.

Every device conversation runs in a worker thread that the caller waits for at
most ``timeout_seconds`` (plus a moment): a USB or device-node printer that is
switched off can block a write in the kernel forever, and the kiosk must not.
Network sockets carry their own deadline, so a network attempt ends on time
with the precise reason.

One worker per device at a time: while a worker the device keeps blocked is
still there, later tickets fail at once as "printer busy" instead of each
leaving one more thread behind, and a worker given up writes nothing when the
device comes back (its ticket was already reported as not printed).
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from escpos.escpos import Escpos
from escpos.printer import Network
from PIL import Image

from printer.connection import open_printer
from printer.escpos_job import encode_image_job
from printer.faults import fault_reason, is_expected_fault
from printer.preview import write_preview
from printer.spec import PrinterSpec
from printer.status import PrinterStatus, read_status, supports_status

logger = logging.getLogger(__name__)

PrintStatus = Literal["printed", "failed", "unknown"]
_Result = TypeVar("_Result")

# How long past its own timeout a worker may take to report before it is given up.
_WATCHDOG_GRACE_SECONDS = 0.5


@dataclass(frozen=True)
class PrintOutcome:
    """How a print attempt ended; ``reason`` is for a technician (or a note like "paper low")."""

    status: PrintStatus
    reason: str | None = None


def print_ticket(image: Image.Image, spec: PrinterSpec, *, label: str = "ticket") -> PrintOutcome:
    """Print ``image`` (mode "1", ``spec.width_dots`` wide) and say how it went.

    ``label`` (the ticket number) names the preview printer's files.

    Asks for status first where the printer can answer: paper out or offline
    fails without sending; no answer makes a sent ticket "unknown". ESC/POS never
    confirms a ticket came out, so a completed send is "printed". Never raises for
    printer faults.
    """
    if image.width != spec.width_dots:
        return PrintOutcome(
            "failed", f"ticket image is {image.width} dots wide, printer takes {spec.width_dots}"
        )

    def attempt(given_up: threading.Event) -> PrintOutcome:
        if spec.kind == "preview":
            return _print_preview(image, spec, label)
        return _print_on_device(image, spec, given_up)

    return _with_watchdog(
        spec,
        attempt,
        on_fault=lambda reason: PrintOutcome("failed", reason),
        given_up=PrintOutcome(
            "unknown",
            f"printer {spec.target} did not finish within {spec.timeout_seconds:g} s; "
            "the ticket may not have printed",
        ),
    )


def query_status(spec: PrinterSpec) -> PrinterStatus:
    """Ask the configured printer whether it is online and has paper; never raises."""
    if spec.kind == "preview":
        return PrinterStatus(True, None, f"preview printer: tickets are written to {spec.target}")
    return _with_watchdog(
        spec,
        lambda given_up: _status_on_device(spec, given_up),
        on_fault=lambda reason: PrinterStatus(None, None, reason, reachable=False),
        given_up=PrinterStatus(
            None,
            None,
            f"printer {spec.target} did not answer within {spec.timeout_seconds:g} s",
            reachable=False,
        ),
    )


def _print_preview(image: Image.Image, spec: PrinterSpec, label: str) -> PrintOutcome:
    png_path = write_preview(image, encode_image_job(image, spec), spec, label)
    logger.info("preview ticket written to %s", png_path)
    return PrintOutcome("printed")


def _print_on_device(
    image: Image.Image, spec: PrinterSpec, given_up: threading.Event
) -> PrintOutcome:
    deadline = time.monotonic() + spec.timeout_seconds
    job = encode_image_job(image, spec)
    printer = open_printer(spec)
    try:
        if given_up.is_set():  # the device opened after the caller stopped waiting
            return _too_late(spec)
        if not supports_status(printer):
            printer._raw(job)
            return PrintOutcome("printed")
        before = read_status(printer, spec.status_timeout_seconds)
        if before.paper == "out" or before.online is False:
            logger.warning("printer %s: %s; ticket not sent", spec.target, before.reason)
            return PrintOutcome("failed", before.reason)
        if given_up.is_set():
            return _too_late(spec)
        _send(printer, job, deadline)
        if not before.answered:
            logger.warning("printer %s: ticket sent, but %s", spec.target, before.reason)
            return PrintOutcome("unknown", f"ticket sent, but {before.reason}")
        # The printer answers a status query only once it has read every byte
        # before it: the closest ESC/POS comes to confirming a ticket.
        after = read_status(printer, max(deadline - time.monotonic(), 0.001))
    finally:
        printer.close()  # CupsPrinter submits the job here
    return _outcome_after_sending(after, spec)


def _too_late(spec: PrinterSpec) -> PrintOutcome:
    logger.warning("printer %s came back after the ticket was given up; not sent", spec.target)
    return PrintOutcome("failed", "given up before the printer was ready")


def _send(printer: Escpos, job: bytes, deadline: float) -> None:
    if isinstance(printer, Network):
        printer.device.settimeout(max(deadline - time.monotonic(), 0.001))
    # The whole job in one write: the same bytes as the preview's .bin, and one
    # send bounded by the time left. python-escpos has no public raw write.
    printer._raw(job)


def _outcome_after_sending(after: PrinterStatus, spec: PrinterSpec) -> PrintOutcome:
    if not after.answered:
        reason = (
            f"printer {spec.target} did not confirm it received the whole ticket "
            f"within {spec.timeout_seconds:g} s"
        )
        logger.warning("%s", reason)
        return PrintOutcome("unknown", reason)
    if after.paper == "out":
        logger.warning("printer %s: paper ran out during the ticket", spec.target)
        return PrintOutcome("failed", "paper ran out during the ticket")
    return PrintOutcome("printed", after.reason)


def _status_on_device(spec: PrinterSpec, given_up: threading.Event) -> PrinterStatus:
    printer = open_printer(spec)
    try:
        if given_up.is_set():
            return PrinterStatus(None, None, "given up before the printer answered")
        if not supports_status(printer):
            return PrinterStatus(None, None, f"{spec.kind} printers cannot report status")
        return read_status(printer, spec.status_timeout_seconds)
    finally:
        printer.close()


# The worker talking to each device (by target), so that a device never has two.
_workers: dict[str, threading.Thread] = {}
_workers_lock = threading.Lock()


def _with_watchdog(
    spec: PrinterSpec,
    attempt: Callable[[threading.Event], _Result],
    on_fault: Callable[[str], _Result],
    given_up: _Result,
) -> _Result:
    """``attempt(given_up)`` in the device's one worker thread; a fault becomes
    ``on_fault(reason)``; ``given_up`` is set once the caller stops waiting, and the
    attempt checks it before it writes anything."""
    results: list[_Result] = []
    abandoned = threading.Event()

    def run() -> None:
        try:
            results.append(attempt(abandoned))
        except Exception as error:  # every printer fault must become an outcome
            reason = fault_reason(error, spec)
            if is_expected_fault(error):
                # The outcome carries the reason to the caller, who reports it once.
                logger.info("%s", reason)
            else:
                logger.warning("%s", reason, exc_info=True)
            results.append(on_fault(reason))

    with _workers_lock:
        previous = _workers.get(spec.target)
        if previous is not None and previous.is_alive():
            reason = f"printer {spec.target} is busy: it has not taken the previous job yet"
            logger.warning("%s", reason)
            return on_fault(reason)
        worker = threading.Thread(target=run, name=f"printer {spec.target}", daemon=True)
        _workers[spec.target] = worker
        worker.start()
    worker.join(spec.timeout_seconds + _WATCHDOG_GRACE_SECONDS)
    if results:
        return results[0]
    abandoned.set()
    logger.warning("printer %s: gave up after %g s", spec.target, spec.timeout_seconds)
    return given_up
