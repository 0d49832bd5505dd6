"""Settings bounded where the product needs them, and any key overridable from the environment."""

from pathlib import Path

import pytest

from kiosk.config import load_settings, settings_as_dict
from kiosk.errors import ConfigError


def _load(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> object:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path, environ=env or {})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[queue]\nminutes_per_ticket = nan\n",
            "queue.minutes_per_ticket: expected a number of minutes above 0 to 240, got nan",
        ),
        ("[queue]\nminutes_per_ticket = inf\n", "queue.minutes_per_ticket: expected a number"),
        ("[queue]\nminutes_per_ticket = 0\n", "queue.minutes_per_ticket: expected a number"),
        (
            "[kiosk]\nidle_seconds = 1e11\n",
            "kiosk.idle_seconds: expected a whole number of seconds from 10 to 3600,"
            " got 100000000000.0",
        ),
        (
            "[kiosk]\nidle_seconds = 100000000000\n",
            "kiosk.idle_seconds: expected a whole number of seconds from 10 to 3600",
        ),
        (
            "[kiosk]\nidle_warning_seconds = 5\n",
            "kiosk.idle_warning_seconds: expected a whole number of seconds from 20",
        ),
        (
            "[kiosk]\nticket_screen_seconds = 0\n",
            "kiosk.ticket_screen_seconds: expected a whole number",
        ),
        (
            "[kiosk]\nfallback_dpi = -1\n",
            "kiosk.fallback_dpi: expected a number of dots per inch from 50 to 600",
        ),
        ("[kiosk]\nspeech_volume = nan\n", "kiosk.speech_volume: expected a number from 0 to 1"),
        (
            "[kiosk]\nelderly_age = 200\n",
            "kiosk.elderly_age: expected a whole number of years from 1 to 120",
        ),
        (
            "[printer]\nwidth_dots = 100000\n",
            "printer.width_dots: expected a whole number of dots from 1 to 4096",
        ),
        (
            "[printer]\nwidth_dots = 7\n",
            "printer.width_dots: must be 384 or 576 or a profile width, got 7",
        ),
        (
            "[printer]\nwidth_dots = 512\n",
            "printer.width_dots: must be 384 or 576 or a profile width, got 512",
        ),
        ("[printer]\nport = 70000\n", "printer.port: expected a whole number from 1 to 65535"),
        (
            "[printer]\ntimeout_seconds = 1e9\n",
            "printer.timeout_seconds: expected a number of seconds from 0.5 to 120",
        ),
        (
            "[printer]\nusb_vendor_id = -1\n",
            "printer.usb_vendor_id: expected a whole number from 0 to 65535",
        ),
        ("[printer]\nserial_baudrate = 0\n", "printer.serial_baudrate: expected a whole number"),
        (
            "[printer]\nkind = 'file'\ndevice_path = \"/dev/usb/lp0\\u0000\"\n",
            "printer.device_path: expected a path of 0 to 4096 characters, without control",
        ),
        ("[kiosk]\nid = '" + "k" * 65 + "'\n", "kiosk.id: expected text of 1 to 64 characters"),
        ("[kiosk]\nid = '   '\n", "kiosk.id: expected text of 1 to 64 characters"),
        (
            "[kiosk]\nlanguages = ['vi', 'vi']\n",
            "kiosk.languages: allowed languages are vi, en, each once",
        ),
        (
            "[centre]\nname = '" + "x" * 121 + "'\n",
            "centre.name: expected text of 0 to 120 characters",
        ),
        (
            "[database]\nurl = 'mysql://db/kiosk'\n",
            "database.url: expected a sqlite:/// or postgresql+psycopg:// URL",
        ),
        ("[database]\nurl = 'postgresql+asyncpg://db/kiosk'\n", "got 'postgresql+asyncpg'"),
        (
            "[database]\nbusy_timeout_ms = -5\n",
            "database.busy_timeout_ms: expected a whole number of milliseconds",
        ),
        (
            "[privacy]\nretention_days = 100000\n",
            "privacy.retention_days: expected a whole number of days from 1 to 3650",
        ),
        (
            "[queue]\npriority_policy = 'interleave:100000'\n",
            "queue.priority_policy: 'interleave:100000' is not allowed",
        ),
        (
            "[queue]\nprefixes = { 'Civil Status' = 'HT' }\n",
            "queue.prefixes: 'Civil Status' is not a field code",
        ),
        (
            "[kiosk]\nidle_seconds = true\n",
            "kiosk.idle_seconds: expected a whole number of seconds from 10 to 3600, got True",
        ),
        ("kiosk = 5\n", r"[kiosk]: expected a table of settings, got 5"),
    ],
)
def test_a_value_out_of_bounds_is_one_line_naming_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text)

    line = str(caught.value)
    assert message in line
    assert str(tmp_path / "kiosk.toml") in line
    assert "\n" not in line


def test_a_width_the_profile_prints_is_allowed(tmp_path: Path) -> None:
    settings = _load(tmp_path, "[printer]\nprofile = 'TM-T88V'\nwidth_dots = 512\n")

    assert settings.printer.width_dots == 512  # type: ignore[attr-defined]


