"""A counter process that calls tickets: used by the calling concurrency and crash tests.

    python -m tests.support.counter_worker DATABASE_URL COUNTER CALLS START_AT POLICY [hold]

Waits until the wall-clock time START_AT (so that every counter starts at the same moment),
then CALLS times calls the next ticket for counter COUNTER under POLICY ("strict",
"interleave:3") and marks it served, printing each label as it is called. With ``hold`` it
calls one ticket, prints it and then sleeps without marking it served (to be killed).
"""

import sys
import time
from pathlib import Path

from kiosk.config import settings_from_mapping
from kiosk.queue.calling import call_next, mark_served
from kiosk.storage.db import open_database


def main() -> None:
    url, counter, calls, start_at, policy = sys.argv[1:6]
    hold = sys.argv[6:] == ["hold"]
    settings = settings_from_mapping(
        {"database": {"url": url}, "queue": {"priority_policy": policy}}, data_dir=Path.cwd()
    )
    # Eight processes hammering one SQLite file on a shared 2-core machine can wait on each
    # other far longer than a centre's counters ever do: a generous busy timeout.
    database = open_database(url, busy_timeout_ms=120_000, upgrade=False)
    time.sleep(max(0.0, float(start_at) - time.time()))
    for _ in range(int(calls)):
        ticket = call_next(database, settings, int(counter))
        if ticket is None:
            print("none", flush=True)
            continue
        print(ticket.label, flush=True)
        if hold:
            time.sleep(3600)
        mark_served(database, int(counter))
    database.dispose()


if __name__ == "__main__":
    main()
