"""A second process for the hall display's tests and benchmark: counters calling tickets.

python -m tests.support.hall_counter_worker DATABASE_URL
    For each line read on stdin: ``call N [N...]`` calls the next ticket at each counter N,
    one right after the other; ``recall N`` calls counter N's ticket again; ``serve N`` marks
    counter N's ticket served. Prints one line per
    action: "LABEL COUNTER COMMITTED_AT" (COMMITTED_AT: time.time() once the commit returned).
"""

import sys
import time

from kiosk.config import settings_from_mapping
from kiosk.queue.calling import call_next, mark_served, recall
from kiosk.storage.db import open_database


def main() -> None:
    url = sys.argv[1]
    settings = settings_from_mapping({"database": {"url": url}})
    database = open_database(url, upgrade=False)
    for line in sys.stdin:
        action, *counters = line.split()
        for counter in map(int, counters):
            if action == "serve":
                called = mark_served(database, counter)
            elif action == "call":
                called = call_next(database, settings, counter)
                if called is None:
                    raise SystemExit(f"nobody waits for counter {counter}")
            else:
                called = recall(database, counter)
            print(called.label, counter, repr(time.time()), flush=True)
    database.dispose()


if __name__ == "__main__":
    main()
