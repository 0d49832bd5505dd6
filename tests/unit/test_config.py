"""Settings: embedded defaults, one file, environment overrides, and errors that name the key."""

from pathlib import Path

import pytest

from kiosk.config import load_settings, settings_as_dict
from kiosk.errors import ConfigError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_embedded_defaults(tmp_path: Path) -> None:
    settings = load_settings(environ={"KIOSK_DATA_DIR": str(tmp_path)})

    assert settings.source is None
    assert settings.centre.time_zone == "Asia/Ho_Chi_Minh"
    assert settings.kiosk.elderly_age == 60
    assert settings.printer.kind == "preview"
    assert settings.database_url == f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    assert settings.queue.interleave_every is None
    assert (settings.display.repeat, settings.display.number_reading) == (2, "words")
    assert (settings.display.languages, settings.voice_dir) == (("vi",), None)


def test_file_values_and_environment_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[centre]
name = "Trung tâm phường Hòa Cường"
[kiosk]
id = "sảnh-1"
idle_seconds = 90
[queue]
priority_policy = "interleave:3"
prefixes = { civil_status = "HT" }
[printer]
kind = "network"
host = "10.0.0.5"
""",
    )
    env = {
        "KIOSK_CONFIG": str(path),
        "KIOSK_DATABASE_URL": "postgresql://db/kiosk",
        "KIOSK_ID": "k2",
    }

    settings = load_settings(environ=env)

    assert settings.source == path
    assert settings.centre.name == "Trung tâm phường Hòa Cường"
    assert settings.kiosk.idle_seconds == 90
    assert settings.kiosk.id == "k2"
    assert settings.database_url == "postgresql://db/kiosk"
    assert settings.queue.interleave_every == 3
    assert settings.queue.prefixes == {"civil_status": "HT"}
    assert settings_as_dict(settings)["printer"]["host"] == "10.0.0.5"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[kiosk]\nidel_seconds = 5\n", "kiosk.idel_seconds: unknown setting"),
        ("[kiosk]\nelderly_age = 'sixty'\n", "kiosk.elderly_age: expected a whole number"),
        ("[queue]\npriority_policy = 'fair'\n", "queue.priority_policy: 'fair' is not allowed"),
        ("[centre]\ntime_zone = 'Mars/Olympus'\n", "centre.time_zone: unknown time zone"),
        ("[printer]\nkind = 'network'\n", "[printer] kind 'network' needs host"),
        ("[printer]\nkind = 'laser'\n", "[printer] kind 'laser' is not one of"),
        ("[printer]\nraster_impl = 'dots'\n", "[printer] raster_impl 'dots' is not one of"),
        ("[kiosk]\nlanguages = ['vi', 'fr']\n", "kiosk.languages: allowed languages"),
        ("[queue]\nprefixes = { civil_status = 'a1' }\n", "queue.prefixes.civil_status"),
        ("[display]\nrepeat = 0\n", "display.repeat: expected a whole number from 1 to 5"),
        ("[display]\nnumber_reading = 'roman'\n", "display.number_reading: 'roman' is not"),
        ("[display]\nlanguages = ['vi', 'vi']\n", "display.languages: expected one or more"),
        ("[display]\nlanguages = []\n", "display.languages: expected one or more"),
        ("[printers]\n", "[printers]: unknown section"),
        ("[web]\nport = 0\n", "web.port: expected a port number"),
        ("[web]\npublic_url = 'phones.local'\n", "web.public_url: 'phones.local' is not allowed"),
        ("[web]\npublic_url = 'http://x/?a=1'\n", "web.public_url: .* is not allowed"),
        ("[web]\nrate_burst = 0\n", "web.rate_burst: expected a whole number"),
        ("[storage]\nbackups_kept = 0\n", "storage.backups_kept: expected a whole number"),
        ("[kiosk\n", "not valid TOML"),
    ],
)
def test_a_wrong_setting_names_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)

    with pytest.raises(ConfigError, match=message.replace("[", r"\[")) as caught:
        load_settings(path, environ={})

    assert str(path) in str(caught.value)


def test_a_named_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_settings(environ={"KIOSK_CONFIG": str(tmp_path / "nowhere.toml")})
