"""The SQLite file deleted, replaced, damaged or of a newer schema: one line, nothing lost."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.config import settings_from_mapping
from kiosk.errors import DatabaseFileGone, DatabaseUnusable
from kiosk.queue.tickets import issue_ticket
from kiosk.storage.db import open_database
from tests.integration.test_admin_cli import kiosk_admin
from tests.support.databases import postgres_schema_url
from tests.support.kiosk_process import kiosk_left_running

ISSUE = ("ticket", "issue", "--procedure", "1.001193")


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    return line


class StepWorker:
    """A kiosk in a process of its own that issues a ticket whenever it is asked to."""

    def __init__(self, data_dir: Path) -> None:
        url = f"sqlite:///{data_dir / 'kiosk.sqlite3'}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.step_worker", url, str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self._answer() == "READY"

    def _answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def issue(self) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write("issue\n")
        self.process.stdin.flush()
        return self._answer()

    def stop(self) -> str:
        # End of input ends the worker.
        _, errors = self.process.communicate(timeout=60)
        return errors


def test_a_file_deleted_under_an_issuing_kiosk_stops_it_and_is_not_made_again(
    tmp_path: Path,
) -> None:
    database_file = tmp_path / "kiosk.sqlite3"
    worker = StepWorker(tmp_path)
    try:
        issued = [worker.issue() for _ in range(3)]
        assert issued == ["ISSUED A001", "ISSUED A002", "ISSUED A003"]

        database_file.unlink()
        after = [worker.issue() for _ in range(2)]
        # What a kiosk that is switched off now leaves beside the deleted file.
        wal = tmp_path / "kiosk.sqlite3-wal"
        shutil.copy(wal, tmp_path / "left.wal")
    finally:
        errors = worker.stop()
    shutil.copy(tmp_path / "left.wal", wal)

    # Nothing is reported stored once the file is gone, and the message names it.
    for answer in after:
        assert answer.startswith(f"FAILED the database file {database_file} was deleted")
        assert "restore it from a backup" in answer
    assert "Traceback" not in errors
    # A new process refuses to make a fresh, empty database (numbers would start at A001 again).
    refused = kiosk_admin(*ISSUE, data_dir=tmp_path)
    assert refused.returncode == 2
    line = _one_line(refused)
    assert f"the database file {database_file} is missing" in line
    assert "kiosk-admin db init" in line
    assert not database_file.exists()
    # Made again on purpose, the new database owes nothing to the old one's WAL.
    assert kiosk_admin("db", "init", data_dir=tmp_path).returncode == 0
    assert kiosk_admin(*ISSUE, data_dir=tmp_path).stdout.startswith("A001")


def test_db_init_says_what_it_does_and_numbering_starts_again(tmp_path: Path) -> None:
    assert kiosk_admin(*ISSUE, data_dir=tmp_path).returncode == 0
    (tmp_path / "kiosk.sqlite3").unlink()

    made = kiosk_admin("db", "init", data_dir=tmp_path)

    assert made.returncode == 0, made.stderr
    assert "making an empty database at" in made.stdout
    assert "ticket numbers start again at 1" in made.stdout
    again = kiosk_admin("db", "init", data_dir=tmp_path)
    assert again.returncode == 2
    assert "already exists; nothing done" in _one_line(again)
    assert kiosk_admin(*ISSUE, data_dir=tmp_path).stdout.startswith("A001")


def test_a_fresh_data_directory_needs_nothing_set_up(tmp_path: Path) -> None:
    data_dir = tmp_path / "never-used"

    result = kiosk_admin(*ISSUE, data_dir=data_dir)

    assert result.returncode == 0, result.stderr
    assert (data_dir / "kiosk.sqlite3").exists()
    assert (data_dir / "kiosk.sqlite3.created").exists()


def test_a_file_replaced_under_a_process_stops_its_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=tmp_path)
    database = open_database(url)
    try:
        issue_ticket(database, settings, procedure_code="1.001193", prefix="A")
        shutil.copy(tmp_path / "kiosk.sqlite3", tmp_path / "copy.sqlite3")
        os.replace(tmp_path / "copy.sqlite3", tmp_path / "kiosk.sqlite3")

        with pytest.raises(DatabaseFileGone, match="was replaced by another file"):
            issue_ticket(database, settings, procedure_code="1.001193", prefix="A")
    finally:
        database.dispose()


def _truncated(path: Path) -> None:
    _issue_some(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _newer_schema(path: Path) -> None:
    _issue_some(path)
    database = open_database(f"sqlite:///{path}")
    with database.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    database.dispose()


def _issue_some(path: Path) -> None:
    url = f"sqlite:///{path}"
    settings = settings_from_mapping({"database": {"url": url}}, data_dir=path.parent)
    database = open_database(url)
    for _ in range(200):
        issue_ticket(database, settings, procedure_code="1.001193", prefix="A")
    # The last connection closed writes the WAL back into the file.
    database.dispose()


DAMAGES = {
    "truncated": (_truncated, "is truncated", "restore it from a backup"),
    "random bytes": (_random_bytes, "is not an SQLite database", "restore it from a backup"),
    "newer schema": (
        _newer_schema,
        "is at schema 0099, which this kiosk does not know",
        "update the kiosk to a version that knows schema 0099",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_or_newer_database_is_one_line_everywhere(tmp_path: Path, damage: str) -> None:
    spoil, fault, way_out = DAMAGES[damage]
    database_file = tmp_path / "kiosk.sqlite3"
    spoil(database_file)

    admin = kiosk_admin(*ISSUE, data_dir=tmp_path)
    assert admin.returncode == 2
    line = _one_line(admin)
    assert str(database_file) in line
    assert fault in line
    assert way_out in line
    with pytest.raises(DatabaseUnusable):
        open_database(f"sqlite:///{database_file}").dispose()
    panel = subprocess.run(
        [sys.executable, "-m", "ui.panel.main"],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert panel.returncode == 2
    assert "Traceback" not in panel.stderr
    # The panel logs its start-up above the line (alembic's, for one).
    last = panel.stderr.strip().splitlines()[-1]
    assert last.startswith(f"kiosk-panel: the database file {database_file}")
    assert fault in last


def test_the_kiosk_stays_up_out_of_service_on_a_damaged_database(tmp_path: Path) -> None:
    _random_bytes(tmp_path / "kiosk.sqlite3")
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    still_running, errors = kiosk_left_running(env, until="out of service", settle_seconds=1)

    assert still_running, errors
    line = next(line for line in errors.splitlines() if "out of service" in line)
    assert "kiosk out of service: the database file" in line
    assert "is not an SQLite database" in line
    assert "Traceback" not in errors


@pytest.mark.postgres
def test_a_newer_schema_on_postgresql_names_the_server(tmp_path: Path) -> None:
    with postgres_schema_url() as url:
        database = open_database(url)
        with database.write() as session:
            session.execute(text("UPDATE alembic_version SET version_num = '0099'"))
        database.dispose()

        result = kiosk_admin(*ISSUE, data_dir=tmp_path, env={"KIOSK_DATABASE_URL": url})

    assert result.returncode == 2
    line = _one_line(result)
    assert "127.0.0.1:5432/test" in line
    assert "update the kiosk to a version that knows schema 0099" in line


def test_a_data_directory_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")

    result = kiosk_admin(*ISSUE, data_dir=blocker / "data")

    assert result.returncode == 2
    assert str(blocker / "data") in _one_line(result)
