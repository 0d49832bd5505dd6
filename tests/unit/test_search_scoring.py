"""How search scores and ranks, on small hand-made catalogues where every score is worked out by
hand from the rules in kiosk/catalog/search.py: a word counts 10 in a name or code, 9 in a
synonym, 3 in the field's name, 2 in a document, times 1 exact, 0.8 as a prefix, 0.6 with a
typo; then +5 for a phrase of the name, +8 for a whole synonym, up to +2 for the share of the
name's words matched, and 3 times the share of query words that also name the field.

The scores are what `kiosk-admin catalog search` prints; their order is what the citizen sees.
"""

from dataclasses import FrozenInstanceError

import pytest

from kiosk.catalog.procedures import (
    Catalog,
    Document,
    Field,
    LocalizedText,
    Procedure,
    SynonymGroup,
)
from kiosk.catalog.search import ProcedureSearch, SearchHit


def text(vi: str) -> LocalizedText:
    return LocalizedText.of({"vi": vi})


def field(code: str, name: str, order: int) -> Field:
    return Field(code, text(name), order, "icon", chr(ord("A") + order))


def procedure(code: str, field_code: str, name: str, documents: tuple[str, ...] = ()) -> Procedure:
    return Procedure(
        code=code,
        field=field_code,
        names=text(name),
        documents=tuple(Document(text(document)) for document in documents),
        fee_text=text("Miễn phí"),
        fee_set_by_province=False,
        processing_time_text=text("Trong ngày"),
        handled_at_text=text("Quầy 1"),
        channels=("in_person",),
        portal_url=None,
        portal_url_generic=False,
        legal_basis=(),
        note_text=None,
        unverified=frozenset(),
    )


FIELDS = (field("civil_status", "Hộ tịch", 1), field("land", "Đất đai", 2))
BIRTH = procedure("1.000001", "civil_status", "Đăng ký khai sinh", ("Tờ khai", "Giấy chứng sinh"))
MARRIAGE = procedure("1.000002", "civil_status", "Đăng ký kết hôn", ("Tờ khai",))
LAND = procedure("1.000003.H19", "land", "Cấp giấy chứng nhận quyền sử dụng đất", ("Đơn đăng ký",))
COPY = procedure("1.000004", "civil_status", "Cấp bản sao")
SYNONYMS = (
    # Attached to the birth registration only, by its code.
    SynonymGroup(("giấy khai sinh", "làm khai sinh"), ("1.000001",)),
    # Attached to whatever is named by one of the terms: the marriage, and the land field.
    SynonymGroup(("kết hôn", "cưới")),
    SynonymGroup(("sổ đỏ", "đất đai")),
)
SEARCH = ProcedureSearch(Catalog(FIELDS, (BIRTH, MARRIAGE, LAND, COPY), SYNONYMS))


def scored(search: ProcedureSearch, query: str, limit: int = 10) -> list[tuple[str, float]]:
    return [(hit.code, hit.score) for hit in search.search(query, limit)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # In the name, exact: 10, and 1 of the 4 name words matched: + 2 * 1/4.
        ("sinh", [("1.000001", 10.5)]),
        # As a prefix: 10 * 0.8 + 0.5.
        ("sin", [("1.000001", 8.5)]),
        # One typo, three letters being enough: a letter missing, extra or wrong: 10 * 0.6 + 0.5.
        ("snh", [("1.000001", 6.5)]),
        ("sinhh", [("1.000001", 6.5)]),
        ("sinx", [("1.000001", 6.5)]),
        # In a document only: 2; in the name of another procedure: 10.5.
        ("khai", [("1.000001", 10.5), ("1.000002", 2.0)]),
        # In the field's name: 3, and the only query word names the field: + 3 * 1/1.
        # Equal scores keep catalogue order.
        ("tich", [("1.000001", 6.0), ("1.000002", 6.0), ("1.000004", 6.0)]),
        # In the code (parts of three characters or more, a province suffix too): 10.
        ("h19", [("1.000003.H19", 10.0)]),
        # The neighbouring codes are one typo away: 10 * 0.6.
        (
            "000001",
            [("1.000001", 10.0), ("1.000002", 6.0), ("1.000003.H19", 6.0), ("1.000004", 6.0)],
        ),
        # In a synonym attached by code: 9 (in a document of the birth registration: 2 only).
        ("lam", [("1.000001", 9.0)]),
        # A whole synonym attached by name: 9 + 8.
        ("cuoi", [("1.000002", 17.0)]),
        # 1 of 3 name words: 10 + 2/3, rounded to three decimals.
        ("ban", [("1.000004", 10.667)]),
        # Two name words and a phrase of the name: 10 + 10 + 5 + 2 * 2/4.
        ("khai sinh", [("1.000001", 26.0), ("1.000002", 2.0)]),
        # The name's phrase may end in a word still being typed: 10 * 3 + 8 + 5 + 2.
        (
            "dang ky khai s",
            [("1.000001", 45.0), ("1.000002", 23.0), ("1.000003.H19", 17.25), ("1.000004", 8.667)],
        ),
        # A whole synonym: 9 + 10 + 10 + 8 + 2 * 2/4; the land's name has "giay": 10 + 2/8.
        ("giay khai sinh", [("1.000001", 38.0), ("1.000003.H19", 10.25), ("1.000002", 2.0)]),
        # One word of two names the field: 10 + 3 + 2 * 1/4 + 3 * 1/2; 2 + 3 + 3 * 1/2; 3 + 3 * 1/2.
        ("khai tich", [("1.000001", 15.0), ("1.000002", 6.5), ("1.000004", 4.5)]),
        # Equal scores keep catalogue order, though the marriage had less before the bonuses:
        # 10 * 0.8 (hôn) + 3 * 1/2 + 2 * 1/4, and 10 for the code.
        (
            "ho h19",
            [("1.000002", 10.0), ("1.000003.H19", 10.0), ("1.000001", 4.5), ("1.000004", 4.5)],
        ),
        # Synonyms of a field's name name the field too: 3 + 3 + 3 * 2/2.
        ("so do", [("1.000003.H19", 9.0)]),
    ],
)
def test_scores_add_up_as_documented(query: str, expected: list[tuple[str, float]]) -> None:
    assert scored(SEARCH, query) == expected


