"""`kiosk` as a centre starts it: embedded defaults, or one clear line when it cannot start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.kiosk_process import kiosk_left_running

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _environment(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    return {**env, "KIOSK_DATA_DIR": str(data_dir), **extra}


def _kiosk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.kiosk.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_without_a_display_it_says_so_in_one_line(tmp_path: Path) -> None:
    result = _kiosk(env=_environment(tmp_path))

    assert result.returncode == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith("kiosk: no display found")
    assert "QT_QPA_PLATFORM=offscreen" in line


def test_a_broken_config_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[printer]\nkind = 'network'\n", encoding="utf-8")

    result = _kiosk(
        "--config", str(config), env=_environment(tmp_path, QT_QPA_PLATFORM="offscreen")
    )

    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line == f"kiosk: {config}: [printer] kind 'network' needs host"


@pytest.mark.slow
def test_it_starts_on_embedded_defaults_and_keeps_running(tmp_path: Path) -> None:
    env = _environment(tmp_path, QT_QPA_PLATFORM="offscreen")
    # Until it says it started (on a busy machine that can take many seconds).
    still_running, errors = kiosk_left_running(env, until="started", settle_seconds=2)

    assert still_running, errors
    assert (tmp_path / "kiosk.sqlite3").exists()
    assert "kiosk kiosk-1 started" in errors
    assert "Traceback" not in errors
