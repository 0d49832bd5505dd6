"""Test set-up shared by every test: an offscreen Qt, a private home, the databases to test on."""

import os
import tempfile

# Before anything imports Qt: no test needs (or may use) a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep the user's real configuration and data out of reach of every test and subprocess.
_HOME = tempfile.mkdtemp(prefix="kiosk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
for _name in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_ID", "KIOSK_DATA_DIR"):
    os.environ.pop(_name, None)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kiosk.config import Settings, settings_from_mapping  # noqa: E402
from kiosk.printing.desk import bundled_fonts  # noqa: E402
from kiosk.storage.db import Database, open_database  # noqa: E402
from printer import FontSet  # noqa: E402
from tests.support.databases import postgres_schema_url  # noqa: E402


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: an SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
        return
    with postgres_schema_url() as url:
        yield url


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    """The bundled fonts, as the kiosk prints with them."""
    return bundled_fonts()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return settings_from_mapping({"database": {"url": database_url}}, data_dir=tmp_path)


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    db = open_database(settings.database_url)
    yield db
    db.dispose()
