"""Importing a centre's file (TOML or portal CSV) into the catalogue overlay."""

import csv
from pathlib import Path

import pytest

from kiosk.catalog.loader import (
    InvalidCatalog,
    builtin_catalog,
    import_file,
    load_catalog,
    plan_import,
)

HEADER = "code,name,field,documents,fee,time\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _write_csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "portal.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_csv_import_reports_added_changed_and_unchanged_rows(tmp_path: Path) -> None:
    overlay = tmp_path / "data" / "catalog-overlay.toml"
    signature = builtin_catalog().procedure("2.000884")
    csv_file = _write_csv(
        tmp_path,
        [
            ["code", "name", "field", "documents", "fee", "time"],
            [
                "1.004873",
                "Cấp Giấy xác nhận tình trạng hôn nhân",
                "Hộ tịch",
                "Tờ khai | CCCD",
                "10.000 đồng",
                "3 ngày làm việc",
            ],
            ["1.012753.H19", "Thủ tục của tỉnh", "land", "Đơn đề nghị", "", "5 ngày"],
            [
                "2.000884",
                signature.name("vi"),
                "certification",
                " | ".join(d.text("vi") for d in signature.documents),
                signature.fee("vi"),
                signature.processing_time("vi"),
            ],
        ],
    )
    report = import_file(csv_file, overlay)
    assert report.written
    assert [(r.row, r.code, r.status) for r in report.rows] == [
        (2, "1.004873", "changed"),
        (3, "1.012753.H19", "added"),
        (4, "2.000884", "unchanged"),
    ]
    catalog = load_catalog(overlay)
    changed = catalog.procedure("1.004873")
    assert changed.fee("vi") == "10.000 đồng"
    # A new Vietnamese text without a translation drops the stale English one.
    assert changed.fee("en") == "10.000 đồng"
    # The unchanged Vietnamese name keeps its English translation.
    assert changed.name("en") == "Certificate of marital status"
    assert [d.text("vi") for d in changed.documents] == ["Tờ khai", "CCCD"]
    added = catalog.procedure("1.012753.H19")
    assert added.field == "land"
    assert added.fee_set_by_province
    assert added.channels == ("in_person",)
    # The signature certification kept its English documents.
    assert catalog.procedure("2.000884") == builtin_catalog().procedure("2.000884")


def test_a_rejected_row_changes_nothing(tmp_path: Path) -> None:
    overlay = _write(
        tmp_path, "overlay.toml", '[[procedure]]\ncode = "1.004873"\nfee = { vi = "9.000 đồng" }\n'
    )
    before = overlay.read_bytes()
    csv_file = _write(
        tmp_path,
        "portal.csv",
        HEADER
        + "1.001193,Đăng ký khai sinh,civil_status,Tờ khai,,Trong ngày\n"
        + "1.000656,,civil_status,Tờ khai,,Trong ngày\n"
        + "1.000894,Đăng ký kết hôn,civil_status\n"
        + "1.001193,Đăng ký khai sinh,civil_status,Tờ khai,,Trong ngày\n",
    )
    report = import_file(csv_file, overlay)
    assert not report.written
    assert overlay.read_bytes() == before
    rejected = {r.row: [str(p) for p in r.problems] for r in report.rows if r.status == "rejected"}
    assert set(rejected) == {3, 4, 5}
    assert f"{csv_file}: row 3: code 1.000656: field 'name': missing Vietnamese name" in rejected[3]
    assert "malformed row: 3 cells, the header has 6" in rejected[4][0]
    assert "duplicate code (also at row 2)" in rejected[5][0]
    assert load_catalog(overlay).procedure("1.004873").fee("vi") == "9.000 đồng"


def test_skip_rejected_keeps_the_good_rows(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    csv_file = _write(
        tmp_path,
        "portal.csv",
        HEADER
        + "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,civil_status,Tờ khai,8.000 đồng,3 ngày\n"
        + "1.000656,Đăng ký khai tử,no_such_field,Tờ khai,,Trong ngày\n",
    )
    report = import_file(csv_file, overlay, skip_rejected=True)
    assert report.written
    assert (report.count("changed"), report.count("rejected")) == (1, 1)
    catalog = load_catalog(overlay)
    assert catalog.procedure("1.004873").fee("vi") == "8.000 đồng"
    assert catalog.procedure("1.000656") == builtin_catalog().procedure("1.000656")


def test_successive_imports_accumulate_in_the_overlay(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    first = _write(
        tmp_path, "a.toml", '[[procedure]]\ncode = "1.004873"\nfee = { vi = "1", en = "one" }\n'
    )
    second = _write(
        tmp_path,
        "b.toml",
        '[[procedure]]\ncode = "1.004873"\nprocessing_time = { vi = "2 ngày" }\n'
        '[[synonym]]\nterms = ["độc thân"]\ncodes = ["1.004873"]\n',
    )
    assert import_file(first, overlay).written
    assert import_file(second, overlay).written
    catalog = load_catalog(overlay)
    procedure = catalog.procedure("1.004873")
    assert (procedure.fee("en"), procedure.processing_time("vi")) == ("one", "2 ngày")
    assert catalog.synonyms[-1].codes == ("1.004873",)


def test_validate_reports_without_writing(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.toml", '[[procedure]]\ncode = "1.004873"\nname = { en = "x" }\n')
    report, _ = plan_import(bad, overlay=None)
    assert report.count("rejected") == 1
    assert "'name.vi'" in str(report.problems[0])


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("code,name,field,documents,fee\n", "'time': required column is missing"),
        ("code,name,field,documents,fee,time,price\n", "'price': unknown column"),
    ],
)
def test_csv_with_a_bad_header_is_refused(tmp_path: Path, header: str, message: str) -> None:
    csv_file = _write(tmp_path, "portal.csv", header)
    with pytest.raises(InvalidCatalog, match=message):
        plan_import(csv_file, overlay=None)


def test_csv_field_may_be_named_without_tone_marks(tmp_path: Path) -> None:
    csv_file = _write(
        tmp_path, "portal.csv", HEADER + "1.001266,Chấm dứt,HO KINH DOANH,Thông báo,,5 ngày\n"
    )
    report, _ = plan_import(csv_file, overlay=None)
    assert report.rows[0].status == "changed"
