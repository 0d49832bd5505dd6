"""The built-in catalogue and the rules every catalogue file must follow."""

from pathlib import Path

import pytest

from kiosk.catalog.loader import (
    PROVINCE_FEE_TEXT,
    InvalidCatalog,
    builtin_catalog,
    icon_resource,
    load_catalog,
)
from kiosk.errors import CatalogError, UnknownProcedure
from tests.support.catalog_facts import REQUIRED_CODES


def test_builtin_catalogue_holds_the_required_procedures_with_bilingual_documents() -> None:
    catalog = load_catalog()
    assert len(catalog.procedures) >= 35
    for code in REQUIRED_CODES:
        procedure = catalog.procedure(code)
        assert procedure.documents, code
        for document in procedure.documents:
            assert document.text("vi") != document.text("en"), code


def test_fields_come_in_display_order_with_icons_and_distinct_prefixes() -> None:
    catalog = load_catalog()
    assert [f.code for f in catalog.fields] == [
        "civil_status",
        "residence",
        "certification",
        "social_protection",
        "land",
        "household_business",
        "id_card",
        "other",
    ]
    assert catalog.fields[0].name("vi") == "Hộ tịch"
    assert catalog.fields[6].name("en") == "ID card - VNeID"
    assert len({f.queue_prefix for f in catalog.fields}) == len(catalog.fields)
    for field in catalog.fields:
        assert icon_resource(field.icon).read_text(encoding="utf-8").startswith("<svg")
        assert catalog.procedures_in(field.code), field.code


def test_procedure_facts_in_both_languages() -> None:
    birth = load_catalog().procedure("1.001193")
    assert birth.field == "civil_status"
    assert birth.name("vi") == "Đăng ký khai sinh"
    assert birth.name("en") == "Birth registration"
    assert birth.channels == ("in_person", "post", "online")
    assert birth.portal_url is not None
    assert birth.portal_url.startswith("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/")
    assert not birth.portal_url_generic
    assert "Luật Hộ tịch 60/2014/QH13" in birth.legal_basis
    assert "15" in birth.processing_time("vi")


def test_a_missing_language_falls_back_to_vietnamese() -> None:
    birth = load_catalog().procedure("1.001193")
    assert birth.name("km") == birth.name("vi")
    assert birth.documents[0].text("km") == birth.documents[0].text("vi")


def test_unverified_facts_from_the_reference_are_flagged() -> None:
    catalog = load_catalog()
    assert catalog.procedure("2.002516").unverified == {"processing_time"}
    assert catalog.procedure("1.014027").unverified == {"processing_time"}
    assert "fee" in catalog.procedure("1.014061").unverified
    assert "fee" in catalog.procedure("3.000228").unverified
    assert not catalog.procedure("1.011607").unverified
    assert catalog.procedure("1.001193").is_verified("fee")


def test_province_set_fees_read_set_by_the_province() -> None:
    marriage_status = load_catalog().procedure("1.004873")
    assert marriage_status.fee_set_by_province
    assert marriage_status.fee("vi") == PROVINCE_FEE_TEXT["vi"] == "Theo quy định của tỉnh"
    assert marriage_status.fee("en") == "Set by the province"
    assert not load_catalog().procedure("2.000884").fee_set_by_province


def test_in_person_only_procedures_have_no_portal_link() -> None:
    catalog = load_catalog()
    certified_copy = catalog.procedure("2.000815")
    assert certified_copy.channels == ("in_person",)
    assert certified_copy.portal_url is None
    for procedure in catalog.procedures:
        if procedure.portal_url_generic:
            assert procedure.online, procedure.code


def test_unknown_code_raises_unknown_procedure() -> None:
    with pytest.raises(UnknownProcedure) as raised:
        load_catalog().procedure("9.999999")
    assert raised.value.code == "9.999999"


def test_procedures_in_an_unknown_field_is_empty() -> None:
    assert load_catalog().procedures_in("no_such_field") == ()


def test_missing_overlay_file_means_the_builtin_catalogue(tmp_path: Path) -> None:
    assert load_catalog(tmp_path / "absent.toml") == builtin_catalog()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_changes_only_the_keys_it_gives(tmp_path: Path) -> None:
    overlay = _write(
        tmp_path,
        "centre.toml",
        '[[procedure]]\ncode = "1.004873"\nfee = { vi = "15.000 đồng", en = "15,000 VND" }\n',
    )
    catalog = load_catalog(overlay)
    changed = catalog.procedure("1.004873")
    assert changed.fee("en") == "15,000 VND"
    assert not changed.fee_set_by_province
    assert changed.documents == builtin_catalog().procedure("1.004873").documents


