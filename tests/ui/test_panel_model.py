"""The open-requests table model: Qt's model rules, merging, the wait colours and the theme."""

from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.modeltest import ModelTester

from kiosk.helpdesk.requests import OpenHelpRequest
from kiosk.storage.models import HelpReason
from ui.common.contrast import contrast_ratio, parse_rules, text_colour_pairs
from ui.panel.model import Column, HelpRequestTableModel, WaitLevel, format_wait

NOW = datetime(2026, 11, 23, 3, 30, tzinfo=UTC)


def _request(request_id: int, minutes_ago: float, **changes: object) -> OpenHelpRequest:
    fields: dict[str, object] = {
        "id": request_id,
        "reason": HelpReason.ELDERLY,
        "kiosk_id": f"kiosk-{request_id}",
        "created_at": NOW - timedelta(minutes=minutes_ago),
        "ticket_label": None,
        "procedure_code": None,
        "detail": None,
        "volunteer": None,
        "claimed_at": None,
    }
    fields.update(changes)
    return OpenHelpRequest(**fields)  # type: ignore[arg-type]


def _model() -> HelpRequestTableModel:
    return HelpRequestTableModel(lambda code: f"name of {code}", clock=lambda: NOW)


def _kiosks(model: HelpRequestTableModel) -> list[str]:
    return [model.index(row, Column.KIOSK).data() for row in range(model.rowCount())]


def test_the_model_follows_qt_rules_while_requests_come_and_go(qtmodeltester: ModelTester) -> None:
    model = _model()
    qtmodeltester.check(model, force_py=True)

    model.update([_request(1, 9), _request(2, 3, procedure_code="1.001193"), _request(3, 1)])
    model.update(
        [
            _request(2, 3, procedure_code="1.001193", volunteer="Lan", claimed_at=NOW),
            _request(4, 0),
        ]
    )
    model.refresh_waits()

    assert _kiosks(model) == ["kiosk-2", "kiosk-4"]
    assert model.index(0, Column.PROCEDURE).data() == "name of 1.001193"


def test_merging_reports_only_the_new_requests() -> None:
    model = _model()
    model.update([_request(1, 5)])

    added = model.update([_request(1, 5), _request(2, 1)])

    assert [request.id for request in added] == [2]


@pytest.mark.parametrize(
    ("minutes", "shown", "level"),
    [
        (0.5, "0:30", WaitLevel.SHORT),
        (3, "3:00", WaitLevel.MEDIUM),
        (65, "1:05:00", WaitLevel.LONG),
    ],
)
def test_the_wait_is_coloured_by_age(minutes: float, shown: str, level: WaitLevel) -> None:
    model = _model()
    model.update([_request(1, minutes)])
    cell = model.index(0, Column.WAITING)

    assert cell.data() == shown
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == level.background
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == level.text_colour


def test_the_wait_stops_when_a_volunteer_is_on_the_way() -> None:
    assert format_wait(timedelta(seconds=-3)) == "0:00"
    model = _model()
    model.update([_request(1, 10, volunteer="Lan", claimed_at=NOW - timedelta(minutes=9))])

    assert model.index(0, Column.WAITING).data() == "1:00"


def test_every_colour_pair_reaches_seven_to_one() -> None:
    stylesheet = (resources.files("resources.styles") / "panel.qss").read_text(encoding="utf-8")
    pairs = text_colour_pairs(parse_rules(stylesheet))
    pairs_from_model = [(level.text_colour, level.background) for level in WaitLevel]

    assert len(pairs) > 10
    for pair in pairs:
        assert pair.ratio >= 7, pair
    for text, background in pairs_from_model:
        assert contrast_ratio(text, background) >= 7, (text, background)


def test_a_called_ticket_shows_the_counter_it_goes_to() -> None:
    model = _model()
    model.update([_request(1, 2, ticket_label="A012", called_to="Quầy 3"), _request(2, 1)])

    assert model.index(0, Column.TICKET).data() == "A012 → Quầy 3"
    # In the panel's language (another test may have left the Vietnamese words installed).
    assert model.index(1, Column.TICKET).data() == QCoreApplication.translate(
        "HelpDesk", "No ticket"
    )
