"""Arbitrary text fed to the search: it never fails and always answers in the documented shape."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.catalog.loader import builtin_catalog
from kiosk.catalog.procedures import Procedure
from kiosk.catalog.search import ProcedureSearch, SearchHit, fold

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