def test_a_two_letter_word_is_never_a_typo() -> None:
    assert scored(SEARCH, "hx") == []
    assert scored(SEARCH, "ho")[0][0] == "1.000002"


def test_two_letters_wrong_side_by_side_are_two_typos() -> None:
    # "snoh" is "sinh" with "in" made "no": not two letters swapped, nothing found.
    assert scored(SEARCH, "snih") == [("1.000001", 6.5)]
    assert scored(SEARCH, "snoh") == []


def test_procedures_that_do_not_match_are_never_listed() -> None:
    assert [code for code, _ in scored(SEARCH, "sinh")] == ["1.000001"]
    assert [code for code, _ in scored(SEARCH, "quyen")] == ["1.000003.H19"]


def test_an_empty_catalogue_finds_nothing() -> None:
    assert ProcedureSearch(Catalog((), ())).search("khai sinh") == []


def test_a_query_counts_its_first_twelve_different_words() -> None:
    fillers = [f"zq{n:02d}" for n in range(12)]
    assert scored(SEARCH, " ".join([*fillers[:11], "sinh"]))[0][0] == "1.000001"
    assert scored(SEARCH, " ".join([*fillers, "sinh"])) == []
    # A repeated word counts once, so it does not push the others out.
    assert scored(SEARCH, " ".join(["sinh"] * 12 + ["ban"])) == scored(SEARCH, "sinh ban")


def test_a_word_counts_up_to_its_fortieth_letter() -> None:
    long_word = "khaisinh" * 6
    search = ProcedureSearch(
        Catalog(FIELDS, (procedure("1.000009", "civil_status", "Khai báo", (long_word,)),))
    )
    # Letters after the fortieth are dropped: what is left is a prefix of the document word.
    assert [code for code, _ in scored(search, long_word[:40] + "xyz")] == ["1.000009"]
    # The fortieth letter still counts: wrong, the word matches nothing.
    assert scored(search, long_word[:39] + "x") == []


def _many(count: int, start: int, name: str, documents: tuple[str, ...] = ()) -> list[Procedure]:
    return [
        procedure(f"1.{start + n:06d}", "civil_status", f"{name} {n}", documents)
        for n in range(count)
    ]


def test_at_most_fifty_best_matches_and_ties_at_the_cut_in_catalogue_order() -> None:
    # Eleven procedures with "sinh" in a document, then 49 with it in the name.
    in_documents = _many(11, 100, "Việc khác", ("Tờ khai sinh",))
    in_names = _many(49, 200, "Khai sinh lần")
    search = ProcedureSearch(Catalog(FIELDS, (*in_documents, *in_names)))
    hits = search.search("sinh", limit=100)
    assert len(hits) == 50
    assert [hit.code for hit in hits[:49]] == [p.code for p in in_names]
    assert hits[49].code == in_documents[0].code
    # The default limit is ten.
    assert [hit.code for hit in search.search("sinh")] == [p.code for p in in_names[:10]]


def test_equal_scores_keep_catalogue_order_whatever_it_is() -> None:
    backwards = ProcedureSearch(Catalog(FIELDS, (COPY, LAND, MARRIAGE, BIRTH), SYNONYMS))
    assert [code for code, _ in scored(backwards, "tich")] == ["1.000004", "1.000002", "1.000001"]


def test_a_limit_of_one_answers_the_best_and_a_negative_limit_nothing() -> None:
    assert scored(SEARCH, "khai", limit=1) == [("1.000001", 10.5)]
    assert scored(SEARCH, "khai", limit=-1) == []


def test_a_hit_is_a_value_that_cannot_be_changed() -> None:
    hit = SEARCH.search("sinh")[0]
    assert hit == SearchHit("1.000001", 10.5)
    with pytest.raises(FrozenInstanceError):
        hit.score = 99.0  # type: ignore[misc]


def test_a_synonym_attaches_to_whole_words_of_a_name_not_to_a_word_it_begins() -> None:
    # "hộ" (household) is not "hôn" (marriage): the marriage gets no "hộ khẩu" keywords.
    search = ProcedureSearch(
        Catalog(
            FIELDS,
            (
                procedure("1.000002", "land", "Đăng ký kết hôn"),
                procedure("1.000005", "land", "Cấp sổ hộ khẩu"),
            ),
            (SynonymGroup(("hộ", "sổ hộ khẩu")),),
        )
    )
    assert [code for code, _ in scored(search, "khau")] == ["1.000005"]
