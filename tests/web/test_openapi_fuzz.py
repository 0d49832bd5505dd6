"""Property-based runs against kiosk-web's OpenAPI description: whatever comes in, no 500."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from kiosk.catalog.loader import load_catalog
from kiosk.config import Settings
from kiosk.queue.issuing import issue_for_procedure
from kiosk.storage.db import Database
from tests.support.web_app import token_for, web_client, web_settings
from web.app import create_app

FUZZ_SETTINGS = {"rate_per_second": 10_000.0, "rate_burst": 100_000}


def test_no_input_makes_a_server_error(database: Database, settings: Settings) -> None:
    fuzz = web_settings(settings, **FUZZ_SETTINGS)
    catalog = load_catalog(fuzz.catalog_overlay_path)
    issue_for_procedure(database, fuzz, catalog, procedure_code="1.001193")
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(fuzz, database, catalog))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} == {
        "GET /t/{token}",
        "GET /t/{token}/state",
        "GET /t/{token}/leave",
        "POST /t/{token}/leave",
        "GET /counter",
        "POST /counter/sign-in",
        "POST /counter/sign-out",
        "POST /counter/act",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @examples(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        run()


def test_a_real_ticket_with_any_language_and_form_gives_no_server_error(
    database: Database, settings: Settings
) -> None:
    """Schemathesis cannot know a valid token; here the token is real and the rest is random."""
    fuzz = web_settings(settings, **FUZZ_SETTINGS)
    catalog = load_catalog(fuzz.catalog_overlay_path)
    ticket = issue_for_procedure(database, fuzz, catalog, procedure_code="1.001193")
    token = token_for(database, ticket)
    with web_client(fuzz, database) as client:

        @given(
            lang=st.text(max_size=12),
            accept=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
            form=st.dictionaries(st.sampled_from(["csrf_token", "x"]), st.text(max_size=50)),
        )
        @examples(max_examples=60, deadline=None)
        def probe(lang: str, accept: str, form: dict[str, str]) -> None:
            headers = {"Accept-Language": accept}
            for path in (f"/t/{token}", f"/t/{token}/state", f"/t/{token}/leave"):
                answer = client.get(path, params={"lang": lang}, headers=headers)
                assert answer.status_code in (200, 422)
            posted = client.post(f"/t/{token}/leave", params={"lang": lang}, data=form)
            assert posted.status_code in (403, 422)  # refused; never done, never a 500

        probe()
