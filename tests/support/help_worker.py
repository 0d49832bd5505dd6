"""A second process for the help-desk tests and benchmark: a kiosk asking for help, or a volunteer.

python -m tests.support.help_worker create DATABASE_URL
    For each line read on stdin (a reason, e.g. "elderly"), store a help request and print
    "ID COMMITTED_AT" (COMMITTED_AT: time.time() once the commit returned).
python -m tests.support.help_worker claim DATABASE_URL VOLUNTEER START_AT INTERVAL ID...
    Claim each ID at wall-clock time START_AT + n * INTERVAL (so that two workers tap at
    the same moment) and print "won ID" or "taken ID".
"""

import sys
import time

from kiosk.helpdesk.requests import AlreadyTaken, claim_request, create_help_request
from kiosk.storage.db import open_database
from kiosk.storage.models import HelpReason


def serve_creates(url: str) -> None:
    database = open_database(url, upgrade=False)
    for line in sys.stdin:
        reason = HelpReason(line.strip())
        request_id = create_help_request(database, reason=reason, kiosk_id="worker-kiosk")
        print(request_id, repr(time.time()), flush=True)
    database.dispose()


def claim_all(url: str, volunteer: str, start_at: float, interval: float, ids: list[int]) -> None:
    database = open_database(url, upgrade=False)
    for n, request_id in enumerate(ids):
        time.sleep(max(0.0, start_at + n * interval - time.time()))
        try:
            claim_request(database, request_id, volunteer)
        except AlreadyTaken:
            print("taken", request_id, flush=True)
        else:
            print("won", request_id, flush=True)
    database.dispose()


def main() -> None:
    mode, url = sys.argv[1], sys.argv[2]
    if mode == "create":
        serve_creates(url)
    elif mode == "claim":
        volunteer, start_at, interval = sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
        claim_all(url, volunteer, start_at, interval, [int(arg) for arg in sys.argv[6:]])
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
