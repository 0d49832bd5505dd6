"""`kiosk-admin doctor` as a technician runs it: a real process, one verdict per check."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

ALWAYS_CHECKED = {"fonts", "database", "printer", "catalogue", "disk", "clock", "speech", "audio"}


def doctor(tmp_path: Path, config: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    arguments = [sys.executable, "-m", "kiosk.cli.main"]
    if config:
        path = tmp_path / "kiosk.toml"
        path.write_text(config, encoding="utf-8")
        arguments += ["--config", str(path)]
    return subprocess.run(
        [*arguments, "doctor", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path), **env},
        timeout=180,
        check=False,
    )


def verdicts(result: subprocess.CompletedProcess[str]) -> dict[str, dict[str, object]]:
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(list(record) == ["check", "status", "detail", "fix"] for record in records)
    return {str(record["check"]): record for record in records}


def refused_port() -> int:
    """A port on 127.0.0.1 where nothing listens (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_embedded_defaults_pass_with_warnings_at_most(tmp_path: Path) -> None:
    result = doctor(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    found = verdicts(result)
    assert set(found) >= ALWAYS_CHECKED
    assert {record["status"] for record in found.values()} <= {"OK", "WARN"}
    assert found["printer"]["status"] == "WARN"
    assert "preview printer" in str(found["printer"]["detail"])
    assert "kiosk-web" not in found, "kiosk-web is checked only when configured"


def test_unreachable_database_and_refused_printer_fail_by_name(tmp_path: Path) -> None:
    printer_port, web_port = refused_port(), refused_port()
    config = (
        f'[printer]\nkind = "network"\nhost = "127.0.0.1"\nport = {printer_port}\n'
        f'[doctor]\nweb_url = "http://127.0.0.1:{web_port}/"\n'
    )

    result = doctor(tmp_path, config, KIOSK_DATABASE_URL="postgresql://kiosk@127.0.0.1:9/kiosk")

    assert result.returncode == 1, result.stdout + result.stderr
    found = verdicts(result)
    database, printer, web = found["database"], found["printer"], found["kiosk-web"]
    assert database["status"] == "FAIL"
    assert "cannot reach the database postgresql+psycopg://kiosk@127.0.0.1:9" in str(
        database["detail"]
    )
    assert printer["status"] == "FAIL"
    assert f"printer 127.0.0.1:{printer_port} refused the connection" in str(printer["detail"])
    assert printer["fix"]
    assert web["status"] == "FAIL"
    assert f"127.0.0.1:{web_port}" in str(web["detail"])
    assert found["catalogue"]["status"] == "OK"
    assert "Traceback" not in result.stderr


def test_text_output_is_one_line_per_check(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "doctor"],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path)},
        timeout=180,
        check=False,
    )

    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert any(line.startswith("WARN printer: preview printer") for line in lines)
    assert all(line.split()[0] in {"OK", "WARN", "FAIL"} for line in lines)