def test_a_config_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder, expected a configuration file"):
        load_settings(tmp_path, environ={})


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("", encoding="utf-8")

    with pytest.raises(ConfigError, match=r"\$KIOSK_DATA_DIR: .* is not a folder"):
        load_settings(environ={"KIOSK_DATA_DIR": str(blocker), "KIOSK_CONFIG": ""})


def test_any_key_is_overridden_from_the_environment_typed(tmp_path: Path) -> None:
    env = {
        "KIOSK_PRINTER__HOST": "10.0.0.5",
        "KIOSK_PRINTER__KIND": "network",
        "KIOSK_KIOSK__IDLE_SECONDS": "90",
        "KIOSK_QUEUE__MINUTES_PER_TICKET": "2.5",
        "KIOSK_PRINTER__QR_ON_TICKET": "false",
        "KIOSK_KIOSK__LANGUAGES": '["vi"]',
        "KIOSK_QUEUE__PREFIXES": '{ civil_status = "HT" }',
        "KIOSK_DATA_DIR": str(tmp_path),
    }

    settings = _load(tmp_path, "[kiosk]\nidle_seconds = 30\nid = 'sảnh-1'\n", env)
    shown = settings_as_dict(settings)  # type: ignore[arg-type]

    assert shown["printer"]["host"] == "10.0.0.5"  # type: ignore[index]
    assert shown["kiosk"]["idle_seconds"] == 90  # type: ignore[index]
    assert shown["kiosk"]["languages"] == ["vi"]  # type: ignore[index]
    assert shown["queue"]["minutes_per_ticket"] == 2.5  # type: ignore[index]
    assert shown["queue"]["prefixes"] == {"civil_status": "HT"}  # type: ignore[index]
    assert shown["printer"]["qr_on_ticket"] is False  # type: ignore[index]
    sources = shown["sources"]
    assert sources["kiosk"]["idle_seconds"] == "environment"  # type: ignore[index]
    assert sources["kiosk"]["id"] == "file"  # type: ignore[index]
    assert sources["kiosk"]["elderly_age"] == "default"  # type: ignore[index]
    assert sources["printer"]["host"] == "environment"  # type: ignore[index]


def test_the_older_environment_names_still_work_and_count_as_environment(tmp_path: Path) -> None:
    env = {"KIOSK_ID": "k2", "KIOSK_DATABASE_URL": "postgresql://db/kiosk"}

    settings = _load(tmp_path, "[kiosk]\nid = 'k1'\n", env)
    sources = settings_as_dict(settings)["sources"]  # type: ignore[arg-type]

    assert settings.kiosk.id == "k2"  # type: ignore[attr-defined]
    assert sources["kiosk"]["id"] == "environment"  # type: ignore[index]
    assert sources["database"]["url"] == "environment"  # type: ignore[index]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"KIOSK_KIOSK__IDLE_SECONDS": "abc"},
            "$KIOSK_KIOSK__IDLE_SECONDS: kiosk.idle_seconds: expected a whole number of seconds"
            " from 10 to 3600, got 'abc'",
        ),
        (
            {"KIOSK_QUEUE__MINUTES_PER_TICKET": "nan"},
            "queue.minutes_per_ticket: expected a number of minutes above 0 to 240",
        ),
        (
            {"KIOSK_PRINTER__QR_ON_TICKET": "maybe"},
            "printer.qr_on_ticket: expected true or false, got 'maybe'",
        ),
        (
            {"KIOSK_KIOSK__LANGUAGES": "[vi"},
            "kiosk.languages: expected a list of text of 0 to 8 characters",
        ),
        ({"KIOSK_PRINTER__HOSTNAME": "x"}, "$KIOSK_PRINTER__HOSTNAME: no setting printer.hostname"),
        ({"KIOSK_PRINTERS__HOST": "x"}, "$KIOSK_PRINTERS__HOST: no setting printers.host"),
        ({"KIOSK_ID": "k" * 65}, "$KIOSK_ID: kiosk.id: expected text of 1 to 64 characters"),
        (
            {"KIOSK_PRINTER__USB_VENDOR_ID": "0xzz"},
            "printer.usb_vendor_id: expected a whole number from 0 to 65535, got '0xzz'",
        ),
    ],
)
def test_a_wrong_environment_value_names_the_variable_and_the_key(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={"KIOSK_DATA_DIR": str(tmp_path), **env})

    assert message in str(caught.value)


def test_usb_ids_are_read_in_hexadecimal_as_lsusb_shows_them(tmp_path: Path) -> None:
    env = {
        "KIOSK_DATA_DIR": str(tmp_path),
        "KIOSK_PRINTER__USB_VENDOR_ID": "0x04b8",
        "KIOSK_PRINTER__USB_PRODUCT_ID": "0X0202",
    }
    printer = load_settings(environ=env).printer

    assert (printer.usb_vendor_id, printer.usb_product_id) == (0x04B8, 0x0202)