def test_overlay_value_counts_as_verified_unless_it_says_otherwise(tmp_path: Path) -> None:
    overlay = _write(
        tmp_path,
        "centre.toml",
        '[[procedure]]\ncode = "2.002516"\nprocessing_time = { vi = "3 ngày", en = "3 days" }\n'
        '[[procedure]]\ncode = "1.014061"\nfee = { vi = "Miễn phí" }\nunverified = ["fee"]\n',
    )
    catalog = load_catalog(overlay)
    assert catalog.procedure("2.002516").unverified == frozenset()
    assert catalog.procedure("1.014061").unverified == {"fee"}


def test_overlay_adds_a_procedure_to_a_field(tmp_path: Path) -> None:
    overlay = _write(
        tmp_path,
        "centre.toml",
        """
[[procedure]]
code = "1.012753.H19"
field = "land"
name = { vi = "Thủ tục riêng của tỉnh" }
documents = [{ vi = "Đơn" }]
fee = "province"
processing_time = { vi = "5 ngày" }
handled_at = { vi = "UBND xã" }
channels = ["in_person"]
""",
    )
    catalog = load_catalog(overlay)
    assert catalog.procedures_in("land")[-1].code == "1.012753.H19"
    assert catalog.procedure("1.012753.H19").name("en") == "Thủ tục riêng của tỉnh"


@pytest.mark.parametrize(
    ("text", "row", "key", "message"),
    [
        (
            '[[procedure]]\ncode = "1.004873"\nfee = { vi = "1" }\n'
            '[[procedure]]\ncode = "1.004873"\nfee = { vi = "2" }\n',
            "row 2",
            "'code'",
            "duplicate code (also at row 1)",
        ),
        (
            '[[procedure]]\ncode = "1.004873"\nname = { en = "Marital status" }\n',
            "row 1",
            "'name.vi'",
            "missing Vietnamese text",
        ),
        (
            '[[procedure]]\ncode = "1.004873"\nchannels = ["fax"]\n',
            "row 1",
            "'channels'",
            "unknown 'fax'",
        ),
        (
            '[[procedure]]\ncode = "1.004873"\nfees = { vi = "1" }\n',
            "row 1",
            "'fees'",
            "unknown key",
        ),
        (
            '[[procedure]]\ncode = "1.999999"\nname = { vi = "Mới" }\n',
            "row 1",
            "'documents'",
            "missing",
        ),
        (
            '[[field]]\ncode = "land"\nqueue_prefix = "A"\n',
            "row 1",
            "'queue_prefix'",
            "'A' is also field civil_status's",
        ),
    ],
)
def test_bad_overlay_is_refused_naming_file_row_code_and_key(
    tmp_path: Path, text: str, row: str, key: str, message: str
) -> None:
    overlay = _write(tmp_path, "centre.toml", text)
    with pytest.raises(InvalidCatalog) as raised:
        load_catalog(overlay)
    problems = [str(p) for p in raised.value.problems]
    assert any(
        p.startswith(f"{overlay}: {row}: ") and key in p and message in p for p in problems
    ), problems
    assert isinstance(raised.value, CatalogError)


def test_overlay_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    overlay = _write(tmp_path, "centre.toml", "[[procedure]\ncode = ")
    with pytest.raises(CatalogError, match="not valid TOML"):
        load_catalog(overlay)


def test_overlay_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "centre.toml"
    overlay.write_bytes("code = 'Đăng ký'".encode("utf-16"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        load_catalog(overlay)


def test_a_code_in_two_builtin_files_is_refused() -> None:
    from kiosk.catalog.loader import _build, _layers_of_complete_files, parse_toml

    first = parse_toml('[[procedure]]\ncode = "1.001193"\n', "procedures_a.toml")
    second = parse_toml('[[procedure]]\ncode = "1.001193"\n', "procedures_b.toml")
    with pytest.raises(InvalidCatalog) as raised:
        _build(_layers_of_complete_files([first, second]))
    assert (
        "procedures_b.toml: row 1: code 1.001193: field 'code': duplicate code (also in "
        "procedures_a.toml)" in [str(p) for p in raised.value.problems]
    )
