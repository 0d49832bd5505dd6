"""Hostile catalogue data refused, each refusal naming file, row and field (issue 16)."""

import csv
import os
import stat
from pathlib import Path

import pytest

from kiosk.catalog.formats import MAX_FILE_BYTES
from kiosk.catalog.loader import InvalidCatalog, builtin_catalog, import_file, load_catalog
from kiosk.catalog.rules import MAX_DOCUMENTS, MAX_NAME, ProcedureEntry
from kiosk.errors import CatalogError

COLUMNS = ["code", "name", "field", "documents", "fee", "time"]


def _csv(tmp_path: Path, *rows: list[str], name: str = "centre.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([COLUMNS, *rows])
    return path


def _row(
    code: str = "1.012753.H19", name: str = "Thủ tục của tỉnh", documents: str = "Đơn"
) -> list[str]:
    return [code, name, "land", documents, "", "5 ngày"]


def _refusal(path: Path) -> str:
    with pytest.raises(InvalidCatalog) as caught:
        load_catalog(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        (_row(code="١.٠١٢٧٥٣"), "code", "is not an official code in ASCII digits"),
        (_row(code="１.012753"), "code", "is not an official code in ASCII digits"),
        (_row(code="1.01275"), "code", "is not an official code"),
        (_row(name="\u200b\u200b\u200b"), "name.vi", "invisible or control character (U+200B)"),
        (_row(name="Đăng ký\u202e khai sinh"), "name.vi", "(U+202E)"),
        (_row(name="Đăng ký\u2066khai sinh"), "name.vi", "(U+2066)"),
        (_row(name="Đăng ký\x07"), "name.vi", "(U+0007)"),
        (_row(name="\u3164"), "name.vi", "(U+3164)"),
        (_row(name="Đ" * (MAX_NAME + 1)), "name.vi", f"at most {MAX_NAME} allowed"),
        (_row(documents="x" * 301), "documents[1].vi", "at most 300 allowed"),
        (
            _row(documents="|".join(f"giấy {n}" for n in range(MAX_DOCUMENTS + 1))),
            "documents",
            f"at most {MAX_DOCUMENTS} allowed",
        ),
        (_row(name="dang ky khai sinh"), "name", "is the name of procedure 1.001193"),
        (_row(name="ĐĂNG KÝ KHAI SINH"), "name", "is the name of procedure 1.001193"),
    ],
)
def test_each_hostile_value_is_refused_naming_file_row_and_field(
    tmp_path: Path, row: list[str], field: str, words: str
) -> None:
    path = _csv(tmp_path, row)

    message = _refusal(path)

    assert message.startswith(f"{path}: row 2: ")
    assert f"field {field!r}" in message
    assert words in message


def test_a_toml_name_of_invisible_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_text('[[procedure]]\ncode = "1.001193"\nname = { vi = "\\u200d" }\n', "utf-8")

    message = _refusal(path)

    assert "overlay.toml: row 1: code 1.001193: field 'name.vi': contains an invisible" in message


def test_one_run_lists_every_problem_of_an_entry_each_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_text(
        '[[procedure]]\ncode = "1.001193"\nfees = 1\nname = { vi = "Tên", eng = "Name" }\n'
        f'documents = [{{ vi = "\\u200b" }}, {{ en = "x" }}, {{ vi = "{"x" * 301}" }}, 4]\n'
        'channels = ["fax", "online", "online"]\nportal_url = "http://x"\n',
        "utf-8",
    )

    with pytest.raises(InvalidCatalog) as caught:
        load_catalog(path)

    lines = [str(problem) for problem in caught.value.problems]
    assert all(line.startswith(f"{path}: row 1: code 1.001193: field '") for line in lines)
    assert all("\n" not in line for line in lines)
    found = sorted((str(problem.key), problem.message) for problem in caught.value.problems)
    assert found == sorted(
        [
            ("fees", "unknown key; allowed: " + ", ".join(ProcedureEntry.__struct_fields__)),
            ("name.eng", "unknown key; allowed: vi, en"),
            ("documents[1].vi", "contains an invisible or control character (U+200B); remove it"),
            ("documents[2].vi", "missing Vietnamese text of at most 300 characters, not blank"),
            ("documents[3].vi", "301 characters, at most 300 allowed"),
            (
                "documents[4]",
                '4 is not a table of texts per language, e.g. { vi = "...", en = "..." }',
            ),
            ("channels", "unknown 'fax'; allowed: ['in_person', 'post', 'online']"),
            ("channels", "an item appears twice"),
            ("portal_url", "'http://x' is not an https:// address, or empty for none"),
        ]
    )


