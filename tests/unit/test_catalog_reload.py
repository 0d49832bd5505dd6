"""Reloading the catalogue on a running kiosk: validated first, changes named, refusals said."""

from pathlib import Path

from kiosk.catalog.loader import builtin_catalog
from kiosk.catalog.reload import reload_catalog

BIRTH_REGISTRATION = "1.001193"


def test_a_missing_overlay_reloads_the_built_in_catalogue_unchanged(tmp_path: Path) -> None:
    reload = reload_catalog(builtin_catalog(), tmp_path / "none.toml")

    assert reload.accepted
    assert reload.unchanged
    assert reload.catalog == builtin_catalog()


def test_a_changed_name_is_named_and_searchable(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(
        f'[[procedure]]\ncode = "{BIRTH_REGISTRATION}"\nname = {{ vi = "Khai sinh tại nhà" }}\n',
        encoding="utf-8",
    )

    reload = reload_catalog(builtin_catalog(), overlay)

    assert reload.accepted
    assert (reload.added, reload.removed, reload.changed) == ((), (), (BIRTH_REGISTRATION,))
    assert reload.catalog is not None
    assert reload.catalog.procedure(BIRTH_REGISTRATION).name("vi") == "Khai sinh tại nhà"
    assert reload.search is not None
    assert reload.search.search("khai sinh tai nha", 1)[0].code == BIRTH_REGISTRATION


def test_a_broken_overlay_is_refused_with_file_code_and_field(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(
        f'[[procedure]]\ncode = "{BIRTH_REGISTRATION}"\nchannels = ["fax"]\n', encoding="utf-8"
    )

    reload = reload_catalog(builtin_catalog(), overlay)

    assert not reload.accepted
    assert reload.catalog is None
    assert reload.refusal is not None
    for part in ("overlay.toml", BIRTH_REGISTRATION, "'channels'", "fax"):
        assert part in reload.refusal


def test_a_new_field_is_refused_until_a_restart(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(
        '[[field]]\ncode = "justice"\nname = { vi = "Tư pháp" }\norder = 90\n'
        'icon = "other.svg"\nqueue_prefix = "J"\n',
        encoding="utf-8",
    )

    reload = reload_catalog(builtin_catalog(), overlay)

    assert not reload.accepted
    assert reload.refusal is not None
    assert "restart the kiosk" in reload.refusal
