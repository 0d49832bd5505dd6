"""`kiosk-display` start-up faults: one clear line and status 2, never a traceback."""

from pathlib import Path

import pytest

from ui.display.main import main


def test_a_wrong_display_setting_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[display]\nscreen_diagonal_inches = 4.3\n", encoding="utf-8")

    assert main(["--config", str(config)]) == 2

    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"kiosk-display: {config}: display.screen_diagonal_inches: expected 0")


def test_a_screen_the_machine_lacks_is_named_with_those_it_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "hall.sqlite3"}"\n', encoding="utf-8"
    )

    assert main(["--config", str(config), "--screen", "HDMI-9"]) == 2

    # Log lines of the start (database opened) come before it.
    (line,) = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("kiosk-")]
    assert line.startswith("kiosk-display: no screen named 'HDMI-9'; this machine has: ")