def test_texts_are_read_in_nfc(tmp_path: Path) -> None:
    decomposed = "Thu\u0309 tu\u0323c cu\u0309a ti\u0309nh"
    path = _csv(tmp_path, _row(name=decomposed))

    catalog = load_catalog(path)

    assert catalog.procedure("1.012753.H19").name("vi") == "Thủ tục của tỉnh"


def test_a_file_over_the_size_cap_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))

    with pytest.raises(CatalogError, match=r"huge.toml: file larger than 8 MB"):
        load_catalog(path)


def test_the_built_in_catalogue_passes_every_rule() -> None:
    assert len(builtin_catalog().procedures) > 0


def test_a_csv_overlay_survives_an_import_as_csv(tmp_path: Path) -> None:
    overlay = _csv(tmp_path, _row(), name="overlay.csv")
    os.chmod(overlay, 0o640)
    before = overlay.read_text(encoding="utf-8")
    incoming = _csv(tmp_path, _row(code="1.012754.H19", name="Thủ tục thứ hai"), name="in.csv")

    report = import_file(incoming, overlay)

    assert report.written
    with overlay.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["code"] for row in rows] == ["1.012753.H19", "1.012754.H19"]
    catalog = load_catalog(overlay)
    assert catalog.procedure("1.012754.H19").name("vi") == "Thủ tục thứ hai"
    assert catalog.procedure("1.012753.H19").fee_set_by_province
    assert stat.S_IMODE(overlay.stat().st_mode) == 0o640
    assert (tmp_path / "overlay.csv.bak").read_text(encoding="utf-8") == before


def test_a_csv_overlay_is_not_overwritten_with_what_csv_cannot_hold(tmp_path: Path) -> None:
    overlay = _csv(tmp_path, _row(), name="overlay.csv")
    before = overlay.read_bytes()
    incoming = tmp_path / "note.toml"
    incoming.write_text(
        '[[procedure]]\ncode = "1.001193"\nnote = { vi = "Miễn phí cho hộ nghèo" }\n', "utf-8"
    )

    with pytest.raises(CatalogError, match=r"overlay\.csv: the overlay is CSV"):
        import_file(incoming, overlay)

    assert overlay.read_bytes() == before
    assert not (tmp_path / "overlay.csv.bak").exists()


def test_a_toml_overlay_keeps_its_permissions_and_previous_version(tmp_path: Path) -> None:
    overlay = tmp_path / "catalog-overlay.toml"
    import_file(_csv(tmp_path, _row(), name="first.csv"), overlay)
    assert stat.S_IMODE(overlay.stat().st_mode) == 0o644
    os.chmod(overlay, 0o664)
    first = overlay.read_text(encoding="utf-8")

    import_file(_csv(tmp_path, _row(code="1.012754.H19", name="Thủ tục thứ hai")), overlay)

    assert stat.S_IMODE(overlay.stat().st_mode) == 0o664
    assert (tmp_path / "catalog-overlay.toml.bak").read_text(encoding="utf-8") == first
    assert load_catalog(overlay).procedure("1.012754.H19").name("vi") == "Thủ tục thứ hai"


def test_an_import_rejects_the_row_whose_name_folds_to_another_code(tmp_path: Path) -> None:
    overlay = tmp_path / "catalog-overlay.toml"
    incoming = _csv(tmp_path, _row(), _row(code="1.012754.H19", name="Dang ky khai sinh"))

    report = import_file(incoming, overlay)

    assert not report.written
    assert [(r.row, r.status) for r in report.rows] == [(2, "added"), (3, "rejected")]
    (problem,) = report.problems
    assert (problem.row, problem.key) == (3, "name")
    assert "is the name of procedure 1.001193" in str(problem)
