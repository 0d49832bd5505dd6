"""Search as a citizen uses it: without tone marks, as they type, with typos and everyday words."""

import pytest

from kiosk.catalog.loader import load_catalog
from kiosk.catalog.procedures import Catalog
from kiosk.catalog.search import ProcedureSearch, fold


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def search(catalog: Catalog) -> ProcedureSearch:
    return ProcedureSearch(catalog)


def codes(search: ProcedureSearch, query: str, limit: int = 10) -> list[str]:
    return [hit.code for hit in search.search(query, limit)]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("xác nhận cư trú", "xac nhan cu tru"),
        ("XAC NHAN CU TRU", "xac nhan cu tru"),
        ("Đăng ký ĐẤT ĐAI", "dang ky dat dai"),
        ("  Liên thông: khai sinh, thường trú!  ", "lien thong khai sinh thuong tru"),
        ("Ｃａｎ cước", "can cuoc"),
        ("", ""),
    ],
)
def test_fold_removes_tone_marks_d_stroke_case_and_punctuation(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_tone_marks_and_case_do_not_change_results(search: ProcedureSearch) -> None:
    plain = codes(search, "xac nhan cu tru")
    assert plain[0] == "1.010041"
    assert codes(search, "xác nhận cư trú") == plain
    assert codes(search, "XAC NHAN CU TRU") == plain


def test_birth_registration_ranks_first(search: ProcedureSearch) -> None:
    assert codes(search, "dang ky khai sinh")[0] == "1.001193"


def test_prefixes_find_procedures_as_the_citizen_types(search: ProcedureSearch) -> None:
    assert codes(search, "dang ky khai s")[0] == "1.001193"
    assert "1.000894" in codes(search, "ket h", 3)
    assert codes(search, "chung thuc ban s")[0] == "2.000815"


def test_one_typo_in_a_word_still_finds_the_procedure(search: ProcedureSearch) -> None:
    assert codes(search, "khai snh")[0] == "1.001193"
    assert codes(search, "dang ky ket hon")[0] == codes(search, "dang ky ket hno")[0] == "1.000894"
    assert "1.004194" in codes(search, "tam tru", 3)
    assert "1.004194" in codes(search, "tam trus", 3)


def test_a_word_two_edits_away_does_not_match(search: ProcedureSearch) -> None:
    assert codes(search, "kxxi") == []


def test_names_rank_before_documents(search: ProcedureSearch) -> None:
    # "Giấy chứng sinh" is a document of birth registration; "chứng thực" names procedures.
    hits = codes(search, "chung thuc")
    assert hits[0] in {"2.000815", "2.000884", "2.001035", "2.001019"}
    assert set(hits[:4]) == {"2.000815", "2.000884", "2.001035", "2.001019"}


def test_certified_copy_synonym(search: ProcedureSearch) -> None:
    assert "2.000815" in codes(search, "sao y", 3)
    assert codes(search, "công chứng")[0] == "2.000815"


@pytest.mark.parametrize("query", ["cccd", "căn cước", "chứng minh", "CMND"])
def test_id_card_words_find_id_card_procedures_first(
    search: ProcedureSearch, catalog: Catalog, query: str
) -> None:
    top = codes(search, query, 3)
    assert len(top) == 3
    assert all(catalog.procedure(code).field == "id_card" for code in top), top


def test_birth_certificate_finds_birth_registration(search: ProcedureSearch) -> None:
    assert codes(search, "giấy khai sinh")[0] == "1.001193"


def test_other_everyday_words(search: ProcedureSearch) -> None:
    assert codes(search, "so do")[0] == "1.013978"
    assert codes(search, "vneid")[0] == "3.000228"
    assert "1.004222" in codes(search, "nhap ho khau", 2)
    assert codes(search, "lương hưu xã hội")[0] == "1.014027"


def test_english_names_are_searchable(search: ProcedureSearch) -> None:
    assert codes(search, "birth registration")[0] == "1.001193"
    assert codes(search, "Marriage")[0] == "1.000894"


def test_code_finds_its_procedure(search: ProcedureSearch) -> None:
    assert codes(search, "1.010041")[0] == "1.010041"
    assert codes(search, "001193")[0] == "1.001193"


def test_results_are_ranked_and_limited(search: ProcedureSearch) -> None:
    hits = search.search("dang ky", limit=4)
    assert len(hits) == 4
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.score > 0 for h in hits)


@pytest.mark.parametrize("query", ["", "   ", "!!!", "ẞ∑≈"])
def test_queries_without_words_or_matches_answer_nothing(
    search: ProcedureSearch, query: str
) -> None:
    assert search.search(query) == []


def test_zero_limit_answers_nothing(search: ProcedureSearch) -> None:
    assert search.search("khai sinh", limit=0) == []
