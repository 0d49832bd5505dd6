"""Cancels one waiting ticket from a process of its own (another "phone" leaving the queue).

python -m tests.support.leave_worker TICKET_ID YYYY-MM-DD
"""

import sys
from datetime import date

from kiosk.config import load_settings
from kiosk.queue.follow_board import leave_queue
from kiosk.storage.db import open_database


def main() -> None:
    settings = load_settings()
    database = open_database(settings.database_url, upgrade=False)
    left = leave_queue(database, int(sys.argv[1]), date.fromisoformat(sys.argv[2]))
    database.dispose()
    sys.exit(0 if left else 1)


if __name__ == "__main__":
    main()
