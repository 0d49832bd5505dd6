"""`kiosk-admin announce` and `kiosk-admin voice check` as staff run them: real processes."""

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from kiosk.announce.reading import Call
from kiosk.announce.render import configured_announcer
from kiosk.config import load_settings

BUNDLED = Path(str(resources.files("resources.voice")))


def kiosk_admin(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def write_config(tmp_path: Path, display: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[display]\n{display}\n", encoding="utf-8")
    return path


def test_announce_writes_exactly_what_the_display_plays(tmp_path: Path) -> None:
    voice_dir = tmp_path / "voice"
    (voice_dir / "en").mkdir(parents=True)
    shutil.copy(BUNDLED / "en" / "digit_7.wav", voice_dir / "en" / "digit_3.wav")
    config = write_config(
        tmp_path,
        f"languages = ['vi', 'en']\nnumber_reading = 'digits'\nrepeat = 1\n"
        f"voice_dir = '{voice_dir}'",
    )
    out = tmp_path / "call.wav"

    done = kiosk_admin("announce", "--ticket", "A012", "--counter", "3", "--wav", str(out),
                       config=config)  # fmt: skip

    assert done.returncode == 0, done.stderr
    settings = load_settings(config, environ={})
    expected = configured_announcer(settings).render(Call("A", 12, 3))
    assert out.read_bytes()[44:] == expected.little_endian_bytes()
    assert done.stdout.startswith(f"{out}: A012 → counter 3, ")

    english = tmp_path / "english.wav"
    only_english = kiosk_admin(
        "announce", "--ticket", "a012", "--counter", "3", "--language", "en",
        "--wav", str(english), config=config,
    )  # fmt: skip
    assert only_english.returncode == 0, only_english.stderr
    expected_english = configured_announcer(settings, ("en",)).render(Call("A", 12, 3))
    assert english.read_bytes()[44:] == expected_english.little_endian_bytes()


def test_announce_refuses_a_bad_ticket_in_one_line(tmp_path: Path) -> None:
    config = write_config(tmp_path, "")
    out = tmp_path / "call.wav"

    done = kiosk_admin("announce", "--ticket", "12", "--counter", "3", "--wav", str(out),
                       config=config)  # fmt: skip

    assert (done.returncode, done.stderr) == (
        2, "kiosk-admin: '12' is not a ticket label such as A012\n"
    )  # fmt: skip
    assert not out.exists()


def test_voice_check_lists_what_a_folder_lacks(tmp_path: Path) -> None:
    config = write_config(tmp_path, "")
    voice = tmp_path / "voice"
    shutil.copytree(BUNDLED / "vi", voice / "vi")
    (voice / "vi" / "moi_cong_dan_co_so.wav").unlink()
    (voice / "vi" / "letter_b.wav").write_bytes(b"RIFF")

    broken = kiosk_admin("voice", "check", str(voice), config=config)
    complete = kiosk_admin("voice", "check", str(BUNDLED), config=config)

    assert broken.returncode == 1, broken.stderr
    assert broken.stdout.splitlines() == [
        "vi/letter_b.wav: unreadable: not a PCM WAV file (the file ends too early) (says: bê)",
        "vi/moi_cong_dan_co_so.wav: missing (says: Mời công dân có số)",
    ]
    assert complete.returncode == 0, complete.stdout
    assert complete.stdout == f"{BUNDLED}: every clip of vi is present and readable\n"
