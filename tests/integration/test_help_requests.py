"""Help requests and the volunteer roster on the real databases, with several processes."""

import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from kiosk.config import Settings
from kiosk.helpdesk.requests import (
    AlreadyTaken,
    claim_request,
    close_request,
    create_help_request,
    help_reason_for,
    open_requests,
)
from kiosk.helpdesk.volunteers import RosterError, add_volunteer, remove_volunteer, roster
from kiosk.queue.calling import call_next, mark_served
from kiosk.queue.counters import add_counter
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import HelpOutcome, HelpReason, HelpRequest, Priority

REPO = Path(__file__).resolve().parents[2]


def test_a_request_stays_open_until_closed_and_keeps_what_was_done(database: Database) -> None:
    first = create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="sanh-1")
    second = create_help_request(
        database, reason=help_reason_for(Priority.DISABILITY), kiosk_id="sanh-2"
    )

    claim_request(database, first, "Lan")
    close_request(database, first, [HelpOutcome.VNEID, HelpOutcome.FORM_FILLED], "Lan")

    assert [(r.id, r.reason, r.kiosk_id) for r in open_requests(database)] == [
        (second, HelpReason.DISABILITY, "sanh-2")
    ]
    with database.read() as session:
        closed = session.get(HelpRequest, first)
        assert closed is not None
        assert closed.volunteer == "Lan"
        assert closed.outcomes == ["form_filled", "vneid"]
        assert closed.claimed_at is not None
        assert closed.closed_at is not None


def test_a_claimed_request_cannot_be_claimed_again(database: Database) -> None:
    request_id = create_help_request(database, reason=HelpReason.ASKED_FOR_HELP, kiosk_id="k")
    claim_request(database, request_id, "Lan")

    with pytest.raises(AlreadyTaken):
        claim_request(database, request_id, "Minh")

    (still_open,) = open_requests(database)
    assert still_open.volunteer == "Lan"


def test_claiming_a_request_claims_that_one_only(database: Database) -> None:
    earlier, later = (
        create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id=k) for k in "ab"
    )

    claim_request(database, later, "Lan")

    assert [(r.id, r.volunteer) for r in open_requests(database)] == [
        (earlier, None),
        (later, "Lan"),
    ]


def test_a_closed_request_cannot_be_claimed(database: Database) -> None:
    """A request closed before anyone claimed it (closed from another panel, or by an older
    kiosk that left no claim time) is not open any more: a late tap must not reopen it."""
    request_id = create_help_request(database, reason=HelpReason.ASKED_FOR_HELP, kiosk_id="k")
    with database.write() as session:
        session.execute(
            update(HelpRequest)
            .where(HelpRequest.id == request_id)
            .values(closed_at=datetime.now(UTC), outcomes=["other"])
        )

    with pytest.raises(AlreadyTaken):
        claim_request(database, request_id, "Minh")

    with database.read() as session:
        request = session.get(HelpRequest, request_id)
        assert request is not None
        assert (request.volunteer, request.claimed_at) == (None, None)


def test_closing_records_the_claim_and_refuses_a_second_close(database: Database) -> None:
    claimed = create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="k")
    unclaimed = create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="k")
    claim_at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    close_at = datetime(2026, 11, 23, 2, 5, tzinfo=UTC)
    claim_request(database, claimed, "Lan", now=claim_at)

    close_request(database, claimed, [HelpOutcome.OTHER], volunteer="Minh", now=close_at)
    close_request(database, unclaimed, [HelpOutcome.OTHER], volunteer="Minh", now=close_at)

    with database.read() as session:
        first, second = (session.get(HelpRequest, i) for i in (claimed, unclaimed))
        assert first is not None
        assert second is not None
        # Who came and when stays as claimed; a request closed unclaimed was claimed then.
        assert (first.volunteer, first.claimed_at, first.closed_at) == ("Lan", claim_at, close_at)
        assert (second.volunteer, second.claimed_at) == ("Minh", close_at)
    for request_id in (claimed, 10_000):
        with pytest.raises(AlreadyTaken):
            close_request(database, request_id, [HelpOutcome.OTHER])


