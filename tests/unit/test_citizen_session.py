"""The citizen's session: every choice in one object, forgotten in one place."""

from kiosk.citizen.session import CitizenSession
from kiosk.storage.models import Priority


def test_reset_forgets_every_choice() -> None:
    session = CitizenSession(default_language="vi")
    assert session.is_fresh
    session.language = "en"
    session.field_code = "civil_status"
    session.procedure_code = "1.001193"
    session.priority = Priority.ELDERLY
    session.search_query = "khai sinh"
    session.help_requested = True
    assert not session.is_fresh
    session.reset()
    assert session.is_fresh
    assert session.language == "vi"
    assert (session.field_code, session.procedure_code, session.priority) == (None, None, None)
    assert session.search_query == ""
    assert not session.help_requested
