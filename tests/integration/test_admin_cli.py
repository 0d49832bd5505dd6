"""`kiosk-admin` as staff run it: a real process, embedded defaults, one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.databases import postgres_schema_url


def kiosk_admin(
    *args: str, data_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "KIOSK_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_issue_on_embedded_defaults_prints_the_ticket(tmp_path: Path) -> None:
    first = kiosk_admin("ticket", "issue", "--procedure", "1.001193", "--json", data_dir=tmp_path)
    second = kiosk_admin(
        "ticket", "issue", "--procedure", "1.001193", "--priority", "elderly", "--kiosk", "k2",
        "--json", data_dir=tmp_path,
    )  # fmt: skip

    assert first.returncode == 0, first.stderr
    ticket = json.loads(first.stdout)
    assert list(ticket)[:4] == ["id", "label", "prefix", "number"]
    assert list(ticket)[-1] == "follow_url"
    assert ticket["follow_url"] is None  # web.public_url is not set
    assert (ticket["label"], ticket["people_ahead"], ticket["estimated_wait_minutes"]) == (
        "A001",
        0,
        0,
    )
    again = json.loads(second.stdout)
    assert (again["number"], again["priority"], again["kiosk"]) == (2, "elderly", "k2")
    assert (tmp_path / "kiosk.sqlite3").exists()

    listing = kiosk_admin("ticket", "list", "--json", data_dir=tmp_path)
    records = [json.loads(line) for line in listing.stdout.splitlines()]
    assert [r["label"] for r in records] == ["A001", "A002"]
    assert {r["state"] for r in records} == {"waiting"}
    assert {r["follow_url"] for r in records} == {None}


def test_reprint_writes_a_preview_ticket(tmp_path: Path) -> None:
    issued = kiosk_admin("ticket", "issue", "--procedure", "2.000815", "--json", data_dir=tmp_path)
    ticket = json.loads(issued.stdout)

    reprint = kiosk_admin(
        "ticket", "reprint", ticket["service_day"], ticket["prefix"], str(ticket["number"]),
        data_dir=tmp_path,
    )  # fmt: skip

    assert reprint.returncode == 0, reprint.stderr
    assert reprint.stdout.strip() == f"{ticket['label']}: printed"
    assert len(list((tmp_path / "tickets").glob(f"{ticket['label']}-*.png"))) == 1
    assert len(list((tmp_path / "tickets").glob(f"{ticket['label']}-*.bin"))) == 1


def test_printer_test_reports_the_preview_printer(tmp_path: Path) -> None:
    result = kiosk_admin("printer", "test", "--json", data_dir=tmp_path)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["printer"], report["print_status"]) == ("preview", "printed")
    assert list((tmp_path / "tickets").glob("test-page-*.png"))


def _assert_one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("kiosk-admin: ")
    assert words in line
    assert "Traceback" not in result.stderr


def test_a_broken_config_file_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[queue]\npriority_policy = 'whoever shouts'\n", encoding="utf-8")

    result = kiosk_admin("--config", str(config), "ticket", "list", data_dir=tmp_path)

    _assert_one_line_error(result, "queue.priority_policy")


def test_an_unknown_procedure_is_one_line(tmp_path: Path) -> None:
    result = kiosk_admin("ticket", "issue", "--procedure", "9.999999", data_dir=tmp_path)

    _assert_one_line_error(result, "unknown procedure code '9.999999'")


def test_an_unreachable_database_is_one_line(tmp_path: Path) -> None:
    unreachable = {"KIOSK_DATABASE_URL": "postgresql://kiosk@127.0.0.1:9/kiosk"}

    result = kiosk_admin("ticket", "list", data_dir=tmp_path, env=unreachable)

    _assert_one_line_error(
        result, "cannot reach the database postgresql+psycopg://kiosk@127.0.0.1:9"
    )


@pytest.mark.postgres
def test_db_upgrade_and_config_show_on_postgresql(tmp_path: Path) -> None:
    with postgres_schema_url() as url:
        env = {"KIOSK_DATABASE_URL": url}
        upgrade = kiosk_admin("db", "upgrade", data_dir=tmp_path, env=env)
        shown = kiosk_admin("config", "show", data_dir=tmp_path, env=env)

    assert upgrade.returncode == 0, upgrade.stderr
    assert "is at the latest schema" in upgrade.stdout
    effective = json.loads(shown.stdout)["effective"]
    assert effective["database_url"] == url
    assert effective["config_file"] is None


def test_config_show_reflects_environment_overrides_and_their_source(tmp_path: Path) -> None:
    env = {"KIOSK_PRINTER__HOST": "10.0.0.5", "KIOSK_KIOSK__IDLE_SECONDS": "90"}

    shown = kiosk_admin("config", "show", data_dir=tmp_path, env=env)

    assert shown.returncode == 0, shown.stderr
    settings = json.loads(shown.stdout)
    assert settings["printer"]["host"] == "10.0.0.5"
    assert settings["kiosk"]["idle_seconds"] == 90
    assert settings["sources"]["kiosk"]["idle_seconds"] == "environment"
    assert settings["sources"]["kiosk"]["elderly_age"] == "default"


def test_a_wrong_environment_override_is_one_line(tmp_path: Path) -> None:
    result = kiosk_admin(
        "config", "show", data_dir=tmp_path, env={"KIOSK_KIOSK__IDLE_SECONDS": "abc"}
    )

    _assert_one_line_error(result, "kiosk.idle_seconds")


def test_a_config_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    result = kiosk_admin("--config", str(tmp_path), "config", "show", data_dir=tmp_path)

    _assert_one_line_error(result, "is a folder")
