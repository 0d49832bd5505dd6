"""Arbitrary text fed to the search: it never fails and always answers in the documented shape."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.catalog.loader import builtin_catalog
from kiosk.catalog.procedures import Procedure
from kiosk.catalog.search import ProcedureSearch, SearchHit, _one_edit_apart, fold

SEARCH = ProcedureSearch(builtin_catalog())
CODES = frozenset(p.code for p in builtin_catalog().procedures)
VIETNAMESE = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ ", max_size=40
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), VIETNAMESE), st.integers(min_value=-3, max_value=50))
def test_search_answers_ranked_known_codes(query: str, limit: int) -> None:
    hits = SEARCH.search(query, limit)
    assert isinstance(hits, list)
    assert len(hits) <= max(limit, 0)
    assert all(isinstance(h, SearchHit) and h.code in CODES for h in hits)
    assert all(isinstance(h.score, float) and h.score > 0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.code for h in hits}) == len(hits)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fold_is_idempotent_plain_and_single_spaced(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded
    assert "đ" not in folded
    assert folded == folded.casefold()


@settings(max_examples=200, deadline=None)
@given(VIETNAMESE)
def test_tone_marks_never_change_what_is_found(query: str) -> None:
    assert SEARCH.search(query) == SEARCH.search(fold(query)) == SEARCH.search(query.upper())


@pytest.mark.parametrize("procedure", builtin_catalog().procedures, ids=lambda p: p.code)
def test_every_procedure_is_found_by_its_own_vietnamese_name(procedure: Procedure) -> None:
    top = [h.code for h in SEARCH.search(procedure.name("vi"), 3)]
    assert procedure.code in top


def _edit_distance(a: str, b: str) -> int:
    """Substitutions, insertions, deletions and swaps of neighbours that turn a into b (the
    optimal string alignment distance, by the textbook table)."""
    table = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(
                table[i - 1][j] + 1,
                table[i][j - 1] + 1,
                table[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[len(a)][len(b)]


WORDS = st.text(alphabet="abcdđ", max_size=7)


@settings(max_examples=3000, deadline=None)
@given(WORDS, WORDS)
def test_a_typo_is_exactly_one_edit(a: str, b: str) -> None:
    # What search forgives in a long word: one letter wrong, missing, extra or two swapped.
    assert _one_edit_apart(a, b) == (_edit_distance(a, b) == 1)


@settings(max_examples=1000, deadline=None)
@given(WORDS.filter(lambda word: len(word) >= 2), st.data())
def test_every_single_edit_of_a_word_is_one_edit_apart(word: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdđ").filter(lambda c: c != word[i]))
    edits = [
        word[:i] + word[i + 1 :],
        word[:i] + letter + word[i:],
        word[:i] + letter + word[i + 1 :],
    ]
    if i + 1 < len(word) and word[i] != word[i + 1]:
        edits.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    for edit in edits:
        assert _one_edit_apart(word, edit), edit
        assert _one_edit_apart(edit, word), edit
