"""A kiosk process that only issues tickets: used by the concurrency and crash tests.

    python -m tests.support.issue_worker DATABASE_URL COUNT START_AT [PREFIX]

Waits until the wall-clock time START_AT (so that every worker starts at the same moment),
issues COUNT tickets and prints each ticket's label the moment it is reported issued.
"""

import sys
import time
from pathlib import Path

from kiosk.config import settings_from_mapping
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import open_database


def main() -> None:
    url, count, start_at = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    prefix = sys.argv[4] if len(sys.argv) > 4 else "A"
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=Path.cwd())
    database = open_database(url, upgrade=False)
    time.sleep(max(0.0, start_at - time.time()))
    for _ in range(count):
        ticket = issue_ticket(database, settings, procedure_code="1.001193", prefix=prefix)
        print(ticket.label, flush=True)
    database.dispose()


if __name__ == "__main__":
    main()
