"""The files in deploy/ as systemd reads them: `systemd-analyze verify` on every unit, and
`systemd-sysusers` on the kiosk user, both against a throw-away root laid out as docs/deploy.md
installs it (the programs the units start exist there as stubs: they are installed on a
centre's PC, not on the machine running the tests)."""

import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
SYSTEM_UNITS = Path("/usr/lib/systemd/system")

needs_systemd_analyze = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None or not SYSTEM_UNITS.is_dir(),
    reason="systemd-analyze and systemd's own units are not installed here (Debian: systemd)",
)


def commands(unit: Path) -> list[list[str]]:
    """The command lines a unit runs (ExecStart=, ExecStartPre=, ... without their prefixes)."""
    lines = unit.read_text(encoding="utf-8").splitlines()
    return [
        command.lstrip("-@:+!").split()
        for key, _, command in (line.partition("=") for line in lines)
        if key.startswith("Exec") and command
    ]


def executables(unit: Path) -> set[str]:
    return {command[0] for command in commands(unit)}


@pytest.fixture
def install_root(tmp_path: Path) -> Path:
    """A root with systemd's units, ours in /etc/systemd/system, and stubs for their programs."""
    shutil.copytree(SYSTEM_UNITS, tmp_path / "usr/lib/systemd/system", symlinks=True)
    installed = tmp_path / "etc/systemd/system"
    installed.mkdir(parents=True)
    for unit in UNITS:
        shutil.copy(unit, installed)
        for program in executables(unit):
            stub = tmp_path / program.lstrip("/")
            stub.parent.mkdir(parents=True, exist_ok=True)
            stub.write_text("#!/bin/sh\n", encoding="utf-8")
            stub.chmod(0o755)
    return tmp_path


def test_deploy_has_a_unit_for_each_program() -> None:
    words = {Path(word).name for unit in UNITS for command in commands(unit) for word in command}
    assert {"kiosk", "kiosk-panel", "kiosk-display", "kiosk-web", "cage", "sway"} <= words
    two_screens = (DEPLOY / "sway/two-screens.conf").read_text(encoding="utf-8")
    assert "/opt/vn-kiosk/.venv/bin/kiosk;" in two_screens
    assert "/opt/vn-kiosk/.venv/bin/kiosk-display;" in two_screens


@needs_systemd_analyze
def test_systemd_analyze_verify_passes_on_every_unit(install_root: Path) -> None:
    result = subprocess.run(
        ["systemd-analyze", "verify", f"--root={install_root}", *(unit.name for unit in UNITS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.skipif(shutil.which("systemd-sysusers") is None, reason="no systemd-sysusers here")
def test_sysusers_creates_the_kiosk_user(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    result = subprocess.run(
        ["systemd-sysusers", f"--root={tmp_path}", str(DEPLOY / "sysusers.d/kiosk.conf")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    passwd = (tmp_path / "etc/passwd").read_text(encoding="utf-8")
    (kiosk,) = [line for line in passwd.splitlines() if line.startswith("kiosk:")]
    assert kiosk.endswith(":/var/lib/vn-kiosk:/usr/sbin/nologin")
    group = (tmp_path / "etc/group").read_text(encoding="utf-8")
    assert any(line.startswith("dialout:") and "kiosk" in line for line in group.splitlines())
