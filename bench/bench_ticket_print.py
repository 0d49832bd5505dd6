"""A ticket from "issue" to the last byte at a fake network printer, 200 times per paper width.

Run from the repository root: ``.venv/bin/python -m bench.bench_ticket_print``. Each sample
is the kiosk's whole blocking path: store the ticket (SQLite), render the bitmap, encode it,
send it through python-escpos's Network class, read the printer's status after the last
byte, and record the print status. Target: 95th percentile under 100 ms.

It also reports the paper each ticket takes (a plain and an elderly one, as the fake printer
decoded them; 8 dots per mm): the compact ticket's target is at most 100 mm.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.common import summary_ms, write_result
from kiosk.catalog.loader import load_catalog
from kiosk.config import settings_from_mapping
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import open_database
from kiosk.storage.models import Priority
from tests.support.fake_printer import FakeNetworkPrinter

TICKETS = 200
TARGET_P95_MS = 100.0
TARGET_PAPER_MM = 100.0
DOTS_PER_MM = 8
# The longest name in the catalogue, so that the layout wraps as much as it ever does.
PROCEDURE = "3.000722"


def measure(width_dots: int) -> dict[str, object]:
    catalog = load_catalog(None)
    with tempfile.TemporaryDirectory() as folder, FakeNetworkPrinter(keep_jobs=False) as fake:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        printer = {"kind": "network", "host": fake.host, "port": fake.port}
        settings = settings_from_mapping(
            {"database": {"url": url}, "printer": {**printer, "width_dots": width_dots}},
            data_dir=Path(folder),
        )
        database = open_database(url)
        desk = TicketDesk(database, settings, catalog)
        timings: list[float] = []
        for number in range(TICKETS):
            priority = Priority.ELDERLY if number % 3 == 0 else None
            started = time.perf_counter()
            result = desk.issue_and_print(PROCEDURE, priority, "vi")
            timings.append(time.perf_counter() - started)
            if not result.printed:
                raise RuntimeError(f"ticket {result.ticket.label} was not printed: {result}")
        paper = {
            kind: paper_mm(desk, priority)
            for kind, priority in (("plain", None), ("elderly", Priority.ELDERLY))
        }
        database.dispose()
    figures = summary_ms(timings)
    print(
        f"ticket at {width_dots} dots: median {figures['median_ms']} ms, "
        f"p95 {figures['p95_ms']} ms over {TICKETS} tickets (target p95 < {TARGET_P95_MS:g} ms); "
        f"paper {paper['plain']} mm plain, {paper['elderly']} mm elderly "
        f"(target <= {TARGET_PAPER_MM:g} mm)"
    )
    return {"width_dots": width_dots, **figures, "paper_mm": paper}


def paper_mm(desk: TicketDesk, priority: Priority | None) -> float:
    """Millimetres of paper one ticket takes, measured on what a fake printer received."""
    with FakeNetworkPrinter() as fake:
        printer = replace(desk.settings.printer, host=fake.host, port=fake.port)
        desk.settings = replace(desk.settings, printer=printer)
        desk.issue_and_print(PROCEDURE, priority, "vi")
        image = fake.wait_for_job().image
    if image is None:
        raise RuntimeError("the fake printer received no image")
    return round(image.height / DOTS_PER_MM, 1)


def run() -> dict[str, object]:
    return {
        "runs": [measure(width) for width in (384, 576)],
        "target": f"p95 < {TARGET_P95_MS:g} ms from issue to the last byte at the printer",
    }


def main() -> None:
    write_result("ticket_print", run())


if __name__ == "__main__":
    main()
