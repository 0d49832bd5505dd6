"""`kiosk-panel` start-up faults: one clear line and a non-zero status, never a traceback."""

from pathlib import Path

import pytest

from ui.panel.main import main


def test_a_wrong_setting_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nbogus = 1\n", encoding="utf-8")

    assert main(["--config", str(config)]) == 2

    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"kiosk-panel: {config}: kiosk.bogus: unknown setting")


def test_an_unreachable_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[database]\nurl = "postgresql+psycopg://nobody@127.0.0.1:1/kiosk"\n', encoding="utf-8"
    )

    assert main(["--config", str(config)]) == 2

    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kiosk-panel: cannot reach the database postgresql+psycopg://nobody@")
