"""Daily backups of the SQLite database, and restoring one: every ticket up to the backup back."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli.main import main as kiosk_admin
from kiosk.config import Settings, StorageSettings, settings_from_mapping
from kiosk.queue.ticket_label import format_label
from kiosk.queue.tickets import issue_ticket, list_tickets
from kiosk.storage.backup import BackupError, back_up_if_due, backups_in, restore
from kiosk.storage.db import Database, open_database

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.fixture
def kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Database, Settings]]:
    """A kiosk's SQLite database in its data directory (which kiosk-admin also uses)."""
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    settings = settings_from_mapping({}, data_dir=tmp_path)
    database = open_database(settings.database_url)
    yield database, settings
    database.dispose()


def _issue(database: Database, settings: Settings, count: int) -> list[str]:
    return [
        issue_ticket(database, settings, procedure_code="1.001193", prefix="A", now=NOW).label
        for _ in range(count)
    ]


def test_a_backup_a_day_and_only_the_last_ones_kept(kiosk: tuple[Database, Settings]) -> None:
    database, settings = kiosk
    settings = replace(settings, storage=StorageSettings(backups_kept=3))

    first = back_up_if_due(database, settings, now=NOW)
    assert first is not None
    assert back_up_if_due(database, settings, now=NOW + timedelta(hours=23)) is None
    for day in range(1, 5):
        assert back_up_if_due(database, settings, now=NOW + timedelta(days=day)) is not None

    kept = backups_in(settings.backup_dir)
    assert [path.name for path in kept] == [
        "kiosk-backup-20261125-030000.sqlite3",
        "kiosk-backup-20261126-030000.sqlite3",
        "kiosk-backup-20261127-030000.sqlite3",
    ]


def test_restoring_the_last_automatic_backup_brings_back_every_ticket_up_to_it(
    kiosk: tuple[Database, Settings], capsys: pytest.CaptureFixture[str]
) -> None:
    database, settings = kiosk
    before = _issue(database, settings, 3)
    backup = back_up_if_due(database, settings, now=NOW)
    assert backup is not None
    _issue(database, settings, 2)

    # While the kiosk has the database open, a restore is refused and changes nothing.
    assert kiosk_admin(["db", "restore", str(backup)]) == 2
    assert "in use by a kiosk" in capsys.readouterr().err
    assert len(list_tickets(database, NOW.date())) == 5

    database.dispose()
    Path(database.url.database or "").unlink()
    assert kiosk_admin(["db", "restore", str(backup)]) == 0
    assert "3 tickets" in capsys.readouterr().out

    restored = open_database(settings.database_url)
    try:
        labels = [format_label(t.prefix, t.number) for t in list_tickets(restored, NOW.date())]
        assert labels == before
    finally:
        restored.dispose()


def test_a_damaged_backup_is_refused_before_anything_is_touched(
    kiosk: tuple[Database, Settings], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, settings = kiosk
    _issue(database, settings, 2)
    database.dispose()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(84) + b"\xff" * 4000)

    assert kiosk_admin(["db", "restore", str(damaged)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"kiosk-admin: {damaged}")
    with pytest.raises(BackupError, match="is not a file"):
        restore(tmp_path / "missing.sqlite3", Path(database.url.database or ""))

    reopened = open_database(settings.database_url)
    try:
        assert len(list_tickets(reopened, NOW.date())) == 2
    finally:
        reopened.dispose()


def test_db_backup_writes_a_file_or_into_a_folder(
    kiosk: tuple[Database, Settings], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, settings = kiosk
    _issue(database, settings, 1)

    assert kiosk_admin(["db", "backup", str(tmp_path / "copy.sqlite3")]) == 0
    assert kiosk_admin(["db", "backup", str(tmp_path / "copy.sqlite3")]) == 2
    assert "already exists" in capsys.readouterr().err
    assert kiosk_admin(["db", "backup"]) == 0
    assert len(backups_in(settings.backup_dir)) == 1
