"""A kiosk process that issues one ticket each time it reads a line: for tests that act between.

    python -m tests.support.step_worker DATABASE_URL DATA_DIR

Prints READY once set up; then, for each line read, issues and prints a ticket the way the
kiosk does and answers ``ISSUED A007`` or ``FAILED <the message the kiosk would log>``.
"""

import sys
from pathlib import Path

from kiosk.catalog.loader import load_catalog
from kiosk.config import settings_from_mapping
from kiosk.errors import KioskError
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import open_database


def main() -> None:
    url, data_dir = sys.argv[1], Path(sys.argv[2])
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=data_dir)
    desk = TicketDesk(open_database(url), settings, load_catalog(None))
    print("READY", flush=True)
    for _line in sys.stdin:
        try:
            result = desk.issue_and_print("1.001193", None, "vi")
        except KioskError as fault:
            print(f"FAILED {fault}", flush=True)
            continue
        print(f"ISSUED {result.ticket.label}", flush=True)


if __name__ == "__main__":
    main()
