"""PostgreSQL for tests: each test gets a schema of its own on the server that CI provides."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy.engine import make_url

POSTGRES_ENV = "KIOSK_TEST_POSTGRES_URL"


def postgres_base_url() -> str:
    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        pytest.skip(
            f"PostgreSQL tests need {POSTGRES_ENV}, for example"
            f" {POSTGRES_ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/test (./dev test sets"
            " it when a server answers there; .ci/run always)"
        )
    return url


def _libpq_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def postgres_schema_url(base: str | None = None) -> Iterator[str]:
    """Create a private schema, yield a URL whose search_path points at it, then drop it.

    ``base`` defaults to the server the tests are given (skipping the test without one).
    """
    base = base or postgres_base_url()
    schema = f"kiosk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq_dsn(base), autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq_dsn(base), autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
