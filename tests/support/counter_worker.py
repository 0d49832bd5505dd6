"""A second process for the hall display's tests and benchmark: counters calling tickets.

python -m tests.support.counter_worker DATABASE_URL
    For each line read on stdin: ``call N [N...]`` calls the next ticket at each counter N,
    one right after the other; ``recall N`` calls counter N's ticket again. Prints one line per
    call: "LABEL COUNTER COMMITTED_AT" (COMMITTED_AT: time.time() once the commit returned).
"""

import sys
import time

from kiosk.config import settings_from_mapping
from kiosk.queue.calling import call_next, recall
from kiosk.storage.db import open_database


def main() -> None:
    url = sys.argv[1]
    settings = settings_from_mapping({"database": {"url": url}})
    database = open_database(url, upgrade=False)
    for line in sys.stdin:
        action, *counters = line.split()
        for counter in map(int, counters):
            if action == "call":
                called = call_next(database, settings, counter)
                if called is None:
                    raise SystemExit(f"nobody waits for counter {counter}")
            else:
                called = recall(database, counter)
            print(called.label, counter, repr(time.time()), flush=True)
    database.dispose()


if __name__ == "__main__":
    main()
