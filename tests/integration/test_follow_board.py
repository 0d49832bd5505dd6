"""The follow board's places in line agree with the kiosk's own count for every ticket."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.queue.follow_board import leave_queue, load_follow_board
from kiosk.queue.tickets import issue_ticket, stored_ticket
from kiosk.storage.db import Database
from kiosk.storage.models import Priority, Ticket, TicketState


@pytest.mark.parametrize("policy", ["strict", "interleave:2"])
def test_board_places_match_stored_ticket_places(
    database: Database, settings: Settings, policy: str
) -> None:
    settings = replace(settings, queue=replace(settings.queue, priority_policy=policy))
    chance = random.Random(13)
    issued = [
        issue_ticket(
            database,
            settings,
            procedure_code="1.001193",
            prefix=chance.choice("AB"),
            priority=Priority.ELDERLY if chance.random() < 0.3 else None,
        )
        for _ in range(30)
    ]
    for ticket in chance.sample(issued, 6):
        assert leave_queue(database, ticket.id, ticket.service_day)
    assert not leave_queue(database, issued[0].id, issued[0].service_day.replace(year=2001))

    board = load_follow_board(database, settings)
    with database.read() as session:
        for row in session.scalars(select(Ticket)):
            followed = board.ticket(row.id)
            assert followed is not None
            assert followed.state == TicketState(row.state)
            if row.state == TicketState.WAITING:
                expected = stored_ticket(session, row, settings)
                assert followed.people_ahead == expected.people_ahead
                assert followed.estimated_wait_minutes == expected.estimated_wait_minutes
            else:
                assert followed.people_ahead is None
    assert board.calling == ()
