"""A kiosk process without a screen: issues and prints tickets the way the kiosk does.

    python -m tests.support.desk_worker DATABASE_URL DATA_DIR COUNT

Prints READY once set up, then one line per ticket as soon as the kiosk would show it
(``A007 printed``), and ``WAITING <reason>`` whenever the database is away, trying again
until it is back, as the kiosk tells the citizen to wait. Every fourth citizen is elderly.
"""

import sys
import time
from pathlib import Path

from kiosk.catalog.loader import load_catalog
from kiosk.config import settings_from_mapping
from kiosk.errors import DatabaseUnavailable
from kiosk.printing.desk import TicketDesk
from kiosk.storage.db import open_database
from kiosk.storage.models import Priority

RETRY_SECONDS = 0.2


def main() -> None:
    url, data_dir, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=data_dir)
    desk = TicketDesk(open_database(url, upgrade=False), settings, load_catalog(None))
    print("READY", flush=True)
    issued = 0
    while issued < count:
        priority = Priority.ELDERLY if issued % 4 == 0 else None
        try:
            result = desk.issue_and_print("1.001193", priority, "vi")
        except DatabaseUnavailable as fault:
            print(f"WAITING {fault}", flush=True)
            time.sleep(RETRY_SECONDS)
            continue
        print(result.ticket.label, result.ticket.print_status.value, flush=True)
        issued += 1


if __name__ == "__main__":
    main()
