"""Every `kiosk-admin` command, with any argument values: a result or one line, never a traceback.

The commands are read from the argparse parser itself, so a subject added later is covered
without touching this file.
"""

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli.main import build_parser, main

EXAMPLES = 5
# Given a folder it can write to, this renders every screen for minutes: its positional
# arguments are drawn from paths it cannot write to (its options are drawn freely).
RENDERS_EVERYTHING = {("screenshots",)}


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield path, parser
        return
    for name, child in subparsers[0].choices.items():
        yield from _commands(child, (*path, name))


COMMANDS = dict(_commands(build_parser()))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One data directory for every example, with files of each kind to name as arguments."""
    folder = tmp_path_factory.mktemp("admin-properties")
    (folder / "garbage.bin").write_bytes(os.urandom(2048))
    (folder / "empty.csv").write_bytes(b"")
    (folder / "a-folder").mkdir()
    saved, cwd = os.environ.get("KIOSK_DATA_DIR"), Path.cwd()
    os.environ["KIOSK_DATA_DIR"] = str(folder / "data")
    # Relative paths among the arguments land here, not in the checkout.
    os.chdir(folder)
    yield folder
    os.chdir(cwd)
    if saved is None:
        os.environ.pop("KIOSK_DATA_DIR")
    else:
        os.environ["KIOSK_DATA_DIR"] = saved


# What a person might type: any text, numbers and days far out of range, paths of every kind.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
NUMBERS = st.integers(min_value=-(10**30), max_value=10**30).map(str)
DAYS = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-11-23", "-1"]),
)
FLOATS = st.floats(allow_nan=True, allow_infinity=True).map(str)
KNOWN = st.sampled_from(["1.001193", "A", "vi", "sanh-1", "elderly", ""])


UNWRITABLE = ["garbage.bin", "garbage.bin/under"]


def _paths(folder: Path) -> st.SearchStrategy[str]:
    names = [*UNWRITABLE, "empty.csv", "a-folder", "missing/x.toml", "new.sqlite3"]
    return st.sampled_from([str(folder / name) for name in names] + [""])


def _value(action: argparse.Action, folder: Path, slow: bool) -> st.SearchStrategy[str]:
    if action.choices:
        return st.one_of(st.sampled_from([str(c) for c in action.choices]), TEXT)
    if slow and not action.option_strings:
        return st.sampled_from([str(folder / name) for name in UNWRITABLE])
    return st.one_of(TEXT, NUMBERS, DAYS, FLOATS, KNOWN, _paths(folder))


def _arguments(
    parser: argparse.ArgumentParser, folder: Path, slow: bool
) -> st.SearchStrategy[list[str]]:
    parts: list[st.SearchStrategy[list[str]]] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            flag = action.option_strings[-1]
            given_as = (
                st.just([flag])
                if action.nargs == 0
                else _value(action, folder, slow).map(lambda value, flag=flag: [flag, value])
            )
            parts.append(st.one_of(st.just([]), given_as))
        else:
            count = {"?": (0, 1), "+": (1, 3), "*": (0, 3)}.get(str(action.nargs), (1, 1))
            parts.append(
                st.lists(_value(action, folder, slow), min_size=count[0], max_size=count[1])
            )
    return st.tuples(*parts).map(lambda groups: [arg for group in groups for arg in group])


# Rendering screenshots offscreen makes Qt warn about sound and plugins: not what is tested here.
@pytest.mark.qt_log_level_fail("CRITICAL")
@pytest.mark.parametrize("command", list(COMMANDS), ids=" ".join)
def test_any_arguments_end_in_a_result_or_one_line(
    command: tuple[str, ...], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(_arguments(COMMANDS[command], data_dir, command in RENDERS_EVERYTHING))
    def run(arguments: list[str]) -> None:
        status = main([*command, *arguments])
        errors = capsys.readouterr().err
        assert status in (0, 1, 2), (arguments, errors)
        assert "Traceback" not in errors, (arguments, errors)
        if status:
            assert errors.strip(), arguments

    run()


def test_every_subject_is_exercised() -> None:
    subjects = {command[0] for command in COMMANDS}
    assert {"db", "ticket", "report", "privacy", "set-pin", "screenshots"} <= subjects
    assert ("db", "restore") in COMMANDS


def _admin(*args: str, data_dir: Path, **popen: object) -> subprocess.Popen[str]:
    env = {**os.environ, "KIOSK_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli.main", *args],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        **popen,  # type: ignore[call-overload]
    )


def test_a_reader_that_goes_away_is_not_a_traceback(tmp_path: Path) -> None:
    admin = _admin("config", "show", data_dir=tmp_path, stdout=subprocess.PIPE)
    assert admin.stdout is not None
    admin.stdout.close()  # before the command has even started
    _, errors = admin.communicate(timeout=120)

    assert admin.returncode == 1
    assert errors == ""


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (subprocess.DEVNULL, "no PIN on standard input (it is empty or closed)"),
        ("closed", "no PIN on standard input (it is empty or closed)"),
    ],
)
def test_an_empty_or_closed_stdin_is_one_line(tmp_path: Path, stdin: object, expected: str) -> None:
    if stdin == "closed":
        command = f"exec {sys.executable} -m kiosk.cli.main set-pin --pin-stdin <&-"
        admin = subprocess.Popen(
            ["bash", "-c", command],
            env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path)},
            stderr=subprocess.PIPE,
            text=True,
        )
    else:
        admin = _admin("set-pin", "--pin-stdin", data_dir=tmp_path, stdin=stdin)
    _, errors = admin.communicate(timeout=120)

    assert admin.returncode == 2
    assert errors.strip() == f"kiosk-admin: {expected}; nothing changed"


def test_no_terminal_to_type_a_pin_at_is_one_line(tmp_path: Path) -> None:
    admin = _admin("set-pin", data_dir=tmp_path, stdin=subprocess.DEVNULL, start_new_session=True)
    _, errors = admin.communicate(timeout=120)

    assert admin.returncode == 2
    assert "use --pin-stdin" in errors
    assert "Traceback" not in errors