def test_open_requests_come_oldest_first_with_their_ticket(
    database: Database, settings: Settings
) -> None:
    early = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    first, second = (
        issue_ticket(database, settings, procedure_code="1.001193", prefix="A") for _ in range(2)
    )
    for kiosk_id, ticket_id, minutes in (("late", None, 2), ("early", second.id, 0)):
        create_help_request(
            database,
            reason=HelpReason.ELDERLY,
            kiosk_id=kiosk_id,
            ticket_id=ticket_id,
            now=early + timedelta(minutes=minutes),
        )
    create_help_request(
        database,
        reason=HelpReason.ELDERLY,
        kiosk_id="middle",
        ticket_id=first.id,
        now=early + timedelta(minutes=1),
    )

    # Each request with its own ticket only (not every ticket before or after it).
    assert [(r.kiosk_id, r.ticket_label) for r in open_requests(database)] == [
        ("early", "A002"),
        ("middle", "A001"),
        ("late", None),
    ]


def test_roster_names_are_cleaned_bounded_and_sorted_regardless_of_case(
    database: Database,
) -> None:
    for name in ("bình", "Chi", "  Anh  ", "x" * 80):
        add_volunteer(database, name)
    for bad in ("   ", "x" * 81):
        with pytest.raises(RosterError):
            add_volunteer(database, bad)

    assert roster(database) == ["Anh", "bình", "Chi", "x" * 80]
    remove_volunteer(database, "Chi")  # that name only, not one sorting before it
    assert roster(database) == ["Anh", "bình", "x" * 80]


def test_the_roster_keeps_names_in_order_and_refuses_duplicates(database: Database) -> None:
    add_volunteer(database, "  Trần   Thị Lan ")
    add_volunteer(database, "Anh")
    with pytest.raises(RosterError, match="already on the roster"):
        add_volunteer(database, "Trần Thị Lan")

    remove_volunteer(database, "Anh")
    with pytest.raises(RosterError, match="not on the roster"):
        remove_volunteer(database, "Anh")
    assert roster(database) == ["Trần Thị Lan"]

    add_volunteer(database, "Anh")
    assert roster(database) == ["Anh", "Trần Thị Lan"]


def _claimers(url: str, ids: list[int], start_at: float) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.help_worker", "claim", url, name]
            + [repr(start_at), "0.05"]
            + [str(request_id) for request_id in ids],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("Lan", "Minh")
    ]


@pytest.mark.slow
def test_two_volunteers_tapping_the_same_request_100_times_exactly_one_wins(
    database: Database, database_url: str
) -> None:
    ids = [
        create_help_request(database, reason=HelpReason.ELDERLY, kiosk_id="k") for _ in range(100)
    ]
    processes = _claimers(database_url, ids, start_at=time.time() + 2.0)
    results: dict[str, list[str]] = {}
    for name, process in zip(("Lan", "Minh"), processes, strict=True):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results[name] = out.splitlines()

    winners: Counter[str] = Counter()
    won_by: dict[str, str] = {}
    for name, lines in results.items():
        assert len(lines) == 100
        for outcome, request_id in (line.split() for line in lines):
            if outcome == "won":
                winners[request_id] += 1
                won_by[request_id] = name
    assert sorted(winners) == sorted(str(i) for i in ids)
    assert set(winners.values()) == {1}
    stored = {str(r.id): r.volunteer for r in open_requests(database)}
    assert stored == won_by


def test_a_flagged_ticket_called_to_a_counter_names_it_on_the_request(
    database: Database, settings: Settings
) -> None:
    ticket = issue_ticket(
        database,
        settings,
        procedure_code="1.001193",
        prefix="A",
        priority=Priority.ELDERLY,
        call_volunteer=True,
    )
    # Counters on either side of 3: the request names the counter that called it, once.
    for number in (2, 3, 4):
        add_counter(
            database, number, queues=("A",) if number == 3 else ("B",), name=f"Quầy {number}"
        )
    (request,) = open_requests(database)
    assert (request.ticket_label, request.called_to) == (ticket.label, None)

    call_next(database, settings, 3)
    (request,) = open_requests(database)
    assert (request.ticket_label, request.called_to) == ("A001", "Quầy 3")

    mark_served(database, 3)
    (request,) = open_requests(database)
    assert request.called_to is None
